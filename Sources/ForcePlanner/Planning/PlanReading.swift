import ForceScenario
import LinearModel

extension Formulation {
    /// The integer plan behind solver values: units rounded to whole numbers, every
    /// auxiliary variable set to the value the plan implies (tight shortfalls, counting
    /// binaries), so that the vector is feasible and can seed the next solve.
    public func cleanValues(_ raw: [Double]) -> [Double] {
        var v = [Double](repeating: 0, count: model.variableCount)
        for a in assignments where a.variable.index < raw.count {
            let ub = model.variables[a.variable.index].upperBound
            v[a.variable.index] = min(max(0, raw[a.variable.index].rounded()), ub)
        }
        var provided: [String: Double] = [:]
        var byNation: [String: Double] = [:]
        var serves: [String: Double] = [:]
        var personnel = 0.0
        for a in assignments {
            let u = v[a.variable.index]
            personnel += u * a.personnel
            provided[a.requirement, default: 0] += u * a.factor
            byNation[a.nation, default: 0] += u
            serves["\(a.nation)|\(a.requirement)", default: 0] += u
        }
        let serving = servingCounts(serves)
        for r in scenario.requirements {
            let counts = r.meetsMinNations(serving: serving[r.id] ?? 0)
            if let b = requirementCounts[r.id] { v[b.index] = counts ? 1 : 0 }
            if let s = shortfalls[r.id] {
                let scale = shortfallSteps[r.id]?.value ?? 1
                let steps = (counts ? max(0, r.units - (provided[r.id] ?? 0)) : r.units) / scale
                // Integer shortfall variables count whole steps (exact up to rounding).
                v[s.index] = model.variables[s.index].kind == .continuous ? steps : (steps - 1e-9).rounded(.up)
            }
        }
        for (n, y) in nationContributes { v[y.index] = (byNation[n] ?? 0) >= 1 ? 1 : 0 }
        if !fundPayments.isEmpty {
            // The canonical payments: each nation's overspend (see ``fundUse(costOf:)``).
            var costOf: [String: Double] = [:]
            for a in assignments { costOf[a.nation, default: 0] += v[a.variable.index] * a.cost }
            for n in scenario.nations {
                guard let g = fundPayments[n.id], let budget = n.budget else { continue }
                v[g.index] = min(max(0, (costOf[n.id] ?? 0) - budget), model.variables[g.index].upperBound)
            }
        }
        for (key, z) in nationServes { v[z.index] = (serves[key] ?? 0) >= 1 ? 1 : 0 }
        if let t = totalPersonnel { v[t.index] = personnel }
        setWithdrawal(&v)
        if timeline != nil { cleanArrivals(&v, raw: raw) }
        return v
    }

    /// The plan in the planner's terms, from clean values (see ``cleanValues(_:)``).
    public func plan(from values: [Double]) -> Plan {
        var assignmentsOut: [Assignment] = []
        var provided: [String: Double] = [:]
        var nationsOn: [String: Set<String>] = [:]
        var personnelAt: [String: Double] = [:]
        var costOf: [String: Double] = [:]
        var unitsOf: [String: Double] = [:]
        var total = 0.0, cost = 0.0
        for a in assignments {
            let u = a.variable.index < values.count ? values[a.variable.index] : 0
            guard u >= 0.5 else { continue }
            assignmentsOut.append(Assignment(nation: a.nation, capability: a.capability, location: a.location,
                                             requirement: a.requirement, units: Int(u.rounded()),
                                             personnel: u * a.personnel, cost: u * a.cost))
            provided[a.requirement, default: 0] += u * a.factor
            nationsOn[a.requirement, default: []].insert(a.nation)
            personnelAt[a.location, default: 0] += u * a.personnel
            costOf[a.nation, default: 0] += u * a.cost
            unitsOf[a.nation, default: 0] += u
            total += u * a.personnel
            cost += u * a.cost
        }
        // Order: requirement, then nation, in file order; then as the variables were made
        // (pledge, then location, in file order).
        let rOrder = Dictionary(scenario.requirements.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        let nOrder = Dictionary(scenario.nations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        assignmentsOut = assignmentsOut.enumerated().sorted { x, y in
            let a = x.element, b = y.element
            let ka = (rOrder[a.requirement] ?? 0, nOrder[a.nation] ?? 0, x.offset)
            let kb = (rOrder[b.requirement] ?? 0, nOrder[b.nation] ?? 0, y.offset)
            return ka < kb
        }.map(\.element)

        let nationOrder = scenario.nations.map(\.id)
        var coverage: [RequirementCoverage] = []
        for r in scenario.requirements {
            let p = provided[r.id] ?? 0
            let on = nationsOn[r.id] ?? []
            // Below its min_nations a requirement counts 0: its shortfall is its need.
            let s = r.meetsMinNations(serving: on.count) ? max(0, r.units - p) : r.units
            let fraction = r.units > 0 ? 1 - s / r.units : 1
            var c = RequirementCoverage(requirement: r.id, needed: r.units, provided: p, shortfall: s,
                                        fraction: fraction, nations: nationOrder.filter(on.contains))
            if let m = r.minNations, m > 0 { c.minNations = m }
            coverage.append(c)
        }
        var byTag: [(tag: String, personnel: Double)] = []
        for tag in scenario.tags {
            let sum = scenario.locations.filter { $0.tags.contains(tag) }.reduce(0) { $0 + (personnelAt[$1.id] ?? 0) }
            byTag.append((tag, sum))
        }
        let contributing = nationOrder.filter { (unitsOf[$0] ?? 0) >= 0.5 }
        var plan = Plan(assignments: assignmentsOut, objectives: [], coverage: coverage, personnelTotal: total,
                        personnelByTag: byTag, cost: cost,
                        costByNation: contributing.map { ($0, costOf[$0] ?? 0) },
                        contributingNations: contributing, distance: nil)
        if scenario.hasFunds { plan.fund = fundUse(costOf: costOf) }
        plan.withdrawal = withdrawalCoverage(of: plan)
        if timeline != nil {
            let notCounting = Set(plan.coverage.filter(\.belowMinNations).map(\.requirement))
            plan.buildup = buildup(from: values, notCounting: notCounting)
        }
        plan.objectives = option.objectives.map { ObjectiveValue(objective: $0, value: value(of: $0, in: plan, personnelAt: personnelAt, unitsOf: unitsOf)) }
        return plan
    }

    private func value(of objective: ObjectiveSpec, in plan: Plan, personnelAt: [String: Double],
                       unitsOf: [String: Double]) -> Double {
        switch objective {
        case .coverage:
            let w = totalWeight
            guard w > 0 else { return 1 }
            var sum = 0.0
            for (r, c) in zip(scenario.requirements, plan.coverage) { sum += r.weight * c.fraction }
            return sum / w
        case .cost: return plan.cost
        case .personnel: return plan.personnelTotal
        case .personnelIn(let tag):
            return scenario.locations.filter { $0.tags.contains(tag) }.reduce(0) { $0 + (personnelAt[$1.id] ?? 0) }
        case .nations: return Double(plan.contributingNations.count)
        case .dependence(let id):
            return dependenceNations(id).reduce(0) { $0 + (unitsOf[$1] ?? 0) }
        case .withdrawal:
            return plan.withdrawal?.worst?.coverage ?? plan.weightedCoverage(in: scenario)
        case .coverageBy(let day):
            return plan.buildup?.milestones.first { $0.day == day }?.coverage ?? 0
        case .buildup:
            return plan.buildup?.mean ?? 0
        }
    }
}

extension Formulation {
    /// What the common fund pays in a plan, from the plan's cost per nation.
    ///
    /// Payments that keep every budget are rarely unique (the fund may pay more than a
    /// nation's overspend while it lasts); the reading here is the canonical one: the fund
    /// pays each nation with a budget exactly its overspend, `max(0, cost(n) - budget(n))`,
    /// the least it must pay. So reports depend on the integer plan only, never on which
    /// payments the solver happened to return.
    func fundUse(costOf: [String: Double]) -> FundUse {
        let excluded = Set(option.excludedNations)
        var paid: [(nation: String, amount: Double)] = []
        for n in scenario.nations where !excluded.contains(n.id) {
            guard let budget = n.budget else { continue }
            let over = (costOf[n.id] ?? 0) - budget
            // Costs are sums of products; an overspend below this is rounding, not money.
            if over > 1e-9 * max(1, budget) { paid.append((n.id, over)) }
        }
        return FundUse(available: fundAvailable, used: paid.reduce(0) { $0 + $1.amount }, paid: paid)
    }
}

extension Formulation {
    /// Nations with at least one unit on each requirement, from per `nation|requirement`
    /// units.
    func servingCounts(_ serves: [String: Double]) -> [String: Int] {
        var out: [String: Int] = [:]
        for (key, units) in serves where units >= 0.5 {
            guard let bar = key.firstIndex(of: "|") else { continue }
            out[String(key[key.index(after: bar)...]), default: 0] += 1
        }
        return out
    }
}
