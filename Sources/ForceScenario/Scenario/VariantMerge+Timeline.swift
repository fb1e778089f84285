extension VariantMerge {
    /// `timeline`: field by field; `milestones` replace whole, `lift` pools merge by `id`
    /// like requirements (`{id: us-airlift, remove: true}` removes one); `FIELD: null`
    /// removes the base's field.
    mutating func mergeTimeline(_ base: YAMLNode, _ variant: YAMLNode) -> YAMLNode {
        guard case .mapping(let basePairs) = base.content, case .mapping(let pairs) = variant.content else {
            return variant
        }
        var result = Keyed(basePairs) { Self.name($0.key) }
        var seen: Set<String> = []
        for pair in pairs {
            guard let key = Self.name(pair.key), seen.insert(key).inserted else {
                result.append(pair)
                continue
            }
            if pair.value.isNull {
                _ = result.remove(key)
                continue
            }
            if key == "lift", let old = result[key], case .sequence = old.value.content {
                result.set(key, YAMLPair(key: pair.key, value: mergeList(old.value, pair.value, noun: "lift pool")))
            } else {
                result.set(key, pair)
            }
        }
        return YAMLNode(content: .mapping(result.values), location: variant.location)
    }
}
