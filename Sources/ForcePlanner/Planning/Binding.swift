import ForceScenario
import LinearModel

extension SolveContext {
    /// The caveats and policies that bind: lifting one alone (and re-optimising the first
    /// objective) would improve it. One solve per candidate, each with a node limit; the
    /// improvement reported is what the plan found shows, at least.
    mutating func bindingConstraints(_ formulation: Formulation, best: Plan) -> [BindingConstraint] {
        guard let first = option.objectives.first, let v = best.value(of: first) else { return [] }
        // Nothing can beat full coverage or zero cost, personnel or dependence.
        if first == .coverage && v >= 1 - 1e-9 { return [] }
        if !first.maximizes && v <= 1e-9 { return [] }
        var out: [BindingConstraint] = []
        for candidate in candidates(formulation) {
            let f = candidate.formulation
            var model = f.model
            model.setObjective(first.maximizes ? .maximize : .minimize, f.expression(for: first))
            var p = parameters(stage: "binding \(candidate.name)", step: f.objectiveStep(for: first), hint: nil)
            // Any plan that beats the optimum once the constraint is lifted proves it binds,
            // so the search may stop early; a node limit keeps that reproducible.
            p.nodeLimit = 2_000
            guard let r = try? planner.portfolio.solve(model, parameters: p), r.hasSolution else { continue }
            let relaxedValue = f.expression(for: first).value(f.cleanValues(r.values))
            let gain = first.maximizes ? relaxedValue - v : v - relaxedValue
            guard gain > Self.tolerance(v) else { continue }
            let shown = first == .coverage ? NumberFormat.percent(relaxedValue) : NumberFormat.readable(relaxedValue)
            out.append(BindingConstraint(
                constraint: candidate.name, relaxedValue: relaxedValue, improvement: gain,
                message: "\(Self.lifting(candidate.name)) would bring \(first) to \(shown)"))
        }
        return out
    }

    /// How lifting a constraint reads: `lifting budget:uk`; the fund has no limit to lift
    /// as such, it runs out.
    static func lifting(_ name: String) -> String {
        if name.hasPrefix("hosts:") { return "letting \(name.dropFirst(6)) host every nation's forces" }
        return name == "fund" ? "a common fund without limit" : "lifting \(name)"
    }

    private struct Candidate {
        var name: String
        /// The option's model with the constraint lifted.
        var formulation: Formulation
    }

    /// One candidate per policy, budget, capacity and caveat that is in force.
    private func candidates(_ formulation: Formulation) -> [Candidate] {
        let s = planner.scenario
        var out: [Candidate] = []
        func add(_ name: String, scenario: Scenario? = nil, _ change: (inout ResolvedOption) -> Void = { _ in }) {
            var o = option
            change(&o)
            out.append(Candidate(name: name, formulation: Formulation(scenario: scenario ?? s, option: o)))
        }
        for ceiling in option.policies.maxPersonnelIn {
            add("max_personnel_in:\(ceiling.tag)") { $0.policies.maxPersonnelIn.removeAll { $0.tag == ceiling.tag } }
        }
        if option.policies.maxNationShare != nil { add("max_nation_share") { $0.policies.maxNationShare = nil } }
        if option.policies.minNations != nil { add("min_nations") { $0.policies.minNations = nil } }
        if option.policies.totalBudget != nil { add("total_budget") { $0.policies.totalBudget = nil } }
        let excluded = Set(option.excludedNations)
        for (ri, r) in s.requirements.enumerated() where r.minNations != nil {
            var changed = s
            changed.requirements[ri].minNations = nil
            add("min_nations:\(r.id)", scenario: changed)
        }
        for (ni, n) in s.nations.enumerated() where !excluded.contains(n.id) && n.budget != nil {
            var changed = s
            changed.nations[ni].budget = nil
            add("budget:\(n.id)", scenario: changed)
        }
        // A fund without limit would relax every national budget completely: the same
        // model as none of them.
        if s.hasFunds, s.nations.contains(where: { !excluded.contains($0.id) && $0.budget != nil }) {
            var changed = s
            for ni in changed.nations.indices where !excluded.contains(changed.nations[ni].id) {
                changed.nations[ni].budget = nil
            }
            add("fund", scenario: changed)
        }
        for (li, l) in s.locations.enumerated() where l.personnelCapacity != nil || !l.domainCapacity.isEmpty {
            var changed = s
            changed.locations[li].personnelCapacity = nil
            changed.locations[li].domainCapacity = []
            add("capacity:\(l.id)", scenario: changed)
        }
        for (ni, n) in s.nations.enumerated() where !excluded.contains(n.id) {
            for (ci, c) in n.caveats.enumerated() {
                var changed = s
                changed.nations[ni].caveats.remove(at: ci)
                // Only worth a solve when lifting it opens new assignments.
                let lifted = Formulation(scenario: changed, option: option)
                guard lifted.assignments.count > formulation.assignments.count else { continue }
                out.append(Candidate(name: "caveat:\(n.id):\(c.domain.rawValue):\(c.tag)", formulation: lifted))
            }
        }
        out += hostCandidates(formulation).map { Candidate(name: $0.name, formulation: $0.formulation) }
        return out
    }
}

extension SolveContext {
    /// One candidate per restricting host (``Scenario/restrictingHosts``), excluded or not:
    /// the host accepting every nation's forces (`hosts:poland`), when that opens assignments.
    func hostCandidates(_ formulation: Formulation) -> [(name: String, formulation: Formulation)] {
        let s = planner.scenario
        var out: [(name: String, formulation: Formulation)] = []
        for host in s.restrictingHosts {
            guard let ni = s.nations.firstIndex(where: { $0.id == host.id }) else { continue }
            var changed = s
            changed.nations[ni].hosts = .all
            let lifted = Formulation(scenario: changed, option: option)
            guard lifted.assignments.count > formulation.assignments.count else { continue }
            out.append(("hosts:\(host.id)", lifted))
        }
        return out
    }
}
