/// Legal but probably not meant: reported, and the scenario still loads.
extension ScenarioDecoder {
    /// A requirement no pledge can ever serve: no pledge of a capability it needs may reach
    /// a location in `at`, whatever the assumptions and readiness. Caveats and rotation do
    /// count: they hold in every option.
    func warnUnservable(_ scenario: Scenario, _ requirementsNode: YAMLNode?) {
        let domains = Dictionary(scenario.capabilities.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for nation in scenario.nations {
            for pledge in nation.pledges {
                guard let capability = domains[pledge.capability] else { continue }
                if pledge.units > 0, pledge.units < capability.rotation {
                    diagnostics.append(Diagnostic(.warning, file: file, location: pledge.source, message:
                        "pledge of \(format(pledge.units)) '\(pledge.capability)' by '\(nation.id)' cannot sustain one deployed unit at rotation \(format(capability.rotation)); pledge at least \(format(capability.rotation.rounded(.up))) units"))
                }
            }
        }
        for requirement in scenario.requirements {
            let targets = Set(scenario.resolveLocations(requirement.at).map(\.id))
            let needed = Set(requirement.needs.map(\.capability))
            let servable = scenario.nations.contains { nation in
                nation.pledges.contains { pledge in
                    guard needed.contains(pledge.capability), let capability = domains[pledge.capability],
                          (pledge.units / capability.rotation).rounded(.down) >= 1 else { return false }
                    let reachable = pledge.locations.map { scenario.resolveLocations($0) } ?? scenario.locations
                    return reachable.contains { location in
                        targets.contains(location.id) && !nation.caveats.contains {
                            $0.domain == capability.domain && location.tags.contains($0.tag)
                        }
                    }
                }
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
