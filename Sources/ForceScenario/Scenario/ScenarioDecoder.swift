/// Reads a composed YAML tree into a ``Scenario``, collecting every error on the way.
///
/// The helpers here check the shape of one node (mapping, list, number, slug...) and
/// report at that node; `ScenarioDecoder+Sections.swift` walks the format section by
/// section and `ScenarioDecoder+References.swift` resolves ids.
package final class ScenarioDecoder {
    package let file: String
    package var diagnostics: [Diagnostic] = []

    // What the file defines so far, in file order, for resolving references.
    var assumptionNames = NameList()
    var capabilityIDs = NameList()
    var locationIDs = NameList()
    var tags = NameList()
    var nationIDs = NameList()
    var groups = NameList()
    /// Kinds whose section was malformed as a whole: references to them are not checked,
    /// so one broken section gives one error, not one per reference.
    var unchecked: Set<ReferenceKind> = []
    /// Names whose definition had an error (a bad id, a malformed location that may have
    /// held tags): references to them are not reported again.
    var tolerated: Set<String> = []
    /// A location or nation body was malformed, so some tags or groups may be missing.
    var tagsIncomplete = false
    var groupsIncomplete = false
    /// Ids a variant removed (`nations: {uk: null}`), with the place that removed them: a
    /// reference to one gets a message that says so.
    var removed: [VariantMerge.RemovedKind: [String: SourceLocation]] = [:]

    package init(file: String) {
        self.file = file
    }

    /// Errors counted but not kept, past ``maxKeptErrors``: memory stays bounded however
    /// broken a large file is.
    private(set) var droppedErrors = 0
    static let maxKeptErrors = 10_000

    package func error(_ node: YAMLNode, _ message: @autoclosure () -> String) {
        guard diagnostics.count < Self.maxKeptErrors else {
            droppedErrors += 1
            return
        }
        let message = message()
        diagnostics.append(Diagnostic(.error, file: file, location: node.location, message: Self.bounded(message)))
    }

    /// Messages quote what the file says; a megabyte-long key must not make a megabyte message.
    static func bounded(_ message: String) -> String {
        message.count <= 800 ? message : String(message.prefix(800)) + "..."
    }

    func warning(_ node: YAMLNode?, _ message: String) {
        diagnostics.append(Diagnostic(.warning, file: file, location: node?.location, message: message))
    }

    var errorCount: Int { diagnostics.lazy.filter { $0.severity == .error }.count }

    // MARK: Shapes

    /// The keys of one mapping, in file order, checked against those allowed there.
    package struct Fields {
        package var node: YAMLNode
        package var entries: [(name: String, key: YAMLNode, value: YAMLNode)] = []

        package subscript(name: String) -> YAMLNode? { entries.first { $0.name == name }?.value }
        package func key(_ name: String) -> YAMLNode? { entries.first { $0.name == name }?.key }
    }

    /// The node as a mapping with only `allowed` keys and all `required` ones; nil when it is
    /// not a mapping. An empty value (`key:`) counts as an empty mapping.
    ///
    /// `unknownKey`, for mappings keyed by references (`max_personnel_in: {TAG: n}`), reports
    /// a key not in `allowed` and returns its name when it is acceptable after all.
    package func fields(_ node: YAMLNode, _ what: String, allowed: [String], required: [String] = [],
                example: String? = nil, unknownKey: ((YAMLNode) -> String?)? = nil) -> Fields? {
        var result = Fields(node: node)
        let pairs: [YAMLPair]
        switch node.content {
        case .mapping(let p):
            pairs = p
        case .scalar where node.isNull:
            pairs = []
        default:
            let hint = example.map { "; write e.g. \($0)" } ?? "; allowed keys: \(allowed.joined(separator: ", "))"
            error(node, "expected a mapping for \(what), found \(describe(node))\(hint)")
            return nil
        }
        var seen: [String: YAMLNode] = [:]
        var unknown: [(name: String, key: YAMLNode)] = []
        for pair in pairs {
            guard case .scalar(let name, _) = pair.key.content else {
                error(pair.key, "expected a key name in \(what), found \(describe(pair.key)); allowed: \(allowed.joined(separator: ", "))")
                continue
            }
            if let first = seen[name] {
                error(pair.key, "duplicate key '\(name)' in \(what) (first at \(position(first))); give each key once")
                continue
            }
            seen[name] = pair.key
            if !allowed.contains(name), let unknownKey {
                if unknownKey(pair.key) != nil { result.entries.append((name, pair.key, pair.value)) }
                continue
            }
            guard allowed.contains(name) else {
                unknown.append((name, pair.key))
                continue
            }
            result.entries.append((name, pair.key, pair.value))
        }
        var missing = required.filter { seen[$0] == nil }
        for (name, key) in unknown {
            if let misplaced = Self.misplaced(name, in: what) {
                error(key, misplaced)
                continue
            }
            var message = "unknown key '\(name)' in \(what); allowed: \(allowed.joined(separator: ", "))"
            if let near = Suggestions.nearest(to: name, in: allowed) {
                message += " (did you mean '\(near)'?)"
                // One typo, one error: `unitz` is reported here, not again as units missing.
                missing.removeAll { $0 == near }
            }
            error(key, message)
        }
        if !missing.isEmpty {
            let keys = missing.map { "'\($0)'" }.joined(separator: ", ")
            let noun = missing.count == 1 ? "key" : "keys"
            error(node, "missing required \(noun) \(keys) in \(what)" + (example.map { "; write e.g. \($0)" } ?? ""))
        }
        return result
    }

    /// The items of a list; an empty value (`key:`) is an empty list.
    package func list(_ node: YAMLNode, _ what: String, example: String) -> [YAMLNode]? {
        switch node.content {
        case .sequence(let items): return items
        case .scalar where node.isNull: return []
        default:
            error(node, "expected a list for \(what), found \(describe(node)); write e.g. \(example)")
            return nil
        }
    }

    /// A mapping keyed by ids (`capabilities:`, `nations:`...): slug keys, each once.
    func idMap(_ node: YAMLNode, _ kind: String, section: String, example: String)
        -> [(id: String, key: YAMLNode, value: YAMLNode)]? {
        let pairs: [YAMLPair]
        switch node.content {
        case .mapping(let p): pairs = p
        case .scalar where node.isNull: pairs = []
        default:
            error(node, "expected a mapping of \(kind) id to \(kind) for '\(section)', found \(describe(node)); write e.g. \(example)")
            return nil
        }
        var seen: [String: YAMLNode] = [:]
        var result: [(String, YAMLNode, YAMLNode)] = []
        for pair in pairs {
            guard let id = slug(pair.key, "\(kind) id") else {
                if case .scalar(let name, _) = pair.key.content { tolerated.insert(name) }
                continue
            }
            if let first = seen[id] {
                error(pair.key, "duplicate \(kind) id '\(id)' (first defined at \(position(first))); ids must be unique")
                continue
            }
            seen[id] = pair.key
            result.append((id, pair.key, pair.value))
        }
        return result
    }

    // MARK: Scalars

    /// A scalar's text; numbers and booleans count as text (`name: 2025`).
    package func text(_ node: YAMLNode, _ what: String) -> String? {
        guard case .scalar(let s, _) = node.content else {
            error(node, "expected text for \(what), found \(describe(node))")
            return nil
        }
        if node.isNull {
            error(node, "\(what) has no value; write it after the ':'")
            return nil
        }
        return s
    }

    /// An id, tag, group or assumption name: `[a-z0-9][a-z0-9-]*`.
    package func slug(_ node: YAMLNode, _ what: String) -> String? {
        guard case .scalar(let s, _) = node.content, !node.isNull else {
            error(node, node.isNull ? "\(what) has no value; write a lowercase id such as 'infantry-battalion'"
                                    : "expected a \(what), found \(describe(node)); write a lowercase id such as 'infantry-battalion'")
            return nil
        }
        guard Self.isSlug(s) else {
            error(node, "\(what) '\(s)' is not a valid id; use lowercase letters, digits and '-', starting with a letter or digit (e.g. '\(Self.slugified(s))')")
            return nil
        }
        return s
    }

    static func isSlug(_ s: String) -> Bool {
        guard let first = s.utf8.first, isSlugByte(first), first != UInt8(ascii: "-") else { return false }
        return s.utf8.allSatisfy(isSlugByte)
    }

    private static func isSlugByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) || b == UInt8(ascii: "-")
    }

    static func slugified(_ s: String) -> String {
        var out = ""
        for ch in s.lowercased().unicodeScalars {
            if ch.properties.isAlphabetic && ch.isASCII || ("0"..."9").contains(ch) { out.unicodeScalars.append(ch) }
            else if !out.isEmpty && !out.hasSuffix("-") { out += "-" }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? "my-id" : out
    }

    /// The rule a number must satisfy, and how to say it.
    package struct NumberRule {
        var whole = false
        var test: @Sendable (Double) -> Bool
        var text: String

        package init(whole: Bool = false, test: @escaping @Sendable (Double) -> Bool, text: String) {
            self.whole = whole
            self.test = test
            self.text = text
        }

        package static let nonNegative = NumberRule(test: { $0 >= 0 }, text: "a number >= 0")
        package static let wholeNonNegative = NumberRule(whole: true, test: { $0 >= 0 }, text: "a whole number >= 0")
        static let positive = NumberRule(test: { $0 > 0 }, text: "a number > 0")
        static let atLeastOne = NumberRule(test: { $0 >= 1 }, text: "a number >= 1")
        static let probability = NumberRule(test: { $0 >= 0 && $0 <= 1 }, text: "a number from 0 to 1")
        package static let share = NumberRule(test: { $0 > 0 && $0 <= 1 }, text: "a number above 0 and at most 1 (e.g. 0.4)")
    }

    /// Larger values are typos, and would upset the solver's numerics.
    static let largestNumber = 1e15

    /// A plain numeric scalar within `rule`; errors name `what` and say what would be right.
    package func number(_ node: YAMLNode, _ what: String, _ rule: NumberRule) -> Double? {
        guard case .scalar(let s, let style) = node.content else {
            error(node, "\(what) must be \(rule.text), found \(describe(node))")
            return nil
        }
        if node.isNull {
            error(node, "\(what) has no value; expected \(rule.text)")
            return nil
        }
        if style == .quoted {
            let hint = Self.parseNumber(s) != nil ? "; remove the quotes" : ""
            error(node, "\(what) must be \(rule.text), found the string \"\(s)\"\(hint)")
            return nil
        }
        guard let value = Self.parseNumber(s) else {
            error(node, "\(what) must be \(rule.text), found '\(s)'")
            return nil
        }
        guard value.isFinite else {
            error(node, "\(what) must be a finite number, found '\(s)'; expected \(rule.text)")
            return nil
        }
        guard abs(value) <= Self.largestNumber else {
            error(node, "\(what) \(s) is too large; expected \(rule.text) of at most 1e15")
            return nil
        }
        guard rule.test(value), !rule.whole || value.rounded() == value else {
            error(node, "invalid \(what) \(s); expected \(rule.text)")
            return nil
        }
        return value
    }

    /// A whole number within `rule`, as an `Int`.
    func integer(_ node: YAMLNode, _ what: String, _ rule: NumberRule) -> Int? {
        var whole = rule
        whole.whole = true
        return number(node, what, whole).map { Int($0) }
    }

    /// YAML's plain numbers: decimal with optional `_` separators, fraction and exponent,
    /// and `.inf`/`.nan` (returned as such for a precise error). Nil when not a number.
    package static func parseNumber(_ s: String) -> Double? {
        let lower = s.lowercased()
        switch lower {
        case ".inf", "+.inf": return .infinity
        case "-.inf": return -.infinity
        case ".nan": return .nan
        default: break
        }
        var digits = 0, sawDot = false, sawExponent = false, previous: Character = " "
        for (i, ch) in lower.enumerated() {
            switch ch {
            case "0"..."9": digits += 1
            case "_": if digits == 0 || sawExponent { return nil }
            case "+", "-": if !(i == 0 || previous == "e") { return nil }
            case ".": if sawDot || sawExponent { return nil }; sawDot = true
            case "e": if sawExponent || digits == 0 { return nil }; sawExponent = true
            default: return nil
            }
            previous = ch
        }
        guard digits > 0, !"e+-".contains(previous) else { return nil }
        return Double(String(lower.filter { $0 != "_" }))
    }

    /// `true` or `false` (any YAML capitalisation); `yes`/`no`/`on`/`off` are refused.
    package func bool(_ node: YAMLNode, _ what: String) -> Bool? {
        if case .scalar(let s, .plain) = node.content {
            switch s {
            case "true", "True", "TRUE": return true
            case "false", "False", "FALSE": return false
            default: break
            }
        }
        if case .scalar(let s, .quoted) = node.content, s == "true" || s == "false" {
            error(node, "\(what) must be true or false, found the string \"\(s)\"; remove the quotes")
        } else {
            error(node, "\(what) must be true or false, found \(describe(node))")
        }
        return nil
    }

    /// How a node looks, for "found ..." in messages.
    package func describe(_ node: YAMLNode) -> String {
        switch node.content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s, let style):
            if node.isNull { return "nothing" }
            if style == .quoted { return "the string \"\(s)\"" }
            return "'\(s.count > 40 ? String(s.prefix(40)) + "..." : s)'"
        }
    }

    package func position(_ node: YAMLNode) -> String {
        "\(node.location.line):\(node.location.column)"
    }
}

/// Names in file order, with constant-time membership: big generated scenarios have
/// thousands of ids, and every reference is looked up.
struct NameList {
    private(set) var names: [String] = []
    private var set: Set<String> = []

    init(_ names: [String] = []) {
        for name in names { insert(name) }
    }

    /// Adds `name` unless present; true when added.
    @discardableResult
    mutating func insert(_ name: String) -> Bool {
        guard set.insert(name).inserted else { return false }
        names.append(name)
        return true
    }

    func contains(_ name: String) -> Bool { set.contains(name) }
    var isEmpty: Bool { names.isEmpty }
}
