#!/usr/bin/env bash
# The Kubernetes image, tested without a registry or a cluster: podman builds
# deploy/kubernetes/Containerfile on the cached debootstrap root of deploy/bare-system-test.sh
# (imported with `podman import`: no registry to pull a Debian image from), runs
# `forceplan --version` in it, then runs bench-indexed-job.yaml's own command (read from the
# manifest; the tutorial sweep instead of the coalition one, for time) once per index with
# JOB_COMPLETION_INDEX set, as the Indexed Job would, and checks the shards equal one run.
#
#   sudo bash deploy/kubernetes/ci-image-test.sh forceplan_0.1.0_amd64.deb
#
# Root. Installs podman, runc and python3-yaml when missing. runc, not Debian's default
# crun: crun refuses this machine's hybrid cgroup v1 layout. The containers' open-file and
# process limits are set below this machine's (podman's default, the maximum, is refused).
# The images made here are removed on exit.
set -euo pipefail
cd "$(dirname "$0")/../.."

say() { echo "image-ci: $*"; }
die() { echo "image-ci: FAIL: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root"
deb=${1:?usage: ci-image-test.sh forceplan_VERSION_ARCH.deb}
[ -f "$deb" ] || die "no package $deb"
version=$(dpkg-deb -f "$deb" Version)
cache=${FORCEPLAN_CI_CACHE:-/var/cache/forceplan-ci}
. /etc/os-release
suite=${SUITE:-$VERSION_CODENAME}
arch=$(dpkg --print-architecture)
tarball=$cache/$suite-minbase-$arch.tar.gz
[ -s "$tarball" ] || die "no cached root $tarball: run deploy/bare-system-test.sh first"
# The build context is the repository, of which .dockerignore sends only forceplan_*.deb.
[ "$(ls forceplan_*.deb | wc -l)" = 1 ] || die "keep exactly one forceplan_*.deb here (the context)"
[ "$(ls forceplan_*.deb)" = "$(basename "$deb")" ] || die "$deb is not the package in the context"

missing=""
for p in podman runc python3-yaml; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  say "installing:$missing"
  apt-get -o DPkg::Lock::Timeout=600 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq \
    --no-install-recommends $missing >/dev/null
fi

base=localhost/forceplan-ci-base:$suite
image=localhost/forceplan:$version
limits=(--ulimit nofile=4096:4096 --ulimit nproc=4096:4096)
podman=(podman --runtime runc)
work=$(mktemp -d /tmp/forceplan-image-ci.XXXXXX)
cleanup() {
  local status=$?
  "${podman[@]}" rmi -f "$image" "$base" >/dev/null 2>&1 || true
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

start=$SECONDS
"${podman[@]}" import --quiet "$tarball" "$base" >/dev/null || die "podman import failed"
say "imported the $suite root as $base ($((SECONDS - start)) s)"

start=$SECONDS
"${podman[@]}" build --quiet --network host "${limits[@]}" --build-arg BASE="$base" \
  -f deploy/kubernetes/Containerfile -t "$image" . > "$work/build.log" 2>&1 \
  || { tail -n 30 "$work/build.log" >&2; die "podman build failed"; }
say "built $image from the package ($((SECONDS - start)) s)"

run() { "${podman[@]}" run --rm --network none "${limits[@]}" "$@"; }
got=$(run "$image" forceplan --version) || die "forceplan --version failed in the image"
[ "$got" = "$version" ] || die "forceplan --version in the image says '$got', the package '$version'"
run "$image" sh -c '! command -v swift && [ ! -e /opt/swift ]' >/dev/null \
  || die "the image has a Swift toolchain"
say "ok: forceplan --version in the image: $got"

# The Job's container, as the manifest gives it, for each index.
manifest=deploy/kubernetes/bench-indexed-job.yaml
eval "$(python3 - "$manifest" <<'PY'
import shlex, sys, yaml
job = yaml.safe_load(open(sys.argv[1]))
spec = job["spec"]
c = spec["template"]["spec"]["containers"][0]
mount = next(m["mountPath"] for m in c["volumeMounts"] if m["name"] == "results")
print("completions=%d" % spec["completions"])
print("workdir=%s" % shlex.quote(c["workingDir"]))
print("command=(%s)" % " ".join(shlex.quote(x) for x in c["command"]))
print("script=%s" % shlex.quote(c["args"][0]))
print("mount=%s" % shlex.quote(mount))
PY
)"
case "$script" in
  *"--shard-count $completions "*) ;;
  *) die "the manifest's --shard-count is not its completions ($completions)" ;;
esac
script=${script//scenarios\/coalition-2025.yaml/scenarios/tutorial.yaml}
script=${script//sweeps\/coalition-2025.yaml/sweeps/tutorial.yaml}
mkdir -p "$work/results"
start=$SECONDS
for ((k = 0; k < completions; k++)); do
  run -e JOB_COMPLETION_INDEX="$k" -w "$workdir" -v "$work/results:$mount" "$image" \
    "${command[@]}" "$script" > "$work/index-$k.log" 2>&1 \
    || { cat "$work/index-$k.log" >&2; die "index $k of the Job failed"; }
done
run -w "$workdir" -v "$work/results:$mount" "$image" \
  forceplan bench scenarios/tutorial.yaml --sweep sweeps/tutorial.yaml --quiet -o "$mount/single.jsonl" \
  || die "the single run failed"
normalise() { sed -E 's/,"seconds":[-+0-9.eE]+//g' "$@" | sort; }
normalise "$work"/results/part-*.jsonl > "$work/merged.norm"
normalise "$work/results/single.jsonl" > "$work/single.norm"
cases=$(wc -l < "$work/single.norm")
[ "$cases" -gt 0 ] || die "the single run has no cases"
[ "$(ls "$work"/results/part-*.jsonl | wc -l)" = "$completions" ] || die "not one results file per index"
cmp -s "$work/merged.norm" "$work/single.norm" \
  || { diff "$work/merged.norm" "$work/single.norm" | head -n 20 >&2; die "the indexes' results differ from one run"; }
say "ok: the Job's command, $completions indexes in the image ($((SECONDS - start)) s): $cases cases, equal to one run"
