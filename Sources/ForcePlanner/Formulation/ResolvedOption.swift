import ForceScenario

/// An option with everything it inherits filled in: the scenario's assumptions and
/// policies merged with the option's (key by key), its objectives and exclusions, and any
/// what-if overrides given on top (``PlanningOverrides``).
public struct ResolvedOption: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Every declared assumption with its effective value, in file order.
    public var assumptions: [Assumption]
    public var policies: Policies
    public var objectives: [ObjectiveSpec]
    /// Nations that take no part, sorted.
    public var excludedNations: [String]
    /// Factor on every requirement's `units` (``PlanningOverrides/requirementScale``);
    /// ``Formulation`` applies it to the scenario it is given.
    public var requirementScale: Double = 1

    /// True when the assumption `name` holds.
    public func holds(_ name: String) -> Bool {
        assumptions.first { $0.name == name }?.value ?? false
    }

    /// Resolves `option` of `scenario`, then applies `overrides` (what-ifs from the command
    /// line: assumptions set, nations dropped).
    public init(_ option: Option, of scenario: Scenario, overrides: PlanningOverrides = PlanningOverrides()) {
        id = option.id
        name = option.name
        var values = scenario.assumptions
        let forced = overrides.respectOptionAssumptions
            ? overrides.assumptions.filter { a in !option.assumptions.contains { $0.name == a.name } }
            : overrides.assumptions
        for layer in [option.assumptions, forced] {
            for a in layer {
                if let i = values.firstIndex(where: { $0.name == a.name }) {
                    values[i].value = a.value
                } else {
                    values.append(a)
                }
            }
        }
        assumptions = values
        policies = scenario.policies.merged(with: option.policies).merged(with: overrides.policies)
        objectives = option.objectives ?? scenario.objectives
        if objectives.isEmpty { objectives = [.coverage, .cost] }
        excludedNations = Array(Set((option.excludeNations ?? []) + overrides.dropNations)).sorted()
        requirementScale = overrides.requirementScale
    }
}

/// What-if changes applied on top of every option: `--assume K=V`, `--drop NATION`,
/// `--scale-requirements F`. They win over what an option sets itself.
public struct PlanningOverrides: Sendable, Hashable {
    /// Policies merged over every option's, key by key (`max_personnel_in` tag by tag), as
    /// an option's own `policies:` merge over the scenario's; a benchmark sweep sets them.
    ///
    /// ```swift
    /// var o = PlanningOverrides()
    /// o.policies = Policies(maxNationShare: 0.3)
    /// ```
    public var policies: Policies = Policies()

    /// Assumptions forced to a value.
    public var assumptions: [Assumption]
    /// Nations withdrawn from every option.
    public var dropNations: [String]
    /// Factor on every requirement's `units` (> 0; default 1, no change): 1.25 asks for a
    /// quarter more of everything. Applied exactly where options are resolved (the scaled
    /// need may be fractional; coverage is measured against it).
    ///
    /// ```swift
    /// var o = PlanningOverrides()
    /// o.requirementScale = 1.25   // a requirement of 24 fighters becomes 30
    /// ```
    public var requirementScale: Double = 1
    /// Leave an option's own assumptions alone: ``assumptions`` then set only those the
    /// option does not set itself (a sweep's `respect_options: true`).
    public var respectOptionAssumptions = false

    public init(assumptions: [Assumption] = [], dropNations: [String] = []) {
        self.assumptions = assumptions
        self.dropNations = dropNations
    }

    /// True when nothing is overridden.
    public var isEmpty: Bool {
        assumptions.isEmpty && dropNations.isEmpty && requirementScale == 1 && policies == Policies()
    }
}
