# usage: alternatives-ratio.py RUNS OLD NEW FILE...   (interleaved: each run times old core, old alts, new core, new alts)
import subprocess, sys, time, statistics, os
runs = int(sys.argv[1]); bins = {"main": sys.argv[2], "branch": sys.argv[3]}; files = sys.argv[4:]
def once(b, f, alts):
    args = [b, "plan", f] + ([] if alts else ["--no-alternatives"]) + ["--no-binding", "--format", "json", "--quiet"]
    s = time.perf_counter(); subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL); return time.perf_counter() - s
print("load before", os.getloadavg(), flush=True)
for f in files:
    n = 3 if "low-ceiling" in f else runs
    t = {(k, a): [] for k in bins for a in (False, True)}
    for _ in range(n):
        for k, b in bins.items():
            for a in (False, True): t[(k, a)].append(once(b, f, a))
    m = {key: statistics.median(v) for key, v in t.items()}
    print(f"| {os.path.basename(f)} | {n} | {m[('main',False)]:.3f} s | {m[('main',True)]:.3f} s | {m[('main',True)]/m[('main',False)]:.1f}x "
          f"| {m[('branch',False)]:.3f} s | {m[('branch',True)]:.3f} s | {m[('branch',True)]/m[('branch',False)]:.1f}x |", flush=True)
print("load after", os.getloadavg(), flush=True)
