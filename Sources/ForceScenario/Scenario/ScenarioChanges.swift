/// What a variant changes, in words a planner reads: one line per change.
extension Scenario {
    /// What differs from `base`, section by section in the format's order: assumptions,
    /// capabilities, locations, nations, requirements, policies, objectives, options,
    /// alternatives; one line per changed field ("france: pledge fighter: units 12 -> 6"). The
    /// scenario's own name, its description and source positions are not changes.
    ///
    /// ```swift
    /// let base = try ScenarioLoader.load(file: "scenarios/coalition-2025.yaml").scenario
    /// let low = try ScenarioLoader.load(file: "scenarios/coalition-2025-low-ceiling.yaml").scenario
    /// print(low.changes(from: base))   // ["policy max_personnel_in ukraine: 30,000 -> 5,000"]
    /// ```
    public func changes(from base: Scenario) -> [String] {
        var out: [String] = []
        out += Self.keyed(base.assumptions.map { ($0.name, $0.value) }, assumptions.map { ($0.name, $0.value) },
                          noun: "assumption", describe: Self.detail)
        out += Self.entryChanges(base.capabilities.map { ($0.id, $0) }, capabilities.map { ($0.id, $0) }, noun: "capability",
                                 label: { "capability \($0)" }, fields: Self.capabilityFields)
        out += Self.entryChanges(base.locations.map { ($0.id, $0) }, locations.map { ($0.id, $0) }, noun: "location",
                                 label: { "location \($0)" }, fields: Self.locationFields)
        out += Self.entryChanges(base.nations.map { ($0.id, $0) }, nations.map { ($0.id, $0) }, noun: "nation",
                                 label: { $0 }, fields: Self.nationFields)
        out += Self.entryChanges(base.requirements.map { ($0.id, $0) }, requirements.map { ($0.id, $0) }, noun: "requirement",
                                 label: { "requirement \($0)" }, fields: Self.requirementFields)
        out += policyChanges(from: base.policies, to: policies, prefix: "policy")
        if objectives != base.objectives {
            out.append("objectives: \(Self.list(base.objectives)) -> \(Self.list(objectives))")
        }
        out += Self.entryChanges(base.options.map { ($0.id, $0) }, options.map { ($0.id, $0) }, noun: "option",
                                 label: { "option \($0)" }, fields: optionFields)
        if alternatives != base.alternatives {
            out.append("alternatives: count \(base.alternatives.count), within \(Self.number(base.alternatives.within))"
                + " -> count \(alternatives.count), within \(Self.number(alternatives.within))")
        }
        out += timelineChanges(from: base)
        return out
    }

    static func detail(_ old: Bool, _ new: Bool) -> String { "\(old) -> \(new)" }

    func policyChanges(from old: Policies, to new: Policies, prefix: String) -> [String] {
        let before: [(String, Double)] = old.maxPersonnelIn.map { ($0.tag, $0.personnel) }
        let after: [(String, Double)] = new.maxPersonnelIn.map { ($0.tag, $0.personnel) }
        var out = Self.valueChanges(before, after, prefix: "\(prefix) max_personnel_in")
            .map { line in
                // "policy max_personnel_in ukraine: 30,000 -> 5,000": a colon after the tag.
                guard let arrow = line.range(of: " -> "),
                      let space = line[..<arrow.lowerBound].lastIndex(of: " ") else { return line }
                return String(line[..<space]) + ":" + String(line[space...])
            }
        let scalars: [(String, Double?, Double?)] = [
            ("max_nation_share", old.maxNationShare, new.maxNationShare),
            ("min_nations", old.minNations.map(Double.init), new.minNations.map(Double.init)),
            ("total_budget", old.totalBudget, new.totalBudget),
            ("withdrawal_coverage", old.withdrawalCoverage, new.withdrawalCoverage),
        ]
        for (name, a, b) in scalars where a != b {
            out.append("\(prefix) \(name): \(Self.number(a)) -> \(Self.number(b))")
        }
        return out
    }

    /// Added, removed and changed assumptions, in the new list's order (removed ones in the
    /// old list's order, after them).
    static func keyed<T: Equatable>(_ old: [(String, T)], _ new: [(String, T)], noun: String,
                                    describe: (T, T) -> String) -> [String] {
        idChanges(old, new, noun: noun) { id, previous, value in
            guard previous != value else { return [] }
            let detail = describe(previous, value)
            return ["\(noun) \(id)" + (detail.isEmpty ? " changed" : ": \(detail)")]
        }
    }

    static func number(_ v: Double?) -> String { v.map { NumberFormat.readable($0) } ?? "none" }
    static func list(_ objectives: [ObjectiveSpec]) -> String { "[" + objectives.map(\.description).joined(separator: ", ") + "]" }
}
