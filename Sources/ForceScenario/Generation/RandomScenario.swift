/// Random but plausible scenarios, for benchmarks and stress tests: nations with pledges
/// across the five domains, caveats, conditional pledges, readiness, capacities, and the
/// policies and options of docs/model.md. The same seed gives the same scenario.
///
/// ```swift
/// let s = RandomScenario.make(nations: 30, seed: 7)
/// ```
public enum RandomScenario {
    /// The nations a generated scenario may have (besides the US backstop).
    public static let nations: ClosedRange<Int> = 1...2000

    /// `forceplan generate`: the YAML of ``make(nations:seed:)``.
    /// - Throws: ``GenerationError`` when `count` is outside ``nations``.
    public static func yaml(nations count: Int, seed: UInt64) throws -> String {
        guard nations.contains(count) else {
            throw GenerationError(description: "--nations must be between \(nations.lowerBound) and \(nations.upperBound), not \(count)")
        }
        return ScenarioWriter.yaml(make(nations: count, seed: seed))
    }

    public static func make(nations count: Int, seed: UInt64) -> Scenario {
        var rng = SeededRandom(seed: seed)
        func pick<T>(_ xs: [T]) -> T { xs[Int.random(in: 0..<xs.count, using: &rng)] }
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &rng) < p }

        let capabilities: [Capability] = [
            Capability(id: "infantry-battalion", domain: .land, personnel: 650, rotation: 3),
            Capability(id: "armoured-battalion", domain: .land, personnel: 550, rotation: 3),
            Capability(id: "engineer-company", domain: .support, personnel: 150, rotation: 2),
            Capability(id: "fighter", domain: .air, personnel: 20),
            Capability(id: "fighter-legacy", domain: .air, personnel: 25),
            Capability(id: "awacs", domain: .air, personnel: 30),
            Capability(id: "minehunter", domain: .sea, personnel: 45, rotation: 1.5),
            Capability(id: "frigate", domain: .sea, personnel: 180, rotation: 2),
            Capability(id: "isr-orbit", domain: .intel, personnel: 15),
            Capability(id: "training-team", domain: .support, personnel: 40),
        ]
        let locations: [Location] = [
            Location(id: "ukraine-west", tags: ["ukraine"]),
            Location(id: "ukraine-central", tags: ["ukraine"]),
            Location(id: "kyiv", tags: ["ukraine"], personnelCapacity: Double(Int.random(in: 2000...8000, using: &rng))),
            Location(id: "poland", tags: ["neighbor"], personnelCapacity: Double(Int.random(in: 3000...12000, using: &rng)),
                     domainCapacity: [DomainCapacity(domain: .air, units: Double(Int.random(in: 12...48, using: &rng)))]),
            Location(id: "romania", tags: ["neighbor"], personnelCapacity: Double(Int.random(in: 2000...8000, using: &rng))),
            Location(id: "black-sea", tags: ["sea"]),
            Location(id: "home", tags: ["remote"]),
        ]
        var nations: [Nation] = []
        for i in 0..<count {
            var n = Nation(id: "n\(i + 1)", groups: [chance(0.7) ? "nato" : "partners"] + (chance(0.5) ? ["eu"] : []))
            if chance(0.3) { n.caveats.append(Caveat(domain: .land, tag: "ukraine")) }
            if chance(0.1) { n.caveats.append(Caveat(domain: .air, tag: "ukraine")) }
            if chance(0.2) { n.budget = Double(Int.random(in: 50...600, using: &rng)) }
            n.reliability = chance(0.3) ? Double(Int.random(in: 60...99, using: &rng)) / 100 : 1
            for _ in 0..<Int.random(in: 1...5, using: &rng) {
                let cap = pick(capabilities)
                var p = Pledge(nation: n.id, capability: cap.id, units: Double(Int.random(in: 1...12, using: &rng)),
                               cost: Double(Int.random(in: 1...60, using: &rng)))
                if chance(0.5) { p.readyDays = Double(pick([10, 30, 45, 60, 90, 120])) }
                if chance(0.25) { p.locations = [pick(["neighbor", "ukraine", "poland", "romania", "sea", "home"])] }
                n.pledges.append(p)
            }
            nations.append(n)
        }
        // A backstop nation with conditional pledges.
        nations.append(Nation(id: "usa", groups: ["nato"], caveats: [Caveat(domain: .land, tag: "ukraine")], pledges: [
            Pledge(nation: "usa", capability: "isr-orbit", units: 4, cost: 5, when: ["us-backstop"]),
            Pledge(nation: "usa", capability: "fighter", units: 24, cost: 9, locations: ["neighbor"], when: ["us-backstop"]),
            Pledge(nation: "usa", capability: "awacs", units: 2, cost: 20, when: ["us-backstop"]),
        ]))
        let requirements: [Requirement] = [
            Requirement(id: "reassurance-west", needs: [NeedFactor(capability: "infantry-battalion"),
                                                        NeedFactor(capability: "armoured-battalion", factor: 1.5)],
                        units: Double(Int.random(in: 4...12, using: &rng)), at: ["ukraine-west", "kyiv"],
                        weight: 3, withinDays: 90, minNations: Int.random(in: 1...3, using: &rng)),
            Requirement(id: "central-hub", needs: [NeedFactor(capability: "infantry-battalion")],
                        units: Double(Int.random(in: 2...6, using: &rng)), at: ["ukraine-central"], weight: 2),
            Requirement(id: "air-policing", needs: [NeedFactor(capability: "fighter"),
                                                    NeedFactor(capability: "fighter-legacy", factor: 0.5)],
                        units: Double(Int.random(in: 18...40, using: &rng)), at: ["poland", "romania", "ukraine"],
                        weight: 3, minNations: Int.random(in: 2...4, using: &rng)),
            Requirement(id: "airborne-warning", needs: [NeedFactor(capability: "awacs")], units: 2, at: ["poland", "romania"]),
            Requirement(id: "mine-clearance", needs: [NeedFactor(capability: "minehunter")],
                        units: Double(Int.random(in: 3...8, using: &rng)), at: ["black-sea"], weight: 2, withinDays: 60),
            Requirement(id: "sea-escort", needs: [NeedFactor(capability: "frigate")],
                        units: Double(Int.random(in: 2...5, using: &rng)), at: ["black-sea"]),
            Requirement(id: "isr", needs: [NeedFactor(capability: "isr-orbit")],
                        units: Double(Int.random(in: 2...6, using: &rng)), at: ["home", "poland"], weight: 2),
            Requirement(id: "regeneration", needs: [NeedFactor(capability: "training-team"),
                                                    NeedFactor(capability: "engineer-company", factor: 2)],
                        units: Double(Int.random(in: 6...20, using: &rng)), at: ["ukraine-west", "poland", "romania"],
                        minNations: Int.random(in: 1...3, using: &rng)),
            Requirement(id: "border-reserve", needs: [NeedFactor(capability: "infantry-battalion"),
                                                      NeedFactor(capability: "armoured-battalion")],
                        units: Double(Int.random(in: 2...8, using: &rng)), at: ["poland", "romania"]),
        ]
        let policies = Policies(
            maxPersonnelIn: [PersonnelCeiling(tag: "ukraine", personnel: Double(Int.random(in: 5...30, using: &rng) * 1000))],
            maxNationShare: chance(0.7) ? pick([0.3, 0.4, 0.5]) : nil,
            minNations: chance(0.5) ? Int.random(in: 3...8, using: &rng) : nil,
            totalBudget: chance(0.5) ? Double(Int.random(in: 800...4000, using: &rng)) : nil)
        let options: [Option] = [
            Option(id: "a", name: "Reassurance force in Ukraine"),
            Option(id: "b", name: "Over the horizon",
                   policies: Policies(maxPersonnelIn: [PersonnelCeiling(tag: "ukraine", personnel: 0)])),
            Option(id: "c", name: "Europe without the backstop", assumptions: [Assumption(name: "us-backstop", value: false)],
                   objectives: [.coverage, .dependence(id: "usa"), .cost]),
            Option(id: "d", name: "Light footprint", objectives: [.coverage, .personnelIn(tag: "ukraine"), .cost]),
        ]
        return Scenario(name: "random-\(count)-\(seed)", description: "Generated; seed \(seed).",
                        assumptions: [Assumption(name: "us-backstop", value: true)],
                        capabilities: capabilities, locations: locations, nations: nations,
                        requirements: requirements, policies: policies, objectives: [.coverage, .cost],
                        options: options)
    }
}

/// A generation request out of range.
public struct GenerationError: Error, Sendable, CustomStringConvertible {
    public var description: String
}
