"""Runs the steps of action.yml the way a GitHub runner runs a composite action, against scratch git
repositories and a fake GitHub API, and checks what the action leaves: its outputs, the step summary, the
annotations, the steps it hands to other actions (SARIF upload, JUnit artifact), the pull-request comment and
whether it fails.

Each `run:` step runs as `bash --noprofile --norc -eo pipefail FILE` (GitHub's `shell: bash`) with the env:
the step declares, its expressions evaluated here; GITHUB_OUTPUT, GITHUB_PATH and GITHUB_STEP_SUMMARY are
files. `uses:` steps are not run: the check records which action each would call and with what. Expressions
(`${{ }}` and `if:`) are evaluated by a small evaluator of the part of GitHub's expression language the
action uses; anything else is an error, so the action cannot drift past what this file understands.

Usage: python check.py SPECKIT_BINARY (scripts/check-action.sh runs it in the venv that has ruamel.yaml).
Prints one line per problem and closes with 'action: N passed, N failed'."""

import http.server
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import urllib.parse

from ruamel.yaml import YAML

REPO = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(sys.argv[1]).resolve()
ACTION = YAML(typ="safe").load((REPO / "action.yml").read_text())
MARKER = "<!-- speckit:report -->"
VERSION = subprocess.run([str(BINARY), "--version"], capture_output=True, text=True, check=True).stdout.strip()

results = {"passed": 0, "failed": 0}


def check(name, ok, detail=""):
    results["passed" if ok else "failed"] += 1
    if not ok:
        print(f"FAIL {name}: {detail}"[:3000])
    return ok


# --- Expressions -----------------------------------------------------------------------------------------

TOKEN = re.compile(r"\s*(?:(?P<string>'(?:[^']|'')*')|(?P<number>\d+(?:\.\d+)?)|(?P<op>==|!=|&&|\|\||[!().,\[\]])"
                   r"|(?P<name>[A-Za-z_][A-Za-z0-9_-]*))")
STATUS_FUNCTIONS = ("always", "success", "failure", "cancelled")


class Expression:
    """Parses and evaluates one expression against `contexts` (inputs, github, steps, runner, env)."""

    def __init__(self, text, contexts, status):
        self.tokens, position = [], 0
        text = text.strip()
        while position < len(text):
            match = TOKEN.match(text, position)
            if not match or match.end() == position:
                raise ValueError(f"cannot read expression at {text[position:]!r}")
            kind = match.lastgroup
            self.tokens.append((kind, match.group(kind)))
            position = match.end()
        self.index, self.contexts, self.status = 0, contexts, status

    def peek(self):
        return self.tokens[self.index] if self.index < len(self.tokens) else (None, None)

    def take(self, value=None):
        token = self.peek()
        if value is not None and token[1] != value:
            raise ValueError(f"expected {value!r}, found {token[1]!r}")
        self.index += 1
        return token

    def evaluate(self):
        value = self.disjunction()
        if self.index != len(self.tokens):
            raise ValueError(f"unexpected {self.peek()[1]!r}")
        return value

    def disjunction(self):
        value = self.conjunction()
        while self.peek() == ("op", "||"):
            self.take()
            right = self.conjunction()
            value = value if truthy(value) else right
        return value

    def conjunction(self):
        value = self.comparison()
        while self.peek() == ("op", "&&"):
            self.take()
            right = self.comparison()
            value = right if truthy(value) else value
        return value

    def comparison(self):
        value = self.unary()
        while self.peek() in (("op", "=="), ("op", "!=")):
            operator = self.take()[1]
            right = self.unary()
            value = equal(value, right) == (operator == "==")
        return value

    def unary(self):
        if self.peek() == ("op", "!"):
            self.take()
            return not truthy(self.unary())
        return self.primary()

    def primary(self):
        kind, text = self.take()
        if kind == "string":
            return text[1:-1].replace("''", "'")
        if kind == "number":
            return float(text)
        if (kind, text) == ("op", "("):
            value = self.disjunction()
            self.take(")")
            return value
        if kind != "name":
            raise ValueError(f"unexpected {text!r}")
        if text in ("true", "false", "null"):
            return {"true": True, "false": False, "null": None}[text]
        if self.peek() == ("op", "("):
            return self.call(text)
        if text not in self.contexts:
            raise ValueError(f"unknown context {text!r}")
        value = self.contexts[text]
        while self.peek() in (("op", "."), ("op", "[")):
            if self.take()[1] == ".":
                key = self.take()[1]
            else:
                key = self.disjunction()
                self.take("]")
            value = value.get(key) if isinstance(value, dict) else None
        return value

    def call(self, name):
        self.take("(")
        arguments = []
        while self.peek() != ("op", ")"):
            arguments.append(self.disjunction())
            if self.peek() == ("op", ","):
                self.take()
        self.take(")")
        if name in STATUS_FUNCTIONS:
            return {"always": True, "success": not self.status["failed"], "failure": self.status["failed"],
                    "cancelled": False}[name]
        if name == "contains":
            return str(arguments[1]).lower() in text_of(arguments[0]).lower()
        if name == "startsWith":
            return text_of(arguments[0]).lower().startswith(text_of(arguments[1]).lower())
        raise ValueError(f"function {name}() is not understood by this check")


def truthy(value):
    return value not in (None, False, "", 0, 0.0) and value == value


def number_of(value):
    if value is None or value == "":
        return 0.0
    if isinstance(value, bool):
        return float(value)
    if isinstance(value, float):
        return value
    try:
        return float(str(value).strip())
    except ValueError:
        return float("nan")


def equal(left, right):
    """GitHub's loose equality: strings case-insensitively, otherwise both as numbers."""
    if isinstance(left, str) and isinstance(right, str):
        return left.lower() == right.lower()
    if type(left) is type(right) and left is not None:
        return left == right
    return number_of(left) == number_of(right)


def text_of(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else str(value)
    return str(value)


def substitute(template, contexts, status):
    """A string with each `${{ expression }}` replaced by its value."""
    if not isinstance(template, str):
        return text_of(template)
    return re.sub(r"\$\{\{(.*?)\}\}", lambda m: text_of(Expression(m.group(1), contexts, status).evaluate()), template)


def condition(text, contexts, status):
    """A step's `if:`; without a status function it is `success() && (…)`, as on GitHub."""
    if text is None:
        return not status["failed"]
    text = str(text).strip()
    if text.startswith("${{") and text.endswith("}}"):
        text = text[3:-2]
    value = truthy(Expression(text, contexts, status).evaluate())
    if not re.search(r"\b(" + "|".join(STATUS_FUNCTIONS) + r")\(", text):
        value = value and not status["failed"]
    return value


# --- The composite runner --------------------------------------------------------------------------------

def read_commands_file(path):
    """name=value lines and name<<DELIMITER blocks, as GITHUB_OUTPUT holds them."""
    values, lines = {}, path.read_text().split("\n") if path.exists() else []
    index = 0
    while index < len(lines):
        line = lines[index]
        index += 1
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            block = []
            while index < len(lines) and lines[index] != delimiter:
                block.append(lines[index])
                index += 1
            index += 1
            values[name] = "\n".join(block)
        elif "=" in line:
            name, value = line.split("=", 1)
            values[name] = value
    return values


def run_action(scratch, workspace, inputs, github, env, path_prefix=()):
    """Runs every step; returns {'steps': [...], 'outputs': {...}, 'failed': bool, 'summary': str}."""
    temp = pathlib.Path(tempfile.mkdtemp(dir=scratch, prefix="runner-temp-"))
    summary = temp / "step-summary.md"
    summary.write_text("")
    values = {name: spec.get("default", "") for name, spec in ACTION["inputs"].items()}
    status = {"failed": False}
    contexts = {"github": github, "steps": {}, "runner": {"temp": str(temp), "os": "Linux"}, "env": {}}
    contexts["inputs"] = {}
    for name, value in values.items():
        contexts["inputs"][name] = substitute(value, contexts, status)
    unknown = set(inputs) - set(values)
    if unknown:
        raise ValueError(f"inputs the action does not declare: {sorted(unknown)}")
    contexts["inputs"].update(inputs)
    path = [*path_prefix, *os.environ["PATH"].split(os.pathsep)]
    records = []
    for number, step in enumerate(ACTION["runs"]["steps"]):
        record = {"name": step.get("name"), "id": step.get("id"), "ran": False}
        records.append(record)
        if not condition(step.get("if"), contexts, status):
            if step.get("id"):
                contexts["steps"][step["id"]] = {"outputs": {}, "outcome": "skipped", "conclusion": "skipped"}
            continue
        record["ran"] = True
        if "uses" in step:
            record["uses"] = step["uses"]
            record["with"] = {key: substitute(value, contexts, status) for key, value in (step.get("with") or {}).items()}
            record["returncode"], outputs = 0, {}
        else:
            if step.get("shell") != "bash":
                raise ValueError(f"step {step.get('name')}: shell {step.get('shell')!r}, the check runs bash only")
            files = {name: temp / f"{name}-{number}" for name in ("GITHUB_OUTPUT", "GITHUB_PATH", "GITHUB_ENV")}
            for file in files.values():
                file.write_text("")
            script = temp / f"step-{number}.sh"
            script.write_text(step["run"])
            step_env = {key: substitute(value, contexts, status) for key, value in (step.get("env") or {}).items()}
            process_env = dict(env, **{k: str(v) for k, v in files.items()}, PATH=os.pathsep.join(path),
                               RUNNER_TEMP=str(temp), GITHUB_STEP_SUMMARY=str(summary),
                               GITHUB_ACTION_PATH=str(REPO), GITHUB_WORKSPACE=str(workspace), **step_env)
            run = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)], cwd=workspace,
                                 env=process_env, capture_output=True, text=True, timeout=300)
            record.update(returncode=run.returncode, stdout=run.stdout, stderr=run.stderr, env=step_env)
            outputs = read_commands_file(files["GITHUB_OUTPUT"])
            added = [line for line in files["GITHUB_PATH"].read_text().splitlines() if line]
            record["path_added"] = added
            path = [*reversed(added), *path]
        record["outputs"] = outputs
        outcome = "success" if record["returncode"] == 0 else "failure"
        status["failed"] = status["failed"] or outcome == "failure"
        if step.get("id"):
            contexts["steps"][step["id"]] = {"outputs": outputs, "outcome": outcome, "conclusion": outcome}
    outputs = {name: substitute(spec["value"], contexts, status) for name, spec in ACTION["outputs"].items()}
    return {"steps": records, "outputs": outputs, "failed": status["failed"], "summary": summary.read_text(), "temp": temp}


def step(result, name):
    return next(record for record in result["steps"] if record["name"] == name)


def log_of(result):
    return "\n".join(f"--- {r['name']} (ran: {r['ran']}, exit {r.get('returncode')})\n{r.get('stdout', '')}{r.get('stderr', '')}"
                     for r in result["steps"])


# --- A fake GitHub API: the issue-comment endpoints the comment step calls ---------------------------------

class FakeGitHub:
    TOKEN = "test-token"

    def __init__(self):
        self.comments, self.requests, self.next_id = [], [], 1000
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def reply(self, status, body, headers=()):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for key, value in headers:
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(data)

            def handle_any(self):
                url = urllib.parse.urlsplit(self.path)
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length)) if length else None
                fake.requests.append((self.command, url.path, body))
                if self.headers.get("Authorization") != f"Bearer {FakeGitHub.TOKEN}":
                    return self.reply(401, {"message": "Bad credentials"})
                if url.path == "/user":
                    return self.reply(403, {"message": "Resource not accessible by integration"})
                if match := re.fullmatch(r"/repos/acme/plans/issues/(\d+)/comments", url.path):
                    if self.command == "GET":
                        query = urllib.parse.parse_qs(url.query)
                        per_page, page = int(query["per_page"][0]), int(query.get("page", ["1"])[0])
                        chunk = fake.comments[(page - 1) * per_page:page * per_page]
                        headers = []
                        if page * per_page < len(fake.comments):
                            next_url = f"http://{self.headers['Host']}{url.path}?per_page={per_page}&page={page + 1}"
                            headers.append(("Link", f'<{next_url}>; rel="next"'))
                        return self.reply(200, chunk, headers)
                    if self.command == "POST":
                        return self.reply(201, fake.add("github-actions[bot]", "Bot", body["body"]))
                if match := re.fullmatch(r"/repos/acme/plans/issues/comments/(\d+)", url.path):
                    if self.command == "PATCH":
                        comment = next(c for c in fake.comments if c["id"] == int(match.group(1)))
                        comment["body"] = body["body"]
                        return self.reply(200, comment)
                return self.reply(404, {"message": "Not Found"})

            do_GET = do_POST = do_PATCH = handle_any

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def add(self, login, kind, body):
        self.next_id += 1
        comment = {"id": self.next_id, "body": body, "user": {"login": login, "type": kind},
                   "html_url": f"https://github.com/acme/plans/pull/7#issuecomment-{self.next_id}"}
        self.comments.append(comment)
        return comment

    def writes(self):
        return [(method, path) for method, path, _ in self.requests if method in ("POST", "PATCH")]


# --- Scenarios -------------------------------------------------------------------------------------------

def git(*arguments, cwd):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "init.defaultBranch=main",
                    *arguments], cwd=cwd, check=True, capture_output=True, text=True)


CLEAN = "# Tasks\n\n## Phase 1: Setup\n\n- [x] T1 Create the repository\n- [ ] T2 Write the parser (depends on T1)\n"


def make_origin(scratch):
    """A bare origin: main holds a clean kit, feature adds one error (a dependency on a task that does not exist)."""
    author = scratch / "author"
    (author / "plans").mkdir(parents=True)
    (author / "plans" / "tasks.md").write_text(CLEAN)
    git("init", "-q", cwd=author)
    git("add", "-A", cwd=author)
    git("commit", "-qm", "clean kit", cwd=author)
    git("checkout", "-qb", "feature", cwd=author)
    (author / "plans" / "tasks.md").write_text(CLEAN.replace("depends on T1", "depends on T9"))
    git("commit", "-qam", "one error", cwd=author)
    origin = scratch / "origin.git"
    git("clone", "-q", "--bare", str(author), str(origin), cwd=scratch)
    return origin


def clone(scratch, origin, branch, name):
    """A checkout like actions/checkout's default: one commit deep, one branch, no origin/main."""
    workspace = scratch / name
    git("clone", "-q", "--depth", "1", "--branch", branch, f"file://{origin}", str(workspace), cwd=scratch)
    return workspace


def environment(scratch, workspace, github, api):
    home = scratch / "home"
    home.mkdir(exist_ok=True)
    event = scratch / f"event-{github['event_name']}-{len(list(scratch.glob('event-*')))}.json"
    event.write_text(json.dumps(github["event"]))
    sha = subprocess.run(["git", "rev-parse", "HEAD"], cwd=workspace, capture_output=True, text=True).stdout.strip()
    return {"HOME": str(home), "LANG": "C.UTF-8", "NO_COLOR": "1", "CI": "true", "GITHUB_ACTIONS": "true",
            "GITHUB_EVENT_NAME": github["event_name"], "GITHUB_EVENT_PATH": str(event),
            "GITHUB_BASE_REF": github.get("base_ref", ""), "GITHUB_REPOSITORY": github["repository"],
            "GITHUB_SERVER_URL": "https://github.com", "GITHUB_API_URL": api, "GITHUB_SHA": sha}


def pull_request(head_repository="acme/plans"):
    return {"event_name": "pull_request", "repository": "acme/plans", "base_ref": "main", "head_ref": "feature",
            "token": FakeGitHub.TOKEN, "action_ref": "", "action_repository": "",
            "event": {"pull_request": {"number": 7, "head": {"repo": {"full_name": head_repository}},
                                       "base": {"repo": {"full_name": "acme/plans"}}}}}


def push(action_ref=""):
    return {"event_name": "push", "repository": "acme/plans", "base_ref": "", "token": FakeGitHub.TOKEN,
            "action_ref": action_ref, "action_repository": "speckit-dev/speckit" if action_ref else "",
            "event": {"ref": "refs/heads/main"}}


def scenario_pull_request(scratch, origin, api):
    """A pull request adding one error: every report, the SARIF and JUnit steps, a new sticky comment, a failure."""
    workspace = clone(scratch, origin, "feature", "pr")
    # The pull request's comments: 105 by people (so the list has two pages), one quoting the marker, one
    # starting with it; none by the bot.
    api.add("alice", "User", f"Why does speckit print `{MARKER}`?")
    api.add("alice", "User", f"{MARKER}\nmy own notes, copied from a report")
    for index in range(103):
        api.add("bob", "User", f"comment {index}")
    github = pull_request()
    result = run_action(scratch, workspace, {"speckit-path": str(BINARY)}, github, environment(scratch, workspace, github, api.url))
    log = log_of(result)
    outputs = result["outputs"]
    print(f"pull request: outputs errors={outputs['errors']} warnings={outputs['warnings']} new={outputs['new']} "
          f"exit-code={outputs['exit-code']}")
    check("pr: outputs errors=1 warnings=0 notes=0 new=1 exit-code=1",
          [outputs[k] for k in ("errors", "warnings", "notes", "new", "exit-code")] == ["1", "0", "0", "1", "1"], f"{outputs}\n{log}")
    for name in ("json", "markdown", "sarif", "junit"):
        path = outputs[f"report-{name}"]
        check(f"pr: report-{name} is a file under RUNNER_TEMP", path.startswith(str(result["temp"])) and pathlib.Path(path).is_file(), path)
    validate = step(result, "Check the plans")
    check("pr: the shallow checkout fetched the target branch", "speckit: fetching main" in validate["stdout"], log)
    annotation = next((line for line in validate["stdout"].splitlines() if line.startswith("::error file=")), "")
    print(f"pull request: {annotation[:110]}")
    check("pr: an error annotation for the new finding",
          annotation.startswith("::error file=plans/tasks.md,line=6,") and "(new)" in annotation, log)
    check("pr: the step summary is the Markdown report", result["summary"].startswith(MARKER + "\n")
          and "1 new error" in result["summary"], result["summary"][:500])
    sarif = step(result, "Upload SARIF to code scanning")
    check("pr: SARIF goes to github/codeql-action/upload-sarif@v3, category speckit",
          sarif["ran"] and sarif["uses"] == "github/codeql-action/upload-sarif@v3"
          and sarif["with"] == {"sarif_file": outputs["report-sarif"], "category": "speckit"}, sarif)
    results_in_sarif = json.loads(pathlib.Path(outputs["report-sarif"]).read_text())["runs"][0]["results"]
    check("pr: the SARIF holds the new finding", [r["ruleId"] for r in results_in_sarif] == ["tasks.unknown-dependency"]
          and results_in_sarif[0].get("baselineState") == "new", results_in_sarif)
    junit = step(result, "Keep the JUnit report")
    check("pr: JUnit goes to actions/upload-artifact@v4", junit["ran"] and junit["uses"] == "actions/upload-artifact@v4"
          and junit["with"] == {"name": "speckit-junit", "path": outputs["report-junit"]}, junit)
    comment = step(result, "Post or update the pull-request comment")
    created = [c for c in api.comments if c["user"]["login"] == "github-actions[bot]"]
    print(f"pull request: {comment.get('stdout', '').strip()}")
    check("pr: one comment created, by the bot, holding the report", comment.get("returncode") == 0
          and api.writes() == [("POST", "/repos/acme/plans/issues/7/comments")] and len(created) == 1
          and created[0]["body"] == pathlib.Path(outputs["report-markdown"]).read_text(), f"{api.writes()}\n{log}")
    check("pr: the comments were read page by page", [p for m, p, _ in api.requests if m == "GET"].count("/repos/acme/plans/issues/7/comments") == 2,
          api.requests)
    check("pr: the person's comments are untouched", api.comments[1]["body"] == f"{MARKER}\nmy own notes, copied from a report")
    final = step(result, "Fail on speckit's verdict")
    print(f"pull request: {final.get('stdout', '').strip()} (step exit {final.get('returncode')})")
    check("pr: the last step fails the action", final["ran"] and final["returncode"] == 1 and result["failed"]
          and "speckit found problems that fail the run" in final["stdout"], log)

    # The next push: the comment an earlier run left (its report older) is updated in place.
    created[0]["body"] = f"{MARKER}\nan older report"
    api.requests.clear()
    again = run_action(scratch, workspace, {"speckit-path": str(BINARY)}, github, environment(scratch, workspace, github, api.url))
    print(f"pull request, again: {step(again, 'Post or update the pull-request comment').get('stdout', '').strip()}")
    check("pr again: the same comment updated, none created",
          api.writes() == [("PATCH", f"/repos/acme/plans/issues/comments/{created[0]['id']}")]
          and created[0]["body"].startswith(MARKER + "\n### ") and len(api.comments) == 106, f"{api.writes()}\n{log_of(again)}")


def scenario_fork(scratch, origin, api):
    """A pull request from a fork: no SARIF upload and no comment, each with a notice; still fails."""
    workspace = clone(scratch, origin, "feature", "fork")
    github = pull_request(head_repository="someone/plans")
    api.requests.clear()
    result = run_action(scratch, workspace, {"speckit-path": str(BINARY)}, github, environment(scratch, workspace, github, api.url))
    log = log_of(result)
    notices = [line for r in result["steps"] for line in r.get("stdout", "").splitlines() if line.startswith("::notice")]
    for line in notices:
        print(f"fork: {line[:120]}")
    check("fork: no SARIF upload", not step(result, "Upload SARIF to code scanning")["ran"], log)
    check("fork: notices say why there is no upload and no comment",
          any("No SARIF upload" in n and "fork" in n for n in notices) and any("No pull-request comment" in n and "fork" in n for n in notices), log)
    check("fork: no request to the API", api.requests == [], api.requests)
    check("fork: the JUnit artifact is kept", step(result, "Keep the JUnit report")["ran"], log)
    check("fork: still fails on the error", result["outputs"]["exit-code"] == "1" and result["failed"], log)


def release(scratch, tamper=False):
    """A fake release: the tarball scripts/release.sh makes (its bin/speckit runs the built binary) and its
    .sha256, served by a fake curl that logs the URLs it is asked for."""
    top = f"speckit-{VERSION}-linux-x86_64"
    folder = scratch / ("release-tampered" if tamper else "release")
    (folder / "stage" / top / "bin").mkdir(parents=True)
    launcher = folder / "stage" / top / "bin" / "speckit"
    launcher.write_text(f'#!/bin/sh\nexec "{BINARY}" "$@"\n')
    launcher.chmod(0o755)
    with tarfile.open(folder / f"{top}.tar.gz", "w:gz") as archive:
        archive.add(folder / "stage" / top, arcname=top)
    digest = subprocess.run(["sha256sum", f"{top}.tar.gz"], cwd=folder, capture_output=True, text=True, check=True).stdout
    if tamper:
        digest = ("0" * 64) + digest[64:]
    (folder / f"{top}.tar.gz.sha256").write_text(digest)
    tools = folder / "tools"
    tools.mkdir()
    curl = tools / "curl"
    curl.write_text(f"""#!/usr/bin/env bash
# curl -fsSL … -o FILE URL, served from {folder}
set -euo pipefail
while [ $# -gt 0 ]; do
  case "$1" in -o) out=$2; shift 2 ;; -*) [ "$1" = --retry ] || [ "$1" = --retry-delay ] && shift; shift ;; *) url=$1; shift ;; esac
done
echo "$url" >>"{folder}/curl.log"
case "$url" in https://github.com/speckit-dev/speckit/releases/download/v{VERSION}/*) cp "{folder}/${{url##*/}}" "$out" ;; *) exit 22 ;; esac
""")
    curl.chmod(0o755)
    return folder, tools


def scenario_push_release(scratch, origin, api):
    """A push to main with the clean kit, speckit installed from the release the action's ref names: passes."""
    workspace = clone(scratch, origin, "main", "push")
    folder, tools = release(scratch)
    github = push(action_ref=f"v{VERSION}")
    api.requests.clear()
    result = run_action(scratch, workspace, {}, github, environment(scratch, workspace, github, api.url), path_prefix=[str(tools)])
    log = log_of(result)
    install = step(result, "Install speckit")
    urls = (folder / "curl.log").read_text().split() if (folder / "curl.log").exists() else []
    base = f"https://github.com/speckit-dev/speckit/releases/download/v{VERSION}/speckit-{VERSION}-linux-x86_64.tar.gz"
    print(f"push: {install.get('stdout', '').strip().splitlines()[-1] if install.get('stdout') else log}")
    check("push: the tarball and its .sha256 downloaded from the release of the action's ref", urls == [base, base + ".sha256"], f"{urls}\n{log}")
    check("push: bin/ of the unpacked tarball on GITHUB_PATH", len(install.get("path_added", [])) == 1
          and install["path_added"][0].endswith(f"/speckit-{VERSION}-linux-x86_64/bin")
          and install["path_added"][0].startswith(str(result["temp"])), install)
    outputs = result["outputs"]
    print(f"push: outputs errors={outputs['errors']} new={outputs['new']} exit-code={outputs['exit-code']}; "
          f"action {'failed' if result['failed'] else 'passed'}")
    check("push: the clean kit passes: exit-code=0 errors=0 new=0, no compare", [outputs[k] for k in ("exit-code", "errors", "new")] == ["0", "0", "0"]
          and "--base" not in step(result, "Check the plans")["stdout"] and not result["failed"], log)
    check("push: the summary says passed", result["summary"].startswith(MARKER) and "passed" in result["summary"], result["summary"][:300])
    check("push: no comment outside a pull request", api.requests == [] and "not a pull request" in step(result, "Post or update the pull-request comment").get("stdout", ""), log)
    check("push: the last step does not run", not step(result, "Fail on speckit's verdict")["ran"], log)

    # speckit of that version already on PATH: nothing is downloaded.
    (folder / "curl.log").unlink()
    on_path = scratch / "on-path"
    on_path.mkdir()
    (on_path / "speckit").symlink_to(BINARY)
    result = run_action(scratch, workspace, {}, github, environment(scratch, workspace, github, api.url), path_prefix=[str(tools), str(on_path)])
    check("push: speckit of the version on PATH is used, nothing downloaded", not (folder / "curl.log").exists()
          and "already on PATH" in step(result, "Install speckit").get("stdout", "") and result["outputs"]["exit-code"] == "0", log_of(result))


def scenario_refusals(scratch, origin, api):
    """A tarball that does not match its .sha256 is not installed; a ref that is no version needs `version`;
    a bad input is one line; an input is never run as a command."""
    workspace = clone(scratch, origin, "main", "refusals")
    _, tools = release(scratch, tamper=True)
    github = push(action_ref=f"v{VERSION}")
    env = environment(scratch, workspace, github, api.url)
    result = run_action(scratch, workspace, {}, github, env, path_prefix=[str(tools)])
    install = step(result, "Install speckit")
    print(f"tampered: {install.get('stdout', '').strip()}")
    check("tampered: refused before unpacking, nothing else runs", install["returncode"] == 1
          and "does not match its .sha256" in install["stdout"] and not step(result, "Check the plans")["ran"]
          and result["outputs"]["exit-code"] == "" and not list(result["temp"].glob("speckit-install.*/speckit-*/bin")), log_of(result))

    result = run_action(scratch, workspace, {}, push(action_ref="main"), env)
    line = step(result, "Install speckit").get("stdout", "").strip()
    check("ref main: asks for a version", line.startswith("::error title=speckit::cannot tell which speckit release to install from the action's ref 'main'"), line)

    result = run_action(scratch, workspace, {"speckit-path": str(BINARY), "fail-on": "sometimes"}, push(), env)
    line = step(result, "Check the plans").get("stdout", "").strip()
    check("bad fail-on: one line and a failure", line == "::error title=speckit::fail-on: expected all or new, got 'sometimes'" and result["failed"], line)

    hostile = '$(touch "$RUNNER_TEMP/pwned")\n`touch pwned`; touch pwned'
    result = run_action(scratch, workspace, {"speckit-path": str(BINARY), "paths": hostile, "base": "main; touch pwned"}, push(), env)
    final = step(result, "Fail on speckit's verdict")
    print(f"hostile input: exit-code={result['outputs']['exit-code']}; {final.get('stdout', '').strip()[:100]}")
    check("hostile input: read as paths and a revision, never run", not (result["temp"] / "pwned").exists()
          and not (workspace / "pwned").exists() and result["outputs"]["exit-code"] == "2" and final.get("returncode") == 1
          and "could not check the plans (exit 2)" in final["stdout"], log_of(result))


def main():
    scratch = pathlib.Path(tempfile.mkdtemp(prefix="speckit-action-"))
    api = FakeGitHub()
    try:
        for spec in ACTION["runs"]["steps"]:
            if "run" in spec:
                check(f"step {spec['name']}: no ${{{{ }}}} inside run: (inputs reach the shell through env:)", "${{" not in spec["run"])
        check("the action calls only the expected actions",
              sorted(s["uses"] for s in ACTION["runs"]["steps"] if "uses" in s) == ["actions/upload-artifact@v4", "github/codeql-action/upload-sarif@v3"])
        origin = make_origin(scratch)
        scenario_pull_request(scratch, origin, api)
        scenario_fork(scratch, origin, api)
        scenario_push_release(scratch, origin, api)
        scenario_refusals(scratch, origin, api)
    finally:
        api.server.shutdown()
        shutil.rmtree(scratch, ignore_errors=True)
    print(f"action: {results['passed']} passed, {results['failed']} failed")
    return 1 if results["failed"] else 0


if __name__ == "__main__":
    sys.exit(main())
