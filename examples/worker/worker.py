#!/usr/bin/env python3
"""A worker for speckit's run templates, on the PostgreSQL run queue of schema.sql.

It claims runs for its lanes, runs `speckit run TEMPLATE --params - --artifacts DIR` with each run's params,
appends every JSON Lines event as it arrives, stores each artifact once its sha256 matches the event, sends a
heartbeat on each of the step's heartbeat events, and stops the step with SIGTERM when the run is cancelled.
A run whose worker stops heartbeating is claimed again by another worker after --stale seconds.

    python3 worker.py --dsn "host=/run/postgresql dbname=runs" --name worker-1 --lanes default,slow \\
        --speckit /usr/local/bin/speckit --workdir /var/tmp/speckit-worker

Everything it relies on is in speckit's docs/run.md: the events, the exit codes, the artifacts folder.
"""

import argparse
import ctypes
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time

import psycopg
from psycopg.types.json import Jsonb

TERMINAL = ("step.completed", "step.cancelled")
STATUS = {"success": "succeeded", "failed": "failed"}


def die_with_parent():
    """Run in the child before exec: the step gets SIGTERM if this worker dies, so it never runs on unheard."""
    ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Worker:
    def __init__(self, args):
        self.args = args
        self.db = psycopg.connect(args.dsn, autocommit=True)
        self.stopping = False

    def call(self, function, *values):
        """One of schema.sql's functions, in its own transaction; its single value."""
        placeholders = ", ".join(["%s"] * len(values))
        return self.db.execute(f"SELECT {function}({placeholders})", values).fetchone()[0]

    def claim(self):
        return self.db.execute(
            "SELECT id, template, params, attempt FROM claim_runs(%s, %s, 1, make_interval(secs => %s))",
            (self.args.name, self.args.lanes, self.args.stale)).fetchone()

    def serve(self):
        idle_since = time.monotonic()
        while not self.stopping:
            run = self.claim()
            if run is None:
                if self.args.idle_exit and time.monotonic() - idle_since > self.args.idle_exit:
                    return
                time.sleep(self.args.poll)
                continue
            self.execute(*run)
            idle_since = time.monotonic()

    def execute(self, run_id, template, params, attempt):
        run = str(run_id)
        folder = os.path.join(self.args.workdir, run)
        # An earlier attempt's folder (its worker died) goes first; the artifacts folder must be new.
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        artifacts = os.path.join(folder, "artifacts")
        step = subprocess.Popen(
            [self.args.speckit, "run", template, "--params", "-", "--artifacts", artifacts, "--run-id", run,
             "--heartbeat", str(self.args.heartbeat)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=open(os.path.join(folder, "stderr.log"), "wb"),
            preexec_fn=die_with_parent)
        step.stdin.write(json.dumps(params).encode())
        step.stdin.close()
        last, held, signalled, problem = None, True, False, None
        for line in step.stdout:  # one event per line, as it happens
            event = json.loads(line)
            last = event
            if event["type"] == "heartbeat":
                answer = self.call("heartbeat_run", run_id, self.args.name, attempt)
                if answer != "ok" and not signalled:
                    # Cancelled, or reclaimed by another worker: stop the step; it removes its partial artifacts.
                    step.send_signal(signal.SIGTERM)
                    signalled = True
                held = held and answer != "lost"
            if event["type"] == "artifact" and held and problem is None:
                problem = self.store(run_id, attempt, artifacts, event)
            if held:
                held = self.call("append_event", run_id, self.args.name, attempt, Jsonb(event))
        code = step.wait()
        if held:
            if last is not None and last["type"] == "step.cancelled":
                status, error = "cancelled", f"cancelled ({last['signal']})"
            elif last is not None and last["type"] == "step.completed":
                status, error = STATUS[last["status"]], last.get("error")
            else:
                status, error = "failed", f"the step ended with exit code {code} and no terminal event"
            if problem is not None:
                status, error = "failed", problem
            self.call("complete_run", run_id, self.args.name, attempt, status, code, error)
        shutil.rmtree(folder, ignore_errors=True)

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
    parser.add_argument("--heartbeat", type=float, default=5, help="seconds between the step's heartbeats")
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
