import ForceScenario
/// `whatif --stable`: each variant option re-planned with the fewest units moved from the
/// baseline option's plan, right after its first objective (DESIGN.md, "Commands").
extension WhatIf {
    /// Plans the base, then every variant, and compares them; with `stable`, each variant
    /// option that the baseline has (with a plan) gets a stage right after its first
    /// objective minimising the units moved from the baseline's plan of that option
    /// (``PlannerSettings/stableBaselines``), then its other objectives. The first
    /// objective's value is the plain re-plan's; the plan differs only in which of the
    /// equally good plans is chosen.
    ///
    /// ```swift
    /// let whatIf = try WhatIf.run(base: base, variants: variants, jobs: 2, stable: true) { scenario, overrides in
    ///     Planner(scenario: scenario, solver: GLPKSolver(), settings: PlannerSettings(overrides: overrides))
    /// }
    /// print(whatIf.variants[0].deltas.map(\.unitsMoved))
    /// ```
    ///
    /// - Throws: ``InputError`` before any solve when an option id is missing from the base
    ///   or from a variant.
    public static func run(base: Scenario, variants: [ScenarioVariant], options: [String]? = nil, jobs: Int = 1,
                           stable: Bool,
                           planner: @escaping @Sendable (Scenario, PlanningOverrides) -> Planner) throws -> WhatIf {
        guard stable else { return try run(base: base, variants: variants, options: options, jobs: jobs, planner: planner) }
        // Every option id is checked in every scenario before anything is solved.
        var chosen: [[Option]] = []
        for (name, scenario) in [("the base", base)] + variants.map({ ("variant '\($0.name)'", $0.scenario) }) {
            chosen.append(try select(options, in: scenario, name: name))
        }
        let first = try run(base: base, variants: [], options: options, jobs: jobs, planner: planner)
        var plans: [String: Plan] = [:]
        for r in first.baseline.options { if let plan = r.plan { plans[r.option.id] = plan } }
        let planners = variants.map { v -> Planner in
            var p = planner(v.scenario, v.overrides)
            p.settings.stableBaselines = plans
            return p
        }
        var work: [(variant: Int, option: Option, index: Int, count: Int)] = []
        for (i, list) in chosen.dropFirst().enumerated() {
            for (k, o) in list.enumerated() { work.append((i, o, k + 1, list.count)) }
        }
        let items = work
        let results = ParallelMap.run(items.count, threads: jobs) { k in
            planners[items[k].variant].plan(items[k].option, index: items[k].index, of: items[k].count)
        }
        var reports: [[OptionResult]] = Array(repeating: [], count: variants.count)
        for (k, item) in work.enumerated() { reports[item.variant].append(results[k]) }
        let compared = variants.enumerated().map { i, variant in
            let report = PlanReport(scenario: variant.scenario, options: reports[i])
            return VariantResult(variant: variant, report: report, deltas: deltas(first.baseline, report))
        }
        var out = WhatIf(baseline: first.baseline, variants: compared)
        out.stable = true
        return out
    }

    /// The options of `scenario` named by `ids` (all when nil), in that order.
    static func select(_ ids: [String]?, in scenario: Scenario, name: String) throws -> [Option] {
        let all = scenario.effectiveOptions
        guard let ids else { return all }
        return try ids.map { id in
            guard let o = all.first(where: { $0.id == id }) else {
                throw InputError("--option \(id): \(name) has no option '\(id)'"
                    + Suggest.hint(id, among: all.map(\.id), noun: "options"))
            }
            return o
        }
    }
}
