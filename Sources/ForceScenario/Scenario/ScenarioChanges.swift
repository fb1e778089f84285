/// What a variant changes, in words a planner reads: one line per change.
extension Scenario {
    /// What differs from `base`, section by section in the format's order: assumptions,
    /// capabilities, locations, nations, requirements, policies, objectives, options,
    /// alternatives. Names, descriptions and source positions are not changes.
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
        out += Self.keyed(base.capabilities.map(Self.entry), capabilities.map(Self.entry), noun: "capability", describe: Self.detail)
        out += Self.keyed(base.locations.map(Self.entry), locations.map(Self.entry), noun: "location", describe: Self.detail)
        out += Self.keyed(base.nations.map(Self.entry), nations.map(Self.entry), noun: "nation", describe: Self.detail)
        out += Self.keyed(base.requirements.map(Self.entry), requirements.map(Self.entry), noun: "requirement",
                          describe: Self.detail)
        out += policyChanges(from: base.policies, to: policies, prefix: "policy")
        if objectives != base.objectives {
            out.append("objectives: \(Self.list(base.objectives)) -> \(Self.list(objectives))")
        }
        out += Self.keyed(base.options.map(Self.entry), options.map(Self.entry), noun: "option", describe: Self.detail)
        if alternatives != base.alternatives {
            out.append("alternatives: count \(base.alternatives.count), within \(Self.number(base.alternatives.within))"
                + " -> count \(alternatives.count), within \(Self.number(alternatives.within))")
        }
        return out
    }

    static func entry(_ c: Capability) -> (String, Capability) { (c.id, plain(c)) }
    static func entry(_ l: Location) -> (String, Location) { (l.id, plain(l)) }
    static func entry(_ n: Nation) -> (String, Nation) { (n.id, plain(n)) }
    static func entry(_ r: Requirement) -> (String, Requirement) { (r.id, plain(r)) }
    static func entry(_ o: Option) -> (String, Option) { (o.id, plain(o)) }

    static func detail(_ old: Bool, _ new: Bool) -> String { "\(old) -> \(new)" }

    static func detail(_ old: Capability, _ new: Capability) -> String {
        fields([("domain", old.domain.rawValue, new.domain.rawValue),
                ("personnel", number(old.personnel), number(new.personnel)),
                ("rotation", number(old.rotation), number(new.rotation))])
    }

    static func detail(_ old: Location, _ new: Location) -> String {
        let capacity = old.personnelCapacity != new.personnelCapacity || old.domainCapacity != new.domainCapacity
        return changed([("name", old.name != new.name), ("tags", old.tags != new.tags), ("capacity", capacity)])
    }

    static func detail(_ old: Nation, _ new: Nation) -> String {
        var flags: [(String, Bool)] = [("name", old.name != new.name), ("groups", old.groups != new.groups)]
        flags.append(("budget", old.budget != new.budget))
        flags.append(("reliability", old.reliability != new.reliability))
        flags.append(("caveats", old.caveats != new.caveats))
        flags.append(("pledges", old.pledges != new.pledges))
        return changed(flags)
    }

    static func detail(_ old: Requirement, _ new: Requirement) -> String {
        var values: [(String, String, String)] = [("units", number(old.units), number(new.units))]
        values.append(("weight", number(old.weight), number(new.weight)))
        values.append(("within_days", number(old.withinDays), number(new.withinDays)))
        values.append(("min_nations", number(old.minNations.map(Double.init)), number(new.minNations.map(Double.init))))
        let flags: [(String, Bool)] = [("name", old.name != new.name), ("needs", old.needs != new.needs), ("at", old.at != new.at)]
        return [fields(values), changed(flags)].filter { !$0.isEmpty }.joined(separator: ", ")
    }

    static func detail(_ old: Option, _ new: Option) -> String {
        var flags: [(String, Bool)] = [("name", old.name != new.name), ("assumptions", old.assumptions != new.assumptions)]
        flags.append(("policies", old.policies != new.policies))
        flags.append(("objectives", old.objectives != new.objectives))
        flags.append(("exclude_nations", old.excludeNations != new.excludeNations))
        return changed(flags)
    }

    func policyChanges(from old: Policies, to new: Policies, prefix: String) -> [String] {
        let before: [(String, Double)] = old.maxPersonnelIn.map { ($0.tag, $0.personnel) }
        let after: [(String, Double)] = new.maxPersonnelIn.map { ($0.tag, $0.personnel) }
        var out = Self.keyed(before, after, noun: "\(prefix) max_personnel_in") { (a: Double, b: Double) -> String in
            "\(Self.number(a)) -> \(Self.number(b))"
        }
        let scalars: [(String, Double?, Double?)] = [
            ("max_nation_share", old.maxNationShare, new.maxNationShare),
            ("min_nations", old.minNations.map(Double.init), new.minNations.map(Double.init)),
            ("total_budget", old.totalBudget, new.totalBudget),
        ]
        for (name, a, b) in scalars where a != b {
            out.append("\(prefix) \(name): \(Self.number(a)) -> \(Self.number(b))")
        }
        return out
    }

    /// Added, removed and changed entries of two id-keyed lists, in the new list's order
    /// (removed ones in the old list's order, after them).
    static func keyed<T: Equatable>(_ old: [(String, T)], _ new: [(String, T)], noun: String,
                                    describe: (T, T) -> String) -> [String] {
        var out: [String] = []
        let before = Dictionary(old, uniquingKeysWith: { a, _ in a })
        let after = Set(new.map(\.0))
        for (id, value) in new {
            guard let previous = before[id] else {
                out.append("\(noun) \(id) added")
                continue
            }
            if previous != value {
                let detail = describe(previous, value)
                out.append("\(noun) \(id)" + (detail.isEmpty ? " changed" : ": \(detail)"))
            }
        }
        for (id, _) in old where !after.contains(id) { out.append("\(noun) \(id) removed") }
        return out
    }

    static func fields(_ pairs: [(String, String, String)]) -> String {
        pairs.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.1) -> \($0.2)" }.joined(separator: ", ")
    }

    static func changed(_ flags: [(String, Bool)]) -> String {
        let names = flags.filter(\.1).map(\.0)
        return names.isEmpty ? "" : "changed " + names.joined(separator: ", ")
    }

    static func number(_ v: Double?) -> String { v.map { NumberFormat.readable($0) } ?? "none" }
    static func list(_ objectives: [ObjectiveSpec]) -> String { "[" + objectives.map(\.description).joined(separator: ", ") + "]" }

    // Source positions differ between a variant and its base by construction.
    static func plain(_ c: Capability) -> Capability { var c = c; c.source = nil; return c }
    static func plain(_ l: Location) -> Location { var l = l; l.source = nil; return l }
    static func plain(_ r: Requirement) -> Requirement { var r = r; r.source = nil; return r }
    static func plain(_ o: Option) -> Option { var o = o; o.source = nil; return o }
    static func plain(_ n: Nation) -> Nation {
        var n = n
        n.source = nil
        n.caveats = n.caveats.map { var c = $0; c.source = nil; return c }
        n.pledges = n.pledges.map { var p = $0; p.source = nil; return p }
        return n
    }
}
