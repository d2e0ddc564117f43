#!/usr/bin/env bash
# Installs what is missing, builds everything warning-free, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
# swift-format with the committed .swift-format: any finding fails (scripts/format.sh fixes most).
scripts/format.sh --lint
swift build --build-tests
swift test --skip-build
# Real consumers (SARIF schema, junitparser, xmllint, speckit's JSON Schemas) read the real reports.
scripts/check-reports.sh .build/debug/speckit
scripts/check-action.sh .build/debug/speckit
# The seeds (../shared/seeds, the real plans the project was created from) and what earlier issues said about
# them; the script says so and passes when they are not beside the repository (GitHub's runners).
python3 scripts/seed-acceptance.py .build/debug/speckit
# Each fuzzer (Markdown, YAML/JSON, archives) runs 60 s with AddressSanitizer; any crash, leak or hang fails.
for target in markdown yaml archive; do
  scripts/fuzz.sh "$target" "${SPECKIT_FUZZ_SECONDS:-60}"
done
