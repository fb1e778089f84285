#!/usr/bin/env bash
# Every answer forceplan gives on the shipped scenarios and sweeps, written to one folder, so
# that two builds can be compared byte for byte (a refactoring must change none of it):
#
#   scripts/output-snapshot.sh OLD_BINARY /tmp/before
#   scripts/output-snapshot.sh .build-release/release/forceplan /tmp/after
#   diff -r /tmp/before /tmp/after && echo identical
#
# plan in every format on every shipped scenario; whatif of every shipped variant against its
# base; criticality and frontier on the tutorial and on coalition-2025's first option; bench
# over both shipped sweeps (the results' wall-clock "seconds" removed, records sorted by case)
# and its summaries; validate; the golden files are checked by `make test`. Exit codes are
# recorded beside each output.
set -uo pipefail
bin=$(realpath "$1"); out=$2
cd "$(dirname "$0")/.."
mkdir -p "$out"
run() {   # run NAME ARGS...: stdout to NAME, exit code to NAME.rc
    local name=$1; shift
    "$bin" "$@" >"$out/$name" 2>"$out/$name.err"; echo $? >"$out/$name.rc"
}
for f in scenarios/*.yaml; do
    s=$(basename "$f" .yaml)
    run "validate-$s.txt" validate "$f"
    for fmt in json text markdown csv; do run "plan-$s.$fmt" plan "$f" --format "$fmt"; done
done
run whatif-tutorial.json whatif scenarios/tutorial.yaml scenarios/tutorial-uk-withdraws.yaml --format json
run whatif-tutorial.md whatif scenarios/tutorial.yaml scenarios/tutorial-uk-withdraws.yaml --format markdown
variants=$(ls scenarios/coalition-2025-*.yaml)
run whatif-coalition.json whatif scenarios/coalition-2025.yaml $variants --format json
run whatif-coalition.txt whatif scenarios/coalition-2025.yaml $variants --format text
run whatif-flags.json whatif scenarios/tutorial.yaml --drop uk --assume us-backstop=false --format json
run criticality-tutorial.json criticality scenarios/tutorial.yaml --format json
run criticality-coalition.json criticality scenarios/coalition-2025.yaml --option over-the-horizon --format json -j 2
run frontier-tutorial.json frontier scenarios/tutorial.yaml --x personnel-in:ukraine --y coverage --format json
run frontier-coalition.json frontier scenarios/coalition-2025.yaml --x personnel-in:ukraine --y coverage --points 4 --format json
run plan-reliability.json plan scenarios/tutorial.yaml --samples 200 --seed 7 --format json
for sw in tutorial coalition-2025; do
    rm -f "$out/bench-$sw.jsonl.raw"
    run "bench-$sw.log" bench "scenarios/$sw.yaml" --sweep "sweeps/$sw.yaml" -j 2 --quiet -o "$out/bench-$sw.jsonl.raw"
    jq -cS 'del(.seconds) | .options |= map(del(.seconds))' "$out/bench-$sw.jsonl.raw" | sort >"$out/bench-$sw.jsonl"
    run "bench-$sw-summary.txt" bench summarize "$out/bench-$sw.jsonl" --by drop
    run "bench-$sw-summary.json" bench summarize "$out/bench-$sw.jsonl" --format json
    rm -f "$out/bench-$sw.jsonl.raw"
done
echo "snapshot in $out"
