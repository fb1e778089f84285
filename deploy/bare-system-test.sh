#!/usr/bin/env bash
# The Debian package on a bare system: a minimal Debian root (debootstrap --variant=minbase)
# with no Swift toolchain and nothing from this machine, where `apt-get install
# ./forceplan_*.deb` must pull in everything forceplan needs from Debian's mirror, and
# `validate`, `plan` and a two-case `bench` must give the bytes this machine's build gives.
#
#   sudo bash deploy/bare-system-test.sh forceplan_0.1.0_amd64.deb     (or: make bare-system-test)
#
# Root (debootstrap, chroot, mount). Installs debootstrap when missing. The fresh root is
# cached as a tarball in FORCEPLAN_CI_CACHE (default /var/cache/forceplan-ci, outside the
# clone), with the .debs apt downloads into it, so a rerun on the same machine takes
# seconds; delete the folder to start cold. Mounts (proc, dev, the apt cache) are undone
# and the root removed on exit, whatever happens.
#
# Environment: FORCEPLAN_CI_CACHE, DEBIAN_MIRROR (default: the first URI of
# /etc/apt/sources.list.d/debian.sources, else http://deb.debian.org/debian), SUITE
# (default: this machine's VERSION_CODENAME), BUILD_BINARY (the unstripped release build the
# package's answers are compared with; default .build-release/release/forceplan).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

say() { echo "bare-system: $*"; }
die() { echo "bare-system: FAIL: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (debootstrap, chroot and mount need it)"
deb=${1:?usage: bare-system-test.sh forceplan_VERSION_ARCH.deb}
[ -f "$deb" ] || die "no package $deb (make deb builds it)"
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")
build_binary=${BUILD_BINARY:-.build-release/release/forceplan}
[ -x "$build_binary" ] || die "no build binary $build_binary to compare with (make release)"

cache=${FORCEPLAN_CI_CACHE:-/var/cache/forceplan-ci}
. /etc/os-release
suite=${SUITE:-$VERSION_CODENAME}
arch=$(dpkg --print-architecture)
sources=/etc/apt/sources.list.d/debian.sources
mirror=${DEBIAN_MIRROR:-}
if [ -z "$mirror" ] && [ -f "$sources" ]; then
  mirror=$(awk '$1 == "URIs:" { print $2; exit }' "$sources")
fi
mirror=${mirror:-http://deb.debian.org/debian}

if ! command -v debootstrap >/dev/null; then
  say "installing debootstrap"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends debootstrap >/dev/null
fi

mkdir -p "$cache/apt-archives/partial"
tarball=$cache/$suite-minbase-$arch.tar.gz
work=$(mktemp -d /var/tmp/forceplan-bare.XXXXXX)
root=$work/root
mkdir -p "$root"

cleanup() {
  local status=$?
  # Innermost first; lazily if busy. The root is removed only when nothing is mounted
  # under it any more, and never across a file-system boundary.
  for m in var/cache/apt/archives dev proc; do
    mountpoint -q "$root/$m" 2>/dev/null && { umount "$root/$m" || umount -l "$root/$m" || true; }
  done
  if findmnt -rn -o TARGET | grep -q "^$root/"; then
    echo "bare-system: mounts left under $root; not removing it" >&2
    status=1
  else
    rm -rf --one-file-system "$work"
  fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- the root: cached tarball, or debootstrap -------------------------------------------
start=$SECONDS
if [ -s "$tarball" ]; then
  say "unpacking the cached $suite root ($tarball)"
  tar -xzf "$tarball" -C "$root"
else
  say "debootstrap --variant=minbase $suite from $mirror (cold; cached afterwards)"
  debootstrap --variant=minbase --arch="$arch" "$suite" "$root" "$mirror" > "$work/debootstrap.log" 2>&1 \
    || { tail -n 30 "$work/debootstrap.log" >&2; die "debootstrap failed"; }
  # This machine's Debian sources (the suite, its updates and security), when it has them.
  if [ -f "$sources" ]; then
    rm -f "$root/etc/apt/sources.list"
    cp "$sources" "$root/etc/apt/sources.list.d/debian.sources"
  fi
  rm -rf "$root/var/cache/apt/archives/"*.deb "$root/var/lib/apt/lists/"*
  tar -czf "$tarball.tmp.$$" -C "$root" . && mv "$tarball.tmp.$$" "$tarball"
  say "cached the root: $tarball ($(du -h "$tarball" | cut -f1))"
fi
say "root ready in $((SECONDS - start)) s"

# --- nothing from the build machine ------------------------------------------------------
[ ! -e "$root/opt/swift" ] || die "the root has /opt/swift"
[ -z "$(ls -A "$root/opt" 2>/dev/null)" ] || die "the root's /opt is not empty: $(ls "$root/opt")"
[ ! -e "$root/usr/bin/swift" ] && [ ! -e "$root/usr/bin/swiftc" ] || die "the root has a Swift toolchain"
[ ! -e "$root/$repo" ] || die "the root has the build tree $repo"

cp /etc/resolv.conf "$root/etc/resolv.conf"
mount -t proc proc "$root/proc"
mount --bind /dev "$root/dev"
mount --bind "$cache/apt-archives" "$root/var/cache/apt/archives"
mkdir -p "$root/tmp/forceplan-test"
cp "$deb" "$root/tmp/forceplan-test/"

# Inside the root: a clean environment (no LD_LIBRARY_PATH, PATH or SWIFT_* from here).
in_root() {
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive "$@"
}

# --- install ----------------------------------------------------------------------------
start=$SECONDS
say "apt-get install ./$(basename "$deb") in the root"
in_root apt-get update -qq
in_root sh -c "cd /tmp/forceplan-test && apt-get install -y -qq --no-install-recommends ./$(basename "$deb")" \
  > "$work/install.log" 2>&1 || { tail -n 30 "$work/install.log" >&2; die "apt-get install failed"; }
say "installed in $((SECONDS - start)) s: $(in_root dpkg-query -W -f='${Package} ${Version}' forceplan)"

# --- checks -----------------------------------------------------------------------------
[ "$(in_root dpkg-query -W -f='${Status}' forceplan)" = "install ok installed" ] || die "the package is not installed"
in_root sh -c 'command -v swift || command -v swiftc' && die "a Swift toolchain is on the root's PATH"
[ ! -e "$root/opt/swift" ] || die "installing the package brought /opt/swift"
ldd_out=$(in_root ldd /usr/bin/forceplan) || die "ldd failed in the root"
grep -q "not found" <<<"$ldd_out" && { echo "$ldd_out" >&2; die "a library does not resolve in the root"; }
grep -qiE "/opt/|swift" <<<"$ldd_out" && { echo "$ldd_out" >&2; die "ldd names a Swift or /opt path"; }
runpath=$(objdump -p "$root/usr/bin/forceplan" | awk '$1 == "RUNPATH" || $1 == "RPATH" { print $2 }')
case "$runpath" in ''|'$ORIGIN') ;; *) die "the binary searches $runpath for libraries" ;; esac
# No path of the build machine inside what the package installed: not the build tree
# anywhere, not the toolchain in the binary or the completions (the docs name /opt/swift).
while read -r f; do
  [ -f "$root$f" ] && [ ! -L "$root$f" ] || continue
  grep -aqF "$repo" "$root$f" && die "$f holds the build tree's path $repo"
  case "$f" in
    /usr/bin/*|/usr/share/*completion*) grep -aqF /opt/swift "$root$f" && die "$f holds /opt/swift" ;;
  esac
done < <(in_root dpkg -L forceplan)
version=$(in_root forceplan --version)
dpkg_version=$(in_root dpkg-query -W -f='${Version}' forceplan)
[ "$version" = "$dpkg_version" ] || die "forceplan --version says '$version', the package '$dpkg_version'"
for f in /usr/share/man/man1/forceplan.1.gz /usr/share/bash-completion/completions/forceplan \
         /usr/share/forceplan/scenarios/tutorial.yaml /usr/share/forceplan/sweeps/tutorial.yaml \
         /usr/share/forceplan/deploy/slurm/bench-array.sh; do
  [ -s "$root$f" ] || die "the package did not install $f"
done

# The same commands here and in the root (same relative paths, so the same case ids):
# the package's answers must be this machine's build's, byte for byte.
share=/usr/share/forceplan
cat > "$root/tmp/forceplan-test/two.yaml" <<'SWEEP'
format: forceplan-sweep/v1
name: bare-system
description: Two cases, with and without the US backstop.
product:
  assumptions:
    us-backstop: [true, false]
SWEEP
here=$work/here
mkdir -p "$here"
build_binary=$(cd "$(dirname "$build_binary")" && pwd)/$(basename "$build_binary")
run_both() {  # run_both NAME ARGS...: forceplan ARGS in the root and here, outputs compared
  local name=$1; shift
  local t=$SECONDS
  in_root sh -c 'cd "$0" && exec forceplan "$@"' "$share" "$@" > "$work/$name.root" \
    || die "in the root: forceplan $* failed (exit $?)"
  local root_s=$((SECONDS - t))
  [ -s "$work/$name.root" ] || die "in the root: forceplan $* printed nothing"
  (cd "$repo" && "$build_binary" "$@") > "$here/$name" || die "here: forceplan $* failed"
  cmp -s "$work/$name.root" "$here/$name" \
    || { diff "$work/$name.root" "$here/$name" | head -n 20 >&2; die "forceplan $* differs from this machine's build"; }
  say "ok: forceplan $* ($root_s s in the root; same bytes as here)"
}
run_both validate validate scenarios/tutorial.yaml scenarios/coalition-2025.yaml
run_both plan-tutorial plan scenarios/tutorial.yaml --format json
run_both plan-tutorial-cbc plan scenarios/tutorial.yaml --solver cbc --quiet
run_both plan-coalition plan scenarios/coalition-2025.yaml --node-limit 200 --quiet
cp "$root/tmp/forceplan-test/two.yaml" "$here/two.yaml"
# bench: results carry timings, so the check is the case count, statuses and the summary.
t=$SECONDS
in_root sh -c "cd $share && forceplan bench scenarios/tutorial.yaml --sweep /tmp/forceplan-test/two.yaml \
  --quiet -j 2 -o /tmp/forceplan-test/results.jsonl" || die "bench in the root failed"
cases=$(wc -l < "$root/tmp/forceplan-test/results.jsonl")
[ "$cases" = 2 ] || die "bench wrote $cases results, expected 2"
in_root forceplan bench summarize /tmp/forceplan-test/results.jsonl --format json > "$work/summary.root" \
  || die "bench summarize in the root failed"
(cd "$repo" && "$build_binary" bench scenarios/tutorial.yaml --sweep "$here/two.yaml" --quiet -j 2 \
  -o "$here/results.jsonl" && "$build_binary" bench summarize "$here/results.jsonl" --format json) \
  > "$here/summary" || die "bench here failed"
cmp -s "$work/summary.root" "$here/summary" \
  || { diff "$work/summary.root" "$here/summary" | head -n 20 >&2; die "the bench summaries differ"; }
say "ok: forceplan bench (2 cases, $((SECONDS - t)) s) and bench summarize; same summary as here"
say "ok: the package works on a bare $suite root"
