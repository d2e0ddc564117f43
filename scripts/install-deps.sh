#!/usr/bin/env bash
# Installs the system packages speckit builds against, when they are missing (Debian/Ubuntu).
set -euo pipefail
# cmark-gfm, unzip and libarchive-tools (bsdtar) are what the tests check speckit against.
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libarchive-dev pkg-config cmark-gfm unzip libarchive-tools)
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
