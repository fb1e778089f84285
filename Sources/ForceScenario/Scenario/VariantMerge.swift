/// Merges a variant's YAML tree onto its base's, before decoding, so that every node keeps
/// the file and line that wrote it: a diagnostic about a value the base wrote names the
/// base file, one about a value the variant wrote names the variant.
///
/// A variant says exactly what it changes, and nothing else moves (docs/scenario-format.md,
/// "Variants: what-ifs as small files"):
/// - `capabilities`, `locations`, `nations`: entries merge field by field, at every depth;
///   `ID: null` removes an entry, `FIELD: null` restores a field's default.
/// - a nation's `pledges` merge by pledge key (the pledge's `id`, else its `capability`);
///   `{capability: fighter, remove: true}` removes one.
/// - `requirements`, `options`: items merge by `id`, field by field; `remove: true`.
/// - maps inside entries (`capacity`, `needs`, an option's `assumptions` and `policies`,
///   `max_personnel_in`) merge key by key; `assumptions` and `policies` likewise.
/// - lists of plain values (`groups`, `tags`, `at`, `caveats`, `locations`, `when`,
///   `exclude_nations`, `objectives`) and everything else replace whole.
/// - an id the base lacks is an error unless its entry says `new: true`; `new: true` on an
///   id the base has is an error; an assumption the base does not declare is an error; a
///   key given twice in the variant is an error.
struct VariantMerge {
    /// Kinds of definition whose removal is remembered, to explain references to them.
    enum RemovedKind: Hashable {
        case capability, location, nation, assumption
    }

    /// How one node of a variant merges onto the base's node at the same place.
    indirect enum Rule: Sendable {
        /// The variant's value replaces the base's.
        case replace
        /// A mapping merged key by key: the variant's keys replace (or, with a rule, merge
        /// into) the base's; `KEY: null` removes a key, restoring its default.
        case fields([String: Rule], what: String)
        /// `capabilities`, `locations`, `nations`: entries keyed by id.
        case idMap(noun: String, kind: RemovedKind, entry: Rule)
        /// `requirements`, `options`: items keyed by their `id` field.
        case idList(noun: String, entry: Rule)
        /// A nation's `pledges`: items keyed by `id`, else `capability`.
        case pledges(nation: String)
        /// Top-level `assumptions`: key by key, only the base's switches.
        case assumptions
        /// `needs`: a capability id or a map of factors, merged key by key.
        case needs(what: String)
    }

    /// Ids removed by `ID: null`, with the node that removed them.
    var removed: [RemovedKind: [String: SourceLocation]] = [:]
    /// Faults of the variants themselves (an id the base lacks, a key given twice...).
    var diagnostics: [Diagnostic] = []

    static func policies(_ what: String) -> Rule {
        .fields(["max_personnel_in": .fields([:], what: "\(what) max_personnel_in")], what: what)
    }

    // The rules are made when a merge asks for them, not kept in static storage: an indirect
    // enum's boxes are referenced through pointers with tag bits set, which LeakSanitizer
    // does not recognise as pointers, so rules held by a global would read as leaks.
    static var capability: Rule { .fields([:], what: "capability") }
    static var location: Rule { .fields(["capacity": .fields([:], what: "location capacity")], what: "location") }
    static var requirement: Rule { .fields(["needs": .needs(what: "requirement")], what: "requirement") }
    static var option: Rule {
        .fields(["assumptions": .fields([:], what: "option assumptions"),
                 "policies": policies("option policies")], what: "option")
    }

    /// The rules of the top-level mapping (`extends` is taken out before).
    static var top: Rule { .fields([
        "assumptions": .assumptions,
        "capabilities": .idMap(noun: "capability", kind: .capability, entry: capability),
        "locations": .idMap(noun: "location", kind: .location, entry: location),
        "nations": .idMap(noun: "nation", kind: .nation, entry: .replace),   // entry rule built per nation
        "requirements": .idList(noun: "requirement", entry: requirement),
        "options": .idList(noun: "option", entry: option),
        "policies": policies("policies"),
        // `milestones` replace whole; lift pools merge by id like requirements.
        "timeline": .fields(["lift": .idList(noun: "lift pool", entry: .fields([:], what: "lift pool"))], what: "timeline"),
    ], what: "the scenario") }

    static func nation(_ id: String) -> Rule {
        .fields(["pledges": .pledges(nation: id)], what: "nation '\(id)'")
    }

    /// The base with the variant's top-level mapping merged onto it (`extends` already taken
    /// out of `variant`).
    mutating func merge(base: YAMLNode, variant: YAMLNode) -> YAMLNode {
        guard case .mapping = base.content, case .mapping = variant.content else { return variant }
        return merge(base, variant, Self.top)
    }

    static func name(_ node: YAMLNode) -> String? {
        if case .scalar(let s, _) = node.content { return s }
        return nil
    }

    mutating func error(_ node: YAMLNode, _ message: String) {
        diagnostics.append(Diagnostic(.error, file: node.location.file, location: node.location,
                                      message: ScenarioDecoder.bounded(message)))
    }

    static func position(_ node: YAMLNode) -> String { "\(node.location.line):\(node.location.column)" }

    /// `variant` merged onto `base` (either may be missing from its mapping: then `base` is
    /// an empty node of the right shape).
    mutating func merge(_ base: YAMLNode, _ variant: YAMLNode, _ rule: Rule) -> YAMLNode {
        switch rule {
        case .replace:
            return variant
        case .fields(let nested, let what):
            return mergeFields(base, variant, nested: nested, what: what)
        case .idMap(let noun, let kind, let entry):
            return mergeIDMap(base, variant, noun: noun, kind: kind, entry: entry)
        case .idList(let noun, let entry):
            return mergeIDList(base, variant, noun: noun, entry: entry)
        case .pledges(let nation):
            return mergePledges(base, variant, nation: nation)
        case .assumptions:
            return mergeAssumptions(base, variant)
        case .needs(let what):
            return mergeNeeds(base, variant, what: what)
        }
    }

    /// The pairs of a variant mapping, without the second and later of a repeated key (each
    /// an error here: after merging, the decoder could no longer see the repetition).
    mutating func uniquePairs(_ pairs: [YAMLPair], in what: String) -> [YAMLPair] {
        var seen: [String: YAMLNode] = [:]
        var result: [YAMLPair] = []
        for pair in pairs {
            if let key = Self.name(pair.key) {
                if let first = seen[key] {
                    error(pair.key, "duplicate key '\(key)' in \(what) (first at \(Self.position(first))); give each key once")
                    continue
                }
                seen[key] = pair.key
            }
            result.append(pair)
        }
        return result
    }

    /// An empty node of the shape `rule` merges onto.
    static func empty(for rule: Rule, at location: SourceLocation) -> YAMLNode {
        switch rule {
        case .idList, .pledges: return YAMLNode(content: .sequence([]), location: location)
        default: return YAMLNode(content: .mapping([]), location: location)
        }
    }

    mutating func mergeFields(_ base: YAMLNode, _ variant: YAMLNode, nested: [String: Rule], what: String) -> YAMLNode {
        guard case .mapping(let variantPairs) = variant.content else { return variant }
        var basePairs: [YAMLPair] = []
        switch base.content {
        case .mapping(let pairs): basePairs = pairs
        case .scalar where base.isNull: break
        default: return variant   // the base's own fault, or a change of shape: the decoder judges
        }
        var result = Keyed(basePairs) { Self.name($0.key) }
        for pair in uniquePairs(variantPairs, in: what) {
            guard let key = Self.name(pair.key) else {
                result.append(pair)   // the decoder says what is wrong with it
                continue
            }
            if pair.value.isNull {
                _ = result.remove(key)   // FIELD: null restores the default
                continue
            }
            guard let rule = nested[key] else {
                result.set(key, pair)
                continue
            }
            let old = result[key]?.value ?? Self.empty(for: rule, at: pair.value.location)
            result.set(key, YAMLPair(key: pair.key, value: merge(old, pair.value, rule)))
        }
        return YAMLNode(content: .mapping(result.values), location: variant.location)
    }

    /// Whether a variant entry says `new: true` (false when it says nothing; an error and
    /// nil when `new` holds anything but true).
    mutating func newFlag(_ node: YAMLNode, noun: String, id: String) -> Bool? {
        guard case .mapping(let pairs) = node.content,
              let pair = pairs.first(where: { Self.name($0.key) == "new" }) else { return false }
        guard case .scalar("true", .plain) = pair.value.content else {
            error(pair.value, "new takes true, to add \(noun) '\(id)'; leave 'new' out to change the base's \(noun) field by field")
            return nil
        }
        return true
    }

    /// The node without its `new` key.
    static func withoutNew(_ node: YAMLNode) -> YAMLNode {
        guard case .mapping(let pairs) = node.content else { return node }
        return YAMLNode(content: .mapping(pairs.filter { name($0.key) != "new" }), location: node.location)
    }

    mutating func alreadyInBase(_ node: YAMLNode, noun: String, id: String, at old: YAMLNode) {
        error(node, "\(noun) '\(id)' is already in the base (at \(old.location)); leave out new: true to change it field by field")
    }

    mutating func notInBase(_ node: YAMLNode, noun: String, id: String, candidates: [String], owner: String = "", extra: String = "") {
        var message = "no \(noun) '\(id)'\(owner) in the base"
        if diagnostics.count < 20 {
            if let near = Suggestions.nearest(to: id, in: candidates) { message += " (did you mean '\(near)'?)" }
            else if !candidates.isEmpty { message += " (it has: \(Suggestions.list(candidates)))" }
        }
        error(node, message + extra + "; mark a new \(noun) with new: true")
    }

    /// `capabilities`, `locations`, `nations`.
    mutating func mergeIDMap(_ base: YAMLNode, _ variant: YAMLNode, noun: String, kind: RemovedKind, entry: Rule) -> YAMLNode {
        guard case .mapping(let pairs) = variant.content else { return variant }
        var basePairs: [YAMLPair] = []
        if case .mapping(let p) = base.content { basePairs = p }
        var result = Keyed(basePairs) { Self.name($0.key) }
        for pair in uniquePairs(pairs, in: "\(noun == "capability" ? "capabilities" : noun + "s")") {
            guard let id = Self.name(pair.key) else {
                result.append(pair)
                continue
            }
            if pair.value.isNull {
                if result.remove(id) {
                    removed[kind, default: [:]][id] = pair.key.location
                } else {
                    error(pair.key, "there is no \(noun) '\(id)' in the base to remove" + hint(id, among: result.keys))
                }
                continue
            }
            guard let isNew = newFlag(pair.value, noun: noun, id: id) else { continue }
            if let old = result[id] {
                if isNew {
                    alreadyInBase(pair.key, noun: noun, id: id, at: old.key)
                    continue
                }
                let rule = kind == .nation ? Self.nation(id) : entry
                result.set(id, YAMLPair(key: pair.key, value: merge(old.value, pair.value, rule)))
            } else if isNew {
                removed[kind]?[id] = nil
                result.set(id, YAMLPair(key: pair.key, value: Self.withoutNew(pair.value)))
            } else {
                notInBase(pair.key, noun: noun, id: id, candidates: result.keys)
            }
        }
        return YAMLNode(content: .mapping(result.values), location: variant.location)
    }

    /// Top-level `assumptions`: key by key; `KEY: null` removes a switch; a switch the base
    /// does not declare is an error (switches are declared in the base).
    mutating func mergeAssumptions(_ base: YAMLNode, _ variant: YAMLNode) -> YAMLNode {
        guard case .mapping(let pairs) = variant.content else { return variant }
        var basePairs: [YAMLPair] = []
        if case .mapping(let p) = base.content { basePairs = p }
        var result = Keyed(basePairs) { Self.name($0.key) }
        for pair in uniquePairs(pairs, in: "assumptions") {
            guard let key = Self.name(pair.key) else {
                result.append(pair)
                continue
            }
            guard result[key] != nil else {
                if pair.value.isNull {
                    error(pair.key, "there is no assumption '\(key)' in the base to remove" + hint(key, among: result.keys))
                } else {
                    var message = "the base declares no assumption '\(key)'"
                    if let near = Suggestions.nearest(to: key, in: result.keys) { message += " (did you mean '\(near)'?)" }
                    error(pair.key, message + "; switches are declared in the base: add it there, or set one the base has")
                }
                continue
            }
            if pair.value.isNull {
                _ = result.remove(key)
                removed[.assumption, default: [:]][key] = pair.key.location
            } else {
                result.set(key, pair)
            }
        }
        return YAMLNode(content: .mapping(result.values), location: variant.location)
    }

    /// `needs: fighter` is the map `{fighter: 1}`; a map merges key by key onto it.
    mutating func mergeNeeds(_ base: YAMLNode, _ variant: YAMLNode, what: String) -> YAMLNode {
        guard case .mapping = variant.content else { return variant }
        var old = base
        if case .scalar = base.content, !base.isNull {
            old = YAMLNode(content: .mapping([YAMLPair(key: base, value: YAMLNode(content: .scalar("1", .plain), location: base.location))]),
                           location: base.location)
        }
        return mergeFields(old, variant, nested: [:], what: "\(what) needs")
    }

    /// `requirements`, `options`: items merge by id, field by field; `remove: true` removes.
    mutating func mergeIDList(_ base: YAMLNode, _ variant: YAMLNode, noun: String, entry: Rule) -> YAMLNode {
        guard case .sequence(let items) = variant.content else { return variant }
        var baseItems: [YAMLNode] = []
        if case .sequence(let b) = base.content { baseItems = b }
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
                    + "\(Self.position(first))); merge the two into one item")
                continue
            }
            seen[id] = idPair.value
            if let removePair = fields.first(where: { Self.name($0.key) == "remove" }) {
                guard case .scalar("true", .plain) = removePair.value.content else {
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
            guard let isNew = newFlag(item, noun: noun, id: id) else { continue }
            if let old = result[id] {
                if isNew {
                    alreadyInBase(idPair.value, noun: noun, id: id, at: old)
                    continue
                }
                result.set(id, merge(old, item, entry))
            } else if isNew {
                result.set(id, Self.withoutNew(item))
            } else {
                notInBase(idPair.value, noun: noun, id: id, candidates: result.keys)
            }
        }
        return YAMLNode(content: .sequence(result.values), location: variant.location)
    }

    /// A pledge's key: `id:ID` when it has an id (then it is addressed by its id only),
    /// else `capability:CAP`; nil when it has neither.
    static func pledgeKey(_ item: YAMLNode) -> (key: String, node: YAMLNode)? {
        guard case .mapping(let fields) = item.content else { return nil }
        if let pair = fields.first(where: { name($0.key) == "id" }), let id = name(pair.value), !pair.value.isNull {
            return ("id:" + id, pair.value)
        }
        if let pair = fields.first(where: { name($0.key) == "capability" }), let c = name(pair.value), !pair.value.isNull {
            return ("capability:" + c, pair.value)
        }
        return nil
    }

    static func describePledgeKey(_ key: String) -> String {
        key.hasPrefix("id:") ? "pledge '\(key.dropFirst(3))'" : "pledge of capability '\(key.dropFirst(11))'"
    }

    /// A nation's `pledges`: by id, else by capability; `remove: true`; `new: true`.
    mutating func mergePledges(_ base: YAMLNode, _ variant: YAMLNode, nation: String) -> YAMLNode {
        guard case .sequence(let items) = variant.content else { return variant }
        var slots: [YAMLNode?] = []
        if case .sequence(let b) = base.content { slots = b.map { $0 } }
        // Every base pledge under its key; two without ids of one capability share a key.
        var byKey: [String: [Int]] = [:]
        var capabilityOfIDs: [String: String] = [:]   // capability -> an id of a pledge of it
        for (i, item) in slots.enumerated() {
            guard let item, let (key, _) = Self.pledgeKey(item) else { continue }
            byKey[key, default: []].append(i)
            if key.hasPrefix("id:"), case .mapping(let f) = item.content,
               let c = f.first(where: { Self.name($0.key) == "capability" }).flatMap({ Self.name($0.value) }) {
                capabilityOfIDs[c] = capabilityOfIDs[c] ?? String(key.dropFirst(3))
            }
        }
        let keyNames = byKey.keys.sorted { (byKey[$0]?.first ?? 0) < (byKey[$1]?.first ?? 0) }
            .map { $0.hasPrefix("id:") ? String($0.dropFirst(3)) : String($0.dropFirst(11)) }
        var seen: [String: YAMLNode] = [:]
        var appended: [YAMLNode] = []
        for item in items {
            guard case .mapping(let fields) = item.content else {
                appended.append(item)
                continue
            }
            guard let (key, keyNode) = Self.pledgeKey(item) else {
                error(item, "a pledge in a variant names the pledge it changes: give its capability, or its id "
                    + "(e.g. {capability: fighter, units: 6}); a new pledge also says new: true")
                continue
            }
            let what = Self.describePledgeKey(key)
            if let first = seen[key] {
                error(keyNode, "\(what) of nation '\(nation)' appears twice in this variant (first at \(Self.position(first))); merge the two into one item")
                continue
            }
            seen[key] = keyNode
            let matches = byKey[key] ?? []
            if matches.count > 1 {
                let places = matches.compactMap { slots[$0]?.location }.map { "\($0.line):\($0.column)" }.joined(separator: " and ")
                error(keyNode, "nation '\(nation)' has \(matches.count) pledges of capability '\(key.dropFirst(11))' in the base (at \(places)); "
                    + "give them ids in the base (id: ...) and address one by its id")
                continue
            }
            if let removePair = fields.first(where: { Self.name($0.key) == "remove" }) {
                guard case .scalar("true", .plain) = removePair.value.content else {
                    error(removePair.value, "remove takes true, to remove the \(what); leave 'remove' out to keep or change it")
                    continue
                }
                if let extra = fields.first(where: { !["id", "capability", "remove"].contains(Self.name($0.key) ?? "") }) {
                    error(extra.key, "a pledge with 'remove: true' holds only its key; write {\(key.hasPrefix("id:") ? "id" : "capability"): \(key.split(separator: ":", maxSplits: 1).last ?? ""), remove: true}")
                    continue
                }
                if let i = matches.first {
                    slots[i] = nil
                    byKey[key] = nil
                } else {
                    error(keyNode, "there is no \(what) in nation '\(nation)' in the base to remove" + hint(String(key.split(separator: ":", maxSplits: 1).last ?? ""), among: keyNames))
                }
                continue
            }
            guard let isNew = newFlag(item, noun: "pledge", id: String(key.split(separator: ":", maxSplits: 1).last ?? "")) else { continue }
            if let i = matches.first, let old = slots[i] {
                if isNew {
                    error(keyNode, "nation '\(nation)' already has the \(what) in the base (at \(old.location)); leave out new: true to change it field by field")
                    continue
                }
                slots[i] = merge(old, item, .fields([:], what: "pledge"))
            } else if isNew {
                appended.append(Self.withoutNew(item))
            } else {
                var extra = ""
                let name = String(key.split(separator: ":", maxSplits: 1).last ?? "")
                if key.hasPrefix("capability:"), let id = capabilityOfIDs[name] {
                    extra = " (its pledge of capability '\(name)' has id '\(id)': address it by its id)"
                }
                notInBase(keyNode, noun: "pledge", id: name, candidates: keyNames, owner: " of nation '\(nation)'", extra: extra)
            }
        }
        let merged = slots.compactMap { $0 } + appended
        return YAMLNode(content: .sequence(merged), location: variant.location)
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
