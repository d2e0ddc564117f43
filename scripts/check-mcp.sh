#!/usr/bin/env bash
# `speckit mcp` under a real MCP client (the Python `mcp` package, in the venv check-reports.sh uses): every tool,
# the resources, and malformed requests (scripts/mcp/check.py).
set -euo pipefail
cd "$(dirname "$0")/.."
binary=${1:-.build/debug/speckit}
venv=$(scripts/python-venv.sh)
"$venv/bin/python" -I scripts/mcp/check.py "$binary"
