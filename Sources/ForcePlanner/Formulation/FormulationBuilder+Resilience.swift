import ForceScenario
import LinearModel

extension FormulationBuilder {
    /// A requirement's `min_nations: m` (soft, docs/model.md, "Constraints"): the requirement
    /// counts only when at least `m` nations have a unit on it, otherwise its shortfall is
    /// its whole need. A binary `b_r` ("counts(r)") with `sum_n z[n,r] >= m b_r` and
    /// `s_r >= u_r (1 - b_r)`; an option is never infeasible because of it.
    ///
    /// When fewer than `m` nations could serve the requirement at all, `b_r` would be 0 in
    /// every plan: the shortfall is fixed at the whole need and no binaries are made.
    func addRequirementMinNations(_ f: inout Formulation) {
        for r in scenario.requirements {
            guard let m = r.minNations, m > 0, r.units > 0, let s = f.shortfalls[r.id] else { continue }
            var byNation: [String: LinearExpression] = [:]
            for a in f.assignments where a.requirement == r.id {
                byNation[a.nation, default: LinearExpression()].add(1, a.variable)
            }
            let step = f.shortfallSteps[r.id]?.value ?? 1
            let whole = f.model.variables[s.index].upperBound
            guard byNation.count >= m else {
                f.model.setBounds(s, lower: whole, upper: whole)
                continue
            }
            var count = LinearExpression()
            for n in scenario.nations {
                guard var e = byNation[n.id] else { continue }
                let z = f.model.addVariable(name: "serves(\(n.id),\(r.id))", kind: .binary)
                f.nationServes["\(n.id)|\(r.id)"] = z
                e.add(-1, z)
                f.model.addConstraint(name: "serves(\(n.id),\(r.id))", e, .greaterEqual(0))
                count.add(1, z)
            }
            let b = f.model.addVariable(name: "counts(\(r.id))", kind: .binary)
            f.requirementCounts[r.id] = b
            // sum_n z[n,r] - m b_r >= 0
            count.add(-Double(m), b)
            f.model.addConstraint(name: "min_nations:\(r.id)", count, .greaterEqual(0))
            // step s_r + u_r b_r >= u_r, i.e. s_r >= u_r (1 - b_r) in units.
            var short = LinearExpression()
            short.add(step, s)
            short.add(r.units, b)
            f.model.addConstraint(name: "counts(\(r.id))", short, .greaterEqual(r.units))
        }
    }
}

extension Requirement {
    /// True when a plan with `serving` nations on this requirement meets its
    /// `min_nations` (always without one): otherwise the requirement counts 0.
    public func meetsMinNations(serving: Int) -> Bool {
        guard let m = minNations, m > 0, units > 0 else { return true }
        return serving >= m
    }
}

extension Formulation {
    /// Requirements whose `min_nations` fewer nations could ever serve in this option (no
    /// plan counts them), by id.
    public var requirementsBelowMinNationsAlways: Set<String> {
        var candidates: [String: Set<String>] = [:]
        for a in assignments { candidates[a.requirement, default: []].insert(a.nation) }
        return Set(scenario.requirements.filter { r in
            guard let m = r.minNations, m > 0, r.units > 0 else { return false }
            return (candidates[r.id]?.count ?? 0) < m
        }.map(\.id))
    }
}

extension FormulationBuilder {
    /// The worst single withdrawal (docs/model.md "Resilience"), when the option has the policy
    /// `withdrawal_coverage: alpha` or the objective `withdrawal`: a variable
    /// `w in [alpha, 1]` with `w <= coverage` (a nation with nothing deployed leaves the
    /// plan's coverage) and, per nation that can deploy, `w <= coverage without n`
    /// (``Formulation/addWithdrawalRows(for:also:)``), unless built lazily. A relaxed model
    /// (explaining infeasibility) leaves it out: the planner explains a withdrawal
    /// shortfall itself.
    func addWithdrawal(_ f: inout Formulation) {
        let alpha = option.policies.withdrawalCoverage
        guard !relaxed, alpha != nil || option.objectives.contains(.withdrawal) else { return }
        let w = f.model.addVariable(name: "withdrawal", kind: .continuous, lowerBound: alpha ?? 0, upperBound: 1)
        f.withdrawalWorst = w
        var row = f.expression(for: .coverage)
        row.add(-1, w)
        f.model.addConstraint(name: "withdrawal", row, .greaterEqual(0))
        // provided(r) = sum f x, one row per requirement, so that each nation's rows hold
        // only its own units: nonzeros grow with assignments, not nations x assignments.
        var provided: [String: LinearExpression] = [:]
        for a in f.assignments { provided[a.requirement, default: LinearExpression()].add(a.factor, a.variable) }
        for r in scenario.requirements where r.units > 0 && f.shortfalls[r.id] != nil {
            guard var e = provided[r.id] else { continue }
            let p = f.model.addVariable(name: "provided(\(r.id))", kind: .continuous, lowerBound: 0)
            f.withdrawalProvided[r.id] = p
            e.add(-1, p)
            f.model.addConstraint(name: "provided(\(r.id))", e, .equal(0))
        }
        if !f.lazyWithdrawal {
            var none: Model?
            f.addWithdrawalRows(for: f.withdrawalCandidates, also: &none)
        }
    }
}

extension Formulation {
    /// Nations whose withdrawal can leave less than the plan's coverage: those that can
    /// deploy, in file order.
    public var withdrawalCandidates: [String] {
        let deploying = Set(assignments.map(\.nation))
        return scenario.nations.map(\.id).filter(deploying.contains)
    }

    /// Adds, for each nation, `left(n,r) >= u_r - provided(r) + provided_n(r)` and
    /// `left(n,r) >= s_r` (in units) for each requirement it can serve, and
    /// `w <= 1 - sum_r (w_r / (W u_r)) left(n,r)` (with the plan's own `s_r` where the
    /// nation has no part), to this model and, when given, to `stage` (a copy of this
    /// model with rows added but no variables, so that indices agree).
    ///
    /// - Complexity: O(assignments of the nations + nations x requirements).
    public mutating func addWithdrawalRows(for nations: [String], also stage: inout Model?) {
        guard let w = withdrawalWorst else { return }
        let total = totalWeight
        guard total > 0 else { return }
        let have = Set(withdrawalNations)
        let wanted = nations.filter { !have.contains($0) }
        guard !wanted.isEmpty else { return }
        let wantedSet = Set(wanted)
        var own: [String: [String: LinearExpression]] = [:]   // nation -> requirement -> units
        for a in assignments where wantedSet.contains(a.nation) {
            own[a.nation, default: [:]][a.requirement, default: LinearExpression()].add(a.factor, a.variable)
        }
        func variable(_ name: String, upper: Double) -> Variable {
            let v = model.addVariable(name: name, kind: .continuous, lowerBound: 0, upperBound: upper)
            if stage != nil { stage?.addVariable(name: name, kind: .continuous, lowerBound: 0, upperBound: upper) }
            return v
        }
        func row(_ name: String, _ e: LinearExpression, _ b: ConstraintBounds) {
            model.addConstraint(name: name, e, b)
            if stage != nil { stage?.addConstraint(name: name, e, b) }
        }
        for n in wanted {
            let mine = own[n] ?? [:]
            var without = LinearExpression(constant: 1)
            for r in scenario.requirements where r.units > 0 {
                let a = r.weight / (total * r.units)
                guard let s = shortfalls[r.id] else {
                    without.constant -= a * r.units
                    continue
                }
                let step = shortfallSteps[r.id]?.value ?? 1
                guard let units = mine[r.id], let p = withdrawalProvided[r.id] else {
                    without.add(-a * step, s)
                    continue
                }
                let left = variable("left(\(n),\(r.id))", upper: r.units)
                withdrawalShortfalls["\(n)|\(r.id)"] = left
                // left + provided(r) - provided_n(r) >= u_r
                var e = LinearExpression()
                e.add(1, left)
                e.add(1, p)
                for (x, c) in zip(units.variables, units.coefficients) { e.add(-c, x) }
                row("left(\(n),\(r.id))", e, .greaterEqual(r.units))
                // left >= step s_r
                var floor = LinearExpression()
                floor.add(1, left)
                floor.add(-step, s)
                row("left-floor(\(n),\(r.id))", floor, .greaterEqual(0))
                without.add(-a, left)
            }
            withdrawalCoverageWithout[n] = without
            var e = without
            e.add(-1, w)
            row("withdrawal(\(n))", e, .greaterEqual(0))
            withdrawalNations.append(n)
        }
    }

    /// Sets `provided(r)`, each `left(n,r)` and `w` to the values the units in `v` imply
    /// (tight), after the shortfalls are set: `w` is the least of coverage and the
    /// coverage without each nation whose rows are in the model.
    func setWithdrawal(_ v: inout [Double]) {
        guard let w = withdrawalWorst else { return }
        var provided: [String: Double] = [:]
        var byNation: [String: Double] = [:]
        for a in assignments {
            let u = v[a.variable.index]
            guard u != 0 else { continue }
            provided[a.requirement, default: 0] += u * a.factor
            if !withdrawalShortfalls.isEmpty { byNation["\(a.nation)|\(a.requirement)", default: 0] += u * a.factor }
        }
        for (r, p) in withdrawalProvided { v[p.index] = provided[r] ?? 0 }
        let units = Dictionary(scenario.requirements.map { ($0.id, $0.units) }, uniquingKeysWith: { a, _ in a })
        for (key, left) in withdrawalShortfalls {
            guard let bar = key.firstIndex(of: "|") else { continue }
            let r = String(key[key.index(after: bar)...])
            let u = units[r] ?? 0
            let own = shortfalls[r].map { v[$0.index] * (shortfallSteps[r]?.value ?? 1) } ?? u
            let tight = u - (provided[r] ?? 0) + (byNation[key] ?? 0)
            v[left.index] = min(u, max(own, tight, 0))
        }
        var worst = expression(for: .coverage).value(v)
        for n in withdrawalNations {
            if let e = withdrawalCoverageWithout[n] { worst = min(worst, e.value(v)) }
        }
        v[w.index] = min(1, worst)
    }
}
