/// Merges a variant's YAML tree onto its base's, before decoding, so that every node keeps
/// the file and line that wrote it: a diagnostic about a value the base wrote names the
/// base file, one about a value the variant wrote names the variant.
///
/// The rules (docs/scenario-format.md, "Variants"):
/// - `capabilities`, `locations`, `nations`: an entry replaces the base's entry of that id
///   (in the base's position) or is appended; `ID: null` removes the entry.
/// - `assumptions`, `policies`: key by key (`max_personnel_in` tag by tag); `KEY: null`
///   removes the key.
/// - `requirements`, `options`: items merge by `id`, field by field (a field the variant
///   gives replaces the base's; `FIELD: null` removes it); a new id is appended;
///   `{id: ID, remove: true}` removes the item.
/// - Anything else (`format`, `name`, `description`, `objectives`, `alternatives`) is
///   replaced; a top-level `KEY: null` removes the base's section.
struct VariantMerge {
    /// Kinds of definition whose removal is remembered, to explain references to them.
    enum RemovedKind: Hashable {
        case capability, location, nation, assumption
    }

    /// Ids removed by `ID: null`, with the node that removed them.
    var removed: [RemovedKind: [String: SourceLocation]] = [:]
    /// Faults of the variants themselves (removing what the base does not have...).
    var diagnostics: [Diagnostic] = []

    static let idMaps: [String: (kind: RemovedKind, noun: String)] = [
        "capabilities": (.capability, "capability"),
        "locations": (.location, "location"),
        "nations": (.nation, "nation"),
    ]
    static let lists: [String: String] = ["requirements": "requirement", "options": "option"]

    /// The base with the variant's top-level mapping merged onto it (`extends` already taken
    /// out of `variant`).
    mutating func merge(base: YAMLNode, variant: YAMLNode) -> YAMLNode {
        guard case .mapping(let basePairs) = base.content, case .mapping(let variantPairs) = variant.content else {
            return variant
        }
        var result = basePairs
        var seen: Set<String> = []
        for pair in variantPairs {
            guard case .scalar(let key, _) = pair.key.content, seen.insert(key).inserted else {
                result.append(pair)   // the decoder reports a bad or repeated key where it is
                continue
            }
            let found = result.firstIndex { Self.name($0.key) == key }
            if pair.value.isNull {
                if let found { result.remove(at: found) }
                continue
            }
            // A section the base lacks merges onto an empty one, so that the variant's
            // removals are still checked.
            let empty = YAMLNode(content: Self.lists[key] == nil ? .mapping([]) : .sequence([]), location: pair.value.location)
            let old = found.map { result[$0].value } ?? empty
            let merged: YAMLNode
            if let map = Self.idMaps[key] {
                merged = mergeKeys(old, pair.value, what: map.noun, removedKind: map.kind)
            } else if let noun = Self.lists[key] {
                merged = mergeList(old, pair.value, noun: noun)
            } else if key == "assumptions" {
                merged = mergeKeys(old, pair.value, what: "assumption", removedKind: .assumption)
            } else if key == "policies" {
                merged = mergeKeys(old, pair.value, what: "policy", nested: ["max_personnel_in"])
            } else {
                merged = pair.value
            }
            if let found { result[found] = YAMLPair(key: pair.key, value: merged) }
            else { result.append(YAMLPair(key: pair.key, value: merged)) }
        }
        return YAMLNode(content: .mapping(result), location: variant.location)
    }

    static func name(_ node: YAMLNode) -> String? {
        if case .scalar(let s, _) = node.content { return s }
        return nil
    }

    mutating func error(_ node: YAMLNode, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: node.location.file, location: node.location,
                                      message: ScenarioDecoder.bounded(message)))
    }

    /// `capabilities`, `locations`, `nations` (entries replace, add, or with `null` remove),
    /// `assumptions`, `policies`: key by key; keys in `nested` merge key by key too.
    mutating func mergeKeys(_ base: YAMLNode, _ variant: YAMLNode, what: String,
                            removedKind: RemovedKind? = nil, nested: Set<String> = []) -> YAMLNode {
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
                if result.remove(key) {
                    if let removedKind { removed[removedKind, default: [:]][key] = pair.key.location }
                } else {
                    error(pair.key, "there is no \(what) '\(key)' in the base to remove" + hint(key, among: result.keys))
                }
                continue
            }
            if let removedKind { removed[removedKind]?[key] = nil }
            if nested.contains(key), let old = result[key] {
                result.set(key, YAMLPair(key: pair.key, value: mergeKeys(old.value, pair.value, what: "\(key) entry")))
            } else {
                result.set(key, pair)
            }
        }
        return YAMLNode(content: .mapping(result.values), location: variant.location)
    }

    /// `requirements`, `options`: items merge by id, field by field; `remove: true` removes.
    mutating func mergeList(_ base: YAMLNode, _ variant: YAMLNode, noun: String) -> YAMLNode {
        guard case .sequence(let baseItems) = base.content, case .sequence(let items) = variant.content else {
            return variant
        }
        var result = Keyed(baseItems, key: Self.itemID)
        var seen: [String: YAMLNode] = [:]
        for item in items {
            guard case .mapping(let fields) = item.content,
                  let idPair = fields.first(where: { Self.name($0.key) == "id" }),
                  case .scalar(let id, _) = idPair.value.content, !idPair.value.isNull
            else {
                result.append(item)   // the decoder says what is wrong with it
                continue
            }
            if let first = seen[id] {
                error(idPair.value, "\(noun) '\(id)' appears twice in this variant (first at "
                    + "\(first.location.line):\(first.location.column)); merge the two into one item")
                continue
            }
            seen[id] = idPair.value
            if let removePair = fields.first(where: { Self.name($0.key) == "remove" }) {
                guard case .scalar(let flag, .plain) = removePair.value.content, flag == "true" else {
                    error(removePair.value, "remove takes true, to remove \(noun) '\(id)'; leave 'remove' out to keep or change it")
                    continue
                }
                if let extra = fields.first(where: { Self.name($0.key) != "id" && Self.name($0.key) != "remove" }) {
                    error(extra.key, "an item with 'remove: true' holds only its id; write {id: \(id), remove: true}")
                    continue
                }
                if !result.remove(id) {
                    error(idPair.value, "there is no \(noun) '\(id)' in the base to remove" + hint(id, among: result.keys))
                }
                continue
            }
            guard let old = result[id], case .mapping(let oldFields) = old.content else {
                result.set(id, item)
                continue
            }
            var merged = Keyed(oldFields) { Self.name($0.key) }
            for pair in fields {
                guard let key = Self.name(pair.key), key != "id" else { continue }
                if pair.value.isNull { _ = merged.remove(key) } else { merged.set(key, pair) }
            }
            result.set(id, YAMLNode(content: .mapping(merged.values), location: item.location))
        }
        return YAMLNode(content: .sequence(result.values), location: variant.location)
    }

    static func itemID(_ item: YAMLNode) -> String? {
        guard case .mapping(let fields) = item.content,
              let pair = fields.first(where: { name($0.key) == "id" }) else { return nil }
        return name(pair.value)
    }

    /// "did you mean" for a removal of what is not there; suggestions scan every id, so
    /// a variant with thousands of faults gets them for the first few only.
    func hint(_ word: String, among candidates: @autoclosure () -> [String]) -> String {
        guard diagnostics.count < 20 else { return "" }
        let candidates = candidates()
        if let near = Suggestions.nearest(to: word, in: candidates) { return "; did you mean '\(near)'?" }
        if candidates.isEmpty { return "; the base has none" }
        return "; the base has: \(Suggestions.list(candidates))"
    }
}

/// Entries in order with constant-time lookup by key, so that merging a large variant onto a
/// large base stays linear. Entries without a key (malformed ones) are kept in place for the
/// decoder to report; of two with the same key, the first is the one found.
struct Keyed<T> {
    private var items: [T?]
    private var index: [String: Int] = [:]

    init(_ items: [T], key: (T) -> String?) {
        self.items = items
        for (i, item) in items.enumerated() {
            if let k = key(item), index[k] == nil { index[k] = i }
        }
    }

    subscript(key: String) -> T? { index[key].flatMap { items[$0] } }

    /// Replaces the entry of `key` in place, or appends.
    mutating func set(_ key: String, _ item: T) {
        if let i = index[key] {
            items[i] = item
        } else {
            index[key] = items.count
            items.append(item)
        }
    }

    /// Appends an entry that is not looked up by key.
    mutating func append(_ item: T) { items.append(item) }

    /// Removes the entry of `key`; false when there is none.
    mutating func remove(_ key: String) -> Bool {
        guard let i = index.removeValue(forKey: key) else { return false }
        items[i] = nil
        return true
    }

    var values: [T] { items.compactMap { $0 } }
    /// The keys present, in order.
    var keys: [String] { index.sorted { $0.value < $1.value }.map(\.key) }
}
