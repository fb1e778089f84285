#!/usr/bin/env python3
"""An independent implementation of forceplan's model (docs/model.md), in PuLP.

Reads a `forceplan/v1` scenario, builds each option's MILP exactly as docs/model.md states it
(written from the text, not from forceplan's Swift code), solves it lexicographically
with GLPK (glpsol, through PuLP) or HiGHS (highspy, through PuLP), and prints one JSON
object: per option its status and the value of every objective, computed from the integer
plan; the size of the first option's model; and the time of each step.

    pulp_peer.py SCENARIO.yaml [--solver glpk|highs] [--time-limit S] [--size-only]

The formulation is the linear one: a total-personnel variable T for the nation-share rows
(`personnel(n) - s * T <= 0`), so every row family grows with pledges, locations and
requirements, not with their product.
"""
import argparse
import json
import math
import sys
import time

T0 = time.perf_counter()

import pulp  # noqa: E402
import yaml  # noqa: E402

DOMAINS = ("land", "air", "sea", "intel", "support")


def load(path):
    with open(path, encoding="utf-8") as f:
        return yaml.safe_load(f)


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


class Option:
    """An option with the scenario's settings merged in (docs/model.md, option overrides)."""

    def __init__(self, s, o):
        self.id = o["id"]
        self.assumptions = dict(s.get("assumptions") or {})
        self.assumptions.update(o.get("assumptions") or {})
        base = dict(s.get("policies") or {})
        over = o.get("policies") or {}
        policies = dict(base)
        for k, v in over.items():
            if k == "max_personnel_in":
                merged = dict(base.get("max_personnel_in") or {})
                merged.update(v or {})
                policies[k] = merged
            else:
                policies[k] = v
        self.policies = policies
        self.objectives = list(o.get("objectives") or s.get("objectives") or ["coverage", "cost"])
        self.excluded = set(o.get("exclude_nations") or [])


class Model:
    """One option's MILP: variables x[p, l, r] and the hard constraints."""

    def __init__(self, s, opt):
        self.s, self.opt = s, opt
        caps = s.get("capabilities") or {}
        locs = s.get("locations") or {}
        nations = s.get("nations") or {}
        reqs = s.get("requirements") or []
        self.caps, self.locs = caps, locs
        tags = {l: set((locs[l] or {}).get("tags") or []) for l in locs}
        self.tags = tags

        def expand(items):
            out = []
            for it in items:
                if it in locs:
                    cands = [it]
                else:
                    cands = [l for l in locs if it in tags[l]]
                for l in cands:
                    if l not in out:
                        out.append(l)
            return out

        prob = pulp.LpProblem(s.get("name", "scenario").replace("-", "_"), pulp.LpMinimize)
        self.prob = prob
        x = []  # (var, nation, cap, loc, req, pledge)
        for n, nd in nations.items():
            nd = nd or {}
            if n in opt.excluded:
                continue
            caveats = [(c["domain"], c["tag"]) for c in nd.get("caveats") or []]
            for k, p in enumerate(nd.get("pledges") or []):
                if not all(opt.assumptions.get(w, False) for w in as_list(p.get("when"))):
                    continue
                cap = p["capability"]
                cd = caps[cap]
                rot = float(cd.get("rotation", 1))
                deployable = math.floor(p["units"] / rot + 1e-9)
                allowed = expand(p["locations"]) if p.get("locations") else None
                p["_key"] = (n, k)
                for r in reqs:
                    needs = r["needs"]
                    needs = {needs: 1.0} if isinstance(needs, str) else needs
                    if cap not in needs:
                        continue
                    if p.get("ready_days") is not None and r.get("within_days") is not None \
                            and p["ready_days"] > r["within_days"]:
                        continue
                    for l in expand(r["at"]):
                        if allowed is not None and l not in allowed:
                            continue
                        if any(d == cd["domain"] and t in tags[l] for d, t in caveats):
                            continue
                        v = pulp.LpVariable(f"x{len(x)}", 0, deployable, cat="Integer")
                        x.append((v, n, cap, l, r["id"], p))
        self.x = x
        pers = {cap: float((caps[cap] or {}).get("personnel", 0)) for cap in caps}

        def personnel(items):
            return pulp.lpSum(pers[c] * v for v, _, c, _, _, _ in items)

        def cost(items):
            return pulp.lpSum(float(p.get("cost", 0)) * v for v, _, _, _, _, p in items)

        by_pledge, by_nation, by_loc, by_req = {}, {}, {}, {}
        for item in x:
            v, n, c, l, r, p = item
            by_pledge.setdefault(p["_key"], []).append(item)
            by_nation.setdefault(n, []).append(item)
            by_loc.setdefault(l, []).append(item)
            by_req.setdefault(r, []).append(item)
        self.by_nation = by_nation

        # pledge supply: rotation * sum x <= units
        for key, items in by_pledge.items():
            p = items[0][5]
            rot = float(caps[p["capability"]].get("rotation", 1))
            prob += pulp.lpSum(rot * v for v, *_ in items) <= p["units"], f"supply_{key[0]}_{key[1]}"
        # location capacity
        for l, ld in locs.items():
            capmap = (ld or {}).get("capacity") or {}
            items = by_loc.get(l, [])
            for key, limit in capmap.items():
                if key == "personnel":
                    prob += personnel(items) <= limit, f"cap_{l}_personnel"
                else:
                    dom = [it for it in items if caps[it[2]]["domain"] == key]
                    if dom:
                        prob += pulp.lpSum(it[0] for it in dom) <= limit, f"cap_{l}_{key}"
        pol = opt.policies
        for tag, limit in (pol.get("max_personnel_in") or {}).items():
            items = [it for it in x if tag in tags[it[3]]]
            if items:
                prob += personnel(items) <= limit, f"ceiling_{tag}"
        # nation share through a total-personnel variable T
        share = pol.get("max_nation_share")
        if share is not None and x:
            T = pulp.LpVariable("T", 0)
            prob += T - personnel(x) == 0, "total_personnel"
            for n, items in by_nation.items():
                prob += personnel(items) - float(share) * T <= 0, f"share_{n}"
        # budgets and the common fund
        fund = sum(float((nations[n] or {}).get("funds", 0)) for n in nations if n not in opt.excluded)
        payments = []
        for n, items in by_nation.items():
            budget = (nations[n] or {}).get("budget")
            if budget is None:
                continue
            if fund > 0:
                g = pulp.LpVariable(f"g_{n}", 0)
                payments.append(g)
                prob += cost(items) - g <= budget, f"budget_{n}"
            else:
                prob += cost(items) <= budget, f"budget_{n}"
        if payments:
            prob += pulp.lpSum(payments) <= fund, "fund"
        if pol.get("total_budget") is not None and x:
            prob += cost(x) <= pol["total_budget"], "total_budget"
        # contributing nations
        self.y = {}
        need_y = pol.get("min_nations") is not None or "nations" in opt.objectives
        if need_y:
            for n, items in by_nation.items():
                y = pulp.LpVariable(f"y_{n}", cat="Binary")
                self.y[n] = y
                prob += y - pulp.lpSum(it[0] for it in items) <= 0, f"contributes_{n}"
            if pol.get("min_nations") is not None:
                prob += pulp.lpSum(self.y.values()) >= pol["min_nations"], "min_nations"
        # requirements: shortfall and per-requirement minimum nations
        self.shortfall = {}
        for r in reqs:
            items = by_req.get(r["id"], [])
            units = float(r["units"])
            needs = r["needs"]
            needs = {needs: 1.0} if isinstance(needs, str) else needs
            sr = pulp.LpVariable(f"s_{r['id']}", 0, units)
            self.shortfall[r["id"]] = sr
            prob += pulp.lpSum(float(needs[it[2]]) * it[0] for it in items) + sr >= units, f"cover_{r['id']}"
            if r.get("min_nations"):
                zs = []
                for n in sorted({it[1] for it in items}):
                    z = pulp.LpVariable(f"z_{r['id']}_{n}", cat="Binary")
                    zs.append(z)
                    prob += z - pulp.lpSum(it[0] for it in items if it[1] == n) <= 0, f"serves_{r['id']}_{n}"
                prob += pulp.lpSum(zs) >= r["min_nations"], f"min_nations_{r['id']}"
        self.reqs = reqs
        self.personnel, self.cost = personnel, cost

    def objective(self, name):
        """(sense, expression) of an objective by its name in docs/model.md."""
        x = self.x
        if name == "coverage":
            W = sum(float(r.get("weight", 1)) for r in self.reqs)
            e = pulp.lpSum(-float(r.get("weight", 1)) / (float(r["units"]) * W) * self.shortfall[r["id"]]
                           for r in self.reqs if float(r["units"]) > 0) + 1.0
            return pulp.LpMaximize, e
        if name == "cost":
            return pulp.LpMinimize, self.cost(x)
        if name == "personnel":
            return pulp.LpMinimize, self.personnel(x)
        if name.startswith("personnel-in:"):
            tag = name.split(":", 1)[1]
            return pulp.LpMinimize, self.personnel([it for it in x if tag in self.tags[it[3]]])
        if name == "nations":
            return pulp.LpMaximize, pulp.lpSum(self.y.values())
        if name.startswith("dependence:"):
            ident = name.split(":", 1)[1]
            nations = self.s.get("nations") or {}
            members = {n for n in nations if n == ident or ident in ((nations[n] or {}).get("groups") or [])}
            return pulp.LpMinimize, pulp.lpSum(it[0] for it in x if it[1] in members)
        raise SystemExit(f"unknown objective {name}")

    def size(self):
        rows = len(self.prob.constraints)
        nonzeros = sum(len(c) for c in self.prob.constraints.values())
        return rows, len(self.prob.variables()), nonzeros

    def reported(self, name, values):
        """An objective's value computed from the integer plan (tight shortfalls)."""
        x = self.x
        if name == "coverage":
            W = sum(float(r.get("weight", 1)) for r in self.reqs)
            total = 0.0
            for r in self.reqs:
                u = float(r["units"])
                needs = r["needs"]
                needs = {needs: 1.0} if isinstance(needs, str) else needs
                provided = sum(float(needs[it[2]]) * values[i] for i, it in enumerate(x) if it[4] == r["id"])
                c = 1.0 if u <= 0 else 1.0 - max(0.0, u - provided) / u
                total += float(r.get("weight", 1)) * c
            return total / W
        pers = {c: float((self.caps[c] or {}).get("personnel", 0)) for c in self.caps}
        if name == "cost":
            return sum(float(it[5].get("cost", 0)) * values[i] for i, it in enumerate(x))
        if name == "personnel":
            return sum(pers[it[2]] * values[i] for i, it in enumerate(x))
        if name.startswith("personnel-in:"):
            tag = name.split(":", 1)[1]
            return sum(pers[it[2]] * values[i] for i, it in enumerate(x) if tag in self.tags[it[3]])
        if name == "nations":
            return float(len({it[1] for i, it in enumerate(x) if values[i] > 0.5}))
        if name.startswith("dependence:"):
            ident = name.split(":", 1)[1]
            nations = self.s.get("nations") or {}
            members = {n for n in nations if n == ident or ident in ((nations[n] or {}).get("groups") or [])}
            return sum(values[i] for i, it in enumerate(x) if it[1] in members)
        raise SystemExit(f"unknown objective {name}")


class HonestGLPK(pulp.GLPK_CMD):
    """PuLP's GLPK_CMD reads glpsol's "INTEGER NON-OPTIMAL" (stopped by the time limit with
    an incumbent) as Optimal; this keeps glpsol's own status word so the peer can tell."""

    raw_status = None

    def readsol(self, outFile, solFile):
        with open(outFile) as f:
            lines = [f.readline() for _ in range(5)]
        self.raw_status = lines[4][12:-1]
        return super().readsol(outFile, solFile)


def make_solver(name, limit):
    if name == "glpk":
        return HonestGLPK(msg=False, timeLimit=max(1, int(limit)))  # glpsol --tmlim takes whole seconds
    if name == "highs":
        return pulp.HiGHS(msg=False, timeLimit=limit)
    raise SystemExit(f"unknown solver {name}")


def proven(prob, solver):
    """PuLP calls a time-limited incumbent "Optimal"; only a proof counts here."""
    if isinstance(solver, HonestGLPK):
        return solver.raw_status in ("INTEGER OPTIMAL", "OPTIMAL")
    return prob.sol_status == pulp.LpSolutionOptimal


def solve_option(model, opt, solver_name, limit):
    """Lexicographic solve; returns (status, reported values)."""
    prob = model.prob
    for k, name in enumerate(opt.objectives):
        sense, expr = model.objective(name)
        prob.sense = sense
        prob.setObjective(expr)
        solver = make_solver(solver_name, limit)
        status = prob.solve(solver)
        if pulp.LpStatus[status] != "Optimal":
            return pulp.LpStatus[status].lower(), None
        if not proven(prob, solver):
            return "feasible", None
        v = pulp.value(expr)
        if v is None:  # an expression without variables (e.g. a nation with no pledge left)
            v = float(getattr(expr, "constant", 0) or 0)
        tol = max(1e-6, 1e-6 * abs(v))
        if sense == pulp.LpMaximize:
            prob += expr >= v - tol, f"keep_{k}"
        else:
            prob += expr <= v + tol, f"keep_{k}"
    values = [round(it[0].value() or 0) for it in model.x]
    return "optimal", {name: model.reported(name, values) for name in opt.objectives}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scenario")
    ap.add_argument("--solver", default="glpk", choices=["glpk", "highs"])
    ap.add_argument("--time-limit", type=float, default=60)
    ap.add_argument("--size-only", action="store_true")
    a = ap.parse_args()
    t = time.perf_counter()
    s = load(a.scenario)
    parse_s = time.perf_counter() - t
    options = s.get("options") or [{"id": "base"}]
    out = {"file": a.scenario, "solver": a.solver, "parse_s": parse_s, "options": []}
    formulation_s = solve_s = 0.0
    for i, o in enumerate(options):
        opt = Option(s, o)
        t = time.perf_counter()
        model = Model(s, opt)
        formulation_s += time.perf_counter() - t
        if i == 0:
            out["rows"], out["columns"], out["nonzeros"] = model.size()
            if a.size_only:
                break
        t = time.perf_counter()
        status, values = solve_option(model, opt, a.solver, a.time_limit)
        seconds = time.perf_counter() - t
        solve_s += seconds
        entry = {"id": opt.id, "status": status, "seconds": seconds}
        if values is not None:
            entry["objectives"] = values
        out["options"].append(entry)
    out["formulation_s"] = formulation_s
    out["solve_s"] = solve_s
    out["total_s"] = time.perf_counter() - T0
    json.dump(out, sys.stdout, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
