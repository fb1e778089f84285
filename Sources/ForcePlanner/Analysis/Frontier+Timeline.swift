import ForceScenario

extension Frontier {
    /// `coverage-by:D` needs a timeline with milestone D; `buildup` a timeline.
    static func checkTimed(_ o: ObjectiveSpec, in scenario: Scenario) throws {
        guard let timeline = scenario.timeline else {
            throw InputError("\(o): the scenario has no timeline; add e.g. timeline: {milestones: [7, 14, 30]}")
        }
        if case .coverageBy(let day) = o, !timeline.milestones.contains(day) {
            throw InputError("\(o): D+\(day) is not a milestone; use one of "
                + timeline.milestones.map { "coverage-by:\($0)" }.joined(separator: ", "))
        }
    }
}
