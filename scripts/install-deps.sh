#!/usr/bin/env bash
# Installs the system packages speckit builds against, when they are missing (Debian/Ubuntu).
# With --test, also what the tests check speckit against; with --release, also the static libraries
# scripts/release.sh links in. The flags combine.
set -euo pipefail
# libcurl4-openssl-dev: a build that links the Swift runtime in (scripts/run.sh, release.sh, bench.sh) links
# Foundation's networking, which the MCP SDK (`speckit mcp`) imports, against the system's libcurl.
packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libarchive-dev libcurl4-openssl-dev pkg-config git)
for flag in "$@"; do
  case "$flag" in
    --test)
      # cmark-gfm, unzip and bsdtar read what speckit writes; xmllint and a Python venv (for jsonschema,
      # junitparser, the SARIF schema and pre-commit) read its reports and run its hook; PostgreSQL's server runs
      # the reference worker's run queue (scripts/check-worker.sh starts its own, on a private socket).
      packages+=(cmark-gfm unzip libarchive-tools libxml2-utils python3-venv python3-pip postgresql)
      ;;
    --release)
      # The static (.a) libraries of what libarchive and FoundationXML pull in (nettle, acl, lzma, zstd,
      # lz4, bzip2, zlib, libxml2, ICU), binutils (strip, readelf) and util-linux (unshare) for its check.
      packages+=(nettle-dev libacl1-dev liblzma-dev libzstd-dev liblz4-dev libbz2-dev zlib1g-dev libxml2-dev
        libicu-dev binutils util-linux)
      ;;
    *)
      echo "install-deps.sh: unknown flag '$flag' (expected --test or --release)" >&2
      exit 2
      ;;
  esac
done
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
