#!/usr/bin/env bash
# Installs what is missing, builds speckit (release), and runs it. With no arguments it parses the
# project's own kit in spec/ and prints the outline; otherwise the arguments go to speckit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product speckit >&2
if [ $# -eq 0 ]; then
  set -- parse spec --format text
fi
exec .build/release/speckit "$@"
