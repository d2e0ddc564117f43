#!/usr/bin/env bash
# Installs the system packages speckit builds against, when they are missing (Debian/Ubuntu).
# With --test, also what the tests check speckit against.
set -euo pipefail
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libarchive-dev pkg-config git)
if [ "${1:-}" = "--test" ]; then
  # cmark-gfm, unzip and bsdtar read what speckit writes; xmllint and a Python venv (for jsonschema,
  # junitparser and the SARIF schema) read its reports, and pre-commit runs its hook.
  packages+=(cmark-gfm unzip libarchive-tools libxml2-utils python3-venv python3-pip)
fi
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "speckit: installing ${missing[*]}" >&2
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
