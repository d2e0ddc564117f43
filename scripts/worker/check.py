#!/usr/bin/env python3
"""The reference worker (examples/worker) against a real PostgreSQL, from the worker's side of the run contract.

Two workers share one run queue and one temporary folder. Twenty runs of both templates are queued, three with
bad parameters. One long run is cancelled while it runs; the worker holding another long run is killed with
SIGKILL while it runs, and the other worker reclaims that run once its heartbeats stop. Then every run must have
been completed exactly once, with its events complete and in order, every artifact's bytes must match its
sha256, the bad runs must carry the step's message, the cancelled run must have no artifacts, and nothing may be
left in the temporary folder.

    check.py --dsn "host=SOCKET_DIR user=speckit dbname=postgres" --speckit .build/debug/speckit
"""

import argparse
import datetime
import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time

import psycopg
from psycopg.types.json import Jsonb

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORKER = os.path.join(REPO, "examples", "worker", "worker.py")
failures = []


def check(what, ok, detail=""):
    print(("ok   " if ok else "FAIL ") + what + ("" if ok else f": {detail}"), flush=True)
    if not ok:
        failures.append(what)


def wait_for(what, condition, timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    check(what, False, f"not within {timeout} s")
    return False


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as file:
        file.write(text)


def make_workspace(root, kits):
    """The folder the steps run in: a small kit, and a tree of `kits` kits that takes seconds to validate."""
    write(os.path.join(root, "spec", "shop", "tasks.md"),
          "# Tasks\n\n## Phase 1: Build\n\n- [x] T1 Schema\n- [ ] T2 API (depends on T1)\n- [ ] T3 UI (depends on T9)\n")
    tasks = "".join(f"- [{'x' if index % 2 else ' '}] T{index} Build part {index}\n" for index in range(1, 401))
    for index in range(kits):
        write(os.path.join(root, "tree", "spec", f"kit{index:03d}", "tasks.md"), "# Tasks\n\n## Phase 1: Build\n\n" + tasks)


def start_worker(args, name, workspace, workdir):
    return subprocess.Popen(
        [sys.executable, "-I", WORKER, "--dsn", args.dsn, "--name", name, "--lanes", "default,slow",
         "--speckit", args.speckit, "--workdir", workdir, "--heartbeat", "0.2", "--stale", "2", "--poll", "0.1"],
        cwd=workspace)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--speckit", required=True)
    parser.add_argument("--kits", type=int, default=60, help="kits in the tree the long runs validate")
    args = parser.parse_args()
    args.speckit = os.path.abspath(args.speckit)
    db = psycopg.connect(args.dsn, autocommit=True)
    with open(os.path.join(REPO, "examples", "worker", "schema.sql")) as file:
        db.execute(file.read())
    scratch = tempfile.mkdtemp(prefix="speckit-worker-check-")
    workspace, workdir = os.path.join(scratch, "workspace"), os.path.join(scratch, "tmp")
    make_workspace(workspace, args.kits)

    def enqueue(template, params, lane="default"):
        return db.execute("SELECT enqueue_run(%s, %s, %s)", (template, Jsonb(params), lane)).fetchone()[0]

    def status(run):
        return db.execute("SELECT status FROM runs WHERE id = %s", (run,)).fetchone()[0]

    def has_event(run, kind):
        return db.execute("SELECT count(*) FROM run_events WHERE run_id = %s AND type = %s", (run, kind)).fetchone()[0] > 0

    started = time.monotonic()
    # Worker A alone claims the first long run; B starts once A holds it.
    killed_run = enqueue("validate_spec_kit", {"path": "tree"}, "slow")
    worker_a = start_worker(args, "worker-a", workspace, workdir)
    wait_for("worker-a runs the long run", lambda: has_event(killed_run, "heartbeat"))
    worker_b = start_worker(args, "worker-b", workspace, workdir)

    good, bad = [], {}
    for index in range(8):
        good.append(enqueue("generate_spec_kit", {"name": f"Shop {index}", "goals": [f"Sell item {index}"],
                                                  "phases": ["Build", "Ship"]}))
    for params in ({"path": "spec/shop"}, {"path": "spec/shop", "formats": ["markdown", "junit"]},
                   {"path": "spec/shop", "strict": True}, {"path": "spec/shop", "formats": ["sarif"]},
                   {"path": "spec"}, {"path": "spec/shop/tasks.md", "formats": ["gitlab"]}):
        good.append(enqueue("validate_spec_kit", params))
    bad[enqueue("generate_spec_kit", {"name": "Shop", "colour": "red"})] = "$.colour: unknown parameter"
    bad[enqueue("validate_spec_kit", {"path": "../escape"})] = "$.path: must not contain a '..' folder"
    bad[enqueue("generate_spec_kit", {"goals": "one"})] = "$.name: is required and missing"
    cancelled_run = enqueue("validate_spec_kit", {"path": "tree", "formats": ["sarif"]})
    good.append(enqueue("generate_spec_kit", {"name": "Last one"}))
    runs = [killed_run] + good + list(bad) + [cancelled_run]
    check("20 runs queued", len(runs) == 20, len(runs))

    # Kill A mid-run (its step gets SIGTERM with it); cancel the second long run while it runs.
    worker_a.send_signal(signal.SIGKILL)
    worker_a.wait()
    check("worker-a killed while its run was running", status(killed_run) == "running")
    if wait_for("the second long run starts", lambda: has_event(cancelled_run, "step.started")):
        answer = db.execute("SELECT cancel_run(%s)", (cancelled_run,)).fetchone()[0]
        check("cancel_run on a running run leaves it running until its worker stops the step", answer == "running", answer)
    wait_for("every run ends", lambda: db.execute(
        "SELECT count(*) FROM runs WHERE status IN ('queued', 'running')").fetchone()[0] == 0, timeout=100)
    worker_b.send_signal(signal.SIGTERM)
    check("worker-b stops on SIGTERM", worker_b.wait(timeout=30) == 0)
    elapsed = time.monotonic() - started

    rows = {row[0]: row[1:] for row in db.execute(
        "SELECT id, status, worker, attempt, exit_code, error FROM runs").fetchall()}
    # Exactly once: one claim per run, but the killed one's two; one terminal event, in the last attempt.
    check("every run claimed once, the killed one twice",
          all(rows[run][2] == (2 if run == killed_run else 1) for run in runs),
          {str(run): rows[run][2] for run in runs if rows[run][2] != (2 if run == killed_run else 1)})
    check("the killed run was finished by worker-b", rows[killed_run][1] == "worker-b" and rows[killed_run][0] == "succeeded",
          rows[killed_run])
    first = db.execute("SELECT type, body ->> 'time' FROM run_events WHERE run_id = %s AND attempt = 1 ORDER BY seq",
                       (killed_run,)).fetchall()
    check("the killed attempt had started and sent heartbeats", first[:1] and first[0][0] == "step.started"
          and any(kind == "heartbeat" for kind, _ in first), [kind for kind, _ in first])
    reclaimed = db.execute("SELECT started_at FROM runs WHERE id = %s", (killed_run,)).fetchone()[0]
    beats = [stamp for kind, stamp in first if kind in ("heartbeat", "step.started")]
    if beats:
        last_beat = datetime.datetime.fromisoformat(beats[-1].replace("Z", "+00:00"))
        check("the killed run was reclaimed only after 2 s without a heartbeat",
              (reclaimed - last_beat).total_seconds() >= 2, reclaimed - last_beat)
    check("the killed attempt left no terminal event",
          not db.execute("SELECT count(*) FROM run_events WHERE run_id = %s AND attempt = 1 AND type IN "
                         "('step.completed', 'step.cancelled')", (killed_run,)).fetchone()[0])
    for run in runs:
        attempt = rows[run][2]
        events = db.execute("SELECT seq, type, body FROM run_events WHERE run_id = %s AND attempt = %s ORDER BY seq",
                            (run, attempt)).fetchall()
        seqs = [event[0] for event in events]
        types = [event[1] for event in events]
        terminal = [kind for kind in types if kind in ("step.completed", "step.cancelled")]
        check(f"run {str(run)[:8]}: events 1…{len(seqs)} in order, step.started first, one terminal event last",
              seqs == list(range(1, len(seqs) + 1)) and types[:1] == ["step.started"] and len(terminal) == 1
              and types[-1] == terminal[0] and all(event[2]["run"] == str(run) for event in events), types)
        announced = {event[2]["name"]: event[2] for event in events if event[1] == "artifact"}
        stored = db.execute("SELECT name, bytes, sha256, content FROM artifacts WHERE run_id = %s AND attempt = %s",
                            (run, attempt)).fetchall()
        check(f"run {str(run)[:8]}: every artifact stored, its bytes matching its event's sha256",
              sorted(announced) == sorted(row[0] for row in stored)
              and all(hashlib.sha256(row[3]).hexdigest() == row[2] == announced[row[0]]["sha256"]
                      and len(row[3]) == row[1] == announced[row[0]]["bytes"] for row in stored), sorted(announced))
    for run in good:
        status_, worker, attempt, code, error = rows[run]
        expected = "failed" if code == 1 else "succeeded"
        check(f"run {str(run)[:8]}: {status_} with exit {code}", code in (0, 1) and status_ == expected and error is None, rows[run])
    generated = [run for run in good if db.execute("SELECT template FROM runs WHERE id = %s", (run,)).fetchone()[0]
                 == "generate_spec_kit"]
    check("each generated kit stores its six artifacts", all(db.execute(
        "SELECT count(*) FROM artifacts WHERE run_id = %s", (run,)).fetchone()[0] == 6 for run in generated))
    for run, message in bad.items():
        status_, worker, attempt, code, error = rows[run]
        check(f"bad params {str(run)[:8]}: failed with exit 2 and the step's message",
              status_ == "failed" and code == 2 and error is not None and message in error, rows[run])
    check("the cancelled run is cancelled, with step.cancelled last", rows[cancelled_run][0] == "cancelled" and rows[cancelled_run][3] == 143
          and db.execute("SELECT type FROM run_events WHERE run_id = %s ORDER BY attempt DESC, seq DESC LIMIT 1",
                         (cancelled_run,)).fetchone()[0] == "step.cancelled", rows[cancelled_run])
    check("the cancelled run has no artifacts",
          db.execute("SELECT count(*) FROM artifacts WHERE run_id = %s", (cancelled_run,)).fetchone()[0] == 0)
    left = [os.path.join(folder, name) for folder, dirs, names in os.walk(workdir) for name in dirs + names]
    check("nothing is left in the workers' temporary folder", not left, left[:5])
    print(f"worker: {len(runs)} runs ended in {elapsed:.1f} s; "
          f"{len(failures)} checks failed", flush=True)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
