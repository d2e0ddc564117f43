#!/usr/bin/env python3
"""The reference worker (examples/worker) against a real PostgreSQL, from the worker's side of the run contract.

Worker-b serves a queue of twenty runs of both templates, three with bad parameters; one long run is cancelled
while it runs. Three more workers each hold one long run of their own lane and fail: worker-a is killed with
SIGKILL (worker-b reclaims and finishes its run), worker-c is paused with SIGSTOP past the stale limit and resumed
while worker-b runs the reclaimed attempt (nothing it writes may be kept), worker-d is killed and its run cancelled
while no worker holds it. Then every run must have been completed exactly once, with its events complete and in
order, every artifact's bytes must match its sha256, each run must end with the exit code expected of it, the bad
runs must carry the step's message, the cancelled runs must have no artifacts, and nothing may be left in the
workers' temporary folder.

    check.py --dsn "host=SOCKET_DIR user=speckit dbname=postgres" --speckit .build/debug/speckit
"""

import argparse
import datetime
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

import psycopg
from psycopg.types.json import Jsonb

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
WORKER = os.path.join(REPO, "examples", "worker", "worker.py")
STATUS = {0: "succeeded", 1: "failed"}
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
    write(os.path.join(root, "spec", "clean", "tasks.md"), "# Tasks\n\n## Phase 1: Build\n\n- [x] T1 Schema\n- [ ] T2 API (depends on T1)\n")
    tasks = "".join(f"- [{'x' if index % 2 else ' '}] T{index} Build part {index}\n" for index in range(1, 401))
    for index in range(kits):
        write(os.path.join(root, "tree", "spec", f"kit{index:03d}", "tasks.md"), "# Tasks\n\n## Phase 1: Build\n\n" + tasks)


def start_worker(args, name, lanes, workspace, workdir):
    return subprocess.Popen(
        [sys.executable, "-I", WORKER, "--dsn", args.dsn, "--name", name, "--lanes", lanes, "--speckit", args.speckit,
         "--workdir", workdir, "--heartbeat", "0.2", "--stale", "2", "--poll", "0.1"],
        cwd=workspace)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dsn", required=True)
    parser.add_argument("--speckit", required=True)
    parser.add_argument("--kits", type=int, default=120, help="kits in the tree the long runs validate")
    args = parser.parse_args()
    args.speckit = os.path.abspath(args.speckit)
    scratch = tempfile.mkdtemp(prefix="speckit-worker-check-")
    try:
        return run_checks(args, scratch)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run_checks(args, scratch):
    db = psycopg.connect(args.dsn, autocommit=True)
    with open(os.path.join(REPO, "examples", "worker", "schema.sql")) as file:
        db.execute(file.read())
    workspace, workdir = os.path.join(scratch, "workspace"), os.path.join(scratch, "tmp")
    make_workspace(workspace, args.kits)

    def enqueue(template, params, lane="default"):
        return db.execute("SELECT enqueue_run(%s, %s, %s)", (template, Jsonb(params), lane)).fetchone()[0]

    def field(run, column):
        return db.execute(f"SELECT {column} FROM runs WHERE id = %s", (run,)).fetchone()[0]

    def has_event(run, kind):
        return db.execute("SELECT count(*) FROM run_events WHERE run_id = %s AND type = %s", (run, kind)).fetchone()[0] > 0

    def holding(name, lane):
        """A worker of its own lane, holding that lane's one long run once it has sent a heartbeat."""
        run = enqueue("validate_spec_kit", {"path": "tree"}, lane)
        worker = start_worker(args, name, lane, workspace, workdir)
        wait_for(f"{name} runs its long run", lambda: has_event(run, "heartbeat"))
        return run, worker

    started = time.monotonic()
    # Three workers each hold a long run of their own lane: a is killed (its run is reclaimed and finished by b),
    # c is paused past the stale limit (b reclaims its run; c, resumed, must change nothing), d is killed and its
    # run cancelled while no worker holds it.
    killed_run, worker_a = holding("worker-a", "a")
    paused_run, worker_c = holding("worker-c", "c")
    worker_c.send_signal(signal.SIGSTOP)
    gone_run, worker_d = holding("worker-d", "d")
    worker_d.send_signal(signal.SIGKILL)
    worker_d.wait()
    answer = db.execute("SELECT cancel_run(%s)", (gone_run,)).fetchone()[0]
    check("cancel_run on the run of a dead worker leaves it running until the run is stale", answer == "running", answer)
    worker_b = start_worker(args, "worker-b", "default,a,c,d", workspace, workdir)

    expected, bad = {}, {}
    for index in range(8):
        expected[enqueue("generate_spec_kit", {"name": f"Shop {index}", "goals": [f"Sell item {index}"],
                                               "phases": ["Build", "Ship"]})] = 0
    for params, code in (({"path": "spec/clean"}, 0), ({"path": "spec/shop", "formats": ["markdown", "junit"]}, 1),
                         ({"path": "spec/shop", "strict": True}, 1), ({"path": "spec/clean", "formats": ["sarif"]}, 0),
                         ({"path": "spec/shop/tasks.md", "formats": ["gitlab"]}, 1)):
        expected[enqueue("validate_spec_kit", params)] = code
    bad[enqueue("generate_spec_kit", {"name": "Shop", "colour": "red"})] = "$.colour: unknown parameter"
    bad[enqueue("validate_spec_kit", {"path": "../escape"})] = "$.path: must not contain a '..' folder"
    # Over speckit's 1 MiB of parameters: the step stops reading stdin and the worker's write breaks its pipe.
    bad[enqueue("generate_spec_kit", {"name": "Big", "description": "x" * (1 << 20)})] = "more than 1048576 bytes"
    cancelled_run = enqueue("validate_spec_kit", {"path": "tree", "formats": ["sarif"]})
    runs = [killed_run, paused_run, gone_run] + list(expected) + list(bad) + [cancelled_run]
    check("20 runs queued", len(runs) == 20, len(runs))

    worker_a.send_signal(signal.SIGKILL)  # its step gets SIGTERM with it
    worker_a.wait()
    check("worker-a killed while its run was running", field(killed_run, "status") == "running")
    # worker-c comes back while worker-b runs the attempt it reclaimed: whatever c still writes must change nothing.
    if wait_for("worker-b reclaims the paused worker's run", lambda: field(paused_run, "attempt") == 2):
        worker_c.send_signal(signal.SIGCONT)
        check("worker-c resumed while worker-b's attempt runs", field(paused_run, "status") == "running")
    if wait_for("the long run to cancel starts", lambda: has_event(cancelled_run, "step.started")):
        answer = db.execute("SELECT cancel_run(%s)", (cancelled_run,)).fetchone()[0]
        check("cancel_run on a running run leaves it running until its worker stops the step", answer == "running", answer)
    wait_for("every run ends", lambda: db.execute(
        "SELECT count(*) FROM runs WHERE status IN ('queued', 'running')").fetchone()[0] == 0, timeout=100)
    worker_c.send_signal(signal.SIGCONT)
    for name, worker in (("worker-b", worker_b), ("worker-c", worker_c)):
        worker.send_signal(signal.SIGTERM)
        check(f"{name} stops on SIGTERM", worker.wait(timeout=30) == 0)
    elapsed = time.monotonic() - started

    rows = {row[0]: row[1:] for row in db.execute(
        "SELECT id, status, worker, attempt, exit_code, error FROM runs").fetchall()}
    # Exactly once: one claim per run, two for the reclaimed ones; one terminal event, in the last attempt.
    reclaimed = (killed_run, paused_run)
    check("every run claimed once, the two reclaimed ones twice",
          all(rows[run][2] == (2 if run in reclaimed else 1) for run in runs),
          {str(run): rows[run][2] for run in runs if rows[run][2] != (2 if run in reclaimed else 1)})
    for run, what in ((killed_run, "killed"), (paused_run, "paused")):
        check(f"the {what} worker's run was finished by worker-b", rows[run][:2] == ("succeeded", "worker-b"), rows[run])
        first = db.execute("SELECT type, body ->> 'time' FROM run_events WHERE run_id = %s AND attempt = 1 ORDER BY seq",
                           (run,)).fetchall()
        check(f"the {what} attempt had started and sent heartbeats, and left no terminal event",
              first[:1] and first[0][0] == "step.started" and any(kind == "heartbeat" for kind, _ in first)
              and not any(kind in ("step.completed", "step.cancelled") for kind, _ in first), [kind for kind, _ in first])
        again = field(run, "started_at")
        last_beat = datetime.datetime.fromisoformat(first[-1][1].replace("Z", "+00:00")) if first else again
        # Stale is 2 s after the last heartbeat; the last stored event may follow that heartbeat by one interval.
        check(f"the {what} worker's run was reclaimed only once stale (2 s without a heartbeat)",
              (again - last_beat).total_seconds() >= 1.7, again - last_beat)
    check("the dead worker's cancelled run is cancelled when stale, with nothing stored",
          rows[gone_run][0] == "cancelled" and rows[gone_run][4] == "cancelled while its worker was gone"
          and not db.execute("SELECT count(*) FROM artifacts WHERE run_id = %s", (gone_run,)).fetchone()[0], rows[gone_run])
    for run in runs:
        attempt = rows[run][2]
        events = db.execute("SELECT seq, type, body FROM run_events WHERE run_id = %s AND attempt = %s ORDER BY seq",
                            (run, attempt)).fetchall()
        seqs = [event[0] for event in events]
        types = [event[1] for event in events]
        terminal = [kind for kind in types if kind in ("step.completed", "step.cancelled")]
        ends = len(terminal) == 1 and types[-1] == terminal[0] if run != gone_run else not terminal  # its worker died
        check(f"run {str(run)[:8]}: events 1…{len(seqs)} in order, step.started first, one terminal event last",
              seqs == list(range(1, len(seqs) + 1)) and types[:1] == ["step.started"] and ends
              and all(event[2]["run"] == str(run) for event in events), types)
        announced = {event[2]["name"]: event[2] for event in events if event[1] == "artifact"}
        stored = db.execute("SELECT name, bytes, sha256, content FROM artifacts WHERE run_id = %s AND attempt = %s",
                            (run, attempt)).fetchall()
        check(f"run {str(run)[:8]}: every artifact stored, its bytes matching its event's sha256",
              sorted(announced) == sorted(row[0] for row in stored)
              and all(hashlib.sha256(row[3]).hexdigest() == row[2] == announced[row[0]]["sha256"]
                      and len(row[3]) == row[1] == announced[row[0]]["bytes"] for row in stored), sorted(announced))
    for run, code in expected.items():
        status_, worker, attempt, exit_code, error = rows[run]
        check(f"run {str(run)[:8]}: exit {code}, {STATUS[code]}", (status_, exit_code, error) == (STATUS[code], code, None),
              rows[run])
    generated = [run for run in expected if field(run, "template") == "generate_spec_kit"]
    check("each generated kit stores its six artifacts", all(db.execute(
        "SELECT count(*) FROM artifacts WHERE run_id = %s", (run,)).fetchone()[0] == 6 for run in generated))
    for run, message in bad.items():
        status_, worker, attempt, code, error = rows[run]
        check(f"bad params {str(run)[:8]}: failed with exit 2 and the step's message",
              status_ == "failed" and code == 2 and error is not None and message in error, rows[run])
    check("the cancelled run is cancelled, with step.cancelled last", rows[cancelled_run][0] == "cancelled"
          and rows[cancelled_run][3] == 143 and rows[cancelled_run][4] == "cancelled (SIGTERM)"
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
