import ForceScenario

/// A sweep that sets an assumption an option sets for itself (the shipped sweep sets
/// `us-backstop` in every case, the `no-backstop` option's included): by default the sweep
/// wins, as `--assume` does, so that option's rows measure something else than its name
/// says. `bench run` warns once per (scenario, option, assumption); results mark the
/// cases (`"overridden"`); `bench summarize` marks those options; a sweep's
/// `respect_options: true` leaves options' own assumptions alone.
public enum SweepOptionConflicts {
    /// Assumptions `variation` forces to another value than the one `option` sets itself,
    /// sorted; none when the variation respects options' own assumptions.
    public static func overridden(_ variation: Variation, option: Option) -> [String] {
        guard !variation.respectOptions else { return [] }
        return variation.assumptions.filter { a in
            option.assumptions.contains { $0.name == a.name && $0.value != a.value }
        }.map(\.name).sorted()
    }

    /// The same for the option `id` of `scenario` (none for an option it does not have).
    public static func overridden(_ variation: Variation, option id: String, in scenario: Scenario) -> [String] {
        guard let option = scenario.options.first(where: { $0.id == id }) else { return [] }
        return overridden(variation, option: option)
    }

    /// One warning per (scenario, option, assumption) that some case overrides, in case
    /// order: "the sweep sets us-backstop over option no-backstop's own value (false) of
    /// scenarios/coalition-2025.yaml in 18 of 36 cases; ...".
    public static func warnings(_ inputs: BenchInputs) -> [String] {
        guard inputs.sweep != nil else { return [] }
        var order: [String] = []
        var counts: [String: (text: (String, String, String, Bool), hits: Int, cases: Int)] = [:]
        var casesPerScenario: [String: Int] = [:]
        for c in inputs.cases { casesPerScenario[c.scenario, default: 0] += 1 }
        for c in inputs.cases {
            guard let scenario = inputs.scenarios[c.scenario] else { continue }
            for option in scenario.options {
                for name in overridden(c.variation, option: option) {
                    let key = "\(c.scenario)\u{0}\(option.id)\u{0}\(name)"
                    let own = option.assumptions.first { $0.name == name }?.value ?? false
                    if counts[key] == nil {
                        order.append(key)
                        counts[key] = ((c.scenario, option.id, name, own), 0, casesPerScenario[c.scenario] ?? 0)
                    }
                    counts[key]?.hits += 1
                }
            }
        }
        return order.compactMap { key in
            guard let e = counts[key] else { return nil }
            let (scenario, option, name, own) = e.text
            return "warning: the sweep sets \(name) over option \(option)'s own value (\(own)) in \(scenario), "
                + "in \(e.hits) of \(e.cases) case\(e.cases == 1 ? "" : "s"): there the option is not what its name says; "
                + "add respect_options: true to the sweep to leave options' own assumptions alone"
        }
    }
}
