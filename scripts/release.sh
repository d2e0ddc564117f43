#!/usr/bin/env bash
# Builds the release tarball dist/speckit-VERSION-linux-x86_64.tar.gz and dist/…tar.gz.sha256 (read by
# `sha256sum -c`). Its bin/speckit runs without a Swift toolchain: the Swift standard library and Foundation
# (--static-swift-stdlib), cmark-gfm, libarchive and what libarchive and FoundationXML pull in (libxml2, ICU,
# nettle, acl, lzma, zstd, lz4, bzip2, zlib) are linked in. Only glibc, libgcc_s, libstdc++ and libcurl (which
# Foundation's networking needs, linked because the MCP SDK behind `speckit mcp` imports it) stay dynamic;
# the script fails if anything else does. It builds in .build-release; the tarball's bytes depend only on the
# binary, the commit and SOURCE_DATE_EPOCH (default: the commit's time). The first line on stdout starts with
# the tarball's path. scripts/check-release.sh tests it.
set -euo pipefail
cd "$(dirname "$0")/.."

die() {
  echo "release.sh: $*" >&2
  exit 1
}

scripts/install-deps.sh --release

# VERSION: Speckit.version in SpeckitCore, the string `speckit --version` prints.
versions=$(grep -rhoE 'public static let version = "[^"]+"' Sources/SpeckitCore | sed -E 's/.*"(.*)"/\1/')
[ "$(printf '%s\n' "$versions" | grep -c .)" -eq 1 ] || die "expected one Speckit.version in Sources/SpeckitCore, found: ${versions:-none}"
version=$versions
top="speckit-$version-linux-x86_64"

# Static C libraries. SwiftPM links a system-library target with the Libs of its pkg-config file (libarchive
# and libcmark-gfm in Package.swift), and the linker takes a library from the first -L folder that has it. So
# --pkg-config-path hands SwiftPM copies of those two files whose Libs start with -L to a folder holding only
# static libraries: -larchive, -lcmark-gfm and FoundationXML's -lxml2 find the .a there first, and the
# libraries they need (pkg-config --static) follow. Package.swift and every other build stay as they are.
scratch=.build-release
static_dir="$PWD/$scratch/static-libs"
pc_dir="$PWD/$scratch/pkgconfig"
rm -rf "$static_dir" "$pc_dir"
mkdir -p "$static_dir" "$pc_dir"
libdir=$(pkg-config --variable=libdir libarchive)
read -ra archive_libs <<<"$(pkg-config --static --libs-only-l libarchive libxml-2.0)"
read -ra cmark_libs <<<"$(pkg-config --static --libs-only-l libcmark-gfm)"
for flag in "${archive_libs[@]}" "${cmark_libs[@]}"; do
  name=${flag#-l}
  case "$name" in
    c | m | pthread | dl | rt | util) continue ;; # glibc: dynamic
  esac
  [ -f "$libdir/lib$name.a" ] || die "no $libdir/lib$name.a to link statically (scripts/install-deps.sh --release installs the -dev packages)"
  ln -sf "$libdir/lib$name.a" "$static_dir/lib$name.a"
done
overlay() { # PKG-CONFIG-NAME LIBS…
  local name=$1
  shift
  sed -e '/^Libs\.private:/d' -e "s|^Libs:.*|Libs: -L$static_dir $*|" "$(pkg-config --path "$name")" >"$pc_dir/$name.pc"
}
overlay libarchive "${archive_libs[@]}"
overlay libcmark-gfm "${cmark_libs[@]}"

swift build -c release --product speckit --scratch-path "$scratch" --static-swift-stdlib --disable-local-rpath \
  --pkg-config-path "$pc_dir" >&2
binary="$scratch/release/speckit"

# What stays dynamic: glibc (libc, libm, the loader), libgcc_s, libstdc++ and libcurl, nothing else, no rpath.
while read -r lib; do
  case "$lib" in
    libc.so.6 | libm.so.6 | ld-linux-x86-64.so.2 | libgcc_s.so.1 | libstdc++.so.6 | libcurl.so.4) ;;
    *) die "$binary links $lib dynamically (only glibc, libgcc_s, libstdc++ and libcurl may be)" ;;
  esac
done < <(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p')
if readelf -d "$binary" | grep -qE '\((RPATH|RUNPATH)\)'; then
  die "$binary has an rpath"
fi
[ "$("$binary" --version)" = "$version" ] || die "$binary --version does not print $version"

# The Debian packages the dynamic libraries come from (dpkg may list /lib paths under /usr/lib or back).
package_of() {
  local path=$1 candidate
  for candidate in "$path" "$(realpath "$path")" "/usr${path#/usr}" "${path#/usr}"; do
    dpkg-query -S "$candidate" 2>/dev/null | sed -n '1s/:.*//p' | grep . && return 0
  done
  die "no Debian package holds $path"
}
packages=()
while read -r path; do
  package=$(package_of "$path")
  packages+=("$package")
done < <(
  # The libraries the binary names itself (what libcurl loads in turn comes with the libcurl4 package).
  needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]$/\1/p')
  ldd "$binary" | awk -v needed="$needed" 'BEGIN { n = split(needed, list, "\n"); for (i = 1; i <= n; i++) want[list[i]] = 1 }
    $2 == "=>" && ($1 in want) { print $3 } $1 ~ /^\// { print $1 }'
)
mapfile -t packages < <(printf '%s\n' "${packages[@]}" | sort -u)
glibc=$(objdump -T "$binary" | grep -oE 'GLIBC_[0-9.]+' | sort -Vu | tail -n 1 | sed 's/GLIBC_//')
glibcxx=$(objdump -T "$binary" | grep -oE 'GLIBCXX_[0-9.]+' | sort -Vu | tail -n 1)

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/$top/bin"
strip -o "$stage/$top/bin/speckit" "$binary"
cp README.md "$stage/$top/README.md"
# The manual page (scripts/man.sh keeps it in step with the help) and the shell completions the binary writes.
mkdir -p "$stage/$top/share/man/man1" "$stage/$top/share/bash-completion/completions" \
  "$stage/$top/share/zsh/site-functions" "$stage/$top/share/fish/vendor_completions.d"
cp docs/man/speckit.1 "$stage/$top/share/man/man1/speckit.1"
"$binary" --generate-completion-script bash >"$stage/$top/share/bash-completion/completions/speckit"
"$binary" --generate-completion-script zsh >"$stage/$top/share/zsh/site-functions/_speckit"
"$binary" --generate-completion-script fish >"$stage/$top/share/fish/vendor_completions.d/speckit.fish"
for extra in LICENSE LICENSE.txt NOTICE; do
  if [ -f "$extra" ]; then cp "$extra" "$stage/$top/"; fi
done
commit=$(git rev-parse --short=12 HEAD)
git diff --quiet HEAD -- || commit="$commit (with uncommitted changes)"
system=$(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release)
package_list=$(printf '%s, ' "${packages[@]}")
package_list=${package_list%, }
cat >"$stage/$top/INSTALL.txt" <<EOF
speckit $version for Linux x86_64
Built from commit $commit with $(swift --version 2>/dev/null | head -n 1) on $system.

Install:
  sha256sum -c $top.tar.gz.sha256
  tar -xzf $top.tar.gz
  export PATH="\$PWD/$top/bin:\$PATH"
  speckit --version

bin/speckit needs no Swift toolchain: the Swift standard library, Foundation, cmark-gfm, libarchive, libxml2,
ICU and the compression libraries are linked into it. The only system packages it needs: $package_list
(glibc $glibc or newer, a libstdc++ with $glibcxx; libcurl4 for the networking Foundation links in for the MCP SDK,
though speckit itself opens no connection).
EOF
chmod -R u=rwX,go=rX "$stage/$top"

epoch=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct)}
mkdir -p dist
tar --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner --format=gnu -C "$stage" -cf - "$top" \
  | gzip -9 -n >"dist/$top.tar.gz.part"
mv "dist/$top.tar.gz.part" "dist/$top.tar.gz"
(cd dist && sha256sum "$top.tar.gz" >"$top.tar.gz.sha256.part" && mv "$top.tar.gz.sha256.part" "$top.tar.gz.sha256")
echo "dist/$top.tar.gz ($(stat -c %s "dist/$top.tar.gz") bytes; bin/speckit $(stat -c %s "$stage/$top/bin/speckit") bytes)"
echo "dist/$top.tar.gz.sha256: $(cut -d ' ' -f 1 "dist/$top.tar.gz.sha256")"
echo "runtime packages: ${packages[*]}"
