#!/usr/bin/env python3
"""Issue 7's scale benchmark: forceplan (GLPK and CBC) against the PuLP peers (GLPK, HiGHS).

For each size, one seeded coalition (RandomScenario, seed 1) is written as YAML by
ScaleBenchmark and then run, one process per run under `/usr/bin/time -v` (peak memory =
maximum resident set size, CPU = user + system of the process and its children):

  forceplan   ScaleBenchmark --file F --solver glpk|cbc      (release build)
  peers       peers/pulp_peer.py F --solver glpk|highs       (PuLP; glpsol, highspy)

It prints a Markdown table (the figures in RESULTS.md) and checks that every option both
sides prove optimal has the same lexicographic objective values to 1e-6 relative; a
disagreement is printed and makes the exit code 1.

    scale.py [--sizes 37,200,1000,5000] [--limit SECONDS] [--solve-up-to N] [--out DIR]

Sizes above --solve-up-to are measured for parse, formulation and size only. The end to
end comparison on scenarios/coalition-2025.yaml (`forceplan plan --no-alternatives
--no-binding` against the PuLP + GLPK peer) runs with --coalition.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
BENCH = os.path.join(ROOT, ".build-release", "release", "ScaleBenchmark")
FORCEPLAN = os.path.join(ROOT, ".build-release", "release", "forceplan")
PYTHON = os.path.join(HERE, "peers", ".venv", "bin", "python")
PEER = os.path.join(HERE, "peers", "pulp_peer.py")


def timed(cmd):
    """Runs cmd under /usr/bin/time -v: (stdout, wall s, cpu s, max RSS MiB, exit code)."""
    started = time.perf_counter()
    p = subprocess.run(["/usr/bin/time", "-v"] + cmd, capture_output=True, text=True)
    wall = time.perf_counter() - started
    err = p.stderr

    def field(name):
        m = re.search(re.escape(name) + r":\s*([0-9.]+)", err)
        return float(m.group(1)) if m else float("nan")
    cpu = field("User time (seconds)") + field("System time (seconds)")
    rss = field("Maximum resident set size (kbytes)") / 1024
    if p.returncode != 0:
        sys.stderr.write(f"{' '.join(cmd)} exited {p.returncode}:\n{err[-2000:]}\n")
    return p.stdout, wall, cpu, rss, p.returncode


def parse_json(text):
    try:
        return json.loads(text)
    except ValueError:
        pass
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    return {}


def agree(u, v):
    return abs(u - v) <= max(1e-6, 1e-6 * max(abs(u), abs(v)))


def compare(a, b, label):
    """Lines where two runs disagree on options both proved optimal; and how many agree."""
    bad, same = [], 0
    ob = {o["id"]: o for o in b.get("options", [])}
    for o in a.get("options", []):
        p = ob.get(o["id"])
        if not p or o["status"] != "optimal" or p["status"] != "optimal":
            continue
        for name, v in o.get("objectives", {}).items():
            w = p.get("objectives", {}).get(name)
            if w is None or not agree(v, w):
                bad.append(f"{label} option {o['id']} {name}: {v} vs {w}")
        same += 1
    return bad, same


def statuses(run):
    counts = {}
    for o in run.get("options", []):
        counts[o["status"]] = counts.get(o["status"], 0) + 1
    return ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "-"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="37,200,1000,5000")
    ap.add_argument("--limit", type=float, default=10, help="seconds per option (forceplan) and per solve (peers)")
    ap.add_argument("--solve-up-to", type=int, default=1000)
    ap.add_argument("--peer-solve-up-to", type=int, default=1000)
    ap.add_argument("--out", default=os.path.join(HERE, "out"))
    ap.add_argument("--coalition", action="store_true", help="only the end-to-end coalition-2025 comparison")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    if a.coalition:
        return coalition(a)
    rows, problems = [], []
    for n in [int(s) for s in a.sizes.split(",")]:
        path = os.path.join(a.out, f"scale-{n}.yaml")
        solve = n <= a.solve_up_to
        runs = {}
        for solver in ["glpk", "cbc"]:
            cmd = [BENCH, "--nations", str(n), "--seed", "1", "--write", path, "--solver", solver,
                   "--time-limit", str(a.limit)] + ([] if solve else ["--size-only"])
            out, wall, cpu, rss, rc = timed(cmd)
            runs["forceplan-" + solver] = dict(parse_json(out), wall=wall, cpu=cpu, rss=rss, rc=rc)
            if not solve:
                break
        peer_solve = n <= a.peer_solve_up_to
        for solver in ["glpk", "highs"]:
            cmd = [PYTHON, PEER, path, "--solver", solver, "--time-limit", str(a.limit)] + ([] if peer_solve else ["--size-only"])
            out, wall, cpu, rss, rc = timed(cmd)
            runs["peer-" + solver] = dict(parse_json(out), wall=wall, cpu=cpu, rss=rss, rc=rc)
            if not peer_solve:
                break
        ref = runs.get("peer-highs") or runs.get("peer-glpk")
        for name, r in runs.items():
            compared = 0
            for other_name, other in runs.items():
                if other_name <= name:
                    continue
                bad, same = compare(r, other, f"{n} nations {name} vs {other_name}")
                problems += bad
                compared += same
            rows.append((n, name, r, ref, compared))
        with open(os.path.join(a.out, f"scale-{n}.json"), "w") as f:
            json.dump(runs, f, indent=1, sort_keys=True)
    print("| nations | run | parse s | formulation s | solve s | report s | wall s | CPU s | peak RSS MiB | rows | columns | nonzeros | nnz / peer | nodes | options |")
    print("|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for n, name, r, ref, _ in rows:
        def f(k, fmt="{:.3f}"):
            v = r.get(k)
            return fmt.format(v) if isinstance(v, (int, float)) else "-"
        ratio = "-"
        if ref and ref.get("nonzeros") and r.get("nonzeros"):
            ratio = f"{r['nonzeros'] / ref['nonzeros']:.2f}"
        print(f"| {n} | {name} | {f('parse_s')} | {f('formulation_s')} | {f('solve_s')} | {f('report_s')} | "
              f"{r['wall']:.2f} | {r['cpu']:.2f} | {r['rss']:.0f} | {f('rows', '{:,}')} | {f('columns', '{:,}')} | "
              f"{f('nonzeros', '{:,}')} | {ratio} | {f('nodes', '{:,}')} | {statuses(r)} |")
    print()
    print("Objective agreement (options both sides proved optimal):",
          "all agree" if not problems else f"{len(problems)} DISAGREEMENT(S)")
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


def coalition(a):
    """End to end on scenarios/coalition-2025.yaml, lexicographic solves only: the median of
    --repeat runs of each, wall clock and CPU, with the objective values compared."""
    path = os.path.join(ROOT, "scenarios", "coalition-2025.yaml")
    cmds = {
        "forceplan (GLPK)": [FORCEPLAN, "plan", path, "--no-alternatives", "--no-binding", "--format", "json", "--quiet",
                             "--solver", "glpk"],
        "forceplan (default: auto)": [FORCEPLAN, "plan", path, "--no-alternatives", "--no-binding", "--format", "json",
                                      "--quiet"],
        "forceplan (CBC)": [FORCEPLAN, "plan", path, "--no-alternatives", "--no-binding", "--format", "json", "--quiet",
                            "--solver", "cbc"],
        "PuLP + GLPK peer": [PYTHON, PEER, path, "--solver", "glpk"],
        "PuLP + HiGHS peer": [PYTHON, PEER, path, "--solver", "highs"],
    }
    results, outputs = {}, {}
    for name, cmd in cmds.items():
        walls, cpus = [], []
        for _ in range(a.repeat):
            out, wall, cpu, rss, rc = timed(cmd)
            walls.append(wall)
            cpus.append(cpu)
        outputs[name] = parse_json(out)
        results[name] = (sorted(walls)[len(walls) // 2], sorted(cpus)[len(cpus) // 2], rss)
    print("| run | median wall s | median CPU s | peak RSS MiB |")
    print("|---|---:|---:|---:|")
    for name, (w, c, r) in results.items():
        print(f"| {name} | {w:.3f} | {c:.3f} | {r:.0f} |")
    base = results["forceplan (GLPK)"]
    peer = results["PuLP + GLPK peer"]
    print(f"\nPuLP + GLPK peer / forceplan (GLPK): {peer[0] / base[0]:.1f}x wall, {peer[1] / base[1]:.1f}x CPU")
    auto = results["forceplan (default: auto)"]
    print(f"PuLP + GLPK peer / forceplan (default: auto): {peer[0] / auto[0]:.1f}x wall, {peer[1] / auto[1]:.1f}x CPU")
    problems = []
    for name in ["forceplan (default: auto)", "forceplan (CBC)", "PuLP + GLPK peer", "PuLP + HiGHS peer"]:
        bad, same = compare(outputs["forceplan (GLPK)"], outputs[name], name)
        problems += bad
        print(f"objectives of {name} vs forceplan (GLPK): {same} option(s) compared, {len(bad)} disagreement(s)")
    for p in problems:
        print("  " + p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
