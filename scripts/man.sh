#!/usr/bin/env bash
# Writes docs/man/speckit.1, the manual page, from the command line's own help (swift-argument-parser's
# generate-manual plugin reads `speckit --experimental-dump-help`), so the page says what `--help` says.
# With --check, writes nothing and fails when docs/man/speckit.1 is not what the help makes (the test command
# runs it that way). The date is fixed so the page is the same on every machine and every day.
set -euo pipefail
cd "$(dirname "$0")/.."
date=2026-12-04
out=.build/plugins/GenerateManual/outputs/speckit
rm -rf "$out"
swift package --allow-writing-to-package-directory generate-manual --configuration debug --date "$date" \
  --authors "the speckit developers" >/dev/null
[ -f "$out/speckit.1" ] || { echo "man.sh: generate-manual wrote no $out/speckit.1" >&2; exit 1; }
if [ "${1:-}" = "--check" ]; then
  if ! cmp -s "$out/speckit.1" docs/man/speckit.1; then
    diff -u docs/man/speckit.1 "$out/speckit.1" | head -n 40 >&2 || true
    echo "man.sh: docs/man/speckit.1 is stale: run scripts/man.sh and commit it" >&2
    exit 1
  fi
  echo "ok docs/man/speckit.1 is what the help makes"
  exit 0
fi
cp "$out/speckit.1" docs/man/speckit.1
echo "wrote docs/man/speckit.1"
