#!/usr/bin/env python3
"""A worker for speckit's run templates, on the PostgreSQL run queue of schema.sql.

It claims runs for its lanes, runs `speckit run TEMPLATE --params - --artifacts DIR` with each run's params,
appends every JSON Lines event as it arrives, stores each artifact once its sha256 matches the event, sends
heartbeats while the step runs, and stops the step with SIGTERM when the run is cancelled. A run whose worker
stops heartbeating is claimed again by another worker after --stale seconds, as a new attempt; every write names
the attempt, so a worker that was only slow changes nothing once it comes back.

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
import shutil
import signal
import subprocess
import sys
import threading
import time

import psycopg
from psycopg.types.json import Jsonb

STATUS = {"success": "succeeded", "failed": "failed"}


class Heartbeat(threading.Thread):
    """Beats for one attempt every `interval` seconds on its own connection, whatever the step prints; stops the
    step with SIGTERM once the run is cancelled (`cancel`) or held by another attempt (`lost`)."""

    def __init__(self, dsn, run, worker, attempt, interval, step):
        super().__init__(daemon=True)
        self.args, self.interval, self.step = (dsn, run, worker, attempt), interval, step
        self.stopped, self.answer, self.failure = threading.Event(), "ok", None

    def run(self):
        dsn, run, worker, attempt = self.args
        try:
            with psycopg.connect(dsn, autocommit=True) as db:
                while not self.stopped.wait(self.interval):
                    answer = db.execute("SELECT heartbeat_run(%s, %s, %s)", (run, worker, attempt)).fetchone()[0]
                    if answer != "ok" and self.answer == "ok":
                        self.answer = answer
                        self.step.send_signal(signal.SIGTERM)
        except Exception as error:  # no heartbeat means another worker takes the run over: stop the step
            self.failure = error
            self.step.send_signal(signal.SIGTERM)


class Worker:
    def __init__(self, args):
        self.args = args
        self.db = psycopg.connect(args.dsn, autocommit=True)
        self.stopping = False

    def call(self, function, *values):
        """One of schema.sql's functions, in its own transaction; its single value."""
        placeholders = ", ".join(["%s"] * len(values))
        return self.db.execute(f"SELECT {function}({placeholders})", values).fetchone()[0]

    def serve(self):
        idle_since = time.monotonic()
        while not self.stopping:
            run = self.db.execute(
                "SELECT id, template, params, attempt FROM claim_runs(%s, %s, 1, make_interval(secs => %s))",
                (self.args.name, self.args.lanes, self.args.stale)).fetchone()
            if run is None:
                self.sweep()
                if self.args.idle_exit and time.monotonic() - idle_since > self.args.idle_exit:
                    return
                time.sleep(self.args.poll)
                continue
            self.execute(*run)
            idle_since = time.monotonic()
        self.sweep()

    def sweep(self):
        """Removes the folders of attempts that hold no running run any more: a dead worker's, once its run was
        reclaimed, cancelled or failed. A live attempt's folder (this machine's other workers) is left alone."""
        for path in glob.glob(os.path.join(glob.escape(self.args.workdir), "*.*")):
            run, _, attempt = os.path.basename(path).rpartition(".")
            try:
                live = self.db.execute("SELECT count(*) FROM runs WHERE id = %s AND attempt = %s AND status = 'running'",
                                       (run, int(attempt))).fetchone()[0]
            except (ValueError, psycopg.DataError):
                continue  # not a folder this worker made
            if not live:
                shutil.rmtree(path, ignore_errors=True)

    def execute(self, run_id, template, params, attempt):
        run = str(run_id)
        # Each attempt has its own folder; earlier attempts' folders belong to attempts that can no longer
        # write anything (their worker died, or comes back to find the run held by this attempt).
        for earlier in glob.glob(os.path.join(glob.escape(self.args.workdir), glob.escape(run) + ".*")):
            shutil.rmtree(earlier, ignore_errors=True)
        folder = os.path.join(self.args.workdir, f"{run}.{attempt}")
        os.makedirs(folder)
        step = None
        try:
            step = self.start(run, template, params, folder)
            status, code, error = self.follow(run_id, attempt, step, folder)
            if status is not None:
                self.call("complete_run", run_id, self.args.name, attempt, status, code, error)
        except Exception as failure:  # the worker's own trouble (database, files): the run fails, the worker goes on
            if step is not None and step.poll() is None:
                step.kill()
                step.wait()
            try:
                self.call("complete_run", run_id, self.args.name, attempt, "failed", None,
                          f"worker {self.args.name}: {type(failure).__name__}: {failure}")
            except Exception:
                pass  # the database is gone too: the run is reclaimed once its heartbeat is stale
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def start(self, run, template, params, folder):
        worker = os.getpid()

        def die_with_worker():  # in the child, before exec: the step gets SIGTERM if this worker dies
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
            if os.getppid() != worker:  # the worker died before prctl
                os._exit(1)

        step = subprocess.Popen(
            [self.args.speckit, "run", template, "--params", "-", "--artifacts", os.path.join(folder, "artifacts"),
             "--run-id", run, "--heartbeat", str(self.args.heartbeat)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=open(os.path.join(folder, "stderr.log"), "wb"),
            preexec_fn=die_with_worker, start_new_session=True)  # a SIGTERM to the worker's group stays the worker's
        try:
            step.stdin.write(json.dumps(params).encode())
            step.stdin.close()
        except BrokenPipeError:
            pass  # the step stopped reading (parameters over its limit): its events say why
        return step

    def follow(self, run_id, attempt, step, folder):
        """Stores the step's events and artifacts while it runs; the run's status, exit code and error, or no
        status when another attempt holds the run."""
        beat = Heartbeat(self.args.dsn, run_id, self.args.name, attempt, self.args.heartbeat, step)
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
                    step.send_signal(signal.SIGTERM)
            code = step.wait()
        finally:
            beat.stopped.set()
            beat.join()
        if not held or beat.answer == "lost":
            return None, code, None
        if last is not None and last["type"] == "step.cancelled":
            if beat.answer == "cancel":
                return "cancelled", code, f"cancelled ({last['signal']})"
            return "failed", code, f"the step was stopped by {last['signal']}, not by cancel_run" + self.why(beat)
        if last is not None and last["type"] == "step.completed":
            return (STATUS[last["status"]] if problem is None else "failed"), code, problem or last.get("error")
        with open(os.path.join(folder, "stderr.log"), "rb") as log:
            tail = log.read()[-500:].decode(errors="replace").strip()
        return "failed", code, f"the step ended with exit code {code} and no terminal event: {tail}"

    @staticmethod
    def why(beat):
        return f" (heartbeats failed: {beat.failure})" if beat.failure else ""

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
    parser.add_argument("--stale", type=float, default=30, help="seconds without a heartbeat before a run is reclaimed")
    parser.add_argument("--poll", type=float, default=1, help="seconds to wait when no run is queued")
    parser.add_argument("--idle-exit", type=float, default=0, help="exit after this many idle seconds (0: never)")
    args = parser.parse_args()
    os.makedirs(args.workdir, exist_ok=True)
    worker = Worker(args)

    def stop(signum, frame):  # finish the run in hand, then exit
        worker.stopping = True
    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    worker.serve()


if __name__ == "__main__":
    sys.exit(main())
