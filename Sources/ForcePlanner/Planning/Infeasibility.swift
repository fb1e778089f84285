import LinearModel

extension SolveContext {
    /// Explains an infeasible option: relaxes every hard constraint that can conflict with
    /// an elastic slack, finds the fewest constraints that must give (then the smallest
    /// give, each measured relative to its limit), and names them.
    mutating func explainInfeasibility() -> [Conflict] {
        let f = Formulation(scenario: planner.scenario, option: option, relaxed: true)
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
        guard let values = relax(model, count: count, amount: amount) else { return fallbackConflicts(f) }
        var conflicts = Self.conflicts(f, values)
        if conflicts.isEmpty { return fallbackConflicts(f) }

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
            if let other = relax(strict, count: count, amount: amount) {
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
    private func relax(_ base: Model, count: LinearExpression, amount: LinearExpression) -> [Double]? {
        var model = base
        model.setObjective(.minimize, count)
        do {
            let first = try planner.portfolio.solve(model, parameters: parameters(
                stage: "explaining infeasibility", step: 1, hint: nil))
            guard first.hasSolution else { return nil }
            let n = count.value(first.values).rounded()
            model.addConstraint(name: "fewest", count, .lessEqual(n + 0.5))
            model.setObjective(.minimize, amount)
            let second = try planner.portfolio.solve(model, parameters: parameters(
                stage: "explaining infeasibility", step: nil, hint: first.values))
            return second.hasSolution ? second.values : first.values
        } catch {
            return nil
        }
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
