import LinearModel

extension FormulationBuilder {
    /// A requirement's `min_nations: m` (soft, DESIGN.md "The model"): the requirement
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
