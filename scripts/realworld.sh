#!/usr/bin/env bash
# Measures speckit's findings on real public plans and how many of them a person judged true (run by hand,
# never in CI: the repositories are not in this one and are never copied into it).
#
#   scripts/realworld.sh [--checkout MIRRORS] [--unjudged FILE] [--judged FILE] DIR [SPECKIT]
#
# scripts/realworld/manifest.tsv lists what is measured, tab-separated, one row per plan file:
#   repository  commit  path  style  notes
# repository is OWNER/NAME on GitHub, commit the snapshot read, path a plan file in it and style its kind
# (comma-separated tags: speckit-en, speckit-ja, speckit-zh-hans, speckit-zh-hant, speckit-pt, speckit-ko,
# kiro-nested, kiro-flat, kiro-optional, kiro-inprogress, openspec, taskmaster-json, heading-tasks,
# bold-tasks, bullet-tasks, table-status, summary-progress, checklist, checklist-states, backlog-sprints,
# yaml-milestones, gsd-xml, freeform, crlf). Each repository also has one row with path '.' whose style is
# 'layout:CATEGORY' and whose notes say what the tree holds; it stands for `validate .` on the whole tree.
# Lines starting with '#' are comments.
#
# DIR holds one work tree per repository, named OWNER+NAME. With --checkout, each is first written there from
# the bare git folder MIRRORS/OWNER+NAME (as the session's fetch tool leaves them) at the manifest's commit;
# blobs the snapshot lacks (its largest files) are left out. SPECKIT defaults to .build/debug/speckit.
#
# For each repository it prints parse's and validate's exit codes, whether both found the same kits, kits by
# profile, files skipped by reason and error findings by rule (DIR/OWNER+NAME.json keeps `validate .`'s
# report). Then it validates each listed file on its own (`speckit validate FILE --format json`, in its
# kit), merges those findings with the layout's, deduplicated by (repository, path, line, column, rule), and
# prints them by rule and severity.
#
# scripts/realworld/verdicts.tsv holds a person's verdicts, tab-separated with a header:
#   repository  path  line  column  rule  severity  verdict  reason
# severity is the one the finding had when judged; verdict is true (a real defect the author would want to
# fix), false (the claim is wrong: the plan is fine there) or noise (defensible but useless to the team).
# A verdict matches a finding of this run by (repository, path, line, rule), and by column when it gives one.
# The script prints, from the matched verdicts, the share of true findings per rule and severity and per
# severity (error, warning, note, all), how many findings are judged and unjudged, and the verdicts whose
# findings are gone (per rule: how many true, false and noise findings no longer appear). --unjudged FILE
# writes the unjudged findings, with their source line, in verdicts.tsv's columns (verdict and reason empty,
# message and source after them) for a person to judge next; --judged FILE writes this run's judged findings the
# same way, with their verdicts. Prose: scripts/realworld/verdicts.md.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
manifest=$repo/scripts/realworld/manifest.tsv
verdicts=$repo/scripts/realworld/verdicts.tsv
usage="usage: scripts/realworld.sh [--checkout MIRRORS] [--unjudged FILE] [--judged FILE] DIR [SPECKIT]"
mirrors="" unjudged=() judged=()
while [ $# -gt 0 ]; do
  case $1 in
    --checkout) [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; mirrors=$2; shift 2 ;;
    --unjudged) [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; unjudged=(--unjudged "$(realpath "$2")"); shift 2 ;;
    --judged) [ $# -ge 2 ] || { echo "$usage" >&2; exit 2; }; judged=(--judged "$(realpath "$2")"); shift 2 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { echo "$usage" >&2; exit 2; }
dir=$(cd "$1" && pwd)
speckit=$(cd "$repo" && realpath "${2:-.build/debug/speckit}")
[ -x "$speckit" ] || { echo "realworld: $speckit is not an executable (build it first)" >&2; exit 2; }

# checkout GIT_DIR COMMIT FOLDER: writes COMMIT's tree into FOLDER (export-ignore attributes do not apply),
# leaving out the blobs the snapshot lacks.
checkout() {
  local git_dir=$1 commit=$2 folder=$3 index
  index=$(mktemp)
  rm -rf "$folder" && mkdir -p "$folder"
  GIT_INDEX_FILE=$index git --git-dir="$git_dir" read-tree "$commit"
  git --git-dir="$git_dir" ls-tree -r "$commit" | awk '$2 == "blob" { print $3 }' |
    git --git-dir="$git_dir" cat-file --batch-check='%(objectname) %(objecttype)' |
    awk '$2 == "missing" { print $1 }' > "$index.missing"
  if [ -s "$index.missing" ]; then
    git --git-dir="$git_dir" ls-tree -r -z "$commit" | python3 -c '
import sys
missing = set(open(sys.argv[1]).read().split())
for entry in sys.stdin.buffer.read().split(b"\0"):
    if entry and entry.split(b"\t", 1)[0].split()[2].decode() in missing:
        sys.stdout.buffer.write(entry.split(b"\t", 1)[1] + b"\0")' "$index.missing" |
      GIT_INDEX_FILE=$index git --git-dir="$git_dir" update-index -z --force-remove --stdin
  fi
  GIT_INDEX_FILE=$index git --git-dir="$git_dir" --work-tree="$folder" checkout-index -a -f
  rm -f "$index" "$index.missing"
}

if [ -n "$mirrors" ]; then
  grep -v '^#' "$manifest" | awk -F '\t' '$3 == "." { print $1 "\t" $2 }' | while IFS=$'\t' read -r name commit; do
    git_dir=$mirrors/${name/\//+}
    [ -d "$git_dir/repo/.git" ] && git_dir=$git_dir/repo/.git
    [ -d "$git_dir/repo" ] && git_dir=$git_dir/repo
    checkout "$git_dir" "$commit" "$dir/${name/\//+}"
  done
fi
python3 "$repo/scripts/realworld/measure.py" "$manifest" "$dir" "$speckit" "$verdicts" "${unjudged[@]}" "${judged[@]}"
