#!/usr/bin/env bash
# The Slurm path, tested for real: a one-node Slurm cluster on this machine runs a 3-task
# array job over a shipped sweep with deploy/slurm/bench-array.sh, and the merged shards
# must equal a single run (lines sorted, timing fields aside).
#
#   sudo bash deploy/slurm/ci-test.sh        (root; installs slurm-wlm and munge if missing)
#
# The binary is the Debian package, as on a cluster's nodes: forceplan_*.deb (DEB; `make
# deb` builds it if there is none) is installed here with apt-get, and the job finds
# /usr/bin/forceplan on the node's PATH by itself. A package this script installed is
# removed on exit; one installed before is replaced and left (the same one, if the same file).
#
# Environment: DEB (the package; default the one forceplan_*.deb here), FORCEPLAN (test
# this binary instead, passed to the job; no package installed), SWEEP (default
# sweeps/tutorial.yaml), SCENARIO (default scenarios/tutorial.yaml), CPUS_PER_TASK
# (default: 2, or 1 on a 1-CPU machine), SLURM_CI_TIMEOUT (seconds to wait; default 180).
# Daemons started here are stopped by their recorded PIDs on exit, whatever happens.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$(pwd)

sweep=${SWEEP:-sweeps/tutorial.yaml}
scenario=${SCENARIO:-scenarios/tutorial.yaml}
timeout=${SLURM_CI_TIMEOUT:-180}

say() { echo "slurm-ci: $*"; }
die() { echo "slurm-ci: FAIL: $*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (it installs packages and starts munged, slurmctld, slurmd)"

# --- packages --------------------------------------------------------------------------
missing=""
for p in slurm-wlm munge; do dpkg -s "$p" >/dev/null 2>&1 || missing="$missing $p"; done
if [ -n "$missing" ]; then
  say "installing:$missing"
  # Keep the packages' init scripts from starting daemons of their own (no systemd here):
  # this script starts exactly the daemons it stops.
  policy=/usr/sbin/policy-rc.d
  own_policy=0
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' > "$policy"
    chmod +x "$policy"
    own_policy=1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $missing >/dev/null
  [ "$own_policy" = 1 ] && rm -f "$policy"
fi

# --- the binary: the package, installed here ---------------------------------------------
installed_here=0
export_forceplan=""
if [ -n "${FORCEPLAN:-}" ]; then
  [ -x "$FORCEPLAN" ] || die "FORCEPLAN=$FORCEPLAN is not an executable"
  forceplan=$(cd "$(dirname "$FORCEPLAN")" && pwd)/$(basename "$FORCEPLAN")
  export_forceplan=",FORCEPLAN=$forceplan"
  say "testing $forceplan (FORCEPLAN), not the package"
else
  deb=${DEB:-}
  if [ -z "$deb" ]; then
    shopt -s nullglob; debs=(forceplan_*.deb); shopt -u nullglob
    if [ "${#debs[@]}" = 0 ]; then say "no package here: make deb"; make deb >/dev/null; debs=(forceplan_*.deb); fi
    [ "${#debs[@]}" = 1 ] || die "several packages here (${debs[*]}): set DEB"
    deb=${debs[0]}
  fi
  [ -f "$deb" ] || die "no package $deb"
  dpkg-query -W -f='${Status}' forceplan 2>/dev/null | grep -q "ok installed" || installed_here=1
  say "installing $deb (apt-get)"
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends --reinstall \
    "$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")" >/dev/null
  forceplan=/usr/bin/forceplan
  [ "$(dpkg -S "$forceplan" 2>/dev/null | cut -d: -f1)" = forceplan ] \
    || die "$forceplan does not come from the forceplan package"
  [ "$(command -v forceplan)" = "$forceplan" ] || die "forceplan on PATH is $(command -v forceplan), not the package's"
fi
say "binary: $forceplan $("$forceplan" --version)"
cpus=$(nproc)
cpus_per_task=${CPUS_PER_TASK:-$(( cpus >= 2 ? 2 : 1 ))}

work=$(mktemp -d /tmp/forceplan-slurm-ci.XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  local status=$?
  if [ "$installed_here" = 1 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=120 remove -y -qq forceplan >/dev/null 2>&1 || echo "slurm-ci: could not remove the forceplan package" >&2
  fi
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  if [ "$status" != 0 ]; then
    for log in "$work"/slurmctld.log "$work"/slurmd.log "$work"/munged.log "$work"/out/*.log; do
      [ -f "$log" ] && { echo "--- $log"; tail -n 30 "$log"; }
    done
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# --- munge -----------------------------------------------------------------------------
if munge -n </dev/null >/dev/null 2>&1; then
  say "munged already running; using it"
else
  mkdir -p /run/munge /var/lib/munge /var/log/munge /etc/munge
  chown munge:munge /run/munge /var/lib/munge /var/log/munge
  chmod 755 /run/munge
  if [ ! -s /etc/munge/munge.key ]; then
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1 count=1024 status=none
  fi
  chown munge:munge /etc/munge/munge.key
  chmod 400 /etc/munge/munge.key
  # Foreground under the munge user, so that $! is munged itself.
  setpriv --reuid=munge --regid=munge --init-groups munged --foreground --force \
    >"$work/munged.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 50); do munge -n </dev/null >/dev/null 2>&1 && break; sleep 0.1; done
  munge -n </dev/null | unmunge >/dev/null || die "munged does not answer"
fi

# --- slurm -----------------------------------------------------------------------------
node=$(hostname -s)
mkdir -p "$work/state" "$work/spool" "$work/out"
export SLURM_CONF=$work/slurm.conf
cat > "$SLURM_CONF" <<CONF
ClusterName=forceplan-ci
SlurmctldHost=$node(127.0.0.1)
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
SlurmctldPort=${SLURMCTLD_PORT:-6817}
SlurmdPort=${SLURMD_PORT:-6818}
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
SchedulerType=sched/backfill
SchedulerParameters=batch_sched_delay=0
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
NodeName=$node NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=1024 State=UNKNOWN
PartitionName=ci Nodes=$node Default=YES MaxTime=INFINITE State=UP
CONF

slurmctld -D -i >"$work/slurmctld.out" 2>&1 &
pids+=($!)
slurmd -D >"$work/slurmd.out" 2>&1 &
pids+=($!)

say "waiting for node $node"
for _ in $(seq 300); do
  state=$(sinfo -h -n "$node" -o %t 2>/dev/null || true)
  case "$state" in idle|idle*|mix*|alloc*) break ;; esac
  sleep 0.1
done
case "$state" in idle*|mix*|alloc*) ;; *) die "node $node not ready (state '${state:-none}')" ;; esac

# --- the array job and a single run ----------------------------------------------------
# With the package, as docs/install.md has it: its own bench-array.sh, submitted from a
# folder holding copies of its shipped scenarios and sweeps. The job's environment has no
# FORCEPLAN (unless given): bench-array.sh must find the package's binary by itself.
if [ -z "$export_forceplan" ]; then
  array_script=/usr/share/forceplan/deploy/slurm/bench-array.sh
  rundir=$work/run
  mkdir -p "$rundir"
  cp -r /usr/share/forceplan/scenarios /usr/share/forceplan/sweeps "$rundir/"
  [ -f "$rundir/$sweep" ] && [ -f "$rundir/$scenario" ] || die "the package does not ship $sweep and $scenario"
else
  array_script=$repo/deploy/slurm/bench-array.sh
  rundir=$repo
fi
cd "$rundir"
say "submitting a 3-task array over $sweep, $cpus_per_task CPUs per task"
job=$(env -u FORCEPLAN -u FORCEPLAN_PREFIX sbatch --parsable --array=0-2 --chdir="$rundir" \
  --cpus-per-task="$cpus_per_task" --output="$work/out/task-%a.log" \
  --export="ALL$export_forceplan" \
  "$array_script" "$work/out" "$sweep" "$scenario")
job=${job%%;*}

"$forceplan" bench "$scenario" --sweep "$sweep" --quiet -o "$work/single.jsonl" \
  || die "the single run failed"

deadline=$((SECONDS + timeout))
while [ -n "$(squeue -h -j "$job" 2>/dev/null)" ]; do
  [ "$SECONDS" -lt "$deadline" ] || die "job $job still running after ${timeout}s"
  sleep 0.5
done

states=$(scontrol -o show job "$job" | grep -o 'JobState=[A-Z_]*' | sort | uniq -c || true)
tasks=$(scontrol -o show job "$job" | grep -c 'JobState=COMPLETED' || true)
[ "$tasks" = 3 ] || die "expected 3 completed tasks, found: $states"
scontrol -o show job "$job" | grep -q 'ExitCode=[1-9]' && die "a task exited non-zero"

# Each task ran the expected binary with one worker per CPU it was given.
for k in 0 1 2; do
  grep -q "forceplan-bench: node .*, $forceplan .*, task $k of 3, -j $cpus_per_task\$" "$work/out/task-$k.log" \
    || { cat "$work/out/task-$k.log" >&2; die "task $k did not run $forceplan with -j $cpus_per_task"; }
done

# Timing fields aside ("seconds"), sorted lines (each starts with its id): equal.
normalise() { sed -E 's/,"seconds":[-+0-9.eE]+//g' "$@" | sort; }
for k in 0 1 2; do
  [ -s "$work/out/part-$k.jsonl" ] || die "shard $k wrote no results"
done
normalise "$work"/out/part-*.jsonl > "$work/merged.norm"
normalise "$work/single.jsonl" > "$work/single.norm"
cases=$(wc -l < "$work/single.norm")
[ "$cases" -gt 0 ] || die "the single run has no cases"
cmp -s "$work/merged.norm" "$work/single.norm" \
  || { diff "$work/merged.norm" "$work/single.norm" | head -n 20; die "merged shards differ from the single run"; }
[ "$(cut -d'"' -f4 "$work/merged.norm" | sort -u | wc -l)" = "$cases" ] || die "a case id repeats"

"$forceplan" bench summarize "$work"/out/part-*.jsonl --format json > "$work/merged.summary"
"$forceplan" bench summarize "$work/single.jsonl" --format json > "$work/single.summary"
cmp -s "$work/merged.summary" "$work/single.summary" || die "summaries differ"

say "ok: 3 shards of job $job ($cases cases, $forceplan, -j $cpus_per_task) equal the single run"
