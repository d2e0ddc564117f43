#!/usr/bin/env bash
# Fuzzes one of speckit's readers with libFuzzer and AddressSanitizer for SECONDS seconds.
#
#   scripts/fuzz.sh markdown|yaml|archive SECONDS [libFuzzer flags…]
#
# markdown: arbitrary bytes as a kit's plan.md and tasks.md, parsed (cmark-gfm) and validated by every rule.
# yaml:     arbitrary bytes as tasks.yaml and tasks.json, read (libyaml via Yams) and validated.
# archive:  arbitrary bytes as a .zip/.tar.gz kit, read in memory (libarchive, with its limits) and validated.
#
# The seed corpus is built from the repository's fixtures (scripts/fuzz-seeds.py); what the fuzzer finds
# is kept in .build-fuzz/corpus/TARGET between runs. A crash, a leak, an input slower than 30 s or a run
# over 2 GiB stops the run, is saved under .build-fuzz/crashes/TARGET/ and makes this script exit 1: turn
# it into a regression test (Tests/Fixtures/fuzz/, see CONTRIBUTING.md) before fixing it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -lt 2 ] || ! [[ "$2" =~ ^[0-9]+$ ]]; then
  echo "usage: scripts/fuzz.sh markdown|yaml|archive SECONDS [libFuzzer flags…]" >&2
  exit 2
fi
target=$1 seconds=$2
shift 2
case "$target" in
  markdown|yaml|archive) ;;
  *) echo "scripts/fuzz.sh: unknown target '$target' (expected markdown, yaml or archive)" >&2; exit 2 ;;
esac

# `--sanitize=fuzzer` must be SwiftPM's own flag (it links libFuzzer in; `-Xswiftc -sanitize=fuzzer` alone builds
# a fuzzer that does nothing). But SwiftPM hands swiftc one `-sanitize=` per sanitizer and the Swift driver keeps
# only the last, so with both flags the Swift code would get AddressSanitizer and no coverage at all (libFuzzer
# would see only the C libraries). The combined `-Xswiftc` flag comes last and restores both.
SPECKIT_FUZZ=1 swift build -c release --scratch-path .build-fuzz --product "fuzz-$target" \
  --sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address >&2

work=.build-fuzz/corpus/$target crashes=.build-fuzz/crashes/$target
seeds=$(mktemp -d)
trap 'rm -rf "$seeds"' EXIT
mkdir -p "$work" "$crashes"
python3 scripts/fuzz-seeds.py "$target" "$seeds"
# Plans are text: 16 KiB inputs keep the Markdown fuzzer fast; archives need room for a few entries.
max_len=16384
[ "$target" = archive ] && max_len=65536
dictionary=()
[ -f "Fuzz/$target.dict" ] && dictionary=(-dict="Fuzz/$target.dict")

echo "fuzz-$target: $seconds s, seeds $(ls "$seeds" | wc -l), corpus $(ls "$work" | wc -l)" >&2
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export LSAN_OPTIONS=suppressions=$PWD/Fuzz/lsan.supp:print_suppressions=0
log=.build-fuzz/logs/$target.log
mkdir -p .build-fuzz/logs
status=0
".build-fuzz/release/fuzz-$target" "$work" "$seeds" "${dictionary[@]}" \
  -max_total_time="$seconds" -timeout=30 -rss_limit_mb=2048 -max_len="$max_len" \
  -artifact_prefix="$crashes/" -print_final_stats=1 "$@" >"$log" 2>&1 || status=$?
# The last progress line (executions, coverage, features, corpus) and the final statistics.
grep -E '^#[0-9]+' "$log" | tail -1 >&2 || true
grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" >&2 || true
if [ "$status" -ne 0 ]; then
  grep -E 'ERROR|SUMMARY|Test unit written' "$log" >&2 || tail -20 "$log" >&2
  echo "fuzz-$target: FOUND A PROBLEM (exit $status); the input is in $crashes/, the whole log in $log" >&2
  exit 1
fi
echo "fuzz-$target: no crash in $seconds s" >&2
