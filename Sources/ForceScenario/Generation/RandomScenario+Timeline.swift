extension RandomScenario {
    /// `scenario` (from ``make(nations:seed:)``) with a build-up, the rest unchanged (no
    /// random draws: the same plan problem, phased): milestones D+7, D+14, D+30, D+60;
    /// European airlift of 20 personnel a day per nation; US airlift of 1,500 a day under
    /// `us-backstop`, leaving with `usa`; reception at poland of 15 and at romania of 10
    /// personnel a day per nation; home needs no lift. Air and sea deploy themselves.
    ///
    /// ```swift
    /// let s = RandomScenario.withTimeline(RandomScenario.make(nations: 200, seed: 1))
    /// ```
    public static func withTimeline(_ scenario: Scenario) -> Scenario {
        var s = scenario
        let n = Double(max(1, s.nations.count - 1))
        s.timeline = Timeline(milestones: [7, 14, 30, 60], lift: [
            LiftPool(id: "european-airlift", personnelPerDay: 20 * n),
            LiftPool(id: "us-airlift", personnelPerDay: 1500, when: ["us-backstop"],
                     nation: s.nations.contains { $0.id == "usa" } ? "usa" : nil),
        ])
        for i in s.locations.indices {
            switch s.locations[i].id {
            case "poland": s.locations[i].receptionPerDay = 15 * n
            case "romania": s.locations[i].receptionPerDay = 10 * n
            case "home": s.locations[i].needsLift = false
            default: break
            }
        }
        return s
    }
}
