import ForceScenario

extension Planner {
    /// Plans `options` (options of ``scenario``, e.g. the one `forceplan plan --option ID`
    /// names) in the order given, numbering them 1...n in progress reports.
    ///
    /// ```swift
    /// let only = planner.scenario.effectiveOptions.filter { $0.id == "no-boots" }
    /// let report = planner.planAll(only)
    /// ```
    public func planAll(_ options: [Option]) -> PlanReport {
        var results: [OptionResult] = []
        for (i, o) in options.enumerated() {
            results.append(plan(o, index: i + 1, of: options.count))
        }
        return PlanReport(scenario: scenario, options: results)
    }
}
