/// Pledge ids (`{id: typhoons, capability: fighter, units: 12}`): optional, unique within a
/// nation. A variant addresses a pledge by its id when it has one, else by its capability.
extension ScenarioDecoder {
    /// Reports a pledge id given twice in one nation, at the second.
    func checkPledgeIDs(_ items: [YAMLNode], nation: String) {
        var seen: [String: YAMLNode] = [:]
        for item in items {
            guard case .mapping(let pairs) = item.content,
                  let pair = pairs.first(where: { VariantMerge.name($0.key) == "id" }),
                  case .scalar(let id, _) = pair.value.content, Self.isSlug(id) else { continue }
            if let first = seen[id] {
                error(pair.value, "duplicate pledge id '\(id)' in nation '\(nation)' (first at \(position(first))); pledge ids are unique within a nation")
                continue
            }
            seen[id] = pair.value
        }
    }
}
