import ForceScenario
import ForcePlanner
import ForceReports

/// One set of what-if changes a benchmark case applies to a scenario: assumptions set,
/// nations withdrawn, requirements scaled, policies overridden. Every field is optional,
/// so that the axes of a sweep each set one and combine (``merged(with:)``).
///
/// ```swift
/// var v = Variation()
/// v.assumptions = [Assumption(name: "us-backstop", value: false)]
/// v.drop = ["uk"]
/// v.requirementScale = 1.2
/// print(v.canonical)   // assumptions.us-backstop=false,drop=uk,requirement_scale=1.2
/// ```
public struct Variation: Sendable, Hashable {
    /// Assumptions forced to a value, sorted by name.
    public var assumptions: [Assumption] = []
    /// Nations withdrawn, sorted; nil when the variation says nothing about withdrawals,
    /// empty for "nobody withdraws".
    public var drop: [String]?
    /// Factor on every requirement's units; nil for as written.
    public var requirementScale: Double?
    /// Policies overridden (only the fields set).
    public var policies: Policies = Policies()
    /// The sweep's `respect_options: true`: ``assumptions`` leave an option's own alone.
    public var respectOptions = false

    public init(assumptions: [Assumption] = [], drop: [String]? = nil, requirementScale: Double? = nil,
                policies: Policies = Policies()) {
        self.assumptions = assumptions.sorted { $0.name < $1.name }
        self.drop = drop.map { Array(Set($0)).sorted() }
        self.requirementScale = requirementScale
        self.policies = policies
    }

    /// True when nothing is set.
    public var isEmpty: Bool { settings.isEmpty }

    /// This variation with everything `other` sets added (`other` wins on a shared key).
    public func merged(with other: Variation) -> Variation {
        var result = self
        for a in other.assumptions {
            result.assumptions.removeAll { $0.name == a.name }
            result.assumptions.append(a)
        }
        result.assumptions.sort { $0.name < $1.name }
        if let d = other.drop { result.drop = d }
        if let s = other.requirementScale { result.requirementScale = s }
        result.policies = result.policies.merged(with: other.policies)
        result.respectOptions = respectOptions || other.respectOptions
        return result
    }

    /// The planner's overrides for this variation.
    public var overrides: PlanningOverrides {
        var o = PlanningOverrides(assumptions: assumptions, dropNations: drop ?? [])
        o.requirementScale = requirementScale ?? 1
        o.policies = policies
        o.respectOptionAssumptions = respectOptions
        return o
    }

    /// Every setting as `(key, value)`, sorted by key: `assumptions.NAME`, `drop`,
    /// `policies.max_nation_share`, `policies.max_personnel_in.TAG`, `policies.min_nations`,
    /// `policies.total_budget`, `requirement_scale`. These keys name the variation in
    /// results files and in `bench summarize --by`.
    public var settings: [(key: String, value: VariationValue)] {
        var out: [(String, VariationValue)] = assumptions.map { ("assumptions.\($0.name)", .bool($0.value)) }
        if let d = drop { out.append(("drop", .names(Array(Set(d)).sorted()))) }
        if let s = requirementScale { out.append(("requirement_scale", .number(s))) }
        for c in policies.maxPersonnelIn { out.append(("policies.max_personnel_in.\(c.tag)", .number(c.personnel))) }
        if let s = policies.maxNationShare { out.append(("policies.max_nation_share", .number(s))) }
        if let n = policies.minNations { out.append(("policies.min_nations", .number(Double(n)))) }
        if let b = policies.totalBudget { out.append(("policies.total_budget", .number(b))) }
        if respectOptions { out.append(("respect_options", .bool(true))) }
        return out.sorted { $0.0 < $1.0 }
    }

    /// `key=value,...` in key order: the variation's part of a case id.
    public var canonical: String {
        settings.map { "\($0.key)=\($0.value.text)" }.joined(separator: ",")
    }

    /// The settings as one flat JSON object, keys in order.
    public var json: JSONValue {
        .object(settings.map { ($0.key, $0.value.json) })
    }
}

/// The value of one variation setting.
public enum VariationValue: Sendable, Hashable {
    case bool(Bool)
    case number(Double)
    /// Nation ids (a withdrawal); empty for none.
    case names([String])

    /// `true`, `1.2`, `uk+france`, `none`: the form used in case ids and summaries.
    public var text: String {
        switch self {
        case .bool(let b): return b ? "true" : "false"
        case .number(let d): return JSONValue.format(d)
        case .names(let n): return n.isEmpty ? "none" : n.joined(separator: "+")
        }
    }

    public var json: JSONValue {
        switch self {
        case .bool(let b): return .bool(b)
        case .number(let d): return .number(d)
        case .names(let n): return .array(n.map(JSONValue.string))
        }
    }
}
