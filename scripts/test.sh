#!/usr/bin/env bash
# Installs what is missing, builds everything warning-free, and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh --test
# swift-format with the committed .swift-format: any finding fails (scripts/format.sh fixes most).
scripts/format.sh --lint
swift build --build-tests
swift test --skip-build
# The manual page (docs/man/speckit.1) is what the command line's help makes (swift-argument-parser's generate-manual).
scripts/man.sh --check
# Real consumers (SARIF schema, junitparser, xmllint, speckit's JSON Schemas) read the real reports.
scripts/check-reports.sh .build/debug/speckit
# `speckit mcp` under a real MCP client: every tool and resource, and malformed requests answered, never a crash.
scripts/check-mcp.sh .build/debug/speckit
# The reference worker (examples/worker) on a real PostgreSQL it starts and stops: twenty runs, one cancelled, workers
# killed and paused mid-run; every run done once, events in order, artifacts intact, nothing left behind.
scripts/check-worker.sh .build/debug/speckit
# The pre-commit hook (.pre-commit-hooks.yaml) run by the real pre-commit: refuses a new error, passes a clean
# change, skips a commit with no plan file, and hands speckit what its own walk reads.
scripts/check-pre-commit.sh .build/debug/speckit
# The GitHub Action (action.yml): its shell steps against scratch repositories and a fake GitHub API, its comment
# script under node, and the GitHub schemas.
scripts/check-action.sh .build/debug/speckit
# The seeds (../shared/seeds, the real plans the project was created from) and what earlier issues said about
# them; the script says so and passes when they are not beside the repository (GitHub's runners).
python3 scripts/seed-acceptance.py .build/debug/speckit
# The release tarball (scripts/release.sh), unpacked and run with the Swift toolchain hidden.
scripts/check-release.sh
# Each fuzzer (Markdown, YAML/JSON, archives) runs 60 s with AddressSanitizer; any crash, leak or hang fails.
for target in markdown yaml archive; do
  scripts/fuzz.sh "$target" "${SPECKIT_FUZZ_SECONDS:-60}"
done
