#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format and the committed .swift-format;
# with --lint, changes nothing and fails on any finding (the test command runs it that way).
set -euo pipefail
cd "$(dirname "$0")/.."
paths=(Package.swift Sources Tests Fuzz)
if [ "${1:-}" = "--lint" ]; then
  exec swift format lint --strict --recursive --parallel "${paths[@]}"
fi
exec swift format format --in-place --recursive --parallel "${paths[@]}"
