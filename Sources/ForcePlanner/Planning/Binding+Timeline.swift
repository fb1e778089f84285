import ForceScenario
import LinearModel

extension SolveContext {
    /// The lift and reception limits that hold the build-up back: for the lift (when full
    /// in some period) and each reception limit (when full at its location in some period),
    /// the option is planned again with that limit lifted, and the limit binds when some
    /// milestone's coverage rises. The gain reported is at the first milestone it changes:
    /// "lifting lift would bring coverage by D+7 to 70% (from 35%)".
    ///
    /// - Complexity: one lexicographic solve per full limit (none when nothing is full).
    mutating func timelineBinding(_ formulation: Formulation, best: Plan) -> [BindingConstraint] {
        guard let buildup = best.buildup, formulation.scenario.timeline != nil else { return [] }
        let s = formulation.scenario
        var candidates: [(name: String, scenario: Scenario)] = []
        if buildup.milestones.contains(where: \.liftFull) {
            var changed = s
            changed.timeline?.lift.append(LiftPool(id: "without-limit", personnelPerDay: 1e7))
            candidates.append(("lift", changed))
        }
        for l in s.locations where l.receptionPerDay != nil {
            guard buildup.milestones.contains(where: { $0.reception.contains { $0.location == l.id && $0.full } }) else {
                continue
            }
            var changed = s
            if let i = changed.locations.firstIndex(where: { $0.id == l.id }) { changed.locations[i].receptionPerDay = nil }
            candidates.append(("reception:\(l.id)", changed))
        }
        var out: [BindingConstraint] = []
        for candidate in candidates {
            // `formulation.scenario` already has the requirement scale applied.
            var option = self.option
            option.requirementScale = 1
            let f = Formulation(scenario: candidate.scenario, option: option)
            var context = SolveContext(planner: planner, option: option, index: index, count: count, clock: clock)
            let r = context.lexicographic(f)
            guard let plan = r.plan, let after = plan.buildup else { continue }
            for (k, m) in buildup.milestones.enumerated() where k < after.milestones.count {
                let gain = after.milestones[k].coverage - m.coverage
                guard gain > Self.tolerance(m.coverage) else { continue }
                let what = candidate.name == "lift" ? "lifting the lift limit" : "lifting \(candidate.name)"
                out.append(BindingConstraint(
                    constraint: candidate.name, relaxedValue: after.milestones[k].coverage, improvement: gain,
                    message: "\(what) would bring coverage by D+\(m.day) to "
                        + "\(NumberFormat.percent(after.milestones[k].coverage)) (from \(NumberFormat.percent(m.coverage)))"))
                break
            }
        }
        return out
    }
}
