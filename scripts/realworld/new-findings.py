#!/usr/bin/env python3
"""How well `validate --base REF` tells new findings from existing ones on real repositories.

For each repository snapshot (a bare mirror from the search tool's fetch) with history, checks out HEAD and
runs `speckit validate . --base REF --format json` against an older commit REF (HEAD~N, the farthest back up
to N that exists). A finding marked new should sit on a line the commits changed, or follow from one (a task
removed elsewhere); one marked new on a line nobody touched is listed for a hand check.
Usage: new-findings.py SPECKIT MIRRORS [N]  (MIRRORS: a folder of OWNER+NAME/repo bare repositories)."""
import json, pathlib, re, subprocess, sys, tempfile


def run(arguments, cwd):
    return subprocess.run(arguments, cwd=cwd, capture_output=True, text=True, errors="replace")


def changed_lines(repo, base):
    """{file: set of line numbers on the new side} of `git diff base HEAD`."""
    out = run(["git", "diff", "--unified=0", "--no-renames", base, "HEAD", "--", "*.md", "*.markdown", "*.yml", "*.yaml", "*.json"], repo).stdout
    lines, file = {}, None
    for line in out.splitlines():
        if line.startswith("+++ "):
            file = line[6:] if line.startswith("+++ b/") else None
        elif line.startswith("@@") and file:
            match = re.match(r"@@ -\S+ \+(\d+)(?:,(\d+))? @@", line)
            start, count = int(match.group(1)), int(match.group(2) or 1)
            lines.setdefault(file, set()).update(range(start, start + max(count, 1)))
    return lines


def main():
    speckit, mirrors = pathlib.Path(sys.argv[1]).resolve(), pathlib.Path(sys.argv[2])
    depth = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    totals = {"repos": 0, "findings": 0, "new": 0, "new on changed lines": 0, "new elsewhere": 0}
    elsewhere = []
    for mirror in sorted(mirrors.glob("*/repo")):
        count = int(run(["git", "rev-list", "--count", "HEAD"], mirror).stdout.strip() or 0)
        if count < 2:
            continue
        with tempfile.TemporaryDirectory() as tmp:
            work = pathlib.Path(tmp) / "w"
            if run(["git", "clone", "-q", "--no-hardlinks", str(mirror), str(work)], tmp).returncode != 0:
                continue
            base = f"HEAD~{min(depth, count - 1)}"
            result = run([str(speckit), "validate", ".", "--base", base, "--format", "json"], work)
            if result.returncode not in (0, 1):
                continue
            report = json.loads(result.stdout)
            changed = changed_lines(work, base)
            totals["repos"] += 1
            for finding in report["findings"]:
                totals["findings"] += 1
                if not finding.get("new"):
                    continue
                totals["new"] += 1
                file, line = finding["range"]["file"], finding["range"]["line"]
                file = file[2:] if file.startswith("./") else file
                if line in changed.get(file, set()) or finding["ruleId"] == "status.regression":
                    totals["new on changed lines"] += 1
                else:
                    totals["new elsewhere"] += 1
                    elsewhere.append(f"{mirror.parent.name}\t{base}\t{file}:{line}\t{finding['ruleId']}\t{finding['message'][:120]}")
    print(json.dumps(totals, indent=2))
    for row in elsewhere:
        print(row)


if __name__ == "__main__":
    main()
