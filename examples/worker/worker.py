#!/usr/bin/env python3
"""A worker for speckit's run templates, on the PostgreSQL run queue of schema.sql.

It claims runs for its lanes, runs `speckit run TEMPLATE --params - --artifacts DIR` with each run's params,
appends every JSON Lines event as it arrives, stores each artifact once its sha256 matches the event, renews its
lease with heartbeats while the step runs, and stops the step with SIGTERM when the run is cancelled or runs past
its template's timeout. A run whose worker stops heartbeating is claimed again by another worker once its lease
runs out, as a new attempt; every write names the attempt, so a worker that was only slow changes nothing when it
comes back. SIGTERM or SIGINT hands the run in hand back to the queue and stops the worker.

    python3 worker.py --dsn "host=/run/postgresql dbname=runs" --name worker-1 --lanes default,slow \\
        --speckit /usr/local/bin/speckit --workdir /var/tmp/speckit-worker

Everything it relies on is in speckit's docs/run.md: the events, the exit codes, the artifacts folder.
"""

import argparse
import ctypes
import glob
import hashlib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid

import psycopg
from psycopg.types.json import Jsonb

STATUS = {"success": "succeeded", "failed": "failed"}
GRACE = 10  # seconds a step has to stop after SIGTERM before it gets SIGKILL


def connect(dsn):
    return psycopg.connect(dsn, autocommit=True, connect_timeout=10, options="-c statement_timeout=10000")


def log(message):
    print(f"worker: {message}", file=sys.stderr, flush=True)


class Heartbeat(threading.Thread):
    """Renews the attempt's lease every `interval` seconds on its own connection, whatever the step prints. Stops
    the step (SIGTERM, then SIGKILL after GRACE) once the run is cancelled (`cancel`), held by another attempt
    (`lost`), past `deadline`, the worker is stopping, or no heartbeat got through for most of the lease."""

    def __init__(self, worker, run, attempt, step, deadline):
        super().__init__(daemon=True)
        self.worker, self.run_id, self.attempt, self.step, self.deadline = worker, run, attempt, step, deadline
        self.stopped = threading.Event()
        self.reason = None  # why the step was stopped: "cancel", "lost", "timeout", "stopping", "unreachable"

    def stop_step(self, reason):
        if self.reason is None:
            self.reason, self.signalled_at = reason, time.monotonic()
            self.step.send_signal(signal.SIGTERM)

    def run(self):
        args, db, last_ok = self.worker.args, None, time.monotonic()
        while not self.stopped.wait(args.heartbeat):
            if self.reason is not None and time.monotonic() - self.signalled_at > GRACE and self.step.poll() is None:
                self.step.kill()
            if self.worker.stopping:
                self.stop_step("stopping")
            if time.monotonic() > self.deadline:
                self.stop_step("timeout")
            try:
                db = db or connect(args.dsn)
                answer = db.execute("SELECT heartbeat_run(%s, %s, %s, make_interval(secs => %s))",
                                    (self.run_id, args.name, self.attempt, args.stale)).fetchone()[0]
                last_ok = time.monotonic()
                if answer != "ok":
                    self.stop_step(answer)
            except psycopg.Error as error:  # retried until most of the lease is gone
                log(f"heartbeat of {self.run_id} failed: {error}")
                db = None
                if time.monotonic() - last_ok > args.stale * 0.8:
                    self.stop_step("unreachable")
        if db is not None:
            db.close()


class Worker:
    def __init__(self, args):
        self.args = args
        self.db = None
        self.stopping = False
        self.timeouts = {}

    def call(self, function, *values):
        """One of schema.sql's functions, in its own transaction; its single value."""
        placeholders = ", ".join(["%s"] * len(values))
        return self.db.execute(f"SELECT {function}({placeholders})", values).fetchone()[0]

    def serve(self):
        idle_since, backoff = time.monotonic(), 1
        while not self.stopping:
            try:
                self.db = self.db or connect(self.args.dsn)
                run = self.db.execute(
                    "SELECT id, template, params, attempt FROM claim_runs(%s, %s, 1, make_interval(secs => %s))",
                    (self.args.name, self.args.lanes, self.args.stale)).fetchone()
                if run is None:
                    self.sweep()
            except psycopg.Error as error:  # the database went away: try again, slower each time
                log(f"cannot reach the run queue: {error}")
                self.db = None
                time.sleep(backoff)
                backoff = min(backoff * 2, 30)
                continue
            backoff = 1
            if run is None:
                if self.args.idle_exit and time.monotonic() - idle_since > self.args.idle_exit:
                    break
                time.sleep(self.args.poll)
                continue
            self.execute(*run)
            idle_since = time.monotonic()
        try:
            self.sweep()
        except psycopg.Error:
            pass

    def sweep(self):
        """Removes the folders of attempts of this queue's runs that no longer hold a running run: a dead worker's,
        once its run was reclaimed, cancelled or failed. Live attempts' folders, and folders of runs this database
        does not know (another queue's), are left alone."""
        for path in glob.glob(os.path.join(glob.escape(self.args.workdir), "*.*")):
            run, _, attempt = os.path.basename(path).rpartition(".")
            try:
                uuid.UUID(run)
                attempt = int(attempt)
            except ValueError:
                continue  # not a folder a worker made
            row = self.db.execute("SELECT status, attempt FROM runs WHERE id = %s", (run,)).fetchone()
            if row is not None and (row[0] != "running" or row[1] != attempt):
                shutil.rmtree(path, ignore_errors=True)

    def timeout(self, template):
        """The template's timeout_seconds (`speckit run --describe TEMPLATE`), or --timeout when given."""
        if self.args.timeout:
            return self.args.timeout
        if template not in self.timeouts:
            definition = subprocess.run([self.args.speckit, "run", "--describe", template], capture_output=True,
                                        text=True, check=True).stdout
            found = re.search(r"^timeout_seconds: (\d+)$", definition, re.MULTILINE)
            self.timeouts[template] = int(found.group(1)) if found else 3600
        return self.timeouts[template]

    def execute(self, run_id, template, params, attempt):
        run = str(run_id)
        # Each attempt has its own folder; earlier attempts' folders belong to attempts that can no longer write
        # anything (their worker died, or will find the run held by this attempt).
        for earlier in range(1, attempt):
            shutil.rmtree(os.path.join(self.args.workdir, f"{run}.{earlier}"), ignore_errors=True)
        folder = os.path.join(self.args.workdir, f"{run}.{attempt}")
        os.makedirs(folder)
        step = None
        try:
            step = self.start(run, template, params, folder)
            outcome = self.follow(run_id, attempt, step, folder, time.monotonic() + self.timeout(template))
            if outcome == "release":
                self.call("release_run", run_id, self.args.name, attempt)
            elif outcome is not None:
                self.call("complete_run", run_id, self.args.name, attempt, *outcome)
        except Exception as failure:  # the worker's own trouble (database, files): the run fails, the worker goes on
            log(f"run {run}: {type(failure).__name__}: {failure}")
            if step is not None and step.poll() is None:
                step.kill()
                step.wait()
            try:
                self.db = self.db if self.db is not None and not self.db.closed else connect(self.args.dsn)
                self.call("complete_run", run_id, self.args.name, attempt, "failed", None,
                          f"worker {self.args.name}: {type(failure).__name__}: {failure}")
            except psycopg.Error:
                self.db = None  # the database is gone too: the run is reclaimed when its lease runs out
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def start(self, run, template, params, folder):
        worker = os.getpid()

        def die_with_worker():  # in the child, before exec: the step gets SIGTERM if this worker dies
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
            if os.getppid() != worker:  # the worker died before prctl
                os._exit(1)

        with open(os.path.join(folder, "stderr.log"), "wb") as stderr:
            step = subprocess.Popen(
                [self.args.speckit, "run", template, "--params", "-", "--artifacts", os.path.join(folder, "artifacts"),
                 "--run-id", run, "--heartbeat", str(self.args.heartbeat)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=stderr, preexec_fn=die_with_worker,
                start_new_session=True)  # a signal to the worker's process group is the worker's alone
        try:
            step.stdin.write(json.dumps(params).encode())
            step.stdin.close()
        except BrokenPipeError:
            pass  # the step stopped reading (parameters over its limit): its events say why
        return step

    def follow(self, run_id, attempt, step, folder, deadline):
        """Stores the step's events and artifacts while it runs. Returns (status, exit code, error) for
        complete_run, "release" to hand the run back, or None when another attempt holds the run."""
        beat = Heartbeat(self, run_id, attempt, step, deadline)
        beat.start()
        last, held, problem = None, True, None
        try:
            for line in step.stdout:  # one event per line, as it happens
                event = json.loads(line)
                last = event
                if not held:
                    continue  # read on, so the step is never blocked on a full pipe
                if event["type"] == "artifact" and problem is None:
                    problem = self.store(run_id, attempt, os.path.join(folder, "artifacts"), event)
                held = self.call("append_event", run_id, self.args.name, attempt, Jsonb(event))
                if not held:
                    beat.stop_step("lost")
            code = step.wait()
        finally:
            beat.stopped.set()
            beat.join()
        if not held or beat.reason == "lost":
            return None
        if beat.reason == "stopping" and (last is None or last["type"] != "step.completed"):
            return "release"
        if beat.reason in ("timeout", "unreachable"):
            return "failed", code, ("ran past its template's timeout" if beat.reason == "timeout"
                                    else "its heartbeats could not reach the run queue")
        if last is not None and last["type"] == "step.cancelled":
            if beat.reason == "cancel":
                return "cancelled", code, f"cancelled ({last['signal']})"
            return "failed", code, f"the step was stopped by {last['signal']} from outside the worker"
        if last is not None and last["type"] == "step.completed":
            return (STATUS[last["status"]] if problem is None else "failed"), code, problem or last.get("error")
        with open(os.path.join(folder, "stderr.log"), "rb") as stderr:
            tail = stderr.read()[-500:].decode(errors="replace").strip()
        return "failed", code, f"the step ended with exit code {code} and no terminal event: {tail}"

    def store(self, run_id, attempt, artifacts, event):
        """Stores the artifact when its bytes are the bytes the event describes; else says why not."""
        relative = os.path.normpath(event["path"])
        if os.path.isabs(relative) or relative.split(os.sep)[0] == "..":
            return f"artifact {event['path']}: outside the artifacts folder"
        with open(os.path.join(artifacts, relative), "rb") as file:
            content = file.read()
        digest = hashlib.sha256(content).hexdigest()
        if digest != event["sha256"] or len(content) != event["bytes"]:
            return (f"artifact {event['path']}: sha256 {digest} ({len(content)} bytes), but its event says "
                    f"{event['sha256']} ({event['bytes']} bytes)")
        self.call("put_artifact", run_id, self.args.name, attempt, event["name"], event["path"], event["mediaType"],
                  event["sha256"], content)
        return None


def main():
    parser = argparse.ArgumentParser(description="Run speckit's run templates from a PostgreSQL run queue.")
    parser.add_argument("--dsn", required=True, help="libpq connection string")
    parser.add_argument("--name", required=True, help="this worker's name, recorded on the runs it claims")
    parser.add_argument("--lanes", default="default", type=lambda text: text.split(","), help="lanes to serve")
    parser.add_argument("--speckit", default="speckit", help="the speckit binary")
    parser.add_argument("--workdir", required=True, help="folder for the runs' artifacts folders")
    parser.add_argument("--heartbeat", type=float, default=5, help="seconds between heartbeats")
    parser.add_argument("--stale", type=float, default=30, help="the lease: seconds without a heartbeat before a run "
                        "this worker holds may be reclaimed")
    parser.add_argument("--timeout", type=float, default=0, help="seconds a step may run (default: its template's)")
    parser.add_argument("--poll", type=float, default=1, help="seconds to wait when no run is queued")
    parser.add_argument("--idle-exit", type=float, default=0, help="exit after this many idle seconds (0: never)")
    args = parser.parse_args()
    if args.heartbeat * 3 > args.stale:
        parser.error(f"--heartbeat {args.heartbeat} must be at most a third of --stale {args.stale}")
    os.makedirs(args.workdir, exist_ok=True)
    worker = Worker(args)

    def stop(signum, frame):  # hand the run in hand back (the heartbeat thread stops its step), then exit
        worker.stopping = True
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    worker.serve()


if __name__ == "__main__":
    sys.exit(main())
