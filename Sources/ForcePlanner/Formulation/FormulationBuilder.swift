import ForceScenario
import LinearModel

/// Builds a ``Formulation``: enumerates candidate variables, then adds docs/model.md's
/// constraints in a fixed order (so exported models are stable byte for byte).
struct FormulationBuilder {
    let scenario: Scenario
    let option: ResolvedOption
    let relaxed: Bool

    private let capabilities: [String: Capability]
    private let locationsByID: [String: Location]

    init(scenario: Scenario, option: ResolvedOption, relaxed: Bool) {
        self.scenario = scenario
        self.option = option
        self.relaxed = relaxed
        var caps: [String: Capability] = [:]
        for c in scenario.capabilities where caps[c.id] == nil { caps[c.id] = c }
        capabilities = caps
        var locs: [String: Location] = [:]
        for l in scenario.locations where locs[l.id] == nil { locs[l.id] = l }
        locationsByID = locs
    }

    /// Locations no constraint or objective can tell apart share a class: those without
    /// any capacity and with the same tags and host.
    private func locationClass(_ l: Location) -> String {
        if l.personnelCapacity != nil || !l.domainCapacity.isEmpty { return "#" + l.id }
        return "tags:" + l.tags.sorted().joined(separator: ",") + (l.host.map { "|host:" + $0 } ?? "")
    }

    /// Rounds down with a little slack for binary fractions (7.0000000001 / 1 -> 7).
    static func floorUnits(_ v: Double) -> Double { (v + 1e-9).rounded(.down) }

    mutating func build(into f: inout Formulation) {
        let excluded = Set(option.excludedNations)
        // Pledges in file order, nation by nation.
        for n in scenario.nations {
            for (i, p) in n.pledges.enumerated() {
                let rot = capabilities[p.capability]?.rotation ?? 1
                let deployable = rot > 0 ? Self.floorUnits(p.units / rot) : 0
                f.pledges.append(PledgeRef(pledge: p, indexInNation: i, deployable: max(0, deployable)))
            }
        }
        let nationsByID = Dictionary(scenario.nations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        f.fundAvailable = Self.fund(of: scenario, excluding: excluded)

        // Candidate variables.
        for r in scenario.requirements {
            let atLocations = scenario.resolveLocations(r.at)
            var factors: [String: Double] = [:]
            for nf in r.needs where factors[nf.capability] == nil { factors[nf.capability] = nf.factor }
            for (pi, ref) in f.pledges.enumerated() {
                let p = ref.pledge
                guard let factor = factors[p.capability], let cap = capabilities[p.capability],
                      let nation = nationsByID[p.nation] else { continue }
                guard !excluded.contains(p.nation), ref.deployable >= 1 else { continue }
                guard p.when.allSatisfy(option.holds) else { continue }
                if let ready = p.readyDays, let within = r.withinDays, ready > within { continue }
                let allowed: [Location]
                if let ls = p.locations {
                    let ok = Set(scenario.resolveLocations(ls).map(\.id))
                    allowed = atLocations.filter { ok.contains($0.id) }
                } else {
                    allowed = atLocations
                }
                let forbiddenTags = Set(nation.caveats.filter { $0.domain == cap.domain }.map(\.tag))
                var classes: [(key: String, members: [String])] = []
                for l in allowed where forbiddenTags.isDisjoint(with: l.tags) && Self.hostAccepts(nation, at: l, nations: nationsByID) {
                    let key = locationClass(l)
                    if let i = classes.firstIndex(where: { $0.key == key }) {
                        classes[i].members.append(l.id)
                    } else {
                        classes.append((key, [l.id]))
                    }
                }
                for cls in classes {
                    let loc = cls.members[0]
                    let v = f.model.addVariable(
                        name: "x(\(p.nation).\(ref.indexInNation + 1),\(loc),\(r.id))",
                        kind: .integer, lowerBound: 0, upperBound: ref.deployable)
                    f.assignments.append(AssignmentVariable(
                        variable: v, pledge: pi, nation: p.nation, capability: p.capability,
                        location: loc, interchangeable: cls.members, requirement: r.id, factor: factor,
                        personnel: cap.personnel, cost: p.cost, domain: cap.domain))
                }
            }
        }
        if !relaxed { tightenBounds(&f) }
        addShortfalls(&f)
        addSupply(&f)
        addLocationCapacities(&f)
        addPersonnelCeilings(&f)
        addNationShare(&f)
        addBudgets(&f)
        addMinNations(&f)
    }

    // MARK: Bounds

    /// Each single `<=` constraint over non-negative terms bounds each of its variables.
    private func tightenBounds(_ f: inout Formulation) {
        let ceilings = Dictionary(option.policies.maxPersonnelIn.map { ($0.tag, $0.personnel) },
                                  uniquingKeysWith: { a, _ in a })
        // The fund can pay up to all of itself toward one nation's cost.
        let budgets = Dictionary(scenario.nations.compactMap { n in n.budget.map { (n.id, $0 + f.fundAvailable) } },
                                 uniquingKeysWith: { a, _ in a })
        let noShare = option.policies.maxNationShare == nil
        for a in f.assignments {
            var ub = f.model.variables[a.variable.index].upperBound
            func cap(_ limit: Double?, _ per: Double) {
                if let limit, per > 0 { ub = min(ub, Self.floorUnits(limit / per)) }
            }
            if let l = locationsByID[a.location] {
                cap(l.personnelCapacity, a.personnel)
                for dc in l.domainCapacity where dc.domain == a.domain { cap(dc.units, 1) }
                for tag in l.tags { cap(ceilings[tag], a.personnel) }
            }
            cap(budgets[a.nation], a.cost)
            cap(option.policies.totalBudget, a.cost)
            // Without a share rule nothing rewards units beyond the need (min-nation rules
            // need one unit at most).
            if noShare, let r = scenario.requirement(a.requirement), a.factor > 0 {
                cap(max(1, (r.units / a.factor - 1e-9).rounded(.up)), 1)
            }
            ub = max(0, ub)
            f.model.setBounds(a.variable, lower: 0, upper: ub)
        }
    }

    // MARK: Coverage

    private func addShortfalls(_ f: inout Formulation) {
        var provided: [String: LinearExpression] = [:]
        for a in f.assignments { provided[a.requirement, default: LinearExpression()].add(a.factor, a.variable) }
        var factors: [String: [Double]] = [:]
        for a in f.assignments { factors[a.requirement, default: []].append(a.factor) }
        for r in scenario.requirements where r.units > 0 {
            guard var e = provided[r.id] else { continue }
            let values = [r.units] + (factors[r.id] ?? [])
            let rationals = values.compactMap(Rational.init)
            if rationals.count == values.count, let g = Rational.gcd(rationals), g.num > 0 {
                let step = g.value
                let steps = (r.units / step).rounded()
                let s = f.model.addVariable(name: "shortfall(\(r.id))", kind: .integer, lowerBound: 0, upperBound: steps)
                f.shortfalls[r.id] = s
                f.shortfallSteps[r.id] = g
                e.add(step, s)
                f.model.addConstraint(name: "cover(\(r.id))", e, .greaterEqual(r.units))
                continue
            }
            let s = f.model.addVariable(name: "shortfall(\(r.id))", kind: .continuous,
                                        lowerBound: 0, upperBound: r.units)
            f.shortfalls[r.id] = s
            e.add(1, s)
            f.model.addConstraint(name: "cover(\(r.id))", e, .greaterEqual(r.units))
        }
    }

    // MARK: Hard constraints

    private func addSupply(_ f: inout Formulation) {
        var byPledge: [Int: [Variable]] = [:]
        for a in f.assignments { byPledge[a.pledge, default: []].append(a.variable) }
        for (pi, ref) in f.pledges.enumerated() {
            guard let vars = byPledge[pi], vars.count > 1 else { continue }
            let e = LinearExpression(terms: vars.map { (1.0, $0) })
            f.model.addConstraint(name: "supply(\(ref.pledge.nation).\(ref.indexInNation + 1))",
                                  e, .lessEqual(ref.deployable))
        }
    }

    /// Adds `expression <= limit` as a hard constraint (elastic when relaxed).
    func addHard(_ f: inout Formulation, kind: HardConstraint.Kind, name: String, subject: String,
                 unit: String, _ expression: LinearExpression, lessEqual limit: Double) {
        var e = expression
        var slack: Variable?
        if relaxed {
            let s = f.model.addVariable(name: "relax(\(name))", kind: .continuous)
            e.add(-1, s)
            slack = s
        }
        let c = f.model.addConstraint(name: name, e, .lessEqual(limit))
        f.hardConstraints.append(HardConstraint(kind: kind, name: name, subject: subject, limit: limit,
                                                unit: unit, constraint: c, slack: slack))
    }

    private func addLocationCapacities(_ f: inout Formulation) {
        var at: [String: [AssignmentVariable]] = [:]
        for a in f.assignments { at[a.location, default: []].append(a) }
        for l in scenario.locations {
            guard let vars = at[l.id] else { continue }
            if let capacity = l.personnelCapacity {
                let e = LinearExpression(terms: vars.filter { $0.personnel != 0 }.map { ($0.personnel, $0.variable) })
                if needsRow(e) {
                    addHard(&f, kind: .locationPersonnel, name: "capacity:\(l.id):personnel", subject: l.id,
                            unit: "personnel", e, lessEqual: capacity)
                }
            }
            for dc in l.domainCapacity {
                let e = LinearExpression(terms: vars.filter { $0.domain == dc.domain }.map { (1.0, $0.variable) })
                if needsRow(e) {
                    addHard(&f, kind: .locationDomain, name: "capacity:\(l.id):\(dc.domain.rawValue)", subject: l.id,
                            unit: "\(dc.domain.rawValue) units", e, lessEqual: dc.units)
                }
            }
        }
    }

    /// Whether a `<=` constraint over `e` needs a row: not when empty, nor when a single
    /// term, which `tightenBounds` already made a variable bound (the relaxed model skips
    /// that, so there every non-empty constraint is a row that can carry a slack).
    private func needsRow(_ e: LinearExpression) -> Bool {
        e.termCount > 1 || (e.termCount == 1 && relaxed)
    }

    private func addPersonnelCeilings(_ f: inout Formulation) {
        for ceiling in option.policies.maxPersonnelIn {
            let tagged = Set(scenario.locations.filter { $0.tags.contains(ceiling.tag) }.map(\.id))
            let e = LinearExpression(terms: f.assignments
                .filter { $0.personnel != 0 && tagged.contains($0.location) }
                .map { ($0.personnel, $0.variable) })
            guard needsRow(e) else { continue }
            addHard(&f, kind: .maxPersonnelIn, name: "max_personnel_in:\(ceiling.tag)", subject: ceiling.tag,
                    unit: "personnel", e, lessEqual: ceiling.personnel)
        }
    }

    /// `personnel(n) <= s * total` for every nation, through one total-personnel variable
    /// `T` (defined by one row) so that each nation's row holds only its own terms and `T`:
    /// nonzeros grow with the assignments, not with nations x assignments.
    private func addNationShare(_ f: inout Formulation) {
        guard let share = option.policies.maxNationShare, share < 1 else { return }
        var own: [String: LinearExpression] = [:]
        var total = LinearExpression()
        for a in f.assignments where a.personnel != 0 {
            own[a.nation, default: LinearExpression()].add(a.personnel, a.variable)
            total.add(a.personnel, a.variable)
        }
        guard !own.isEmpty else { return }
        let t = f.model.addVariable(name: "total_personnel", kind: .continuous, lowerBound: 0)
        f.totalPersonnel = t
        total.add(-1, t)
        f.model.addConstraint(name: "total_personnel", total, .equal(0))
        for n in scenario.nations {
            // personnel(n) - share * T <= 0
            guard var e = own[n.id] else { continue }
            if share > 0 { e.add(-share, t) }
            addHard(&f, kind: .nationShare, name: "max_nation_share:\(n.id)", subject: n.id,
                    unit: "personnel", e, lessEqual: 0)
        }
    }

    private func addBudgets(_ f: inout Formulation) {
        // Grouped once: filtering all assignments per nation is nations x assignments.
        var costly: [String: [AssignmentVariable]] = [:]
        for a in f.assignments where a.cost != 0 { costly[a.nation, default: []].append(a) }
        for n in scenario.nations {
            guard let budget = n.budget else { continue }
            var e = LinearExpression(terms: (costly[n.id] ?? []).map { ($0.cost, $0.variable) })
            if let g = addFundPayment(&f, nation: n.id, budget: budget, cost: e) { e.add(-1, g) }
            guard needsRow(e) else { continue }
            addHard(&f, kind: .nationBudget, name: "budget:\(n.id)", subject: n.id, unit: "cost", e, lessEqual: budget)
        }
        addFundRow(&f)
        if let total = option.policies.totalBudget {
            let e = LinearExpression(terms: f.assignments.filter { $0.cost != 0 }.map { ($0.cost, $0.variable) })
            if needsRow(e) {
                addHard(&f, kind: .totalBudget, name: "total_budget", subject: "", unit: "cost", e, lessEqual: total)
            }
        }
    }

    // MARK: Counting nations

    private func addMinNations(_ f: inout Formulation) {
        let counted = option.policies.minNations.map { $0 > 0 } ?? false
        if counted || option.objectives.contains(.nations) {
            var byNation: [String: LinearExpression] = [:]
            for a in f.assignments { byNation[a.nation, default: LinearExpression()].add(1, a.variable) }
            var count = LinearExpression()
            for n in scenario.nations {
                guard var e = byNation[n.id] else { continue }
                let y = f.model.addVariable(name: "contributes(\(n.id))", kind: .binary)
                f.nationContributes[n.id] = y
                // y = 1 only if the nation deploys at least one unit.
                e.add(-1, y)
                f.model.addConstraint(name: "contributes(\(n.id))", e, .greaterEqual(0))
                count.add(1, y)
            }
            if let m = option.policies.minNations, m > 0 {
                addMinimum(&f, kind: .minNations, name: "min_nations", subject: "", count,
                           atLeast: Double(m), candidates: byNation.count)
            }
        }
        for r in scenario.requirements {
            guard let m = r.minNations, m > 0 else { continue }
            var byNation: [String: LinearExpression] = [:]
            for a in f.assignments where a.requirement == r.id {
                byNation[a.nation, default: LinearExpression()].add(1, a.variable)
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
            addMinimum(&f, kind: .requirementMinNations, name: "min_nations:\(r.id)", subject: r.id, count,
                       atLeast: Double(m), candidates: byNation.count)
        }
    }

    private func addMinimum(_ f: inout Formulation, kind: HardConstraint.Kind, name: String, subject: String,
                            _ expression: LinearExpression, atLeast m: Double, candidates: Int) {
        var e = expression
        var slack: Variable?
        if relaxed {
            let s = f.model.addVariable(name: "relax(\(name))", kind: .continuous, lowerBound: 0, upperBound: m)
            e.add(1, s)
            slack = s
        }
        let c = f.model.addConstraint(name: name, e, .greaterEqual(m))
        f.hardConstraints.append(HardConstraint(kind: kind, name: name, subject: subject, limit: m, unit: "nations",
                                                constraint: c, slack: slack, candidates: candidates))
    }
}
