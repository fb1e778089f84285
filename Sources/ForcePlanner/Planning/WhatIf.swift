import ForceScenario
import Foundation

/// A baseline and its what-ifs, planned and compared option by option.
///
/// ``run(base:variants:options:jobs:planner:)`` plans the base once, however many variants
/// there are, and each variant once; independent solves run on up to `jobs` threads (GLPK
/// keeps its environment per thread). The result does not depend on `jobs`.
///
/// ```swift
/// let base = try ScenarioLoader.load(file: "scenarios/tutorial.yaml").scenario
/// let variant = try ScenarioLoader.load(file: "scenarios/tutorial-uk-withdraws.yaml").scenario
/// let whatIf = try WhatIf.run(base: base, variants: [ScenarioVariant(variant, of: base)], jobs: 2) {
///     scenario, overrides in
///     Planner(scenario: scenario, solver: GLPKSolver(),
///             settings: PlannerSettings(overrides: overrides, alternatives: false, findBinding: false))
/// }
/// for delta in whatIf.variants[0].deltas {
///     print(delta.option, delta.objectives, delta.nationsLeft)   // in-ukraine [...] ["uk"]
/// }
/// print(WhatIfReport.json(whatIf))
/// ```
public struct WhatIf: Sendable {
    /// The base planned as it is.
    public var baseline: PlanReport
    /// Each variant, in the order given.
    public var variants: [VariantResult]
    /// Whether each variant option was planned stable (`whatif --stable`): with the fewest
    /// units moved from the baseline option's plan, right after its first objective.
    public var stable = false

    /// One variant's plans and how they differ from the baseline's.
    public struct VariantResult: Sendable {
        /// The variant as given.
        public var variant: ScenarioVariant
        /// Every planned option of the variant, in its file order.
        public var report: PlanReport
        /// Per option that the baseline has too and that has a plan on both sides, in the
        /// variant's option order.
        public var deltas: [OptionDelta]
    }

    /// How one option's plan in a variant differs from the same option's baseline plan.
    public struct OptionDelta: Sendable, Equatable {
        /// The option id.
        public var option: String
        /// Objective name to variant value minus baseline value, for objectives both plans
        /// report; sorted by name; rounded to 1e-9 so that float noise reads as 0.
        public var objectives: [Change]
        /// Requirement id to variant coverage minus baseline coverage (fractions), for
        /// requirements both have; sorted by id.
        public var coverage: [Change]
        /// Nations contributing in the variant but not in the baseline, sorted.
        public var nationsJoined: [String]
        /// Nations contributing in the baseline but not in the variant, sorted.
        public var nationsLeft: [String]
        /// Units moved from the baseline plan (``UnitsMoved/between(_:_:)``), stable or not.
        public var unitsMoved: Int = 0

        /// A named difference.
        public struct Change: Sendable, Equatable {
            /// An objective name or a requirement id.
            public var name: String
            /// Variant minus baseline.
            public var delta: Double
        }
    }

    /// True when every option of the baseline and of every variant has a plan
    /// (``PlanReport/allSolved``): the CLI's exit code 0.
    public var allSolved: Bool { baseline.allSolved && variants.allSatisfy(\.report.allSolved) }

    /// Plans the base and every variant and compares them.
    ///
    /// - Parameters:
    ///   - options: option ids to plan (in every scenario); nil for all of each scenario's.
    ///   - jobs: threads to solve on (at least 1); the output is the same for any value.
    ///   - planner: builds the planner for a scenario and the overrides of its variant
    ///     (none for the base); it decides the solver and the settings.
    /// - Throws: ``InputError`` before any solve when an option id is missing from the base
    ///   or from a variant.
    public static func run(base: Scenario, variants: [ScenarioVariant], options: [String]? = nil, jobs: Int = 1,
                           planner: @Sendable (Scenario, PlanningOverrides) -> Planner) throws -> WhatIf {
        let scenarios = [(name: "the base", scenario: base, overrides: PlanningOverrides())]
            + variants.map { (name: "variant '\($0.name)'", scenario: $0.scenario, overrides: $0.overrides) }
        var work: [(scenario: Int, option: Option, index: Int, count: Int)] = []
        for (s, entry) in scenarios.enumerated() {
            let all = entry.scenario.effectiveOptions
            var chosen = all
            if let options {
                chosen = []
                for id in options {
                    guard let o = all.first(where: { $0.id == id }) else {
                        throw InputError("--option \(id): \(entry.name) has no option '\(id)'"
                            + Suggest.hint(id, among: all.map(\.id), noun: "options"))
                    }
                    chosen.append(o)
                }
            }
            for (i, o) in chosen.enumerated() { work.append((s, o, i + 1, chosen.count)) }
        }
        let planners = scenarios.map { planner($0.scenario, $0.overrides) }
        let items = work
        let results = ParallelMap.run(items.count, threads: jobs) { k in
            let item = items[k]
            return planners[item.scenario].plan(item.option, index: item.index, of: item.count)
        }
        var reports: [[OptionResult]] = Array(repeating: [], count: scenarios.count)
        for (k, item) in work.enumerated() { reports[item.scenario].append(results[k]) }
        let baseline = PlanReport(scenario: base, options: reports[0])
        let compared = variants.enumerated().map { i, variant in
            let report = PlanReport(scenario: variant.scenario, options: reports[i + 1])
            return VariantResult(variant: variant, report: report, deltas: deltas(baseline, report))
        }
        return WhatIf(baseline: baseline, variants: compared)
    }

    /// The option-by-option differences of `variant` from `baseline`.
    public static func deltas(_ baseline: PlanReport, _ variant: PlanReport) -> [OptionDelta] {
        variant.options.compactMap { v in
            guard let b = baseline.options.first(where: { $0.option.id == v.option.id }) else { return nil }
            return compare(baseline: b, variant: v)
        }
    }

    /// How `variant`'s plan differs from `baseline`'s; nil when either has no plan.
    public static func compare(baseline: OptionResult, variant: OptionResult) -> OptionDelta? {
        guard let b = baseline.plan, let v = variant.plan else { return nil }
        let before = Dictionary(b.objectives.map { ($0.objective.description, $0.value) }, uniquingKeysWith: { a, _ in a })
        let objectives = v.objectives.compactMap { o -> OptionDelta.Change? in
            guard let old = before[o.objective.description] else { return nil }
            return OptionDelta.Change(name: o.objective.description, delta: rounded(o.value - old))
        }
        let covered = Dictionary(b.coverage.map { ($0.requirement, $0.fraction) }, uniquingKeysWith: { a, _ in a })
        let coverage = v.coverage.compactMap { c -> OptionDelta.Change? in
            guard let old = covered[c.requirement] else { return nil }
            return OptionDelta.Change(name: c.requirement, delta: rounded(c.fraction - old))
        }
        let was = Set(b.contributingNations), now = Set(v.contributingNations)
        return OptionDelta(option: variant.option.id,
                           objectives: objectives.sorted { $0.name < $1.name },
                           coverage: coverage.sorted { $0.name < $1.name },
                           nationsJoined: now.subtracting(was).sorted(),
                           nationsLeft: was.subtracting(now).sorted(),
                           unitsMoved: UnitsMoved.between(b, v))
    }

    static func rounded(_ d: Double) -> Double {
        let r = (d * 1e9).rounded() / 1e9
        return r == 0 ? 0 : r   // no -0
    }

    /// The weighted coverage of `plan` in `scenario` (the `coverage` objective's value,
    /// whether or not the option lists it).
    public static func coverage(of plan: Plan, in scenario: Scenario) -> Double {
        plan.value(of: .coverage) ?? plan.weightedCoverage(in: scenario)
    }
}
