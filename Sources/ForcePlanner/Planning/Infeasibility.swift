import ForceScenario
import LinearModel

extension SolveContext {
    /// Nodes for the search for the fewest constraints that give: a budget of the
    /// explanation's own, not the option's leftover.
    static let explanationNodes = 5_000
    /// Nodes for the search for the smallest give among those: a refinement, so cheaper.
    static let refinementNodes = 500

    /// Explains an infeasible option: relaxes every hard constraint that can conflict with
    /// an elastic slack, finds the fewest constraints that must give (then the smallest
    /// give, each measured relative to its limit), and names them.
    ///
    /// Never empty: the searches start from a feasible point of the relaxed model, which
    /// is a valid answer in itself (``startPoint(_:_:strict:amount:clock:)``): like the
    /// trivially feasible point (nothing deployed, every slack absorbing what it must), it
    /// keeps every `<=` rule, so it names minimum-nations rules only, and usually fewer;
    /// the searches can only improve on it. Each search has a node
    /// budget of its own (``explanationNodes``, ``refinementNodes``) and the planner's
    /// time limit, counted from the start of the explanation, as a safety net.
    mutating func explainInfeasibility() -> [Conflict] {
        let f = Formulation(scenario: planner.scenario, option: option, relaxed: true)
        let clock = Stopwatch()
        var model = f.model
        var count = LinearExpression()
        var amount = LinearExpression()
        for h in f.hardConstraints {
            guard let s = h.slack else { continue }
            let b = model.addVariable(name: "gives(\(h.name))", kind: .binary)
            let bigM = maxSlack(h, in: f)
            model.addConstraint(name: "gives(\(h.name))", s - bigM * b, .lessEqual(0))
            count.add(1, b)
            amount.add(1 / max(1, abs(h.limit)), s)
        }
        // The option was proven infeasible: something must give. Stated, this bound lets
        // a search that finds a single give stop at once.
        model.addConstraint(name: "something-gives", count, .greaterEqual(1))
        let start = startPoint(f, model, strict: false, amount: amount, clock: clock)
        let values = relax(model, count: count, amount: amount, start: start, clock: clock) ?? start
        var conflicts = Self.conflicts(f, values)
        if conflicts.isEmpty { conflicts = Self.conflicts(f, start) }
        if conflicts.isEmpty { conflicts = fallbackConflicts(f) }
        if conflicts.isEmpty {
            return [Conflict(constraint: "unknown", shortfall: 0,
                             message: "the hard constraints cannot all hold, and no single rule could be named")]
        }

        // A minimum-nation rule that gives "under the other constraints" is only half the
        // story: say which of those would have to give instead for it to hold.
        let isMinimum: (HardConstraint) -> Bool = { $0.kind == .minNations || $0.kind == .requirementMinNations }
        let soft = f.hardConstraints.filter { h in
            isMinimum(h) && conflicts.contains { $0.constraint == h.name } && Double(h.candidates ?? 0) >= h.limit
        }
        if !soft.isEmpty {
            var strict = model
            for h in f.hardConstraints where isMinimum(h) {
                if let slack = h.slack { strict.setBounds(slack, lower: 0, upper: 0) }
            }
            let strictStart = startPoint(f, strict, strict: true, amount: amount, clock: clock)
            if let other = relax(strict, count: count, amount: amount, start: strictStart, clock: clock) {
                let instead = Self.conflicts(f, other).filter { c in !f.hardConstraints.contains { $0.name == c.constraint && isMinimum($0) } }
                if !instead.isEmpty {
                    let text = instead.map(\.message).joined(separator: "; ")
                    for i in conflicts.indices where soft.contains(where: { $0.name == conflicts[i].constraint }) {
                        conflicts[i].message += " (for it to hold instead: \(text))"
                    }
                }
            }
        }
        return conflicts
    }

    /// Fewest constraints giving, then the smallest give; the relaxed plan's values.
    /// `start`, when given, should be feasible in `base` (see ``startPoint(_:_:strict:amount:clock:)``);
    /// with one give it is the fewest (the option is infeasible), else a search with
    /// ``explanationNodes`` nodes starts from it; the smallest give then has
    /// ``refinementNodes``.
    private func relax(_ base: Model, count: LinearExpression, amount: LinearExpression, start: [Double]?,
                       clock: Stopwatch) -> [Double]? {
        var model = base
        model.setObjective(.minimize, count)
        func budget(step: Double?, hint: [Double]?, nodes: Int) -> SolveParameters {
            var p = parameters(stage: "explaining infeasibility", step: step, hint: hint)
            p.nodeLimit = nodes
            p.timeLimit = planner.settings.timeLimit.map { max(0.05, $0 - clock.elapsed) }
            return p
        }
        do {
            let fewest: [Double]
            if let start, Self.holds(model, start), count.value(start) < 1.5 {
                // One give is the fewest possible (the option is infeasible): no search needed.
                fewest = start
            } else {
                let first = try planner.portfolio.solve(model, parameters: budget(step: 1, hint: start,
                                                                                  nodes: Self.explanationNodes))
                guard let found = first.hasSolution ? first.values : start, found.count == model.variableCount else {
                    return nil
                }
                fewest = found
            }
            let n = count.value(fewest).rounded()
            model.addConstraint(name: "fewest", count, .lessEqual(n + 0.5))
            model.setObjective(.minimize, amount)
            let second = try planner.portfolio.solve(model, parameters: budget(step: nil, hint: fewest, nodes: Self.refinementNodes))
            return second.hasSolution ? second.values : fewest
        } catch {
            return nil
        }
    }

    /// True when `values` satisfy every bound and row of `model`.
    static func holds(_ model: Model, _ values: [Double]) -> Bool {
        guard values.count == model.variableCount else { return false }
        for (x, info) in zip(values, model.variables) {
            if x < info.lowerBound - 1e-9 || x > info.upperBound + 1e-9 { return false }
            if info.kind != .continuous && abs(x - x.rounded()) > 1e-9 { return false }
        }
        return !model.constraints.contains { Formulation.violates($0, values) != nil }
    }

    /// A feasible point of the relaxed model `model` to start the searches from.
    ///
    /// From the LP relaxation (smallest give; without `strict`, only minimum-nations rules
    /// may give in it), rounded down. Without `strict`, units are taken away where a rule
    /// is over its limit (so every `<=` rule holds, as in the trivially feasible point,
    /// where nothing is deployed) and single units added where a minimum-nations rule falls
    /// short while no other rule breaks; with `strict` (minimum-nations rules may not give)
    /// units are added whatever breaks. Then every slack absorbs exactly what its row
    /// still needs, and a "gives" binary is set wherever a slack is used.
    func startPoint(_ f: Formulation, _ model: Model, strict: Bool, amount: LinearExpression,
                    clock: Stopwatch) -> [Double] {
        var lp = model.relaxingIntegrality()
        if !strict {
            for h in f.hardConstraints where h.kind != .minNations && h.kind != .requirementMinNations {
                if let s = h.slack { lp.setBounds(s, lower: 0, upper: 0) }
            }
        }
        lp.setObjective(.minimize, amount)
        var p = parameters(stage: "explaining infeasibility", step: nil, hint: nil)
        p.timeLimit = planner.settings.timeLimit.map { max(0.05, $0 - clock.elapsed) }
        let raw = (try? planner.solver.solve(lp, parameters: p)).flatMap { $0.hasSolution ? $0.values : nil }
        var v = f.roundedDown(raw ?? [])
        v = f.mended(v, takeAway: !strict, overLimits: strict).values
        v += [Double](repeating: 0, count: max(0, model.variableCount - v.count))
        for h in f.hardConstraints {
            guard let s = h.slack, v.indices.contains(s.index) else { continue }
            let row = f.model.constraints[h.constraint.index]
            let activity = row.expression.value(v)   // the slack is still 0 here
            var need = 0.0
            if row.bounds.upper.isFinite { need = max(need, activity - row.bounds.upper) }
            if row.bounds.lower.isFinite { need = max(need, row.bounds.lower - activity) }
            v[s.index] = need
        }
        var slackOf: [String: Int] = [:]
        for h in f.hardConstraints { if let s = h.slack { slackOf["gives(\(h.name))"] = s.index } }
        for (i, info) in model.variables.enumerated() where i < v.count {
            if let s = slackOf[info.name] { v[i] = v[s] > 1e-9 ? 1 : 0 }
        }
        return v
    }

    /// The constraints whose slack is used in `values`, with messages.
    private static func conflicts(_ f: Formulation, _ values: [Double]) -> [Conflict] {
        var out: [Conflict] = []
        for h in f.hardConstraints {
            guard let s = h.slack, s.index < values.count else { continue }
            var give = values[s.index]
            if h.kind == .minNations || h.kind == .requirementMinNations { give = give.rounded() }
            guard give > 1e-6 else { continue }
            out.append(Conflict(constraint: h.name, shortfall: give, message: message(h, give: give)))
        }
        return out
    }

    /// The most a constraint's slack can need to be: its left side at its largest.
    private func maxSlack(_ h: HardConstraint, in f: Formulation) -> Double {
        if h.kind == .minNations || h.kind == .requirementMinNations { return max(1, h.limit) }
        let row = f.model.constraints[h.constraint.index]
        var most = 0.0
        for (v, c) in zip(row.expression.variables, row.expression.coefficients) where c > 0 {
            if h.slack == v { continue }
            let ub = f.model.variables[v.index].upperBound
            if ub.isFinite { most += c * ub }
        }
        return max(1, most - h.limit + 1)
    }

    /// Structural reasons, when the relaxation itself could not be solved.
    private func fallbackConflicts(_ f: Formulation) -> [Conflict] {
        f.hardConstraints.compactMap { h in
            guard let c = h.candidates, Double(c) < h.limit else { return nil }
            let give = h.limit - Double(c)
            return Conflict(constraint: h.name, shortfall: give, message: Self.message(h, give: give))
        }
    }

    static func message(_ h: HardConstraint, give: Double) -> String {
        let g = NumberFormat.readable(give), limit = NumberFormat.readable(h.limit)
        switch h.kind {
        case .maxPersonnelIn:
            return "max_personnel_in \(h.subject): \(g) more personnel needed than the ceiling of \(limit)"
        case .locationPersonnel:
            return "capacity of \(h.subject): \(g) more personnel needed than its \(limit)"
        case .locationDomain:
            return "capacity of \(h.subject): \(g) more \(h.unit) needed than its \(limit)"
        case .nationShare:
            return "max_nation_share: \(h.subject) would exceed its share by \(g) personnel"
        case .nationBudget:
            return "budget of \(h.subject): \(g) more needed than its \(limit)"
        case .totalBudget:
            return "total_budget: \(g) more needed than \(limit)"
        case .fund:
            return "common fund: \(g) more needed than the \(limit) its members give"
        case .minNations:
            let have = NumberFormat.readable(max(0, h.limit - give))
            if let c = h.candidates, Double(c) < h.limit {
                return "min_nations: only \(c) nations can contribute at all, \(limit) required"
            }
            return "min_nations: only \(have) of the \(limit) nations required can contribute under the other constraints"
        case .requirementMinNations:
            let have = NumberFormat.readable(max(0, h.limit - give))
            if let c = h.candidates, Double(c) < h.limit {
                return "min_nations on \(h.subject): only \(c) nations can serve it, \(limit) required"
            }
            return "min_nations on \(h.subject): only \(have) of the \(limit) nations required can serve it under the other constraints"
        }
    }
}
