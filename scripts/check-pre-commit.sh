#!/usr/bin/env bash
# The pre-commit hook of .pre-commit-hooks.yaml, run by the real pre-commit (PyPI) with `pre-commit try-repo`
# and through `git commit` in throwaway repositories, with SPECKIT_BINARY on PATH as `speckit`:
#   (a) a change that adds errors to a kit's tasks.md is refused, and the findings are named;
#   (b) a clean change passes;  (c) a commit touching no plan file skips the hook or passes;
#   (d) findings in kit files the commit leaves alone are not reported;
#   (e) the README's .pre-commit-config.yaml, installed, refuses `git commit` and then lets the fix through, and
#       lets a Tekton task named like a plan through (no plan by its content, as the walk finds);
#   (f) speckit --only-plans reads of the files the hook hands it exactly what its walk reads (fixture repositories
#       and probes);
#   (g) with SPECKIT_PRE_COMMIT_SWIFT=1 only, speckit-validate-swift (pre-commit builds speckit) refuses (a) too.
# Offline but for PyPI (the venv): the hook is `language: system`, and the hook repository a local path.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
binary="${1:?usage: scripts/check-pre-commit.sh SPECKIT_BINARY}"
[ -x "$binary" ] || { echo "check-pre-commit: $binary is not an executable (build speckit first)" >&2; exit 2; }
binary=$(realpath "$binary")
venv=$(scripts/python-venv.sh)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# Git and pre-commit see only what this script sets: no user or system configuration, no caller's repository.
unset GIT_DIR GIT_WORK_TREE GIT_INDEX_FILE GIT_OBJECT_DIRECTORY GIT_ALTERNATE_OBJECT_DIRECTORIES
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL="$tmp/gitconfig" PRE_COMMIT_HOME="$tmp/pre-commit-home"
git config --global user.name "speckit check"
git config --global user.email "check@speckit.invalid"
git config --global init.defaultBranch main
git config --global commit.gpgSign false
# A container's checkout may belong to another user (GitHub's runners).
git config --global safe.directory "*"

fail() {
  echo "check-pre-commit: FAIL: $1" >&2
  if [ -n "${2:-}" ]; then sed 's/^/    | /' "$2" >&2; fi
  exit 1
}

# `speckit` on PATH records each run (its arguments, one JSON list a line) in $tmp/runs, then runs the binary
# (or, with SPECKIT_RECORD_ONLY=1, passes).
mkdir "$tmp/bin"
cat > "$tmp/bin/speckit" <<EOF
#!$venv/bin/python
import json, os, sys
with open("$tmp/runs", "a") as log:
    log.write(json.dumps(sys.argv[1:]) + "\n")
if os.environ.get("SPECKIT_RECORD_ONLY") != "1":
    os.execv("$binary", ["speckit"] + sys.argv[1:])
EOF
chmod +x "$tmp/bin/speckit"
export PATH="$tmp/bin:$venv/bin:$PATH"

# The hook repository: this checkout (try-repo clones it at HEAD, with changes to tracked files as a shadow
# commit), or a copy of .pre-commit-hooks.yaml in a repository of its own when it is not in git here.
if git -C "$root" ls-files --error-unmatch .pre-commit-hooks.yaml > /dev/null 2>&1; then
  hooks="$root"
else
  echo "check-pre-commit: .pre-commit-hooks.yaml is not in git here; trying a repository holding a copy of it"
  hooks="$tmp/hooks"
  git init -q "$hooks"
  cp .pre-commit-hooks.yaml "$hooks/"
  git -C "$hooks" add .pre-commit-hooks.yaml
  git -C "$hooks" commit -q -m "speckit hooks"
fi

# A project (Tests/Fixtures/pre-commit): one clean Spec Kit feature, a README and some code.
project="$tmp/project"
feature="$project/specs/001-greeting"
mkdir -p "$project"
cp -R Tests/Fixtures/pre-commit/. "$project/"
cp "$feature/tasks.md" "$tmp/tasks.clean"
git -C "$project" init -q
(cd "$project" && speckit validate .) > "$tmp/clean.out" 2>&1 || fail "the project's kit is not clean to begin with" "$tmp/clean.out"
grep -q "^0 errors, 0 warnings, 0 notes in 3 files (1 kit, 2 tasks): passed$" "$tmp/clean.out" \
  || fail "the project's kit is not clean to begin with" "$tmp/clean.out"
git -C "$project" add -A
git -C "$project" commit -q -m "A clean kit"
echo "check-pre-commit: hook repository $hooks; project $(cat "$tmp/clean.out")"

# try_hook NAME EXPECTED_STATUS: `pre-commit try-repo` on what is staged in the project; output in $tmp/NAME.out.
try_hook() {
  : > "$tmp/runs"
  local status=0
  (cd "$project" && pre-commit try-repo --color never "$hooks" speckit-validate) > "$tmp/$1.out" 2>&1 || status=$?
  [ "$status" -eq "$2" ] || fail "$1: pre-commit try-repo exited $status, expected $2" "$tmp/$1.out"
}
# verdict NAME WORD: pre-commit's line for the hook ends in WORD (a regular expression).
verdict() {
  grep -qE "^speckit validate\.+$2\$" "$tmp/$1.out" || fail "$1: pre-commit's verdict is not $2" "$tmp/$1.out"
}
# expect NAME TEXT: the output of NAME holds TEXT (a fixed string).
expect() {
  grep -qF -- "$2" "$tmp/$1.out" || fail "$1: pre-commit's output does not hold: $2" "$tmp/$1.out"
}
# runs FILE…: speckit ran once, as `speckit validate --allow-empty --only-plans FILE…`; with no FILE, it never ran.
runs() {
  python3 - "$tmp/runs" "$@" <<'EOF'
import json, sys
got = [json.loads(line) for line in open(sys.argv[1], encoding="utf-8") if line.strip()]
wanted = [["validate", "--allow-empty", "--only-plans", *sys.argv[2:]]] if len(sys.argv) > 2 else []
if got != wanted:
    sys.exit(f"check-pre-commit: FAIL: speckit was run as {got}, expected {wanted}")
EOF
}

# (a) A new task that depends on a task no one has and cites a requirement the kit's spec.md does not define
# (found only because spec.md is read with tasks.md), staged with a change to a non-plan file.
printf -- '- [ ] T003 Log each greeting (depends on T042) — FR-009\n' >> "$feature/tasks.md"
echo "Greets visitors." >> "$project/README.md"
git -C "$project" add -A
try_hook refused 1
verdict refused Failed
expect refused "specs/001-greeting/tasks.md:7:1: error: task T003 depends on T042, which does not exist [tasks.unknown-dependency]"
expect refused "specs/001-greeting/tasks.md:7:1: error: task T003 cites FR-009, which no document of the kit defines [trace.unknown-requirement]"
expect refused "2 errors, 0 warnings, 0 notes in 1 file (1 kit, 3 tasks): failed"
runs README.md specs/001-greeting/tasks.md
echo "ok (a) an added error is refused (speckit ran once, handed README.md and tasks.md, and read tasks.md alone):"
grep -E "Failed|error:|failed$" "$tmp/refused.out" | sed 's/^/    /'

# (b) The same task done right, and a plan file of another kit (a roadmap): one run for both.
cp "$tmp/tasks.clean" "$feature/tasks.md"
printf -- '- [ ] T003 [US1] Greet an anonymous visitor as "friend" (depends on T001) — FR-002\n' >> "$feature/tasks.md"
printf '# Roadmap\n\n- [x] M1 Greeting page\n- [ ] M2 Greeting in French (depends on M1)\n' > "$project/ROADMAP.md"
git -C "$project" add -A
try_hook clean 0
verdict clean Passed
runs README.md ROADMAP.md specs/001-greeting/tasks.md
git -C "$project" commit -q -m "Greet anonymous visitors"
cp "$feature/tasks.md" "$tmp/tasks.clean"
echo "ok (b) a clean change passes, two kits in one run: $(grep -E '^speckit validate' "$tmp/clean.out")"

# (c) Only files that are no plans: code is not handed over (the hook is skipped); a README is, and speckit,
# reading no plan among it, passes.
echo 'print("hello, friend")' > "$project/src/app.py"
git -C "$project" add -A
try_hook skipped 0
verdict skipped '\(no files to check\)Skipped'
runs
git -C "$project" commit -q -m "Code only"
echo "Greets every visitor." >> "$project/README.md"
git -C "$project" add -A
try_hook readme 0
verdict readme Passed
runs README.md
git -C "$project" commit -q -m "README only"
echo "ok (c) no plan file touched: $(grep -E '^speckit validate' "$tmp/skipped.out"); a README only: $(grep -E '^speckit validate' "$tmp/readme.out")"

# (d) An error committed in tasks.md (without the hook) is not reported when a commit changes only spec.md.
printf -- '- [ ] T004 Cache the greeting (depends on T099)\n' >> "$feature/tasks.md"
git -C "$project" commit -q -am "An error committed without the hook"
sed -i 's/within 1 second/within 500 milliseconds/' "$feature/spec.md"
git -C "$project" add -A
try_hook focused 0
verdict focused Passed
runs specs/001-greeting/spec.md
git -C "$project" commit -q -m "A faster greeting"
echo "ok (d) a commit is checked on the files it changes: spec.md passes beside tasks.md's committed error"

# (e) The README's .pre-commit-config.yaml, pointed at the hook repository and installed: `git commit` runs it.
rev=$(git -C "$hooks" rev-parse HEAD)
if [ "$hooks" = "$root" ] && ! git -C "$root" diff --quiet HEAD -- .pre-commit-hooks.yaml; then
  # A configuration names a commit: the hook as changed here, committed in a repository of its own.
  hooks="$tmp/hooks-config"
  git init -q "$hooks"
  cp "$root/.pre-commit-hooks.yaml" "$hooks/"
  git -C "$hooks" add .pre-commit-hooks.yaml
  git -C "$hooks" commit -q -m "speckit hooks"
  rev=$(git -C "$hooks" rev-parse HEAD)
fi
python3 - "$root/README.md" "$hooks" "$rev" > "$project/.pre-commit-config.yaml" <<'EOF'
import re, sys
readme, repo, rev = sys.argv[1:]
block = re.search(r"<!-- pre-commit:begin -->\n```yaml\n(.*?)```", open(readme, encoding="utf-8").read(), re.S)
if not block:
    sys.exit("check-pre-commit: FAIL: README.md has no ```yaml block after <!-- pre-commit:begin -->")
config = re.sub(r"(?m)^(\s*- repo:).*$", lambda m: f"{m.group(1)} {repo}", block.group(1))
print(re.sub(r"(?m)^(\s*rev:).*$", lambda m: f"{m.group(1)} {rev}", config), end="")
EOF
cp "$tmp/tasks.clean" "$feature/tasks.md"
git -C "$project" add -A
git -C "$project" commit -q -m "pre-commit, and tasks.md fixed"
(cd "$project" && pre-commit install) > "$tmp/install.out" 2>&1 || fail "pre-commit install failed" "$tmp/install.out"
head=$(git -C "$project" rev-parse HEAD)
printf -- '- [ ] T004 Greet returning visitors (depends on T002)\n- [ ] T004 Greet them twice\n' >> "$feature/tasks.md"
git -C "$project" add -A
status=0
(cd "$project" && git commit -m "Returning visitors") > "$tmp/refused-commit.out" 2>&1 || status=$?
[ "$status" -ne 0 ] || fail "git commit of a duplicate task id was not refused" "$tmp/refused-commit.out"
[ "$(git -C "$project" rev-parse HEAD)" = "$head" ] || fail "git commit made a commit despite the hook" "$tmp/refused-commit.out"
duplicate="specs/001-greeting/tasks.md:9:1: error: task id T004 is already used on line 8"
expect refused-commit "$duplicate"
sed -i '$d' "$feature/tasks.md"
git -C "$project" add -A
(cd "$project" && git commit -m "Returning visitors") > "$tmp/commit.out" 2>&1 || fail "git commit of the fix was refused" "$tmp/commit.out"
[ "$(git -C "$project" log -1 --format=%s)" = "Returning visitors" ] || fail "git commit of the fix made no commit" "$tmp/commit.out"
echo "ok (e) the README's configuration, installed: git commit refused (exit $status), then the fix committed:"
grep -E "^speckit validate|error:" "$tmp/refused-commit.out" | sed 's/^/    /'
# A file named like a plan that holds none is read as one when handed over; the top-level exclude (README) helps.
mkdir -p "$project/ci"
printf 'apiVersion: tekton.dev/v1\nkind: Task\nmetadata:\n  name: build\n' > "$project/ci/build-task.yaml"
git -C "$project" add -A
(cd "$project" && git commit -m "A Tekton task") > "$tmp/tekton.out" 2>&1 || fail "git commit of a Tekton task named like a plan was refused" "$tmp/tekton.out"
echo "ok (e) a Tekton task named like a plan is skipped as no plan by its content, as the walk skips it"

# (f) What the hook makes speckit read against speckit's walk: the fixture repositories and hook_files.py's
# probes, all committed, with --all-files; `speckit` records what it is handed, then reads it with --only-plans.
corpus="$tmp/corpus"
mkdir -p "$corpus"
cp -R Tests/Fixtures/repos/. "$corpus/"
python3 scripts/pre-commit/hook_files.py write "$corpus/probes"
git -C "$corpus" init -q
git -C "$corpus" add -A --force
git -C "$corpus" commit -q -m "Corpus"
: > "$tmp/runs"
status=0
(cd "$corpus" && SPECKIT_RECORD_ONLY=1 pre-commit try-repo --color never "$hooks" speckit-validate --all-files) \
  > "$tmp/corpus.out" 2>&1 || status=$?
[ "$status" -eq 0 ] || fail "pre-commit try-repo --all-files on the corpus exited $status" "$tmp/corpus.out"
status=0
(cd "$corpus" && "$binary" validate --format json .) > "$tmp/walk.json" 2> "$tmp/walk.err" || status=$?
[ "$status" -le 1 ] || fail "speckit validate . on the corpus exited $status" "$tmp/walk.err"
echo "ok (f) what the hook makes speckit read against speckit's walk of the fixture repositories and probes:"
python3 scripts/pre-commit/hook_files.py compare "$corpus" "$tmp/runs" "$tmp/walk.json" "$binary" \
  || fail "what the hook makes speckit read no longer matches what speckit's walk reads"

# (g) Only with SPECKIT_PRE_COMMIT_SWIFT=1 (a release build of speckit, minutes): the hook speckit-validate-swift,
# speckit built by pre-commit from this checkout at HEAD (and its changes), refuses (a)'s change, no speckit on PATH.
if [ "${SPECKIT_PRE_COMMIT_SWIFT:-0}" = "1" ]; then
  git -C "$root" ls-files --error-unmatch Package.swift .pre-commit-hooks.yaml > /dev/null 2>&1 \
    || fail "SPECKIT_PRE_COMMIT_SWIFT=1 needs this checkout in git, .pre-commit-hooks.yaml included"
  printf -- '- [ ] T005 Log each greeting (depends on T042)\n' >> "$feature/tasks.md"
  git -C "$project" add -A
  status=0
  (cd "$project" && PATH="$venv/bin:$(dirname "$(command -v swift)"):/usr/bin:/bin" \
    pre-commit try-repo --color never "$root" speckit-validate-swift) > "$tmp/swift.out" 2>&1 || status=$?
  [ "$status" -eq 1 ] || fail "speckit-validate-swift: pre-commit try-repo exited $status, expected 1" "$tmp/swift.out"
  expect swift "specs/001-greeting/tasks.md:9:1: error: task T005 depends on T042, which does not exist [tasks.unknown-dependency]"
  echo "ok (g) speckit-validate-swift, built by pre-commit, refuses it too:"
  grep -E "Failed|error:" "$tmp/swift.out" | sed 's/^/    /'
fi
echo "check-pre-commit: passed"
