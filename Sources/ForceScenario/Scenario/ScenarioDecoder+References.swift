/// What a reference in a scenario may name.
enum ReferenceKind: Hashable {
    case capability, locationOrTag, tag, nation, nationOrGroup, assumption

    var noun: String {
        switch self {
        case .capability: return "capability"
        case .locationOrTag: return "location or tag"
        case .tag: return "tag"
        case .nation: return "nation"
        case .nationOrGroup: return "nation or group"
        case .assumption: return "assumption"
        }
    }
}

extension ScenarioDecoder {
    /// Every name a reference of `kind` may take, in file order (for suggestions).
    func known(_ kind: ReferenceKind) -> [String] {
        switch kind {
        case .capability: return capabilityIDs.names
        case .locationOrTag: return locationIDs.names + tags.names
        case .tag: return tags.names
        case .nation: return nationIDs.names
        case .nationOrGroup: return nationIDs.names + groups.names
        case .assumption: return assumptionNames.names
        }
    }

    func isKnown(_ name: String, _ kind: ReferenceKind) -> Bool {
        switch kind {
        case .capability: return capabilityIDs.contains(name)
        case .locationOrTag: return locationIDs.contains(name) || tags.contains(name)
        case .tag: return tags.contains(name)
        case .nation: return nationIDs.contains(name)
        case .nationOrGroup: return nationIDs.contains(name) || groups.contains(name)
        case .assumption: return assumptionNames.contains(name)
        }
    }

    /// The id a reference names, when the file defines it; otherwise an error at the node
    /// with the nearest known id. `usage` says where the reference is, e.g. "caveat tag".
    @discardableResult
    func reference(_ node: YAMLNode, _ kind: ReferenceKind, usage: String) -> String? {
        guard let name = text(node, usage) else { return nil }
        let checked: Bool
        switch kind {
        case .locationOrTag: checked = !unchecked.contains(.locationOrTag)
        case .tag: checked = !unchecked.contains(.locationOrTag)
        case .nationOrGroup: checked = !unchecked.contains(.nation)
        default: checked = !unchecked.contains(kind)
        }
        if !checked || isKnown(name, kind) || tolerated.contains(name) { return name }
        if incomplete(kind), !locationIDs.contains(name) { return name }
        if kind == .tag, locationIDs.contains(name) {
            let list = tags.isEmpty ? "no location has tags yet" : "tags: \(Suggestions.list(tags.names))"
            error(node, "'\(name)' is a location id, not a tag; \(usage) takes a location tag (\(list))")
            return nil
        }
        if let message = removedMessage(name, kind, usage: usage) {
            error(node, message)
            return nil
        }
        error(node, unknownMessage(name, kind, known(kind)))
        return nil
    }

    /// For a reference to an id that a variant removed: where it was removed, and what to do.
    func removedMessage(_ name: String, _ kind: ReferenceKind, usage: String) -> String? {
        let removedKind: VariantMerge.RemovedKind
        switch kind {
        case .capability: removedKind = .capability
        case .locationOrTag: removedKind = .location
        case .nation, .nationOrGroup: removedKind = .nation
        case .assumption: removedKind = .assumption
        case .tag: return nil
        }
        guard let at = removed[removedKind]?[name] else { return nil }
        let noun = kind == .nationOrGroup ? "nation" : kind == .locationOrTag ? "location" : kind.noun
        return "\(noun) '\(name)' is removed at \(at) but \(usage) still names it; "
            + "remove it here too (in a variant, override the entry or item that names it)"
    }

    /// True when a malformed definition may have held the name (a tag of a broken location).
    func incomplete(_ kind: ReferenceKind) -> Bool {
        switch kind {
        case .tag, .locationOrTag: return tagsIncomplete
        case .nationOrGroup: return groupsIncomplete
        default: return false
        }
    }

    func unknownMessage(_ name: String, _ kind: ReferenceKind, _ candidates: [String]) -> String {
        var message = "unknown \(kind.noun) '\(name)'"
        // Suggestions cost a scan of every id; a file with thousands of errors gets them early on only.
        let near = diagnostics.count < 500 ? Suggestions.nearest(to: name, in: candidates) : nil
        if let near {
            message += "; did you mean '\(near)'?"
        } else if candidates.isEmpty {
            switch kind {
            case .assumption: message += "; declare it under 'assumptions:' (e.g. \(name): true)"
            case .capability: message += "; define it under 'capabilities:'"
            case .nation, .nationOrGroup: message += "; define nations under 'nations:'"
            case .tag: message += "; tags are given to locations, e.g. tags: [\(name)]"
            case .locationOrTag: message += "; define it under 'locations:'"
            }
        } else {
            message += "; known: \(Suggestions.list(candidates))"
        }
        return message
    }

    /// One of the five domains.
    func domain(_ node: YAMLNode, _ what: String) -> Domain? {
        guard let name = text(node, what) else { return nil }
        if let domain = Domain(rawValue: name) { return domain }
        let all = Domain.allCases.map(\.rawValue)
        var message = "unknown domain '\(name)'"
        if let near = Suggestions.nearest(to: name, in: all) { message += "; did you mean '\(near)'?" }
        error(node, message + " (allowed: \(all.joined(separator: ", ")))")
        return nil
    }

    /// A list of references; duplicates in the list are errors at the second one.
    func references(_ node: YAMLNode, _ kind: ReferenceKind, usage: String, example: String) -> [String]? {
        guard let items = list(node, usage, example: example) else { return nil }
        var result: [String] = []
        var seen: [String: YAMLNode] = [:]
        for item in items {
            guard let name = reference(item, kind, usage: usage) else { continue }
            if let first = seen[name] {
                error(item, "'\(name)' is listed twice in \(usage) (first at \(position(first))); list it once")
                continue
            }
            seen[name] = item
            result.append(name)
        }
        return result
    }
}
