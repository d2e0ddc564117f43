#!/usr/bin/env bash
# pack-each.sh speckit|zip BINARY KITS OUT: packs every kit folder listed in KITS (one a line) into OUT, one
# process per kit, removing OUT after each: what scripts/bench.sh times for `speckit pack` and `zip -X`.
set -euo pipefail
[ $# -eq 4 ] || { echo "usage: pack-each.sh speckit|zip BINARY KITS OUT" >&2; exit 2; }
tool=$1 binary=$2 kits=$3 out=$4
while IFS= read -r kit; do
  case $tool in
    speckit) "$binary" pack "$kit" --out "$out" ;;
    zip) (cd "$kit" && "$binary" -X -q -r "$out" .) ;;
    *) echo "pack-each.sh: expected speckit or zip, got '$tool'" >&2; exit 2 ;;
  esac
  rm -f "$out"
done < "$kits"
