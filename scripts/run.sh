#!/usr/bin/env bash
# Installs what is missing, builds speckit (release, with the Swift runtime linked in as scripts/release.sh
# ships it: it starts in half the time), and runs it. With no arguments it validates this
# repository (the project's own kit in spec/speckit, per .speckit.yml); otherwise the arguments go to speckit.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release --product speckit --static-swift-stdlib >&2
if [ $# -eq 0 ]; then
  set -- validate
fi
exec .build/release/speckit "$@"
