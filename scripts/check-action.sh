#!/usr/bin/env bash
# The GitHub Action (action.yml) and the workflows: GitHub's schemas read action.yml, .github/workflows/ and the
# workflow `speckit init --github` writes (templates/init/speckit-workflow.yml); the action's shell steps run
# for real against scratch repositories and a fake GitHub API (scripts/action/check.py); the comment and
# outputs scripts pass their node tests (Tests/Action/). The Python tools live in the venv check-reports.sh uses.
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-.build/debug/speckit}"
[ -x "$binary" ] || {
  echo "check-action.sh: $binary is not an executable speckit (build it first: swift build)" >&2
  exit 2
}
# Node as the action finds it: on PATH, or in a job container the runner's own (scripts/test.sh runs in one).
node=$(command -v node || true)
for candidate in /__e/node24/bin/node /__e/node20/bin/node; do
  if [ -z "$node" ] && [ -x "$candidate" ]; then node=$candidate; fi
done
[ -n "$node" ] || {
  echo "check-action.sh: node is not on PATH (the action runs its scripts with it)" >&2
  exit 2
}
venv=.build/report-consumers
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/pip" install -q --disable-pip-version-check -r scripts/reports/requirements.txt
"$venv/bin/check-jsonschema" --builtin-schema vendor.github-actions action.yml
"$venv/bin/check-jsonschema" --builtin-schema vendor.github-workflows .github/workflows/*.yml templates/init/speckit-workflow.yml
"$venv/bin/python" -I scripts/action/check.py "$binary"
"$node" --test --test-reporter=spec Tests/Action/*.test.js
