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
#SBATCH --job-name=forceplan-bench
#SBATCH --cpus-per-task=1
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
forceplan=${FORCEPLAN:-forceplan}
mkdir -p "$out"
# One worker per CPU Slurm gave the task; no progress bar in a log file.
exec "$forceplan" bench "$@" --sweep "$sweep" -j "${SLURM_CPUS_PER_TASK:-1}" \
  --time-limit "${FORCEPLAN_TIME_LIMIT:-300}" -o "$out/part-${SLURM_ARRAY_TASK_ID}.jsonl"
