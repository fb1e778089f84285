import ForceScenario

/// One what-if to compare with a baseline: a scenario, overrides applied on top of every
/// one of its options, and what differs from the baseline in words.
///
/// A variant comes from a file that extends the base (`extends:`, loaded by
/// ``ScenarioLoader``), or from what-if overrides on the base itself (the CLI's
/// `--assume`, `--drop` and `--scale-requirements`):
///
/// ```swift
/// let base = try ScenarioLoader.load(file: "scenarios/coalition-2025.yaml").scenario
/// let uk = try ScenarioLoader.load(file: "scenarios/coalition-2025-uk-withdraws.yaml").scenario
/// var overrides = try PlanningOverrides.parse(assume: ["us-backstop=false"], drop: [], for: base)
/// overrides.requirementScale = 1.25
/// let variants = [ScenarioVariant(uk, of: base),
///                 ScenarioVariant(base: base, overrides: overrides)]
/// print(variants[0].changes)   // ["removed nation uk", "option reassurance: name '...' -> '...'"]
/// ```
public struct ScenarioVariant: Sendable {
    /// How reports name it.
    public var name: String
    /// The scenario to plan.
    public var scenario: Scenario
    /// Applied on top of every option of ``scenario``, winning over what an option sets.
    public var overrides: PlanningOverrides
    /// What differs from the baseline, one line each.
    public var changes: [String]

    /// A variant given in full.
    public init(name: String, scenario: Scenario, overrides: PlanningOverrides = PlanningOverrides(),
                changes: [String]) {
        self.name = name
        self.scenario = scenario
        self.overrides = overrides
        self.changes = changes
    }

    /// `scenario` (typically a file that extends `base`) as a variant of `base`, named by
    /// `name`, else its scenario name when that differs from the base's, else its file name.
    public init(_ scenario: Scenario, of base: Scenario, name: String? = nil) {
        var fallback = scenario.name
        if scenario.name == base.name, let file = scenario.file {
            let last = file.split(separator: "/").last.map(String.init) ?? file
            fallback = last.hasSuffix(".yaml") ? String(last.dropLast(5)) : last
        }
        self.init(name: name ?? fallback, scenario: scenario, changes: scenario.changes(from: base))
    }

    /// The base with `overrides` applied to every option (the CLI's flags), named `name`.
    public init(base: Scenario, overrides: PlanningOverrides, name: String = "flags") {
        self.init(name: name, scenario: base, overrides: overrides, changes: Self.describe(overrides))
    }

    /// `--assume`, `--drop` and `--scale-requirements` in words, as flags.
    public static func describe(_ overrides: PlanningOverrides) -> [String] {
        var out = overrides.assumptions.map { "--assume \($0.name)=\($0.value) (every option)" }
        out += overrides.dropNations.map { "--drop \($0) (every option)" }
        if overrides.requirementScale != 1 {
            out.append("--scale-requirements \(NumberFormat.readable(overrides.requirementScale, decimals: 6)) (every requirement's units)")
        }
        return out
    }
}
