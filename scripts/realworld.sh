#!/usr/bin/env bash
# Runs speckit over real public repositories and prints what discovery and the rules make of each, for a
# person to hand-check (run by hand, never in CI: the repositories are not in this one).
#
#   scripts/realworld.sh [--checkout MIRRORS] DIR [SPECKIT]
#
# DIR holds one work tree per repository of scripts/realworld/manifest.tsv, named OWNER+NAME. With
# --checkout, each is first written there from a bare git folder MIRRORS/OWNER+NAME (as the session's fetch
# tool leaves them) at the manifest's commit. SPECKIT defaults to .build/debug/speckit. For each repository
# it prints: parse's and validate's exit codes, whether both found the same kits, kits by profile, files
# skipped by reason, findings by severity, and every error finding's rule; DIR/OWNER+NAME.json keeps
# validate's report for reading. Verdicts go in scripts/realworld/verdicts.md.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
manifest=$repo/scripts/realworld/manifest.tsv
mirrors=""
if [ "${1:-}" = "--checkout" ]; then
  [ $# -ge 3 ] || { echo "usage: scripts/realworld.sh [--checkout MIRRORS] DIR [SPECKIT]" >&2; exit 2; }
  mirrors=$2
  shift 2
fi
[ $# -ge 1 ] || { echo "usage: scripts/realworld.sh [--checkout MIRRORS] DIR [SPECKIT]" >&2; exit 2; }
dir=$(cd "$1" && pwd)
speckit=$(cd "$repo" && realpath "${2:-.build/debug/speckit}")
[ -x "$speckit" ] || { echo "realworld: $speckit is not an executable (build it first)" >&2; exit 2; }

while IFS=$'\t' read -r name commit category note; do
  [ -n "$name" ] || continue
  folder=$dir/${name/\//+}
  if [ -n "$mirrors" ]; then
    git_dir=$mirrors/${name/\//+}
    [ -d "$git_dir/repo/.git" ] && git_dir=$git_dir/repo/.git
    [ -d "$git_dir/repo" ] && git_dir=$git_dir/repo
    rm -rf "$folder" && mkdir -p "$folder"
    git --git-dir="$git_dir" archive "$commit" | tar -x -C "$folder"
  fi
  [ -d "$folder" ] || { echo "$name: not in $dir (skipped)"; continue; }
  # A .git marker keeps the search for .speckit.yml inside the repository.
  mkdir -p "$folder/.git"
  parse_rc=0 validate_rc=0
  (cd "$folder" && "$speckit" parse . > "$dir/.parse.json" 2> "$dir/.parse.err") || parse_rc=$?
  (cd "$folder" && "$speckit" validate . --format json > "$folder.json" 2> "$dir/.validate.err") || validate_rc=$?
  python3 - "$name" "$category" "$parse_rc" "$validate_rc" "$dir/.parse.json" "$folder.json" "$dir/.validate.err" <<'PY'
import collections, json, sys
name, category, parse_rc, validate_rc, parse_path, validate_path, err_path = sys.argv[1:]
def load(path):
    try:
        return json.load(open(path))
    except Exception:
        return None
parsed, report = load(parse_path), load(validate_path)
print(f"== {name} [{category}] parse exit {parse_rc}, validate exit {validate_rc}")
if report is None:
    print("   " + open(err_path).read().strip()[:300])
    sys.exit()
kits = lambda r: sorted((k["name"], k["root"], k["profile"]) for k in (r or {}).get("kits", []))
print("   parse and validate kits: " + ("same" if kits(parsed) == kits(report) else "DIFFERENT"))
print("   kits: " + ", ".join(f"{n} {p}" for p, n in sorted(collections.Counter(k["profile"] for k in report["kits"]).items())))
skipped = collections.Counter(s["reason"] for s in report.get("skipped", []))
print("   skipped: " + (", ".join(f"{n} {r}" for r, n in sorted(skipped.items())) or "none"))
s = report["summary"]
print(f"   findings: {s['errors']} errors, {s['warnings']} warnings, {s['notes']} notes in {s['files']} files, {s['tasks']} tasks")
errors = collections.Counter(f["ruleId"] for f in report["findings"] if f["severity"] == "error")
if errors:
    print("   errors by rule: " + ", ".join(f"{r} {n}" for r, n in errors.most_common()))
PY
done < "$manifest"
rm -f "$dir/.parse.json" "$dir/.parse.err" "$dir/.validate.err"
