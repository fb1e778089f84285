import ForcePlanner
import ForceReports
import ForceScenario
import Foundation

/// Loads and validates `forceplan-sweep/v1` files with the scenario loader's YAML
/// composer and checks, so that errors read the same: `FILE:LINE:COL: what is wrong;
/// what would be right`, every error of a file at once, "did you mean" for misspelt keys.
///
/// ```swift
/// do {
///     let sweep = try SweepLoader.load(file: "sweeps/coalition-2025.yaml")
///     print(sweep.count, "variations")
/// } catch {
///     print(error)   // sweeps/x.yaml:4:3: unknown key 'prodcut' in sweep; ... (did you mean 'product'?)
/// }
/// ```
///
/// Names of assumptions, nations and tags are checked later, against each scenario the
/// sweep is applied to (``Sweep/check(against:path:)``).
public enum SweepLoader {
    static let topKeys = ["format", "name", "description", "respect_options", "cases", "product"]
    static let settingKeys = ["assumptions", "drop", "requirement_scale", "policies"]
    static let policyKeys = ["max_personnel_in", "max_nation_share", "min_nations", "total_budget"]

    /// Reads and validates the sweep at `path`.
    /// - Throws: ``ScenarioLoadError`` with every error found.
    public static func load(file path: String) throws(ScenarioLoadError) -> Sweep {
        let bytes = try ScenarioLoader.readFile(path, expected: "a sweep file (.yaml)")
        return try load(bytes: bytes, file: path)
    }

    /// Parses and validates sweep text; `file` names it in diagnostics.
    /// - Throws: ``ScenarioLoadError`` with every error found.
    public static func load(yaml: String, file: String) throws(ScenarioLoadError) -> Sweep {
        try load(bytes: Array(yaml.utf8), file: file)
    }

    static func load(bytes: [UInt8], file: String) throws(ScenarioLoadError) -> Sweep {
        if let problem = TextCheck.firstProblem(in: bytes, file: file) {
            throw ScenarioLoadError(diagnostics: [problem])
        }
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        let root: YAMLNode
        switch YAMLComposer.compose(text, file: file) {
        case .failure(let diagnostic):
            throw ScenarioLoadError(diagnostics: [diagnostic])
        case .success(nil):
            throw ScenarioLoadError(diagnostics: [Diagnostic(file: file, location: SourceLocation(file: file, line: 1, column: 1),
                message: "file has no content; expected a sweep starting with 'format: \(Sweep.format)'")])
        case .success(let node?):
            root = node
        }
        let reader = SweepReader(file: file)
        let sweep = reader.read(root)
        let errors = reader.decoder.diagnostics.filter { $0.severity == .error }.sorted(by: Diagnostic.byPosition)
        guard errors.isEmpty, let sweep else {
            throw ScenarioLoadError(diagnostics: errors.isEmpty
                ? [Diagnostic(file: file, message: "sweep could not be read")]
                : Array(errors.prefix(ScenarioLoader.maxErrors)))
        }
        return sweep
    }
}

/// Walks a sweep's YAML tree with the scenario decoder's shape checks.
private final class SweepReader {
    let decoder: ScenarioDecoder
    var references: [SweepReference] = []

    init(file: String) {
        decoder = ScenarioDecoder(file: file)
    }

    func read(_ root: YAMLNode) -> Sweep? {
        let d = decoder
        guard case .mapping = root.content else {
            d.error(root, "expected a mapping at the top of the file, found \(d.describe(root)); a sweep starts with 'format: \(Sweep.format)' and 'name: ...'")
            return nil
        }
        guard let top = d.fields(root, "sweep", allowed: SweepLoader.topKeys, required: ["format", "name"]) else { return nil }
        if let node = top["format"], let format = d.text(node, "format"), format != Sweep.format {
            let hint = format == ScenarioDecoder.format ? " (this is a scenario; give it as a PATH and the sweep with --sweep)" : ""
            d.error(node, "unsupported format '\(format)'; expected '\(Sweep.format)'\(hint)")
        }
        var sweep = Sweep(name: top["name"].flatMap { d.text($0, "sweep name") } ?? "", file: d.file)
        if let node = top["description"] { sweep.description = d.text(node, "description") ?? "" }
        if let node = top["respect_options"], let b = d.bool(node, "respect_options") { sweep.respectOptions = b }
        let listed = top["cases"].map(cases) ?? []
        sweep.cases = listed.map(\.variation)
        if let node = top["product"] { sweep.axes = product(node) }
        // Listed cases and axes must not set the same thing: which would win?
        let axisKeys = Set(sweep.axes.map(\.key))
        for (c, item) in listed {
            for s in c.settings where axisKeys.contains(s.key) {
                d.error(item, "this case sets '\(s.key)', which the product also varies; set it in one place only")
            }
        }
        let count = sweep.count
        if count > Sweep.maxCases, let node = top["product"] ?? top["cases"] {
            d.error(node, "the sweep makes \(count == .max ? "too many" : String(count)) cases per scenario; at most \(Sweep.maxCases) are allowed, so split it into several sweeps")
        }
        sweep.references = references
        return sweep
    }

    // MARK: Listed cases

    /// The listed cases, each with its node.
    func cases(_ node: YAMLNode) -> [(variation: Variation, node: YAMLNode)] {
        let d = decoder
        guard let items = d.list(node, "cases", example: "[{drop: [uk]}, {assumptions: {us-backstop: false}, requirement_scale: 1.2}]") else { return [] }
        var result: [(variation: Variation, node: YAMLNode)] = []
        // By canonical form: `{a: 1, b: 2}` and `{b: 2, a: 1}` are one case, with one id.
        var seen: [String: YAMLNode] = [:]
        for item in items {
            guard let f = d.fields(item, "case", allowed: SweepLoader.settingKeys,
                                   example: "{drop: [uk], requirement_scale: 1.2}") else { continue }
            var v = Variation()
            if let n = f["assumptions"] { v.assumptions = assumptionValues(n) }
            if let n = f["drop"] { v.drop = nationList(n, "drop") }
            if let n = f["requirement_scale"] { v.requirementScale = scale(n) }
            if let n = f["policies"] {
                for (_, values) in policyEntries(n, single: true) {
                    for (p, _) in values { v.policies = v.policies.merged(with: p) }
                }
            }
            v = Variation(assumptions: v.assumptions, drop: v.drop, requirementScale: v.requirementScale, policies: v.policies)
            if let first = seen[v.canonical] {
                d.error(item, "this case repeats the case at \(d.position(first)); list each case once")
                continue
            }
            seen[v.canonical] = item
            result.append((v, item))
        }
        return result
    }

    // MARK: Product

    func product(_ node: YAMLNode) -> [SweepAxis] {
        let d = decoder
        guard let f = d.fields(node, "product", allowed: SweepLoader.settingKeys,
                               example: "{assumptions: {us-backstop: [true, false]}, requirement_scale: [0.8, 1, 1.2]}") else { return [] }
        var axes: [SweepAxis] = []
        for (name, _, value) in f.entries {
            switch name {
            case "assumptions":
                guard let m = d.fields(value, "product assumptions", allowed: [], example: "{us-backstop: [true, false]}",
                                       unknownKey: { [d] key in d.slug(key, "assumption name") }) else { continue }
                for (assumption, key, values) in m.entries {
                    note(.assumption, assumption, key)
                    let list = distinct(scalars(values, "assumption '\(assumption)'", example: "[true, false]").compactMap { item -> (Variation, YAMLNode)? in
                        guard let b = d.bool(item, "assumption '\(assumption)'") else { return nil }
                        return (Variation(assumptions: [Assumption(name: assumption, value: b)]), item)
                    })
                    axes.append(SweepAxis(key: "assumptions.\(assumption)", values: list))
                }
            case "drop":
                axes.append(SweepAxis(key: "drop", values: distinct(dropAxis(value).map { (Variation(drop: $0.0), $0.1) })))
            case "requirement_scale":
                let values = scalars(value, "requirement_scale", example: "[0.8, 1, 1.2]").compactMap { item -> (Variation, YAMLNode)? in
                    scale(item).map { (Variation(requirementScale: $0), item) }
                }
                axes.append(SweepAxis(key: "requirement_scale", values: distinct(values)))
            case "policies":
                axes += policyAxes(value)
            default:
                break
            }
        }
        return axes
    }

    /// `{each: [uk, france], baseline: true}` or a list of lists `[[], [uk], [uk, france]]`.
    func dropAxis(_ node: YAMLNode) -> [([String], YAMLNode)] {
        let d = decoder
        switch node.content {
        case .mapping:
            guard let f = d.fields(node, "product drop", allowed: ["each", "baseline"], required: ["each"],
                                   example: "{each: [uk, france], baseline: true}") else { return [] }
            var result: [([String], YAMLNode)] = []
            if let n = f["baseline"], d.bool(n, "baseline") == true { result.append(([], n)) }
            if let n = f["each"], let items = d.list(n, "drop each", example: "[uk, france]") {
                if items.isEmpty { d.error(n, "drop each lists no nation; list the nations to withdraw one at a time, e.g. [uk, france]") }
                for item in items {
                    if let id = d.slug(item, "nation id") {
                        note(.nation, id, item)
                        result.append(([id], item))
                    }
                }
            }
            return result
        case .sequence(let items):
            if items.isEmpty { d.error(node, "drop lists no withdrawal; write e.g. [[], [uk], [uk, france]] or {each: [uk, france], baseline: true}") }
            var result: [([String], YAMLNode)] = []
            for item in items {
                guard case .sequence = item.content else {
                    d.error(item, "each value of a product's drop is a list of nations withdrawn together, found \(d.describe(item)); write [[uk], [uk, france]], or {each: [uk, france]} to withdraw each in turn")
                    continue
                }
                if let ids = nationList(item, "drop") { result.append((ids, item)) }
            }
            return result
        default:
            d.error(node, "expected a list of withdrawals or {each: [...]} for product drop, found \(d.describe(node)); write e.g. {each: [uk, france], baseline: true}")
            return []
        }
    }

    func policyAxes(_ node: YAMLNode) -> [SweepAxis] {
        var axes: [SweepAxis] = []
        for (key, values) in policyEntries(node, single: false) {
            axes.append(SweepAxis(key: key, values: distinct(values.map { (Variation(policies: $0.0), $0.1) })))
        }
        return axes
    }

    /// Policy settings by key: for a case (`single`) one value each, `{max_nation_share: 0.3}`;
    /// for the product a list each, `{max_nation_share: [0.3, 0.4]}`.
    func policyEntries(_ node: YAMLNode, single: Bool) -> [(String, [(Policies, YAMLNode)])] {
        let d = decoder
        let example = single ? "{max_nation_share: 0.3, max_personnel_in: {ukraine: 0}}"
                             : "{max_nation_share: [0.3, 0.4], max_personnel_in: {ukraine: [0, 20000]}}"
        guard let f = d.fields(node, "policies", allowed: SweepLoader.policyKeys, example: example) else { return [] }
        var out: [(String, [(Policies, YAMLNode)])] = []
        func values(_ n: YAMLNode, _ what: String, _ rule: ScenarioDecoder.NumberRule, _ make: (Double) -> Policies) -> [(Policies, YAMLNode)] {
            let items = single ? [n] : scalars(n, what, example: "[0.3, 0.4]")
            return items.compactMap { item in d.number(item, what, rule).map { (make($0), item) } }
        }
        for (name, _, value) in f.entries {
            switch name {
            case "max_personnel_in":
                guard let m = d.fields(value, "max_personnel_in", allowed: [], example: single ? "{ukraine: 0}" : "{ukraine: [0, 20000]}",
                                       unknownKey: { [d] key in d.slug(key, "tag") }) else { continue }
                for (tag, key, v) in m.entries {
                    note(.tag, tag, key)
                    out.append(("policies.max_personnel_in.\(tag)", values(v, "max_personnel_in '\(tag)'", .nonNegative) {
                        Policies(maxPersonnelIn: [PersonnelCeiling(tag: tag, personnel: $0)])
                    }))
                }
            case "max_nation_share":
                out.append(("policies.max_nation_share", values(value, "max_nation_share", .share) { Policies(maxNationShare: $0) }))
            case "min_nations":
                out.append(("policies.min_nations", values(value, "min_nations", .wholeNonNegative) { Policies(minNations: Int($0)) }))
            case "total_budget":
                out.append(("policies.total_budget", values(value, "total_budget", .nonNegative) { Policies(totalBudget: $0) }))
            default:
                break
            }
        }
        return out
    }

    // MARK: Values

    /// A case's assumptions: `{us-backstop: false}`.
    func assumptionValues(_ node: YAMLNode) -> [Assumption] {
        let d = decoder
        guard let m = d.fields(node, "case assumptions", allowed: [], example: "{us-backstop: false}",
                               unknownKey: { [d] key in d.slug(key, "assumption name") }) else { return [] }
        var out: [Assumption] = []
        for (name, key, value) in m.entries {
            note(.assumption, name, key)
            if let b = d.bool(value, "assumption '\(name)'") { out.append(Assumption(name: name, value: b)) }
        }
        return out
    }

    /// Nations withdrawn together: `[uk, france]`, `uk`, or `[]` for none.
    func nationList(_ node: YAMLNode, _ what: String) -> [String]? {
        let d = decoder
        let items: [YAMLNode]
        switch node.content {
        case .sequence(let list): items = list
        case .scalar where !node.isNull: items = [node]
        default:
            d.error(node, "expected a list of nation ids for \(what), found \(d.describe(node)); write e.g. [uk, france], or [] for none")
            return nil
        }
        var ids: [String] = []
        for item in items {
            guard let id = d.slug(item, "nation id") else { continue }
            if ids.contains(id) {
                d.error(item, "'\(id)' is listed twice in \(what); list it once")
                continue
            }
            note(.nation, id, item)
            ids.append(id)
        }
        return ids.sorted()
    }

    /// A requirement scale: a number > 0.
    func scale(_ node: YAMLNode) -> Double? {
        decoder.number(node, "requirement_scale", ScenarioDecoder.NumberRule(test: { $0 > 0 && $0 <= 1000 }, text: "a factor above 0 and at most 1000 (e.g. 1.2)"))
    }

    /// A product axis's values: a list, or a single value standing for a list of one.
    func scalars(_ node: YAMLNode, _ what: String, example: String) -> [YAMLNode] {
        switch node.content {
        case .sequence(let items):
            if items.isEmpty { decoder.error(node, "\(what) lists no value; write e.g. \(example)") }
            return items
        case .mapping:
            decoder.error(node, "expected a list of values for \(what), found a mapping; write e.g. \(example)")
            return []
        case .scalar:
            return [node]
        }
    }

    /// The values with repeats reported (at the repeat) and dropped: a repeated value would
    /// make two cases with one id.
    func distinct(_ values: [(Variation, YAMLNode)]) -> [Variation] {
        var seen: [Variation: YAMLNode] = [:]
        var out: [Variation] = []
        for (v, node) in values {
            if let first = seen[v] {
                decoder.error(node, "this value repeats the one at \(decoder.position(first)); list each value once")
                continue
            }
            seen[v] = node
            out.append(v)
        }
        return out
    }

    func note(_ kind: SweepReference.Kind, _ name: String, _ node: YAMLNode) {
        references.append(SweepReference(kind: kind, name: name, location: node.location))
    }
}
