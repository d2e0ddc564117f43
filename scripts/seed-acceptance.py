#!/usr/bin/env python3
"""Seed acceptance: what the built speckit must say about the real plans the project was created from.

    scripts/seed-acceptance.py BINARY

The seeds live beside the repository, in ../shared/seeds; a checkout without them (GitHub's runners) has
nothing to check, says so and exits 0. Otherwise each fact from the project's earlier issues is checked
against the binary's JSON output and printed as it passes; the first that fails stops the run with exit 1.
The repository's own tests use the look-alike fixtures under Tests/Fixtures/plans/ instead.
"""
import json
import pathlib
import shutil
import subprocess
import sys
import tempfile

REPO = pathlib.Path(__file__).resolve().parents[1]
SEEDS = REPO.parent / "shared" / "seeds"


class Failure(Exception):
    pass


def check(name, ok, detail=""):
    if not ok:
        raise Failure(f"{name}: {detail}" if detail else name)
    print(f"ok   {name}")


def seed(prefix):
    """The seed file or folder whose name starts with `prefix` (`001_`, `from-002`)."""
    matches = sorted(path for path in SEEDS.iterdir() if path.name.startswith(prefix))
    if not matches:
        raise Failure(f"no seed named {prefix}* in {SEEDS}")
    return matches[0]


def speckit(binary, arguments, cwd):
    run = subprocess.run([str(binary), *arguments], cwd=cwd, capture_output=True, text=True, timeout=300)
    return run.returncode, run.stdout, run.stderr


def json_of(name, code, stdout, stderr, exits):
    if code not in exits:
        raise Failure(f"{name}: exit {code}, expected {' or '.join(map(str, exits))}: {stderr.strip()}")
    try:
        return json.loads(stdout)
    except json.JSONDecodeError as error:
        raise Failure(f"{name}: the output is not JSON ({error}): {stdout[:200]!r}")


def parse(binary, path, cwd):
    """The one document speckit parses from `path`, and the run's diagnostics."""
    report = json_of(f"parse {path.name}", *speckit(binary, ["parse", str(path), "--format", "json"], cwd), exits=(0,))
    documents = [document for kit in report["kits"] for document in kit["documents"]]
    if len(documents) != 1:
        raise Failure(f"parse {path.name}: expected one document, got {len(documents)}")
    return documents[0], report["diagnostics"]


def validate(binary, path, cwd):
    code, stdout, stderr = speckit(binary, ["validate", str(path), "--format", "json"], cwd)
    return code, json_of(f"validate {path.name}", code, stdout, stderr, exits=(0, 1))


def flattened(tasks):
    for task in tasks:
        yield task
        yield from flattened(task.get("subtasks", []))


def all_tasks(document):
    tasks = [task for phase in document["phases"] for task in flattened(phase["tasks"])]
    return tasks + list(flattened(document["tasks"]))


def checked(tasks):
    return [task for task in tasks if task.get("marker", {}).get("checked") is True]


def findings(report, rule):
    return [finding for finding in report["findings"] if finding["ruleId"] == rule]


def seed_001(binary, cwd):
    path = seed("001_")
    document, diagnostics = parse(binary, path, cwd)
    phases = document["phases"]
    check("001 parse: phases T0–T8", [phase["id"] for phase in phases] == [f"T{n}" for n in range(9)],
          [phase["id"] for phase in phases])
    declared = [(phase.get("declaredStatus") or {}).get("value") for phase in phases]
    expected = ["done", "done", "in_progress", "todo", "in_progress", "todo", "todo", "todo", "todo"]
    check("001 parse: declared " + ",".join(expected), declared == expected, declared)
    tasks = all_tasks(document)
    check("001 parse: 259 task items, 21 done", (len(tasks), len(checked(tasks))) == (259, 21),
          f"{len(tasks)} items, {len(checked(tasks))} done")
    check("001 parse: Mac Roman mojibake repaired", document["text"].get("mojibake") == "mac-roman", document["text"])
    check("001 parse: a parse.mojibake diagnostic", any(d["ruleId"] == "parse.mojibake" for d in diagnostics),
          [d["ruleId"] for d in diagnostics])
    claims = [claim["text"] for claim in document["claims"]]
    for claim in ["111 total", "18 completed (16%)"]:
        check(f"001 parse: the claim '{claim}' is kept", any(claim in text for text in claims), claims)

    code, report = validate(binary, path, cwd)
    contradictions = findings(report, "status.phase-contradiction")
    t5 = [finding for finding in contradictions if finding["message"].startswith("T5 is declared")]
    check("001 validate: status.phase-contradiction on T5, naming T5.4 and T5.5",
          len(t5) == 1 and "T5.4" in t5[0]["message"] and "T5.5" in t5[0]["message"],
          [finding["message"] for finding in contradictions])
    mismatches = [finding["message"] for finding in findings(report, "status.claim-mismatch")]
    for claim in ["'3/27 subtasks'", "'0/26 subtasks'", "'111 total subtasks'", "'18 completed (16%)'"]:
        check(f"001 validate: status.claim-mismatch on {claim}", any(m.startswith(claim) for m in mismatches), mismatches)
    for claim in ["'0/13 subtasks'", "'0/5 subtasks'"]:
        check(f"001 validate: no status.claim-mismatch on {claim}", not any(m.startswith(claim) for m in mismatches),
              mismatches)
    check("001 validate: encoding.mojibake", findings(report, "encoding.mojibake") != [])
    check("001 validate: exit 1", code == 1, f"exit {code}")

    scratch = pathlib.Path(cwd) / "fix"
    scratch.mkdir()
    copy = scratch / "tasks.md"
    shutil.copyfile(path, copy)
    copy.chmod(0o644)
    code, stdout, stderr = speckit(binary, ["fix", "tasks.md"], scratch)
    check("001 fix on a copy: repaired 28 mojibake characters (mac-roman)",
          code == 0 and "repaired 28 mojibake characters (mac-roman)" in stdout, f"exit {code}: {stdout}{stderr}")
    code, report = validate(binary, copy, scratch)
    check("001 fix on a copy: validate reports no mojibake afterwards", findings(report, "encoding.mojibake") == [],
          [finding["message"] for finding in findings(report, "encoding.mojibake")])


def seed_003(binary, cwd):
    path = seed("003_")
    document, _ = parse(binary, path, cwd)
    blocks = [task.get("id") for task in all_tasks(document) if task.get("form") == "heading"]
    check("003 parse: Task 39–54 blocks", blocks == [f"Task {n}" for n in range(39, 55)], blocks)
    check("003 parse: Task 55 inside a code fence is ignored",
          not any(task.get("id") == "Task 55" for task in all_tasks(document)))
    check("003 parse: Windows-1252 mojibake repaired", document["text"].get("mojibake") == "windows-1252", document["text"])

    code, report = validate(binary, path, cwd)
    conflicts = findings(report, "status.conflicting-statements")
    expected = {"Task 43": [855, 1368, 2348], "Task 47": [1109, 1384, 2369, 2409],
                "Task 48": [1182, 1380, 2368, 2410], "Task 50": [1520, 2350]}
    for task, lines in expected.items():
        found = [finding for finding in conflicts if finding["message"].startswith(task + " is stated done")]
        related = [place["range"]["line"] for place in found[0]["related"]] if found else None
        check(f"003 validate: status.conflicting-statements for {task} at lines {', '.join(map(str, lines))}",
              related == lines and all(f"line {line}" in found[0]["message"] for line in lines),
              found[0]["message"] if found else [finding["message"] for finding in conflicts])
    check("003 validate: exit 1", code == 1, f"exit {code}")


def seed_000(binary, cwd):
    path = seed("000_")
    document, _ = parse(binary, path, cwd)
    phases = document["phases"]
    check("000 parse: phases 14.1–14.5", [phase["id"] for phase in phases] == [f"Phase 14.{n}" for n in range(1, 6)],
          [phase["id"] for phase in phases])
    deliverables = [len(phase["deliverables"]) for phase in phases]
    check("000 parse: deliverables 3,3,3,3,2", deliverables == [3, 3, 3, 3, 2], deliverables)
    acceptance = [len(phase["acceptanceCriteria"]) for phase in phases]
    check("000 parse: acceptance checks 3,3,3,2,2", acceptance == [3, 3, 3, 2, 2], acceptance)
    _, report = validate(binary, path, cwd)
    check("000 validate: no acceptance.missing", findings(report, "acceptance.missing") == [],
          [finding["message"] for finding in findings(report, "acceptance.missing")])


def seed_004(binary, cwd):
    document, _ = parse(binary, seed("004_"), cwd)
    ids = [phase["id"] for phase in document["phases"]]
    check("004 parse: phases Phase 0–6", ids == [f"Phase {n}" for n in range(7)], ids)
    tasks = all_tasks(document)
    check("004 parse: 129 task items, 16 done", (len(tasks), len(checked(tasks))) == (129, 16),
          f"{len(tasks)} items, {len(checked(tasks))} done")


def seed_from_002(binary, cwd):
    document, _ = parse(binary, seed("from-002") / "implementation-plan.md", cwd)
    ids = [phase["id"] for phase in document["phases"]]
    check("from-002 implementation plan: phases 1–5", ids == [f"Phase {n}" for n in range(1, 6)], ids)
    items = [task for task in all_tasks(document) if task.get("form") == "checkbox"]
    check("from-002 implementation plan: 122 unchecked items",
          len(items) == 122 and checked(items) == [], f"{len(items)} items, {len(checked(items))} checked")


def main():
    if len(sys.argv) != 2:
        print("usage: scripts/seed-acceptance.py BINARY", file=sys.stderr)
        return 2
    if not SEEDS.is_dir():
        print(f"seed acceptance: skipped, the seeds are absent ({SEEDS} does not exist)")
        return 0
    binary = pathlib.Path(sys.argv[1]).resolve()
    if not binary.is_file():
        print(f"seed acceptance: {sys.argv[1]}: no such binary (build it first)", file=sys.stderr)
        return 2
    cwd = tempfile.mkdtemp(prefix="speckit-seed-acceptance-")
    try:
        for step in (seed_001, seed_003, seed_000, seed_004, seed_from_002):
            step(binary, cwd)
    except Failure as failure:
        print(f"FAIL {failure}"[:4000], file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(cwd, ignore_errors=True)
    print("seed acceptance: every fact holds")
    return 0


if __name__ == "__main__":
    sys.exit(main())
