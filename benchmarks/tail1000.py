#!/usr/bin/env python3
"""Issue 22's 1,000-nation tail: forceplan's first objective against the peers.

For each seed and demand factor: `forceplan generate --nations N --seed S`, every
requirement's `units` multiplied by the factor (the generator's proportions give coverage 1
at 1,000 nations; a factor of 10 brings coverage down to about 0.83, as in the issue), then
`forceplan plan` (default planner and limits: 60 s and 10,000 nodes per stage, no
alternatives, no binding search). Each option's first stage is exported (`forceplan export
--stage 1 --lp`) and given for LIMIT seconds to HiGHS (highspy, mip_rel_gap 1e-6) and to
the `cbc` command line; the table compares the best value each reaches with forceplan's.

    python3 benchmarks/tail1000.py --forceplan .build-release/release/forceplan \
        --seeds 1,2,3 --factors 10,40 --limit 60 --out benchmarks/out/tail1000

Prints one Markdown row per option; the peers' logs are kept in --out.
"""
import argparse, json, os, re, subprocess, sys, time


def scale_demand(src, factor, dst):
    out, inreq = [], False
    for line in open(src):
        if re.match(r'^\S', line):
            inreq = line.startswith('requirements:')
        m = re.match(r'^(    units: )([0-9.]+)\s*$', line)
        if inreq and m:
            line = f"{m.group(1)}{int(round(float(m.group(2)) * factor))}\n"
        out.append(line)
    with open(dst, 'w') as f:
        f.write(''.join(out))


def highs(lp, limit, maximize):
    import highspy
    h = highspy.Highs()
    h.setOptionValue('output_flag', False)
    h.setOptionValue('time_limit', float(limit))
    h.setOptionValue('mip_rel_gap', 1e-6)
    h.setOptionValue('threads', 1)
    h.readModel(lp)
    t = time.perf_counter()
    h.run()
    secs = time.perf_counter() - t
    info = h.getInfo()
    status = h.modelStatusToString(h.getModelStatus())
    has = info.primal_solution_status == 2
    return (info.objective_function_value if has else None), info.mip_dual_bound, status, secs


def cbc(lp, limit, log):
    t = time.perf_counter()
    r = subprocess.run(['cbc', lp, 'sec', str(limit), 'solve', 'quit'], capture_output=True, text=True)
    secs = time.perf_counter() - t
    with open(log, 'w') as f:
        f.write(r.stdout)
    m = re.search(r'^Result - (.*)$', r.stdout, re.M)
    status = 'Optimal' if m and m.group(1).startswith('Optimal') else (m.group(1) if m else 'no result')
    m = re.search(r'^Objective value:\s+(-?[0-9.eE+-]+)', r.stdout, re.M)
    value = float(m.group(1)) if m else None
    # The LP file's objective sense is kept by cbc; its printed value is in the model's sense.
    return value, status, secs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--forceplan', required=True)
    ap.add_argument('--nations', type=int, default=1000)
    ap.add_argument('--seeds', default='1,2,3')
    ap.add_argument('--factors', default='10')
    ap.add_argument('--limit', type=float, default=60)
    ap.add_argument('--out', default='benchmarks/out/tail1000')
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    fp = a.forceplan
    print('| nations | seed | demand | option | first objective | forceplan | status | peer best | HiGHS (status, s) | cbc (status, s) | behind |')
    print('|---:|---:|---:|---|---|---:|---|---:|---|---|---:|')
    for seed in [int(s) for s in a.seeds.split(',')]:
        base = os.path.join(a.out, f'r{a.nations}-{seed}.yaml')
        subprocess.run([fp, 'generate', '--nations', str(a.nations), '--seed', str(seed), '-o', base], check=True)
        for factor in [float(x) for x in a.factors.split(',')]:
            name = os.path.join(a.out, f'r{a.nations}-{seed}-x{factor:g}')
            scale_demand(base, factor, name + '.yaml')
            t = time.perf_counter()
            subprocess.run([fp, 'plan', name + '.yaml', '--no-alternatives', '--no-binding', '--format', 'json',
                            '--quiet', '-o', name + '.json'], stderr=subprocess.DEVNULL)
            plan_secs = time.perf_counter() - t
            report = json.load(open(name + '.json'))
            for o in report['options']:
                objectives = o.get('objectives') or {}
                if not objectives:
                    print(f"| {a.nations} | {seed} | {factor:g} | {o['id']} | - | - | {o['status']} | | | | |")
                    continue
                first = next(iter(objectives))
                mine = objectives[first]
                maximize = first in ('coverage', 'buildup', 'withdrawal') or first.startswith('coverage-by')
                lp = f"{name}-{o['id']}-1.lp"
                subprocess.run([fp, 'export', name + '.yaml', '--option', o['id'], '--stage', '1', '--lp', lp],
                               stderr=subprocess.DEVNULL, check=True)
                hv, hb, hs, hsecs = highs(lp, a.limit, maximize)
                cv, cs, csecs = cbc(lp, a.limit, lp + '.cbc.log')
                values = [v for v in (mine, hv, cv) if v is not None]
                best = max(values) if maximize else min(values)
                behind = abs(best - mine) / max(abs(best), 1e-9) if mine is not None else None
                fmt = lambda v: '-' if v is None else f'{v:.6g}'
                print(f"| {a.nations} | {seed} | {factor:g} | {o['id']} | {first} | {fmt(mine)} | {o['status']} "
                      f"({plan_secs:.0f} s all options) | {fmt(best)} | {fmt(hv)} ({hs}, {hsecs:.1f}) | "
                      f"{fmt(cv)} ({cs}, {csecs:.1f}) | {'-' if behind is None else f'{behind:.4%}'} |", flush=True)


if __name__ == '__main__':
    main()
