#!/usr/bin/env bash
# Cases per second of `forceplan bench` at -j 1 and -j 2 on the shipped sweep, measured in
# one run (rounds interleaved: j1, j2, j1, j2, ...) so that both see the same machine load.
# Release build. Prints per round the wall time, the rate, the CPU time (user + sys) and
# the cores the process actually got (CPU time / wall time); then the parallel efficiency
# (rate at -j 2 / (2 x rate at -j 1)) from the best round of each, and checks that -j 2
# gave the results of -j 1 (sorted, timing fields aside).
#
#   make -C benchmarks sweep            (ROUNDS=3 for more rounds)
set -euo pipefail
cd "$(dirname "$0")/.."
forceplan=${FORCEPLAN:-.build-release/release/forceplan}
scenario=${SCENARIO:-scenarios/coalition-2025.yaml}
sweep=${SWEEP:-sweeps/coalition-2025.yaml}
rounds=${ROUNDS:-2}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

declare -A best
echo "machine: $(nproc) cores, $(uname -sr); autogroup scheduling: $(cat /proc/sys/kernel/sched_autogroup_enabled 2>/dev/null || echo unknown)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
TIMEFORMAT='%R %U %S'
for round in $(seq "$rounds"); do
  for j in 1 2; do
    out=$tmp/j$j-$round.jsonl
    { time "$forceplan" bench "$scenario" --sweep "$sweep" -j "$j" --quiet -o "$out" ; } 2> "$tmp/time"
    read -r wall user sys < <(tail -n 1 "$tmp/time")
    cases=$(wc -l < "$out")
    rate=$(awk -v n="$cases" -v w="$wall" 'BEGIN { printf "%.3f", n / w }')
    cores=$(awk -v u="$user" -v s="$sys" -v w="$wall" 'BEGIN { printf "%.2f", (u + s) / w }')
    cpu=$(awk -v u="$user" -v s="$sys" -v n="$cases" 'BEGIN { printf "%.3f", (u + s) / n }')
    echo "round $round  -j $j  $cases cases  wall ${wall} s  $rate cases/s  CPU $cpu s/case  cores used $cores  (load $(cut -d' ' -f1 /proc/loadavg))"
    if [ -z "${best[$j]:-}" ] || awk -v r="$rate" -v b="${best[$j]}" 'BEGIN { exit !(r > b) }'; then
      best[$j]=$rate
    fi
  done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
efficiency=$(awk -v a="${best[1]}" -v b="${best[2]}" 'BEGIN { printf "%.2f", b / (2 * a) }')
echo "best: -j 1 ${best[1]} cases/s, -j 2 ${best[2]} cases/s, parallel efficiency $efficiency"

normalise() { sed -E 's/,"seconds":[-+0-9.eE]+//g' "$1" | sort; }
if cmp -s <(normalise "$tmp/j1-1.jsonl") <(normalise "$tmp/j2-1.jsonl"); then
  echo "-j 2 results equal -j 1 (sorted, timing aside)"
else
  echo "-j 2 results DIFFER from -j 1" >&2
  exit 1
fi
