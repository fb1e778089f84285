#!/usr/bin/env bash
# Prints the Debian `Depends:` value of an ELF binary: for every library it links to
# directly (DT_NEEDED), the package that owns the file ldd resolves it to (dpkg -S), with
# the minimum version from that package's shlibs file when it has one.
#
#   bash deploy/debian/depends.sh .build-release/release/forceplan
#   # libc6 (>= 2.36), libglpk40 (>= 5.0), ...
#
# Fails when a library does not resolve, or resolves to a file no Debian package owns
# (e.g. the Swift runtime under /opt/swift: the package build needs --static-swift-stdlib).
set -euo pipefail
binary=${1:?usage: depends.sh BINARY}
arch=$(dpkg --print-architecture)
die() { echo "depends.sh: $*" >&2; exit 1; }

owner() {  # owner PATH: the package owning PATH, trying the merged-/usr aliases too
  local path=$1 real candidates pkg
  real=$(readlink -f "$path")
  candidates="$path $real"
  for p in $path $real; do
    case "$p" in
      /usr/lib/*) candidates="$candidates ${p#/usr}" ;;
      /lib/*) candidates="$candidates /usr$p" ;;
    esac
  done
  for p in $candidates; do
    pkg=$(dpkg -S "$p" 2>/dev/null | head -n 1 | cut -d: -f1) || true
    [ -n "$pkg" ] && { echo "$pkg"; return 0; }
  done
  return 1
}

deps=()
ldd_out=$(ldd "$binary")
for lib in $(objdump -p "$binary" | awk '$1 == "NEEDED" { print $2 }'); do
  # "libc.so.6 => /lib/.../libc.so.6 (0x...)", or for the dynamic loader "/lib64/ld-....so.2 (0x...)"
  path=$(awk -v l="$lib" '$1 == l && $2 == "=>" { print $3; exit }
    $2 != "=>" { n = split($1, p, "/"); if (p[n] == l) { print $1; exit } }' <<<"$ldd_out")
  [ -n "$path" ] && [ "$path" != "not" ] || die "$lib does not resolve (ldd: not found)"
  pkg=$(owner "$path") || die "$lib resolves to $path, which no Debian package owns"
  # shlibs lines read "NAME SOVERSION DEPENDENCY": libglpk.so.40 is "libglpk 40".
  name=${lib%%.so*}
  version=${lib#*.so.}
  dep=""
  for f in /var/lib/dpkg/info/"$pkg".shlibs /var/lib/dpkg/info/"$pkg:$arch".shlibs; do
    [ -f "$f" ] || continue
    dep=$(awk -v n="$name" -v v="$version" '$1 == n && $2 == v { $1 = ""; $2 = ""; sub(/^ +/, ""); print; exit }' "$f")
    [ -n "$dep" ] && break
  done
  deps+=("${dep:-$pkg}")
done
[ "${#deps[@]}" -gt 0 ] || die "$binary links to no library (not a dynamic ELF binary?)"
printf '%s\n' "${deps[@]}" | sort -u | paste -sd, | sed 's/,/, /g'
