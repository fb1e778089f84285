#!/usr/bin/env bash
# A Slurm array job: each task runs one shard of a forceplan benchmark.
#
#   sbatch --array=0-9 deploy/slurm/bench-array.sh OUTDIR SWEEP.yaml SCENARIO-OR-FOLDER...
#
# Task K of the array (SLURM_ARRAY_TASK_ID, any start) runs shard K+1 of
# SLURM_ARRAY_TASK_COUNT; forceplan reads both from the environment. Each task writes
# OUTDIR/part-<task id>.jsonl; rerunning a task (or the whole array) resumes where it
# stopped. Merge with:  forceplan bench summarize OUTDIR/part-*.jsonl
# Submit from the folder the scenario paths are relative to (case ids contain them).
#
# The binary on the node: FORCEPLAN if set (e.g. a shared prefix,
# FORCEPLAN=/shared/forceplan/bin/forceplan), else FORCEPLAN_PREFIX/bin/forceplan if
# FORCEPLAN_PREFIX is set, else `forceplan` on the node's PATH (the Debian package:
# apt-get install ./forceplan_*.deb on every node; docs/install.md).
# Workers: -j is the CPUs Slurm gave the task (--cpus-per-task, 2 unless sbatch says otherwise).
#SBATCH --job-name=forceplan-bench
#SBATCH --cpus-per-task=2
#SBATCH --output=forceplan-bench-%A_%a.log
set -euo pipefail

if [ $# -lt 3 ]; then
  echo "usage: sbatch --array=0-(N-1) $0 OUTDIR SWEEP.yaml SCENARIO-OR-FOLDER..." >&2
  exit 2
fi
out=$1
sweep=$2
shift 2
: "${SLURM_ARRAY_TASK_ID:?submit as an array job: sbatch --array=0-(N-1) ...}"
if [ -n "${FORCEPLAN:-}" ]; then
  forceplan=$FORCEPLAN
elif [ -n "${FORCEPLAN_PREFIX:-}" ]; then
  forceplan=$FORCEPLAN_PREFIX/bin/forceplan
else
  forceplan=$(command -v forceplan || true)
fi
if [ -z "$forceplan" ] || [ ! -x "$forceplan" ]; then
  echo "forceplan-bench: no forceplan on node $(hostname) (${forceplan:-not on PATH}):" \
       "install the package there (apt-get install ./forceplan_*.deb), or set FORCEPLAN" \
       "or FORCEPLAN_PREFIX to a shared installation (docs/install.md)" >&2
  exit 2
fi
# One worker per CPU Slurm gave the task (sbatch sets SLURM_CPUS_PER_TASK from
# --cpus-per-task, which the directive above always gives).
workers=${SLURM_CPUS_PER_TASK:-1}
mkdir -p "$out"
echo "forceplan-bench: node $(hostname), $forceplan $("$forceplan" --version)," \
     "task ${SLURM_ARRAY_TASK_ID} of ${SLURM_ARRAY_TASK_COUNT:-?}, -j $workers" >&2
# No progress bar in a log file: forceplan prints a progress line every 5 seconds.
exec "$forceplan" bench "$@" --sweep "$sweep" -j "$workers" \
  --time-limit "${FORCEPLAN_TIME_LIMIT:-300}" -o "$out/part-${SLURM_ARRAY_TASK_ID}.jsonl"
