import ForceScenario
import LinearModel

/// Why an option has fewer alternatives than the scenario asks for.
///
/// ```swift
/// if let missing = result.alternativesMissing {
///     print("\(missing.count) missing: \(missing.reason)", missing.proven ? "(proven)" : "")
/// }
/// ```
public struct MissingAlternatives: Sendable, Hashable {
    /// How many of the requested alternatives were not found.
    public var count: Int
    /// Why, in words a planner reads.
    public var reason: String
    /// True when the reason is a proof ("no other plan within 5%"), false when the search
    /// stopped (node or time limit) before it could tell.
    public var proven: Bool

    public init(count: Int, proven: Bool, reason: String) {
        self.count = count
        self.reason = reason
        self.proven = proven
    }
}

/// What an alternatives search returns: the plans, and why any are missing.
struct AlternativeSearch {
    var plans: [Plan] = []
    var missing: MissingAlternatives?
}

extension SolveContext {
    /// Near-optimal plans that differ in who serves what.
    ///
    /// **Distance.** A plan's distance from an earlier plan is the number of (nation,
    /// requirement) serving pairs of the earlier plan that it does without ("pairs given
    /// up"); its distance from a set of plans is the smallest of these. Each alternative
    /// keeps the first objective within `alternatives.within` (relative) of the optimum and
    /// maximises its distance from the plans before it; the same number is reported.
    /// Rewarding pairs given up, not pairs added, keeps alternatives lean: a plan that
    /// merely adds every nation everywhere is not "different" in a way a planner can use.
    ///
    /// **Search.** Every solve reuses the option's model with a window on its first
    /// objective; nothing is rebuilt. Per alternative:
    /// 1. without any earlier pair at all: when a plan exists, no plan can be farther, so
    ///    its distance is proven the maximum;
    /// 2. else the linear shadow of the distance: deploy as few units as possible on the
    ///    earlier pairs (each variable weighted by how many earlier plans use its pair, over
    ///    its bound), warm-started from the plan before. As easy as a cost stage; the
    ///    pairs it leaves empty are given up;
    /// 3. only when neither gave anything up, the exact search `max t`, `t <= pairs of plan
    ///    j given up` with binaries `used(n|r)`, warm-started and node-limited. It proves
    ///    its maximum when it completes: with `t = 0` that no other plan is in the window.
    ///
    /// Then, with the pairs it gives up kept out (so every plan is at least as far), the
    /// option's objectives are optimised in order, each warm-started from the plan before
    /// (the clean-up stages, on ``alternativeStages``).
    /// All solves are node-limited, so results are reproducible. A distance is proven only
    /// through step 1 or a completed step 3; otherwise it is a lower bound on the maximum.
    mutating func alternatives(_ f: Formulation, best: Plan) -> AlternativeSearch {
        let spec = planner.scenario.alternatives
        guard spec.count > 0, let first = option.objectives.first, let v = best.value(of: first) else {
            return AlternativeSearch()
        }
        // The option's model with the window on its first objective: the ban and clean-up
        // solves use it as it is; the search for the farthest plan adds its pair binaries.
        var base = f.model
        let window = spec.within * abs(v) + Self.tolerance(v)
        Self.keep(&base, f, first, at: v, slack: window, name: "near-optimal")
        let windowText = "within \(NumberFormat.percent(spec.within)) of the best \(first)"
        var model = base

        var groups: [String: [AssignmentVariable]] = [:]
        for a in f.assignments { groups["\(a.nation)|\(a.requirement)", default: []].append(a) }
        // used[n|r] = 1 whenever nation n serves requirement r (x <= ub * used, one row per
        // variable: much tighter than one big-M row). Created for earlier plans' pairs only.
        var used: [String: Variable] = [:]
        let t = model.addVariable(name: "given-up", kind: .continuous, lowerBound: 0)

        var earlierPairs = [Self.pairs(best)]
        var search = AlternativeSearch()
        var previousValues = bestValues
        for k in 1...spec.count {
            let missing = spec.count - k + 1
            guard let previous = earlierPairs.last else { break }
            var givenUp = LinearExpression()
            for key in previous.sorted() {
                let u: Variable
                if let existing = used[key] {
                    u = existing
                } else {
                    u = model.addVariable(name: "used(\(key))", kind: .binary)
                    used[key] = u
                    for a in groups[key] ?? [] {
                        let ub = f.model.variables[a.variable.index].upperBound
                        var e = LinearExpression(a.variable)
                        e.add(-max(1, ub), u)
                        model.addConstraint(name: "used(\(key),\(a.variable.index))", e, .lessEqual(0))
                    }
                }
                givenUp.constant += 1
                givenUp.add(-1, u)
            }
            givenUp.add(-1, t)
            model.addConstraint(name: "apart(\(k))", givenUp, .greaterEqual(0))
            // No plan gives up more pairs of plan j than plan j has.
            let most = earlierPairs.map(\.count).min() ?? 0
            model.setBounds(t, lower: 0, upper: Double(most))
            model.setObjective(.maximize, LinearExpression(t))

            // Base-model values (clean) and their distance from the earlier plans.
            func candidate(_ values: [Double]) -> (values: [Double], distance: Int) {
                let clean = f.cleanValues(Array(values.prefix(f.model.variableCount)))
                return (clean, Self.distance(of: Self.pairs(in: clean, groups: groups), from: earlierPairs))
            }
            // The same, completed with `used` and `t` for the search model.
            func completed(_ clean: [Double]) -> [Double] {
                var h = clean + [Double](repeating: 0, count: model.variableCount - clean.count)
                for (key, u) in used {
                    h[u.index] = (groups[key] ?? []).contains { h[$0.variable.index] >= 0.5 } ? 1 : 0
                }
                h[t.index] = Double(Self.distance(of: Self.pairs(in: clean, groups: groups), from: earlierPairs))
                return h
            }

            var incumbent: (values: [Double], distance: Int)? = previousValues.map(candidate)
            var proven = false
            var timedOut = false
            // 1. Without any pair of an earlier plan: if that plan exists, no plan is farther.
            let everything = Set(used.keys)
            if let all = banned(base, everything, groups, f, first.maximizes ? .maximize : .minimize,
                                f.expression(for: first), step: f.objectiveStep(for: first), k: k) {
                incumbent = candidate(all)
                proven = true
            } else {
                // 2. A plan that deploys as little as it can on earlier pairs (each pair's
                // units over their bound, counted once per earlier plan that uses the pair):
                // the linear shadow of "give up pairs", as easy for the solver as the
                // option's cost stage, and a heuristic, so a small gap is enough.
                let earlierAll = earlierPairs.reduce(into: Set<String>()) { $0.formUnion($1) }
                var shadow = LinearExpression()
                for key in earlierAll.sorted() {
                    let uses = Double(earlierPairs.filter { $0.contains(key) }.count)
                    for a in groups[key] ?? [] {
                        shadow.add(uses / max(1, f.model.variables[a.variable.index].upperBound), a.variable)
                    }
                }
                // Warm-started from the plan before, which is in the window: the search
                // always holds a plan there, and GLPK prunes against it from the first node.
                if let v = banned(base, [], groups, f, .minimize, shadow, step: nil, k: k, hint: previousValues) {
                    let c = candidate(v)
                    if c.distance > incumbent?.distance ?? -1 { incumbent = c }
                }
                // 3. Only when neither found a plan apart: the exact search for the farthest
                // plan (node-limited), which can also prove that there is none.
                if (incumbent?.distance ?? 0) < 1 {
                    let far = parameters(stage: "alternative \(k)", step: 1, hint: incumbent.map { completed($0.values) })
                    if let r = try? farthestPlanSearch.solve(model, parameters: far) {
                        if r.hasSolution {
                            let c = candidate(r.values)
                            if c.distance > incumbent?.distance ?? -1 { incumbent = c }
                        }
                        proven = r.termination == .optimal
                        if r.termination == .timeLimit {
                            timedOut = true
                        }
                    }
                }
            }
            guard let found = incumbent, found.distance >= 1 else {
                if proven {
                    search.missing = MissingAlternatives(
                        count: missing, proven: true,
                        reason: "no other plan \(windowText) does without any nation-requirement pair of the plans before it")
                } else if timedOut {
                    search.missing = MissingAlternatives(
                        count: missing, proven: false,
                        reason: "the time limit struck before another plan \(windowText) was found")
                } else {
                    search.missing = MissingAlternatives(
                        count: missing, proven: false,
                        reason: "the search stopped after \(farthestPlanSearch.nodeBudget ?? Self.alternativeNodeLimit) nodes without finding another plan \(windowText)")
                }
                break
            }

            // At that distance, the option's objectives in order: in the base model without
            // the earlier pairs this plan gives up, every plan is at least as far.
            var staged = base
            let givenUpPairs = Set(used.keys).subtracting(Self.pairs(in: found.values, groups: groups))
            for key in givenUpPairs {
                for a in groups[key] ?? [] { staged.setBounds(a.variable, lower: 0, upper: 0) }
            }
            var values = found.values
            for objective in option.objectives {
                staged.setObjective(objective.maximizes ? .maximize : .minimize, f.expression(for: objective))
                var p = parameters(stage: "alternative \(k)", step: f.objectiveStep(for: objective), hint: values)
                p.nodeLimit = Self.alternativeNodeLimit
                guard let r = try? alternativeStages.solve(staged, parameters: p), r.hasSolution else { break }
                values = f.cleanValues(r.values)
                let value = f.expression(for: objective).value(values)
                Self.keep(&staged, f, objective, at: value, slack: Self.tolerance(value), name: "keep-alt(\(objective))")
            }
            previousValues = values
            var plan = f.plan(from: values)
            let mine = Self.pairs(plan)
            plan.distance = Self.distance(of: mine, from: earlierPairs)
            plan.distanceProven = proven && plan.distance == found.distance
            earlierPairs.append(mine)
            search.plans.append(plan)
        }
        return search
    }

    /// The base model with every pair in `ban` given up, solved for the first objective (a
    /// search as easy as the option's own); its clean values when a plan exists.
    private func banned(_ base: Model, _ ban: Set<String>, _ groups: [String: [AssignmentVariable]],
                        _ f: Formulation, _ sense: ObjectiveSense, _ objective: LinearExpression, step: Double?,
                        k: Int, hint: [Double]? = nil) -> [Double]? {
        var m = base
        for key in ban {
            for a in groups[key] ?? [] { m.setBounds(a.variable, lower: 0, upper: 0) }
        }
        m.setObjective(sense, objective)
        var p = parameters(stage: "alternative \(k)", step: step, hint: hint)
        p.nodeLimit = Self.alternativeNodeLimit
        if step == nil { p.relativeGap = Self.shadowGap }
        guard let r = try? planner.portfolio.solve(m, parameters: p), r.hasSolution else { return nil }
        return f.cleanValues(r.values)
    }

    /// Branch-and-bound nodes allowed per alternative solve.
    static let alternativeNodeLimit = 100

    /// The exact search for the farthest plan (step 3 of ``alternatives(_:best:)``): each
    /// configuration in turn, ``alternativeNodeLimit`` nodes each, until one proves its
    /// maximum. The configurations are ``PlannerSettings/farthestPlanSolvers``, else the
    /// planner's portfolio. An explicit node limit would give the whole search to the first
    /// configuration alone; on the pair-binary model CBC's root cuts prove in 0 nodes what
    /// GLPK leaves open after 100 (coalition-2025-requirements-plus-25: distance 24, where
    /// GLPK found no plan apart; benchmarks/RESULTS.md, "Issue 22"), so the standard
    /// planner puts CBC first here (``SolverBackend``).
    var farthestPlanSearch: SolverPortfolio {
        let chosen = planner.settings.farthestPlanSolvers
        let members = chosen.isEmpty ? planner.portfolio.solvers : chosen
        return SolverPortfolio(members, initialNodes: Self.alternativeNodeLimit,
                               nodeBudget: Self.alternativeNodeLimit * max(1, members.count))
    }
    /// The solver of the clean-up stages (the option's objectives in order at a found
    /// distance): ``PlannerSettings/alternativeStageSolver``, else the planner's portfolio,
    /// whose first configuration alone runs a stage with a node limit of its own. These
    /// stages stop at ``alternativeNodeLimit`` nodes with the best plan found, so what
    /// counts is the work per node, not the strength of a proof; the standard planner
    /// gives them GLPK with Gomory cuts (``SolverBackend``).
    var alternativeStages: any Solver {
        planner.settings.alternativeStageSolver ?? planner.portfolio
    }
    /// Relative gap at which the shadow search (a heuristic) stops.
    static let shadowGap = 0.05

    /// The (nation, requirement) pairs that serve in a plan, as `nation|requirement`.
    static func pairs(_ plan: Plan) -> Set<String> {
        Set(plan.assignments.map { "\($0.nation)|\($0.requirement)" })
    }

    /// The pairs that serve in model values (a unit or more on some variable of the pair).
    static func pairs(in values: [Double], groups: [String: [AssignmentVariable]]) -> Set<String> {
        Set(groups.filter { $0.value.contains { values.indices.contains($0.variable.index) && values[$0.variable.index] >= 0.5 } }
            .map(\.key))
    }

    /// Pairs given up: the fewest pairs of any earlier plan that `pairs` does without.
    static func distance(of pairs: Set<String>, from earlier: [Set<String>]) -> Int {
        earlier.map { $0.subtracting(pairs).count }.min() ?? 0
    }
}
