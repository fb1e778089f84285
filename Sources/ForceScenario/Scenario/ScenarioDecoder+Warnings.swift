/// Legal but probably not meant: reported, and the scenario still loads.
extension ScenarioDecoder {
    /// Pledges too small to sustain one deployed unit, and requirements no pledge can ever
    /// serve: no pledge of a capability they need may reach a location in `at`, whatever
    /// the assumptions and readiness. Caveats and rotation do count: they hold in every option.
    ///
    /// - Complexity: O(pledges x locations + requirements x matching pledges x `at`), so
    ///   that generated scenarios with thousands of nations stay fast.
    func warnUnservable(_ scenario: Scenario) {
        let capabilities = Dictionary(scenario.capabilities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let index = Dictionary(uniqueKeysWithValues: scenario.locations.enumerated().map { ($1.id, $0) })
        var locationsByTag: [String: [Int]] = [:]
        for (i, location) in scenario.locations.enumerated() {
            for tag in location.tags { locationsByTag[tag, default: []].append(i) }
        }
        func resolve(_ idsOrTags: [String]) -> Set<Int> {
            var result: Set<Int> = []
            for name in idsOrTags {
                if let i = index[name] { result.insert(i) }
                result.formUnion(locationsByTag[name] ?? [])
            }
            return result
        }
        let everywhere = Set(scenario.locations.indices)
        // Where each usable pledge may deploy, by capability.
        var reach: [String: [Set<Int>]] = [:]
        for nation in scenario.nations {
            for pledge in nation.pledges {
                guard let capability = capabilities[pledge.capability] else { continue }
                if pledge.units > 0, pledge.units < capability.rotation {
                    diagnostics.append(Diagnostic(.warning, file: file, location: pledge.source, message:
                        "pledge of \(format(pledge.units)) '\(pledge.capability)' by '\(nation.id)' cannot sustain one deployed unit at rotation \(format(capability.rotation)); pledge at least \(format(capability.rotation.rounded(.up))) units"))
                }
                guard (pledge.units / capability.rotation).rounded(.down) >= 1 else { continue }
                var allowed = pledge.locations.map(resolve) ?? everywhere
                for caveat in nation.caveats where caveat.domain == capability.domain {
                    allowed.subtract(locationsByTag[caveat.tag] ?? [])
                }
                reach[pledge.capability, default: []].append(allowed)
            }
        }
        for requirement in scenario.requirements {
            let targets = resolve(requirement.at)
            let servable = requirement.needs.contains { need in
                (reach[need.capability] ?? []).contains { !$0.isDisjoint(with: targets) }
            }
            if !servable {
                let needs = requirement.needs.map(\.capability).joined(separator: ", ")
                let at = requirement.at.joined(separator: ", ")
                diagnostics.append(Diagnostic(.warning, file: file, location: requirement.source, message:
                    "requirement '\(requirement.id)' can never be served: no pledge of \(needs) may reach \(at) (caveats, pledge locations and rotation considered); add a pledge or widen 'at'"))
            }
        }
    }

    private func format(_ x: Double) -> String {
        x.rounded() == x ? String(Int(x)) : String(x)
    }
}
