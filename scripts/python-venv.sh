#!/usr/bin/env bash
# Makes (or brings up to date) the Python virtual environment under .build that the test command's tools live
# in (scripts/reports/requirements.txt: the report readers and pre-commit) and prints its path. Never committed.
set -euo pipefail
cd "$(dirname "$0")/.."
venv=.build/report-consumers
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv" >&2
fi
"$venv/bin/pip" install -q --disable-pip-version-check -r scripts/reports/requirements.txt >&2
echo "$PWD/$venv"
