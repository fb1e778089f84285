import ForcePlanner
import ForceReports
import ForceScenario
import GLPKSolver
import LinearModel

/// Every `forceplan` command that plans, as one library call each: the CLI parses flags,
/// calls one of these and prints what it returns, so a Swift caller gets the same answers
/// byte for byte.
///
/// ```swift
/// let scenario = try ScenarioLoader.load(file: "scenarios/tutorial.yaml").scenario
/// let report = try Commands.plan(scenario)                  // forceplan plan
/// print(TextReport.render(report))
/// let critical = try Commands.criticality(scenario)         // forceplan criticality
/// ```
///
/// Every call checks its settings first (``CommandSettings/validate()``) and throws an
/// ``InputError`` for bad input (an unknown option, a value out of range), with the
/// accepted range or the nearest known id; infeasible options are answers, not errors.
public enum Commands {
    /// `forceplan plan`: every option (or those named), each with its reliability over
    /// `samples` drawn outcomes of the nations' pledges when `samples` > 0.
    public static func plan(_ scenario: Scenario, options ids: [String] = [], overrides: PlanningOverrides = PlanningOverrides(),
                            samples: Int = 0, seed: UInt64 = 1, settings: CommandSettings = CommandSettings()) throws -> PlanReport {
        try settings.validate()
        guard (0...Reliability.maxSamples).contains(samples) else {
            throw InputError("--samples must be between 0 and \(Reliability.maxSamples), not \(samples)")
        }
        let chosen = try ids.map { try scenario.option($0) }
        let planner = settings.planner(scenario, overrides)
        var report = chosen.isEmpty ? planner.planAll() : planner.planAll(chosen)
        if samples > 0 {
            for i in report.options.indices {
                report.options[i].reliability = Reliability.assess(planner, report.options[i], samples: samples, seed: seed,
                                                                      threads: settings.jobs)
            }
        }
        return report
    }

    /// `forceplan whatif`: the base and each variant side by side. `overrides` (the
    /// `--assume`, `--drop` and `--scale-requirements` flags) make one more what-if of the
    /// base. Progress is reported only on one thread. `stable` (`--stable`) re-plans each
    /// variant option with the fewest units moved from the baseline option's plan, right
    /// after its first objective (``WhatIf/run(base:variants:options:jobs:stable:planner:)``).
    public static func whatIf(base: Scenario, variants: [Scenario] = [], overrides: PlanningOverrides = PlanningOverrides(),
                              options: [String]? = nil, settings: CommandSettings = CommandSettings(),
                              stable: Bool = false) throws -> WhatIf {
        try settings.validate()
        var list = variants.map { ScenarioVariant($0, of: base) }
        if !overrides.isEmpty { list.append(ScenarioVariant(base: base, overrides: overrides)) }
        guard !list.isEmpty else {
            throw InputError("nothing to compare: give variant files, or --assume, --drop or --scale-requirements")
        }
        var one = settings
        if one.jobs > 1 { one.progress = nil }
        // A what-if compares plans; trade-offs are `plan`'s and the brief's.
        one.tradeoffs = false
        let s = one
        return try WhatIf.run(base: base, variants: list, options: options, jobs: s.jobs, stable: stable) { scenario, overrides in
            s.planner(scenario, overrides)
        }
    }

    /// `forceplan criticality`: option `option` (default: the first) re-planned without each
    /// contributing nation, ranked.
    public static func criticality(_ scenario: Scenario, option: String? = nil, overrides: PlanningOverrides = PlanningOverrides(),
                                   settings: CommandSettings = CommandSettings()) throws -> CriticalityReport {
        try settings.validate()
        let chosen = try scenario.option(option)
        return Criticality.analyse(settings.analysis.planner(scenario, overrides), option: chosen, threads: settings.jobs)
    }

    /// `forceplan frontier`: the Pareto frontier of objectives `x` and `y` (by name, e.g.
    /// `personnel-in:ukraine`, `coverage`) for option `option`, with up to `points` points.
    public static func frontier(_ scenario: Scenario, option: String? = nil, x: String, y: String, points: Int = 5,
                                overrides: PlanningOverrides = PlanningOverrides(),
                                settings: CommandSettings = CommandSettings()) throws -> FrontierReport {
        try settings.validate()
        let chosen = try scenario.option(option)
        let ox = try Frontier.objective(x, in: scenario), oy = try Frontier.objective(y, in: scenario)
        return try Frontier.trace(settings.analysis.planner(scenario, overrides), option: chosen, x: ox, y: oy, points: points)
    }

    /// `forceplan export`: the model of stage `stage` (from 1) of option `option`, with the
    /// earlier stages solved as `plan` solves them, as text in `format`. GLPK writes it,
    /// whatever the backend that solved the earlier stages.
    public static func export(_ scenario: Scenario, option: String? = nil, stage: Int = 1, format: ModelFileFormat,
                              overrides: PlanningOverrides = PlanningOverrides(),
                              settings: CommandSettings = CommandSettings()) throws -> String {
        try settings.validate()
        let chosen = try scenario.option(option)
        let model = try settings.planner(scenario, overrides).stageModel(chosen, stage: stage)
        do { return try GLPKSolver.exportText(model, format: format) } catch {
            throw InputError("cannot write the model: \(error)")
        }
    }
}
