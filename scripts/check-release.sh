#!/usr/bin/env bash
# Builds the release tarball with scripts/release.sh and uses it as someone without a Swift toolchain would:
# checks the .sha256 and the tarball's layout (and that packing twice gives the same bytes), unpacks it, then
# hides the toolchain behind an empty folder in a private mount namespace and runs bin/speckit there:
# --version, generate, validate (the kit, a plan file, the kit packed as zip and tar.gz, a JUnit report), and
# every seed when ../shared/seeds is beside the repository. ldd must resolve every library, none into the
# toolchain. A small Swift program linked against the toolchain's runtime must fail there, which shows the
# toolchain is really hidden. It says how it hid the toolchain; where no mount namespace can be made (a
# container without CAP_SYS_ADMIN) it says so and runs the same checks with the toolchain in place.
set -euo pipefail

fail() {
  echo "check-release: FAIL: $*" >&2
  exit 1
}
ok() {
  echo "ok   $*"
}

# The checks on the unpacked binary, run in the mount namespace (HIDE is yes: the TOOLCHAIN folders that exist
# are covered with an empty one first), or as they are when none can be made (no).
# Usage: check-release.sh --inside WORK TOP VERSION SEEDS HIDE TOOLCHAIN-FOLDER…
inside() {
  local work=$1 top=$2 version=$3 seeds=$4 hide=$5
  shift 5
  local toolchain=("$@") hidden=() folder bin="$work/unpacked/$top/bin"
  if [ "$hide" = yes ]; then
    for folder in "${toolchain[@]}"; do
      [ -d "$folder" ] || continue
      mount --bind "$work/empty" "$folder"
      [ -z "$(ls -A "$folder")" ] || fail "$folder is still visible"
      hidden+=("$folder")
    done
    ok "the toolchain is hidden: ${hidden[*]} empty"
    local control_ldd
    control_ldd=$(ldd "$work/control" 2>&1 || true)
    grep -q 'libswiftCore.so => not found' <<<"$control_ldd" || fail "a toolchain-linked program still finds libswiftCore.so: $control_ldd"
    if "$work/control" >/dev/null 2>&1; then fail "a toolchain-linked program still runs"; fi
    ok "a program linked against the toolchain's runtime cannot start (libswiftCore.so => not found)"
  fi

  local speckit="$bin/speckit" libraries library
  libraries=$(ldd "$speckit") || fail "ldd $speckit failed: $libraries"
  echo "ldd bin/speckit:"
  while read -r library; do echo "     $library"; done <<<"$libraries"
  if grep -q 'not found' <<<"$libraries"; then fail "a library of bin/speckit is not found"; fi
  for folder in "${toolchain[@]}"; do
    if grep -qF " $folder/" <<<"$libraries"; then fail "bin/speckit loads a library from the toolchain ($folder)"; fi
  done
  # libcurl (Foundation's networking, which the MCP SDK imports) and what it loads come from the system.
  local curl curl_libraries=""
  curl=$(awk '$1 == "libcurl.so.4" { print $3 }' <<<"$libraries")
  [ -n "$curl" ] && curl_libraries=$(ldd "$curl" | awk '{ n = split($1, p, "/"); print p[n] }')
  while read -r library; do
    case "$library" in
      linux-vdso.so.1 | libc.so.6 | libm.so.6 | ld-linux-x86-64.so.2 | libgcc_s.so.1 | libstdc++.so.6 | libcurl.so.4) ;;
      *) grep -qxF "$library" <<<"$curl_libraries" || fail "bin/speckit needs $library (only glibc, libgcc_s, libstdc++ and libcurl may stay dynamic)" ;;
    esac
  done < <(awk '{ n = split($1, p, "/"); print p[n] }' <<<"$libraries")
  ok "ldd: every library found, only glibc, libgcc_s, libstdc++ and libcurl (with what it loads), none from the toolchain"

  # Each command runs with a bare environment: the unpacked bin/ and the system's folders on PATH.
  local out="$work/out" err="$work/err" code
  expect() { # EXITS COMMAND…: runs it in WORK, stdout in $out, stderr in $err; EXITS is "0" or "0 1"
    local want=$1
    shift
    code=0
    (cd "$work" && env -i HOME="$work" PATH="$bin:/usr/local/bin:/usr/bin:/bin" LANG=C.UTF-8 "$@") >"$out" 2>"$err" || code=$?
    [[ " $want " == *" $code "* ]] || fail "'$*' exited $code, expected $want: $(head -c 400 "$err")"
  }
  last_line() { tail -n 1 "$out"; }

  expect 0 speckit --version
  [ "$(cat "$out")" = "$version" ] || fail "speckit --version printed '$(cat "$out")', expected $version"
  ok "speckit --version: $version"

  expect 0 speckit generate --name "Release Check" --goal "Runs without a Swift toolchain" --phase "Ship" --out kit
  for file in constitution.md prd.md plan.md tasks.md; do
    [ -s "$work/kit/$file" ] || fail "speckit generate wrote no kit/$file"
  done
  ok "speckit generate: kit/ with constitution.md, prd.md, plan.md, tasks.md"
  expect 0 speckit validate kit
  [[ "$(last_line)" == "0 errors, "*": passed" ]] || fail "speckit validate kit said: $(last_line)"
  ok "speckit validate kit: $(last_line)"

  expect 1 speckit validate plan.md
  grep -qxF 'plan.md:6:1: error: task T2 depends on T9, which does not exist [tasks.unknown-dependency]' "$out" \
    || fail "speckit validate plan.md did not report T2's unknown dependency: $(cat "$out")"
  [ "$(last_line)" = "1 error, 0 warnings, 0 notes in 1 file (1 kit, 2 tasks): failed" ] \
    || fail "speckit validate plan.md said: $(last_line)"
  ok "speckit validate plan.md: exit 1, $(last_line)"

  local archive
  for archive in kit.zip kit.tar.gz; do
    expect 0 speckit pack kit --out "$archive"
    expect 0 speckit validate "$archive"
    [[ "$(last_line)" == "0 errors, "*": passed" ]] || fail "speckit validate $archive said: $(last_line)"
    ok "speckit pack kit --out $archive, then validate it (libarchive): $(last_line)"
  done
  expect 0 speckit validate kit --format junit
  grep -q '<testsuites' "$out" || fail "speckit validate --format junit wrote no <testsuites>: $(head -c 400 "$out")"
  ok "speckit validate kit --format junit (FoundationXML, libxml2)"

  # The dynamic loader's own account of what it opened while speckit read a zip and wrote JUnit.
  expect 0 env LD_DEBUG=libs LD_DEBUG_OUTPUT="$work/ld-debug" speckit validate kit.zip --format junit
  local opened
  opened=$(cat "$work"/ld-debug.* | sed -n 's/.*calling init: //p' | sort -u)
  for folder in "${toolchain[@]}"; do
    if grep -qF "$folder/" <<<"$opened"; then fail "the loader opened a library from the toolchain: $opened"; fi
  done
  ok "the loader opened only: $(xargs -n 1 basename <<<"$opened" | xargs)"

  if [ ! -d "$seeds" ]; then
    ok "seeds: skipped, $seeds does not exist"
    return
  fi
  local seed count=0 tasks=0
  while IFS= read -r -d '' seed; do
    expect "0 1" speckit validate "$seed"
    [ ! -s "$err" ] || fail "speckit validate $seed wrote to stderr: $(head -c 400 "$err")"
    [[ "$(last_line)" =~ ^[0-9]+\ errors?,\ .*\ in\ 1\ file\ \(1\ kit,\ ([0-9]+)\ tasks?\):\ (passed|failed)$ ]] \
      || fail "speckit validate $seed said: $(last_line)"
    tasks=$((tasks + BASH_REMATCH[1]))
    count=$((count + 1))
  done < <(find "$seeds" -type f -print0 | sort -z)
  [ "$count" -gt 0 ] && [ "$tasks" -gt 0 ] || fail "the seeds in $seeds gave $count files and $tasks tasks"
  ok "speckit validate on each of the $count seed files in $seeds: $tasks tasks, exit 0 or 1, nothing on stderr"
}

if [ "${1:-}" = "--inside" ]; then
  shift
  inside "$@"
  exit 0
fi

cd "$(dirname "$0")/.."
repo=$PWD

# The toolchain: the folder holding bin/swift's usr/ (/opt/swift), or, for a toolchain installed into /usr
# (the swift Docker images), its runtime libraries.
swift=$(command -v swift) || fail "no swift on PATH (release.sh builds with it)"
prefix=$(dirname "$(dirname "$(readlink -f "$swift")")")
case "$prefix" in
  /usr | /usr/local) toolchain=("$prefix/lib/swift" "$prefix/lib/swift_static") ;;
  */usr) toolchain=("${prefix%/usr}") ;;
  *) toolchain=("$prefix") ;;
esac

summary=$(scripts/release.sh)
echo "$summary"
tarball=$(sed -n '1s/ .*//p' <<<"$summary")
[ -f "$tarball" ] || fail "release.sh made no tarball ($tarball)"
first_sum=$(cat "$tarball.sha256")
scripts/release.sh >/dev/null
[ "$(cat "$tarball.sha256")" = "$first_sum" ] || fail "packing the same binary twice gave two different tarballs"
ok "packing again gives the same bytes: $(cut -d ' ' -f 1 <<<"$first_sum")"

top=$(basename "$tarball" .tar.gz)
version=${top#speckit-}
version=${version%-linux-x86_64}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$tarball" "$tarball.sha256" "$work/"
(cd "$work" && sha256sum -c --quiet "$top.tar.gz.sha256") || fail "sha256sum -c $top.tar.gz.sha256 failed"
ok "sha256sum -c $top.tar.gz.sha256"

expected=("$top/" "$top/INSTALL.txt" "$top/README.md" "$top/bin/" "$top/bin/speckit" "$top/share/" "$top/share/man/"
  "$top/share/man/man1/" "$top/share/man/man1/speckit.1" "$top/share/bash-completion/" "$top/share/bash-completion/completions/"
  "$top/share/bash-completion/completions/speckit" "$top/share/zsh/" "$top/share/zsh/site-functions/"
  "$top/share/zsh/site-functions/_speckit" "$top/share/fish/" "$top/share/fish/vendor_completions.d/"
  "$top/share/fish/vendor_completions.d/speckit.fish")
for extra in LICENSE LICENSE.txt NOTICE; do
  if [ -f "$extra" ]; then expected+=("$top/$extra"); fi
done
listing=$(tar -tzf "$tarball")
[ "$listing" = "$(printf '%s\n' "${expected[@]}" | LC_ALL=C sort)" ] \
  || fail "$tarball holds $(xargs <<<"$listing"), expected ${expected[*]} in that order"
tar -tvzf "$tarball" --numeric-owner --full-time | awk '$2 != "0/0" { exit 1 }' || fail "an entry of $tarball is not owned by 0/0"
[ "$(tar -tvzf "$tarball" --full-time | awk '{ print $4, $5 }' | sort -u | wc -l)" -eq 1 ] || fail "the entries of $tarball have different mtimes"
ok "layout: $(xargs <<<"$listing"); sorted, owner 0/0, one mtime"

mkdir "$work/unpacked" "$work/empty"
tar -xzf "$tarball" -C "$work/unpacked"

# The manual page is the repository's, and bash loads the completion script and completes a subcommand with it.
cmp -s "$work/unpacked/$top/share/man/man1/speckit.1" docs/man/speckit.1 || fail "share/man/man1/speckit.1 is not docs/man/speckit.1"
completions=$(bash -c 'source "$1"; COMP_WORDS=(speckit val); COMP_CWORD=1; COMP_LINE="speckit val"; COMP_POINT=11
  _speckit speckit val speckit >/dev/null 2>&1 || true; printf "%s\n" "${COMPREPLY[@]}"' _ \
  "$work/unpacked/$top/share/bash-completion/completions/speckit")
grep -qx validate <<<"$completions" || fail "the bash completion script does not complete 'speckit val' to validate (got: $completions)"
ok "share/: the manual page, and completions for bash (speckit val → validate), zsh and fish"

# The packages INSTALL.txt names are the ones the README names.
install_packages=$(sed -n 's/.*The only system packages it needs: \([^(]*\).*/\1/p' "$work/unpacked/$top/INSTALL.txt" | tr -d ',' | xargs)
readme_packages=$(grep -o 'the only system packages it needs are [^.(]*' README.md | tr -d '`,' | sed 's/.* are //; s/ and / /' | xargs -n 1 | sort | xargs)
[ -n "$install_packages" ] || fail "INSTALL.txt names no runtime packages"
[ "$(tr ' ' '\n' <<<"$install_packages" | sort | xargs)" = "$readme_packages" ] \
  || fail "README.md says the only system packages it needs are '$readme_packages'; INSTALL.txt says '$install_packages'"
ok "README.md and INSTALL.txt name the same runtime packages: $install_packages"

# A small program linked against the toolchain's runtime, as every debug build is: under the hidden toolchain it
# must not start. Its ldd also shows where that runtime lives, which must be inside what is hidden.
printf 'import Foundation\nprint(ProcessInfo.processInfo.processIdentifier > 0)\n' >"$work/control.swift"
swiftc -o "$work/control" "$work/control.swift" || fail "could not build the control program"
runtime=$(ldd "$work/control" | awk '$1 == "libswiftCore.so" { print $3 }')
inside_toolchain=false
for folder in "${toolchain[@]}"; do
  case "$runtime" in "$folder"/*) inside_toolchain=true ;; esac
done
$inside_toolchain || fail "the toolchain's runtime ($runtime) lies outside ${toolchain[*]}"

printf '# Plan\n\n## Phase 1 — Build\n\n- [x] T1 Write the parser\n- [ ] T2 Wire the API (depends on T9)\n' >"$work/plan.md"
seeds="$(dirname "$repo")/shared/seeds"
arguments=(--inside "$work" "$top" "$version" "$seeds")

# How to get a private mount namespace here: a user namespace (works unprivileged where the kernel allows it),
# else as root; each is tried by covering the toolchain's first folder, which lasts only as long as the probe.
probe_folder=$(dirname "$runtime")
if unshare --mount --map-root-user mount --bind "$work/empty" "$probe_folder" 2>"$work/unshare.err"; then
  how="a user and mount namespace (unshare --mount --map-root-user)"
  method=(unshare --mount --map-root-user)
elif [ "$(id -u)" -eq 0 ] && unshare --mount mount --bind "$work/empty" "$probe_folder" 2>>"$work/unshare.err"; then
  how="a mount namespace (unshare --mount, as root; user namespaces are not allowed here)"
  method=(unshare --mount)
else
  how=""
fi
if [ -n "$how" ]; then
  echo "check-release: hiding ${toolchain[*]} in $how"
  "${method[@]}" bash "$0" "${arguments[@]}" yes "${toolchain[@]}"
  echo "check-release: passed, with the toolchain hidden by $how"
else
  echo "check-release: WARNING: cannot hide the toolchain here, no mount namespace can be made ($(tr '\n' ' ' <"$work/unshare.err"))" >&2
  echo "check-release: running the checks with the toolchain in place; ldd and the loader's own account still show nothing is loaded from it" >&2
  bash "$0" "${arguments[@]}" no "${toolchain[@]}"
  echo "check-release: passed, but with the toolchain in place (no mount namespace could be made)"
fi
