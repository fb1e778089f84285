# usage: alternatives-ratio.py RUNS OLD NEW FILE...   (interleaved: each run times old core, old alts, new core, new alts)
#        alternatives-ratio.py RUNS - NEW FILE...     (NEW alone)
# Core: `plan FILE --no-alternatives --no-binding --format json --quiet`; with alternatives:
# the same without --no-alternatives; median of RUNS (3 for low-ceiling, whose core is long).
# MAX_RATIO=X in the environment: exit 1 when some file's NEW ratio is above X (issue 22: 5).
import subprocess, sys, time, statistics, os
runs = int(sys.argv[1]); files = sys.argv[4:]
bins = {"main": sys.argv[2], "branch": sys.argv[3]} if sys.argv[2] != "-" else {"branch": sys.argv[3]}
limit = float(os.environ["MAX_RATIO"]) if os.environ.get("MAX_RATIO") else None
def once(b, f, alts):
    args = [b, "plan", f] + ([] if alts else ["--no-alternatives"]) + ["--no-binding", "--format", "json", "--quiet"]
    s = time.perf_counter(); subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); return time.perf_counter() - s
print("load before", os.getloadavg(), flush=True)
over = []
for f in files:
    n = 3 if "low-ceiling" in f else runs
    t = {(k, a): [] for k in bins for a in (False, True)}
    for _ in range(n):
        for k, b in bins.items():
            for a in (False, True): t[(k, a)].append(once(b, f, a))
    m = {key: statistics.median(v) for key, v in t.items()}
    cells = [f"{m[(k, False)]:.3f} s | {m[(k, True)]:.3f} s | {m[(k, True)] / m[(k, False)]:.1f}x" for k in bins]
    print(f"| {os.path.basename(f)} | {n} | " + " | ".join(cells) + " |", flush=True)
    if limit is not None and m[("branch", True)] / m[("branch", False)] > limit: over.append(os.path.basename(f))
print("load after", os.getloadavg(), flush=True)
if over:
    print(f"over {limit}x: {', '.join(over)}", file=sys.stderr); sys.exit(1)
