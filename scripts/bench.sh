#!/usr/bin/env bash
# Benchmark of `speckit validate`, `speckit parse` and `speckit status` (run by hand, never in CI).
#
# Generates (or reuses) a seeded synthetic corpus of spec kits in every layout speckit reads, then
# measures in one run: a bare libcmark-gfm parse of the same files in one process (the floor),
# `speckit validate --jobs 1`, `speckit validate --jobs $(nproc)`, `speckit parse` and `speckit status` (all
# jobs), `speckit pack` against `zip -X` on the same kit folders (one process per kit, as CI packs them),
# and, where it installs, rumdl (a Markdown linter) on one thread, on all, and with its cache warm.
# Each is timed best of 3 (peak RSS: max of 3) after warming the page cache, and a table shows
# seconds, CPU seconds, MB/s, MB per CPU-second (MB = 10^6 bytes), peak RSS and the ratios against the
# targets:
#   validate(1 job) >= 0.25x the floor (stretch 0.5x);  validate(1 job) >= rumdl per CPU-second;
#   validate(all jobs) >= 1.6x validate(1 job);  peak RSS < 100 MB for validate, parse and status;
#   status and parse at least as fast as validate;  pack >= 0.5x zip -X throughput;
#   validating one small file <= 12 ms (hyperfine, beside rumdl and the floor on the same file).
# Then where validate's time goes (SPECKIT_PHASES=1: read, decode, scan, cmark, build, rules, report, and
# each rule).
# --callgrind instead counts instructions (valgrind) of the floor and of validate --jobs 1 on a 5 MB corpus:
# a ratio that machine load does not move (target <= 4).
# Exits 0 when everything ran (a missed target is reported, not failed), 1 when something could not,
# 2 for a bad argument.
set -euo pipefail

usage() {
  cat <<'EOF'
usage: scripts/bench.sh [--large] [--callgrind] [--seed N] [--corpus DIR] [--runs N] [--keep] [--help]

  --large       a corpus of about 250 MB instead of about 50 MB
  --callgrind   count instructions (valgrind) of the floor and validate --jobs 1 on a 5 MB corpus
  --seed N      corpus seed (default 1); cached in .build/bench/corpus-seedN-SIZEmb-GENHASH
  --corpus DIR  measure an existing folder of kits instead of generating one
  --runs N      timed runs per command, best taken (default 3)
  --keep        keep the work folder (floor binary, file list, each command's stderr) and print it
  --help        this text

SPECKIT_BIN=PATH measures that binary instead of building .build/release/speckit.
Needs swift, python3, cc, pkg-config, libcmark-gfm(-extensions)-dev, zip and /usr/bin/time (package `time`);
hyperfine for the small-file row and valgrind for --callgrind (both skipped with a note when missing).
EOF
}

die() { echo "bench: $*" >&2; exit 1; }
bad_usage() { echo "bench: $*" >&2; exit 2; }

caller_dir=$PWD
size_mb=50 seed=1 corpus="" runs=3 keep=0 callgrind=0
while [ $# -gt 0 ]; do
  case $1 in
    --large) size_mb=250 ;;
    --callgrind) callgrind=1 size_mb=5 ;;
    --seed) [ $# -ge 2 ] || bad_usage "--seed needs a number"; seed=$2; shift ;;
    --corpus) [ $# -ge 2 ] || bad_usage "--corpus needs a folder"; corpus=$2; shift ;;
    --runs) [ $# -ge 2 ] || bad_usage "--runs needs a number"; runs=$2; shift ;;
    --keep) keep=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; bad_usage "unknown argument: $1" ;;
  esac
  shift
done
[ "$callgrind" -eq 0 ] || size_mb=5
[[ $seed =~ ^[0-9]+$ ]] || bad_usage "--seed expects a whole number, got '$seed'"
[[ $runs =~ ^[1-9][0-9]*$ ]] || bad_usage "--runs expects a positive whole number, got '$runs'"
absolute() { case $1 in /*) echo "$1" ;; *) echo "$caller_dir/$1" ;; esac; }
[ -z "$corpus" ] || { corpus=$(absolute "$corpus"); [ -d "$corpus" ] || bad_usage "--corpus $corpus: no such folder"; }

cd "$(dirname "$0")/.."
repo=$PWD
[ -x /usr/bin/time ] || die "/usr/bin/time not found (apt-get install time)"
command -v zip > /dev/null || die "zip not found (apt-get install zip)"
command -v python3 > /dev/null || die "python3 not found"
scripts/install-deps.sh
mkdir -p .build/bench
work=$(mktemp -d "$repo/.build/bench/run.XXXXXX")
if [ "$keep" -eq 1 ]; then trap 'echo "bench: work folder kept: $work" >&2' EXIT; else trap 'rm -rf "$work"' EXIT; fi

# 1. The binary under test.
if [ -n "${SPECKIT_BIN:-}" ]; then
  speckit=$(absolute "$SPECKIT_BIN")
else
  # As scripts/release.sh ships it: the Swift runtime linked in (start-up 7 ms instead of 13).
  echo "bench: building speckit (release, static Swift runtime)" >&2
  swift build -c release --product speckit --static-swift-stdlib >&2
  speckit=$repo/.build/release/speckit
fi
[ -x "$speckit" ] || die "$speckit is not an executable"

# 2. The corpus, generated once per seed and size (into a temporary name, renamed when complete).
generated="given with --corpus"
if [ -z "$corpus" ]; then
  generated="cached"
  # The name holds a hash of the generator, so a changed generator makes a new corpus.
  corpus=$repo/.build/bench/corpus-seed$seed-${size_mb}mb-$(cat scripts/bench/*.py | sha256sum | cut -c1-8)
  if [ ! -d "$corpus" ]; then
    rm -rf "$corpus.partial"
    start=$(date +%s%N)
    python3 scripts/bench/gen_corpus.py "$corpus.partial" --mb "$size_mb" --seed "$seed" >&2
    mv "$corpus.partial" "$corpus"
    generated="generated in $(awk -v ns=$(($(date +%s%N) - start)) 'BEGIN { printf "%.1f s", ns / 1e9 }')"
  fi
fi

# The files speckit reads (the walker's rules: plan extensions; build, dependency and hidden folders
# skipped except .specify and .kiro). The floor parses exactly these bytes.
find "$corpus" -mindepth 1 -type d \( -name .git -o -name .build -o -name node_modules -o -name .swiftpm \
  -o -name vendor -o -name Pods -o -name DerivedData -o \( -name '.*' ! -name .specify ! -name .kiro \) \) -prune \
  -o -type f \( -iname '*.md' -o -iname '*.markdown' -o -iname '*.yaml' -o -iname '*.yml' -o -iname '*task*.json' \) -print \
  | LC_ALL=C sort > "$work/files.txt"
files=$(wc -l < "$work/files.txt")
[ "$files" -gt 0 ] || die "$corpus holds no plan files"
bytes=$(tr '\n' '\0' < "$work/files.txt" | xargs -0 stat -c %s | awk '{ s += $1 } END { print s }')
md_bytes=$(grep -i '\.md$' "$work/files.txt" | tr '\n' '\0' | xargs -0 -r stat -c %s | awk '{ s += $1 } END { print s + 0 }')

# 3. The floor.
extensions_libs=$(pkg-config --libs libcmark-gfm-extensions 2> /dev/null || echo -lcmark-gfm-extensions)
# shellcheck disable=SC2046 # pkg-config output is meant to split into flags
cc -O2 -o "$work/floor" scripts/bench/floor.c $(pkg-config --cflags --libs libcmark-gfm) $extensions_libs \
  || die "could not compile scripts/bench/floor.c"

# 4. rumdl, in a venv of its own (optional).
rumdl=$repo/.build/bench/venv/bin/rumdl
if [ ! -x "$rumdl" ]; then
  echo "bench: installing rumdl into .build/bench/venv" >&2
  { python3 -m venv .build/bench/venv && .build/bench/venv/bin/pip install -q rumdl; } > "$work/rumdl-install.log" 2>&1 || true
fi

# --callgrind: instructions of the floor and of validate --jobs 1 over the same files, and their ratio.
if [ "$callgrind" -eq 1 ]; then
  command -v valgrind > /dev/null || die "valgrind not found (apt-get install valgrind)"
  # instructions CMD…: the instructions callgrind counted for CMD (its output discarded).
  instructions() {
    # validate exits 1 when it finds something: the count is wanted either way.
    { valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 > /dev/null || true; } \
      | awk '/Collected :/ { n = $NF } END { print (n == "" ? 0 : n) }'
  }
  echo "bench: counting instructions with callgrind (a few minutes)…" >&2
  # valgrind cannot read the debug information of a binary with the Swift runtime linked in; a stripped copy
  # executes the same instructions.
  counted=$speckit
  if command -v strip > /dev/null && strip -o "$work/speckit-stripped" "$speckit" 2> /dev/null; then counted=$work/speckit-stripped; fi
  floor_ir=$(instructions "$work/floor" -l "$work/files.txt")
  validate_ir=$(instructions "$counted" validate "$corpus" --jobs 1 --format json)
  [ "$floor_ir" -gt 0 ] && [ "$validate_ir" -gt 0 ] || die "callgrind counted nothing (floor $floor_ir, validate $validate_ir)"
  echo
  echo "speckit instruction count — $(date -u +%Y-%m-%dT%H:%MZ), callgrind"
  echo "corpus: $corpus"
  echo "        $files files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB ($generated)"
  echo "speckit: $speckit"
  echo
  printf '%-38s %16s %14s\n' "command" "instructions" "per byte"
  printf '%-38s %16s %14.0f\n' "floor (cmark-gfm parse)" "$floor_ir" "$(awk -v i="$floor_ir" -v b="$bytes" 'BEGIN { print i / b }')"
  printf '%-38s %16s %14.0f\n' "speckit validate --jobs 1" "$validate_ir" "$(awk -v i="$validate_ir" -v b="$bytes" 'BEGIN { print i / b }')"
  ratio=$(awk -v v="$validate_ir" -v f="$floor_ir" 'BEGIN { printf "%.2f", v / f }')
  result=$(awk -v r="$ratio" 'BEGIN { print r <= 4 ? "PASS" : "FAIL" }')
  echo
  printf '%-50s %8s   %-10s %s\n' "ratio" "value" "target" "result"
  printf '%-50s %8s   %-10s %s\n' "validate / floor instructions" "$ratio" "<= 4" "$result"
  exit 0
fi

# measure NAME MAX_OK_EXIT CMD…: runs CMD $runs times (stdout discarded, stderr in $work/NAME.stderr);
# sets best_s (fastest wall seconds), cpu_s (CPU seconds, user + system, of the run with the least) and
# peak_kb (largest peak RSS, KiB). Returns 1 when an exit code is above MAX_OK_EXIT or the command died of
# a signal, after showing its stderr.
measure() {
  local name=$1 max_ok=$2 i rc start end rss cpu
  shift 2
  best_s="" cpu_s="" peak_kb=0
  for ((i = 1; i <= runs; i++)); do
    rc=0
    start=$(date +%s%N)
    /usr/bin/time -f '%M %U %S' -o "$work/$name.time" "$@" > /dev/null 2> "$work/$name.stderr" || rc=$?
    end=$(date +%s%N)
    if [ "$rc" -gt "$max_ok" ] || grep -q 'terminated by signal' "$work/$name.time"; then
      echo "bench: $name failed (exit $rc): $*" >&2
      tail -n 20 "$work/$name.stderr" >&2
      return 1
    fi
    read -r rss cpu < <(tail -n 1 "$work/$name.time" | awk '{ print $1, $2 + $3 }')
    [ "$rss" -gt "$peak_kb" ] && peak_kb=$rss
    best_s=$(awk -v ns=$((end - start)) -v best="$best_s" 'BEGIN { s = ns / 1e9; print (best == "" || s < best) ? s : best }')
    cpu_s=$(awk -v c="$cpu" -v best="$cpu_s" 'BEGIN { print (best == "" || c < best) ? c : best }')
  done
}

echo "bench: warming the page cache and timing (best of $runs)…" >&2
tr '\n' '\0' < "$work/files.txt" | xargs -0 cat > /dev/null
jobs=$(nproc)
rows=()
# row NAME SECONDS BYTES PEAK_KB [CPU_SECONDS]
row() {
  rows+=("$(awk -v n="$1" -v s="$2" -v b="$3" -v kb="$4" -v c="${5:-}" 'BEGIN {
    if (c == "" || c + 0 == 0) printf "%-38s %9.2f %9s %9.1f %9s %12.1f", n, s, "-", b / 1e6 / s, "-", kb * 1024 / 1e6
    else printf "%-38s %9.2f %9.2f %9.1f %9.1f %12.1f", n, s, c, b / 1e6 / s, b / 1e6 / c, kb * 1024 / 1e6 }')")
}

measure floor 0 "$work/floor" -l "$work/files.txt" || die "the floor could not run"
floor_s=$best_s; row "floor (cmark-gfm parse, 1 process)" "$best_s" "$bytes" "$peak_kb" "$cpu_s"
measure validate-1 1 "$speckit" validate "$corpus" --jobs 1 --format json || die "speckit validate --jobs 1 could not run"
one_s=$best_s one_kb=$peak_kb one_cpu=$cpu_s; row "speckit validate --jobs 1" "$best_s" "$bytes" "$peak_kb" "$cpu_s"
measure validate-all 1 "$speckit" validate "$corpus" --jobs "$jobs" --format json || die "speckit validate --jobs $jobs could not run"
all_s=$best_s all_kb=$peak_kb; row "speckit validate --jobs $jobs" "$best_s" "$bytes" "$peak_kb" "$cpu_s"
measure parse 1 "$speckit" parse "$corpus" --jobs "$jobs" || die "speckit parse could not run"
parse_s=$best_s parse_kb=$peak_kb; row "speckit parse --jobs $jobs (JSON)" "$best_s" "$bytes" "$peak_kb" "$cpu_s"
measure status 0 "$speckit" status "$corpus" --jobs "$jobs" || die "speckit status could not run"
status_s=$best_s status_kb=$peak_kb; row "speckit status --jobs $jobs" "$best_s" "$bytes" "$peak_kb" "$cpu_s"
# pack: every kit folder of the speckit layout (spec/NAME/), one process per kit, against zip -X of the
# same folders; each archive goes to the work folder and is removed before the next.
find "$corpus" -mindepth 3 -maxdepth 3 -type d -path '*/spec/*' | LC_ALL=C sort > "$work/kits.txt"
kits=$(wc -l < "$work/kits.txt")
[ "$kits" -gt 0 ] || die "$corpus holds no kit folder of the speckit layout (spec/NAME/)"
kit_bytes=$(tr '\n' '\0' < "$work/kits.txt" | xargs -0 -I{} find {} -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
measure pack 0 scripts/bench/pack-each.sh speckit "$speckit" "$work/kits.txt" "$work/pack.zip" || die "speckit pack could not run"
pack_s=$best_s; row "speckit pack ($kits kits, a process each)" "$best_s" "$kit_bytes" "$peak_kb"
measure zip 0 scripts/bench/pack-each.sh zip "$(command -v zip)" "$work/kits.txt" "$work/zip.zip" || die "zip -X could not run"
zip_s=$best_s; row "zip -X (the same $kits kits)" "$best_s" "$kit_bytes" "$peak_kb"
rumdl_note="rumdl: not installable here" rumdl_cpu=""
if [ -x "$rumdl" ]; then
  version=$("$rumdl" --version | awk '{ print $2 }')
  if measure rumdl-1 1 env RAYON_NUM_THREADS=1 "$rumdl" check --no-config --no-cache --respect-gitignore=false "$corpus"; then
    rumdl_cpu=$cpu_s rumdl_s=$best_s; row "rumdl check $version, 1 thread" "$best_s" "$bytes" "$peak_kb" "$cpu_s"
    measure rumdl-all 1 "$rumdl" check --no-config --no-cache --respect-gitignore=false "$corpus" \
      && row "rumdl check $version, all threads" "$best_s" "$bytes" "$peak_kb" "$cpu_s"
    # Cached: one run fills the cache, the timed runs find every file in it.
    "$rumdl" check --no-config --cache-dir "$work/rumdl-cache" --respect-gitignore=false "$corpus" > /dev/null 2>&1 || true
    measure rumdl-cached 1 "$rumdl" check --no-config --cache-dir "$work/rumdl-cache" --respect-gitignore=false "$corpus" \
      && row "rumdl check $version, cached" "$best_s" "$bytes" "$peak_kb" "$cpu_s"
    rumdl_note="rumdl lints only the .md files ($(awk -v m="$md_bytes" -v b="$bytes" 'BEGIN { printf "%.0f", 100 * m / b }')% of the bytes)"
  else
    rumdl_note="rumdl: installed but failed (see above)"
  fi
fi

# One small file: start-up and the work of one file, with hyperfine (mean of 30 runs after 3 warm-ups).
# The file is copied alone into the work folder: a file inside a kit is read with its kit for context.
small=$(grep -i '\.md$' "$work/files.txt" | tr '\n' '\0' | xargs -0 stat -c '%s %n' \
  | awk '$1 >= 3500 && $1 <= 4500 && found == "" { found = $2 } END { print found }')
small_rows=() small_ms=""
if command -v hyperfine > /dev/null && [ -n "$small" ]; then
  mkdir -p "$work/one"
  cp "$small" "$work/one/" && small=$work/one/$(basename "$small")
  small_cmds=("$speckit validate '$small' --format json" "$work/floor '$small'")
  [ -x "$rumdl" ] && small_cmds+=("$rumdl check --no-config --no-cache '$small'")
  if hyperfine -N -i --warmup 3 --runs 30 --export-json "$work/small.json" "${small_cmds[@]}" > /dev/null 2>&1; then
    while read -r name mean; do
      small_rows+=("$(printf '%-38s %9.1f ms' "$name" "$mean")")
      [ "$name" = speckit ] && small_ms=$mean
    done < <(python3 -c '
import json, sys
for r in json.load(open(sys.argv[1]))["results"]:
    word = r["command"].split()[0].rsplit("/", 1)[-1]
    print({"floor": "floor", "rumdl": "rumdl"}.get(word, "speckit"), r["mean"] * 1000)' "$work/small.json")
  fi
fi

# Where validate's time goes: one more run with the phase clock on.
SPECKIT_PHASES=1 "$speckit" validate "$corpus" --jobs 1 --format json > /dev/null 2> "$work/phases.stderr" || true

# 5. The report.
verdict() { awk -v v="$1" -v t="$2" -v op="$3" 'BEGIN { ok = (op == ">=") ? v >= t : v < t; print ok ? "PASS" : "FAIL" }'; }
one_ratio=$(awk -v f="$floor_s" -v o="$one_s" 'BEGIN { printf "%.3f", f / o }')
status_ratio=$(awk -v v="$all_s" -v s="$status_s" 'BEGIN { printf "%.2f", v / s }')
parse_ratio=$(awk -v v="$all_s" -v s="$parse_s" 'BEGIN { printf "%.2f", v / s }')
scale=$(awk -v o="$one_s" -v a="$all_s" 'BEGIN { printf "%.2f", o / a }')
rss_mb=$(awk -v a="$one_kb" -v b="$all_kb" 'BEGIN { printf "%.1f", (a > b ? a : b) * 1024 / 1e6 }')
parse_mb=$(awk -v a="$parse_kb" 'BEGIN { printf "%.1f", a * 1024 / 1e6 }')
status_mb=$(awk -v a="$status_kb" 'BEGIN { printf "%.1f", a * 1024 / 1e6 }')
pack_ratio=$(awk -v z="$zip_s" -v p="$pack_s" 'BEGIN { printf "%.2f", z / p }')
echo
echo "speckit benchmark — $(date -u +%Y-%m-%dT%H:%MZ), nproc $jobs, best of $runs runs, MB = 10^6 bytes"
echo "corpus: $corpus"
echo "        $files files, $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB ($generated)"
echo "speckit: $speckit"
echo
printf '%-38s %9s %9s %9s %9s %12s\n' "command" "seconds" "CPU s" "MB/s" "MB/CPU-s" "peak RSS MB"
printf '%s\n' "${rows[@]}"
echo "($rumdl_note)"
if [ ${#small_rows[@]} -gt 0 ]; then
  echo
  echo "one small file alone ($(stat -c %s "$small") bytes, $(basename "$small")), mean of 30 runs:"
  printf '%s\n' "${small_rows[@]}"
fi
echo
cat "$work/phases.stderr"
echo
printf '%-50s %8s   %-10s %s\n' "ratio" "value" "target" "result"
printf '%-50s %8s   %-10s %s\n' "validate(1 job) / floor throughput" "$one_ratio" ">= 0.25" "$(verdict "$one_ratio" 0.25 '>=')"
if [ -n "$rumdl_cpu" ]; then
  per_cpu=$(awk -v r="$rumdl_cpu" -v o="$one_cpu" -v m="$md_bytes" -v b="$bytes" 'BEGIN { printf "%.2f", (b / o) / (m / r) }')
  printf '%-50s %8s   %-10s %s\n' "validate(1 job) / rumdl(1 thread) MB per CPU-s" "$per_cpu" ">= 1" "$(verdict "$per_cpu" 1 '>=')"
fi
printf '%-50s %8s   %-10s %s\n' "validate($jobs jobs) / validate(1 job) throughput" "$scale" ">= 1.6" "$(verdict "$scale" 1.6 '>=')"
printf '%-50s %8s   %-10s %s\n' "peak RSS of validate, MB (max of both)" "$rss_mb" "< 100" "$(verdict "$rss_mb" 100 '<')"
printf '%-50s %8s   %-10s %s\n' "peak RSS of parse, MB" "$parse_mb" "< 100" "$(verdict "$parse_mb" 100 '<')"
printf '%-50s %8s   %-10s %s\n' "peak RSS of status, MB" "$status_mb" "< 100" "$(verdict "$status_mb" 100 '<')"
printf '%-50s %8s   %-10s %s\n' "status / validate(all jobs) throughput" "$status_ratio" ">= 1" "$(verdict "$status_ratio" 1 '>=')"
printf '%-50s %8s   %-10s %s\n' "parse / validate(all jobs) throughput" "$parse_ratio" ">= 1" "$(verdict "$parse_ratio" 1 '>=')"
printf '%-50s %8s   %-10s %s\n' "pack / zip -X throughput" "$pack_ratio" ">= 0.5" "$(verdict "$pack_ratio" 0.5 '>=')"
[ -z "$small_ms" ] || printf '%-50s %8.1f   %-10s %s\n' "validate one small file, ms" "$small_ms" "<= 12" "$(verdict "$small_ms" 12.0001 '<')"
