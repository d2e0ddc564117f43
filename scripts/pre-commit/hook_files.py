"""Holds the hook's `files`/`exclude` (.pre-commit-hooks.yaml) to speckit's own walk.

speckit reads every file it is handed as a plan, so the hook must hand it what a walk from the repository root
reads, no more and no less. `write DIR` lays out file names that probe the walk's rules (plan words, camel case,
plan folders, hidden folders, templates, test data, the layouts' own files); `compare DIR ARGS WALK` checks the
files pre-commit passed to speckit (ARGS, one JSON list of arguments a run) against the files speckit's walk of DIR read
(WALK, `speckit validate --format json .`).
"""

import json
import subprocess
import os
import sys

# Each probe holds a task, so a walk that takes the file reads it (a lone file with no task is not a plan).
MARKDOWN = "# Notes\n\n- [ ] T1 Do the thing\n"
YAML = "tasks:\n  - id: T1\n    title: Do the thing\n    status: todo\n"
TASKMASTER = '{"master": {"tasks": [{"id": 1, "title": "Do the thing", "status": "pending", "dependencies": []}]}}\n'

PROBES = [
    # Named like a plan: a whole word, camel case, digits, the last word spec, to-do.
    "sprintPlan.yaml", "implementation-tasks.md", "ROADMAP.md", "api-spec.md", "myTasks.md", "TaskList.md",
    "task2.md", "2024-roadmap.md", "my-to-do.md", "feature-spec.2.md", "Plan.MD", "notes/TODO.md", "todos.yaml",
    "backlog.yml", "requirementsDoc.md", "PRDs.md", "CHECKLIST.md", "specification.markdown", "sprint_review.md",
    "milestone-2.md", "docs/proposal.md", "my-tasks.json",
    # Not named like a plan.
    "MYTasks.md", "speckit.md", "inspection.md", "spec-driven.md", "explanation.md", "planet.md", "subtasks.md",
    "taskmaster.md", "prespec.md", "spec.v2.md", "retro.md", "roadmap.txt", "roadmap.json", "plan.py",
    # Plan folders.
    "plans/README.md", "plans/q3.md", "plans/q3.yaml", "tasks/notes.md", "tasks/sub/notes.md", ".planning/PHASE-1.md",
    ".planning/README.md", ".specs/x/notes.md", ".ai/notes.md", ".github/plans/next.md",
    # Hidden, dependency and build folders; hidden files.
    ".github/ISSUE_TEMPLATE/task.md", ".vscode/tasks.json", ".hidden/tasks.md", ".tasks.md",
    "node_modules/pkg/tasks.md", "vendor/tasks.md", ".build/tasks.md", "Pods/plan.md", ".kiro/steering/tasks.md",
    ".kiro/specs/.drafts/tasks.md",
    # Templates and agents' prompts.
    "docs/templates/tasks.md", "plan-template.md", "tasks_template.md", "tasks.template.md", "speckit.tasks.md",
    "history/prompts/plan.md", ".claude/commands/plan.md",
    # Test data, and a layout's folder named like it.
    "test/tasks.md", "fixtures/roadmap.md", "src/__tests__/plan.md", "specs/002-x/tests/tasks.md",
    # Layouts: Spec Kit, speckit, Kiro, OpenSpec, Taskmaster.
    "specs/002-x/notes.md", "specs/002-x/contracts/api.md", "specs/002-x/contracts/api.yaml", "specs/002-x/tasks.yaml",
    "specs/notes.md", ".specify/memory/constitution.md", ".specify/memory/notes.md", "spec/shop/notes.md", ".specify/scripts/tasks.md", "spec/shop/constitution.md",
    "spec/shop/tasks.yaml", ".kiro/specs/search/design.md", "openspec/project.md", "openspec/tasks.md", "openspec/changes/add-x/design.md",
    "openspec/changes/archive/tasks.md", "openspec/changes/archive/2025-01-01-x/tasks.md",
    "openspec/specs/auth/spec.md", "openspec/specs/auth/design.md", ".taskmaster/tasks/tasks.json", ".taskmaster/tasks/subtasks.json", ".taskmaster/docs/vision.md",
    ".taskmaster/reports/task-report.json",
]


def write(folder):
    for path in PROBES:
        target = os.path.join(folder, path)
        os.makedirs(os.path.dirname(target) or ".", exist_ok=True)
        if path.endswith(".json"):
            text = TASKMASTER
        elif path.endswith((".yaml", ".yml")):
            text = YAML
        else:
            text = MARKDOWN
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(text)


def documents(report):
    """What a validate report read: every document of every kit, and the files it could not read."""
    read = {document["path"] for kit in report["kits"] for document in kit["documents"]}
    return read | {finding["range"]["file"] for finding in report["findings"] if finding.get("ruleId") == "input.unreadable"}


def compare(folder, args_log, walk_json, speckit):
    with open(args_log, encoding="utf-8") as handle:
        runs = [json.loads(line) for line in handle if line.strip()]
    arguments = ["validate", "--allow-empty", "--only-plans"]
    handed = [arg for run in runs for arg in run[len(arguments):]]
    if any(run[:len(arguments)] != arguments for run in runs):
        print(f"check-pre-commit: FAIL: expected `speckit {' '.join(arguments)} FILE…`, got {runs}", file=sys.stderr)
        return 1
    with open(walk_json, encoding="utf-8") as handle:
        walk = json.load(handle)
    # What speckit reads of the files the hook hands it, against what its walk of the repository reads.
    hooked = subprocess.run([speckit, *arguments, "--format", "json", *handed], cwd=folder, capture_output=True, text=True)
    if hooked.returncode not in (0, 1):
        print(f"check-pre-commit: FAIL: speckit on the handed files exited {hooked.returncode}: {hooked.stderr}", file=sys.stderr)
        return 1
    passed = documents(json.loads(hooked.stdout))
    read = documents(walk)
    skipped = {entry["path"]: entry["reason"] for entry in walk["skipped"]}
    by_content = sorted(path for path in skipped if skipped[path] == "not-a-plan")
    missed = sorted(read - passed)
    extra = sorted(passed - read)
    files = 0
    for _, folders, names in os.walk(folder):
        folders[:] = [name for name in folders if name != ".git"]
        files += len(names)
    print(f"  {files} files: pre-commit handed {len(handed)} in {len(runs)} run(s); the walk read {len(read)}, "
          f"speckit --only-plans read {len(passed)} of those handed")
    print(f"  skipped by both as no plans by their content: {len(by_content)}")
    for path in by_content:
        print(f"    {path}")
    problems = []
    if len(runs) != 1:
        problems.append(f"expected one speckit run for all the files, got {len(runs)}")
    problems += [f"the walk reads {path}, but the hook run does not" for path in missed]
    problems += [f"the hook run reads {path} ({skipped.get(path, 'not read')}), but the walk does not" for path in extra]
    for problem in problems:
        print(f"check-pre-commit: FAIL: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["write"] and len(sys.argv) == 3:
        write(sys.argv[2])
    elif sys.argv[1:2] == ["compare"] and len(sys.argv) == 6:
        sys.exit(compare(*sys.argv[2:]))
    else:
        sys.exit("usage: hook_files.py write DIR | compare DIR ARGS WALK SPECKIT")
