#!/usr/bin/env python3
"""Builds a repository with 17 Spec Kit features and about 800 findings, in two commits, for looking at the
pull-request comment on a large repository: the base has the old findings; the head completes tasks in
three features, takes one back from done, and adds two new errors.
Usage: large-repo.py FOLDER (made empty first)."""
import pathlib, random, shutil, subprocess, sys

NAMES = ["auth", "billing", "search", "onboarding", "exports", "audit-log", "notifications", "sso", "rate-limits",
         "webhooks", "reports", "mobile-sync", "i18n", "feature-flags", "backups", "admin-console", "api-keys"]


def tasks(feature, seed, done_extra=0):
    rng = random.Random(seed)
    lines = [f"# Tasks: {feature}", ""]
    number = 1
    for phase in range(1, 4):
        lines += [f"## Phase {phase}: {['Setup', 'Core', 'Polish'][phase - 1]}", ""]
        for _ in range(12):
            done = number <= 10 + done_extra
            deps = f" (depends on T{number + 900:03d})" if rng.random() < 0.55 else ""
            lines.append(f"- [{'x' if done else ' '}] T{number:03d} {feature} step {number}{deps}")
            number += 1
        lines.append("")
    return "\n".join(lines) + "\n"


def plan(feature, seed):
    rng = random.Random(seed)
    lines = [f"# Plan: {feature}", "", "## Technical Context", ""]
    for index in range(rng.randint(20, 26)):
        lines.append(f"- Decision {index + 1}: TBD")
    return "\n".join(lines) + "\n"


def git(folder, *arguments):
    subprocess.run(["git", "-c", "user.name=speckit", "-c", "user.email=speckit@example.test", *arguments],
                   cwd=folder, check=True, stdout=subprocess.DEVNULL)


def main():
    root = pathlib.Path(sys.argv[1])
    shutil.rmtree(root, ignore_errors=True)
    root.mkdir(parents=True)
    git(root, "init", "-q", "-b", "main")
    for index, name in enumerate(NAMES):
        feature = root / "specs" / f"{index + 1:03d}-{name}"
        feature.mkdir(parents=True)
        (feature / "spec.md").write_text(f"# Feature Specification: {name}\n\n## Requirements\n\n- **FR-001**: It works.\n")
        (feature / "plan.md").write_text(plan(name, index))
        (feature / "tasks.md").write_text(tasks(name, index))
    git(root, "add", "-A")
    git(root, "commit", "-qm", "base")
    # The pull request: progress in three features, one task taken back from done, two new errors.
    for index in (0, 4, 9):
        feature = root / "specs" / f"{index + 1:03d}-{NAMES[index]}"
        (feature / "tasks.md").write_text(tasks(NAMES[index], index, done_extra=6))
    regressed = root / "specs" / "003-search" / "tasks.md"
    regressed.write_text(regressed.read_text().replace("- [x] T004 ", "- [ ] T004 "))
    fresh = root / "specs" / "005-exports" / "tasks.md"
    fresh.write_text(fresh.read_text() + "- [ ] T037 Stream large exports (depends on T099)\n- [ ] T037 Resume a stream\n")
    git(root, "checkout", "-qb", "pull-request")
    git(root, "commit", "-qam", "pull request")


if __name__ == "__main__":
    main()
