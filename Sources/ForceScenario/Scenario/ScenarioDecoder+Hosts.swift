/// Host nations (DESIGN.md, "Host nations"): `host: NATION` on a location, and
/// `hosts: all | none | [nation or group ids]` on a nation. Read once every nation (and so
/// every group) is known, whatever the order of the sections in the file.
extension ScenarioDecoder {
    static let hostsExample = "hosts: all, hosts: none, or hosts: [nato, uk]"

    /// Sets ``Location/host`` and ``Nation/hosts`` from the file, checking every reference.
    func resolveHosts(_ scenario: inout Scenario, _ top: Fields) {
        var locationIndex: [String: Int] = [:]
        for (i, l) in scenario.locations.enumerated() where locationIndex[l.id] == nil { locationIndex[l.id] = i }
        for (id, value) in Self.entries(top["locations"]) {
            guard let node = Self.field(value, "host"), let i = locationIndex[id], !node.isNull else { continue }
            scenario.locations[i].host = reference(node, .nation, usage: "location '\(id)' host")
        }
        var nationIndex: [String: Int] = [:]
        for (i, n) in scenario.nations.enumerated() where nationIndex[n.id] == nil { nationIndex[n.id] = i }
        for (id, value) in Self.entries(top["nations"]) {
            guard let node = Self.field(value, "hosts"), let i = nationIndex[id], !node.isNull else { continue }
            if let policy = hosts(node, nation: id) { scenario.nations[i].hosts = policy }
        }
    }

    /// `all`, `none` or a list of nation or group ids.
    func hosts(_ node: YAMLNode, nation: String) -> HostPolicy? {
        switch node.content {
        case .scalar("all", .plain): return .all
        case .scalar("none", .plain): return HostPolicy.none
        case .sequence:
            guard let ids = references(node, .nationOrGroup, usage: "nation '\(nation)' hosts", example: "[nato, uk]") else { return nil }
            return .only(ids)
        default:
            error(node, "expected all, none or a list of nation or group ids for nation '\(nation)' hosts, found \(describe(node)); write e.g. \(Self.hostsExample)")
            return nil
        }
    }

    /// The (id, value) pairs of an id-keyed section, when it is a mapping.
    static func entries(_ node: YAMLNode?) -> [(String, YAMLNode)] {
        guard let node, case .mapping(let pairs) = node.content else { return [] }
        return pairs.compactMap { pair in VariantMerge.name(pair.key).map { ($0, pair.value) } }
    }

    /// The value of `key` in a mapping node.
    static func field(_ node: YAMLNode, _ key: String) -> YAMLNode? {
        guard case .mapping(let pairs) = node.content else { return nil }
        return pairs.first { VariantMerge.name($0.key) == key }?.value
    }
}
