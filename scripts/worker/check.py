#!/usr/bin/env python3
"""The reference worker (examples/worker) against a real PostgreSQL, from the worker's side of the run contract.

Worker-b serves a queue of twenty runs of both templates, three with bad parameters; one long run is cancelled
while it runs. Five more workers each hold one long run of their own lane and fail in their own way: worker-a is
killed (worker-b finishes its run once the lease runs out); worker-c is paused past its lease, a new process of the
same name reclaims the run, and the old one, resumed, must change nothing; worker-d is killed and its run
cancelled while no one holds it; worker-e is stopped with SIGTERM and hands its run back; worker-f runs past its
timeout. claim_runs is also checked on its own (SKIP LOCKED, max attempts). Then every run must have been
completed exactly once, with its events complete and in order, every artifact's bytes must match its sha256, each
run must end with the exit code expected of it, the bad runs must carry the step's message, the cancelled runs
must have no artifacts, and nothing may be left in the workers' temporary folder.

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


def check_queue_functions(db):
    """claim_runs on its own: no worker waits on a run another one is claiming, and a run whose worker stopped
    p_max_attempts times is failed, not handed out again."""
    ids = [db.execute("SELECT enqueue_run('validate_spec_kit', '{}', 'locked')").fetchone()[0] for _ in range(2)]
    with psycopg.connect(db.info.dsn) as first, psycopg.connect(db.info.dsn, options="-c statement_timeout=2000") as second:
        held = first.execute("SELECT id FROM claim_runs('one', ARRAY['locked'], 1)").fetchone()[0]  # not committed
        other = second.execute("SELECT id FROM claim_runs('two', ARRAY['locked'], 1)").fetchone()
        check("a claim skips the run another claim holds, without waiting",
              other is not None and sorted([held, other[0]]) == sorted(ids), (held, other))
    run = db.execute("SELECT enqueue_run('validate_spec_kit', '{}', 'flaky')").fetchone()[0]
    attempts = []
    for _ in range(3):  # a lease of 0 s: stale at once, as if each worker died
        claimed = db.execute("SELECT attempt FROM claim_runs('ghost', ARRAY['flaky'], 1, '0 seconds', 2)").fetchone()
        attempts.append(claimed[0] if claimed else None)
    status, error = db.execute("SELECT status, error FROM runs WHERE id = %s", (run,)).fetchone()
    check("a run whose worker stopped 2 times (p_max_attempts 2) is failed, not claimed a third time",
          attempts == [1, 2, None] and status == "failed" and error.startswith("gave up after 2 attempts"),
          (attempts, status, error))
    db.execute("DELETE FROM runs WHERE lane IN ('locked', 'flaky')")


def start_worker(args, name, lanes, workspace, workdir, *extra):
    return subprocess.Popen(
        [sys.executable, "-I", WORKER, "--dsn", args.dsn, "--name", name, "--lanes", lanes, "--speckit", args.speckit,
         "--workdir", workdir, "--heartbeat", "0.2", "--stale", "2", "--poll", "0.1", *extra],
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

    def holding(name, lane, *extra):
        """A worker of its own lane, holding that lane's one long run once it has sent a heartbeat."""
        run = enqueue("validate_spec_kit", {"path": "tree"}, lane)
        worker = start_worker(args, name, lane, workspace, workdir, *extra)
        wait_for(f"{name} runs its long run", lambda: has_event(run, "heartbeat"))
        return run, worker

    def stops(name, worker, within):
        try:
            code = worker.wait(timeout=within)
        except subprocess.TimeoutExpired:
            worker.kill()
            code = f"still running after {within} s"
        check(f"{name} stops on SIGTERM with exit 0", code == 0, code)

    check_queue_functions(db)
    started = time.monotonic()
    # Four workers each hold a long run of their own lane and fail in their own way:
    # - a is killed: worker-b reclaims its run once the lease runs out, and finishes it;
    # - c is paused past its lease; a new process under the same name (c restarted) reclaims the run, and c,
    #   resumed while that attempt runs, must change nothing (only the attempt tells the two apart);
    # - d is killed and its run cancelled while no worker holds it: cancelled when stale;
    # - e is stopped with SIGTERM: it hands its run back at once, and worker-b runs it again;
    # - f runs with a timeout of 1 s: its step is stopped and the run fails, saying so.
    killed_run, worker_a = holding("worker-a", "a")
    paused_run, worker_c = holding("worker-c", "c")
    worker_c.send_signal(signal.SIGSTOP)
    paused_beat = field(paused_run, "heartbeat_at")
    gone_run, worker_d = holding("worker-d", "d")
    worker_d.send_signal(signal.SIGKILL)
    worker_d.wait()
    answer = db.execute("SELECT cancel_run(%s)", (gone_run,)).fetchone()[0]
    check("cancel_run on the run of a dead worker leaves it running until the run is stale", answer == "running", answer)
    released_run, worker_e = holding("worker-e", "e")
    worker_e.send_signal(signal.SIGTERM)
    stops("worker-e, holding a run,", worker_e, 5)
    check("worker-e handed its run back to the queue", field(released_run, "status") == "queued", field(released_run, "status"))
    timed_out_run, worker_f = holding("worker-f", "f", "--timeout", "1")
    worker_b = start_worker(args, "worker-b", "default,a,d,e", workspace, workdir)
    restarted_c = start_worker(args, "worker-c", "c", workspace, workdir)

    expected, bad = {}, {}
    for index in range(6):
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
    runs = [killed_run, paused_run, gone_run, released_run, timed_out_run] + list(expected) + list(bad) + [cancelled_run]
    check("20 runs queued", len(runs) == 20, len(runs))

    worker_a.send_signal(signal.SIGKILL)  # its step gets SIGTERM with it
    worker_a.wait()
    killed_beat = field(killed_run, "heartbeat_at")
    check("worker-a killed while its run was running", field(killed_run, "status") == "running")
    # The old worker-c comes back while the new one runs the attempt it reclaimed.
    if wait_for("the restarted worker-c reclaims the paused run", lambda: field(paused_run, "attempt") == 2):
        worker_c.send_signal(signal.SIGCONT)
        check("the old worker-c resumed while the new one's attempt runs", field(paused_run, "status") == "running")
    if wait_for("the long run to cancel starts", lambda: has_event(cancelled_run, "step.started")):
        answer = db.execute("SELECT cancel_run(%s)", (cancelled_run,)).fetchone()[0]
        check("cancel_run on a running run leaves it running until its worker stops the step", answer == "running", answer)
    wait_for("every run ends", lambda: db.execute(
        "SELECT count(*) FROM runs WHERE status IN ('queued', 'running')").fetchone()[0] == 0, timeout=100)
    worker_c.send_signal(signal.SIGCONT)
    for name, worker in (("worker-b", worker_b), ("the old worker-c", worker_c), ("the restarted worker-c", restarted_c),
                         ("worker-f", worker_f)):
        worker.send_signal(signal.SIGTERM)
        stops(name, worker, 30)
    elapsed = time.monotonic() - started

    rows = {row[0]: row[1:] for row in db.execute(
        "SELECT id, status, worker, attempt, exit_code, error FROM runs").fetchall()}
    # Exactly once: one claim per run, two for the reclaimed and the handed-back ones; one terminal event, last.
    twice = {killed_run: "worker-b", paused_run: "worker-c", released_run: "worker-b"}
    check("every run claimed once, the reclaimed and handed-back ones twice",
          all(rows[run][2] == (2 if run in twice else 1) for run in runs),
          {str(run): rows[run][2] for run in runs if rows[run][2] != (2 if run in twice else 1)})
    for run, what, beat in ((killed_run, "killed", killed_beat), (paused_run, "paused", paused_beat)):
        check(f"the {what} worker's run was finished by {twice[run]}", rows[run][:2] == ("succeeded", twice[run]), rows[run])
        first = [kind for (kind,) in db.execute(
            "SELECT type FROM run_events WHERE run_id = %s AND attempt = 1 ORDER BY seq", (run,)).fetchall()]
        check(f"the {what} attempt had started and sent heartbeats, and left no terminal event",
              first[:1] == ["step.started"] and "heartbeat" in first
              and not any(kind in ("step.completed", "step.cancelled") for kind in first), first)
        again = field(run, "started_at")
        check(f"the {what} worker's run was reclaimed only once its 2 s lease ran out",
              (again - beat).total_seconds() >= 1.95, again - beat)
    first = [kind for (kind,) in db.execute(
        "SELECT type FROM run_events WHERE run_id = %s AND attempt = 1 ORDER BY seq", (released_run,)).fetchall()]
    check("the handed-back attempt ended with its step cancelled, and worker-b ran the run again",
          first[:1] == ["step.started"] and first[-1:] == ["step.cancelled"]
          and rows[released_run][:2] == ("succeeded", "worker-b"), (first[-3:], rows[released_run]))
    check("the run past its timeout was stopped and failed, saying so",
          rows[timed_out_run][0] == "failed" and rows[timed_out_run][3] == 143
          and rows[timed_out_run][4] == "ran past its template's timeout", rows[timed_out_run])
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
