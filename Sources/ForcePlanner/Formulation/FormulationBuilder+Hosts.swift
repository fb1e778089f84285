import ForceScenario
/// Host nations (DESIGN.md, "Host nations"): a filter on which `x[p, l, r]` exist, like a
/// caveat. A host's rule holds even when the host itself is excluded from an option: its
/// territory does not leave with its forces.
extension FormulationBuilder {
    /// Whether `nation`'s units may deploy at `l`: `l` has no host, `nation` is the host, or
    /// the host's `hosts` accepts `nation` (by id or by one of its groups).
    static func hostAccepts(_ nation: Nation, at l: Location, nations: [String: Nation]) -> Bool {
        guard let host = l.host, host != nation.id else { return true }
        // The loader checks that a host is a nation of the scenario; a host the scenario
        // lacks (a scenario built in code) restricts nothing.
        guard let h = nations[host] else { return true }
        return h.hosts.accepts(nation.id, groups: nation.groups, host: host)
    }
}

extension Scenario {
    /// Nations whose `hosts` keeps some nation's forces off a location they host, in file
    /// order: what a report names as restricting hosts.
    public var restrictingHosts: [Nation] {
        let hosted = Set(locations.compactMap(\.host))
        return nations.filter { n in
            hosted.contains(n.id) && nations.contains { !n.hosts.accepts($0.id, groups: $0.groups, host: n.id) }
        }
    }
}
