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
        model.setObjective(.minimize, count)
        var values: [Double]?
        do {
            let first = try planner.portfolio.solve(model, parameters: parameters(
                stage: "explaining infeasibility", step: 1, hint: nil))
            guard first.hasSolution else { return fallbackConflicts(f) }
            let n = first.values.indices.isEmpty ? 0 : count.value(first.values).rounded()
            model.addConstraint(name: "fewest", count, .lessEqual(n + 0.5))
            model.setObjective(.minimize, amount)
            let second = try planner.portfolio.solve(model, parameters: parameters(
                stage: "explaining infeasibility", step: nil, hint: first.values))
            values = second.hasSolution ? second.values : first.values
        } catch {
            return fallbackConflicts(f)
        }
        guard let values else { return fallbackConflicts(f) }
        var conflicts: [Conflict] = []
        for h in f.hardConstraints {
            guard let s = h.slack, s.index < values.count else { continue }
            var give = values[s.index]
            if h.kind == .minNations || h.kind == .requirementMinNations { give = give.rounded() }
            guard give > 1e-6 else { continue }
            conflicts.append(Conflict(constraint: h.name, shortfall: give, message: Self.message(h, give: give)))
        }
        return conflicts.isEmpty ? fallbackConflicts(f) : conflicts
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
