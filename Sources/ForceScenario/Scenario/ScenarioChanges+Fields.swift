/// What a variant changes, field by field: "france: pledge fighter: units 12 -> 6",
/// "poland: hosts all -> none", "added nation brazil", "removed option no-backstop".
///
/// Nations are named by their id alone (they are what a planner reads most); other entries
/// by kind and id ("requirement air-policing: units 24 -> 30"). A pledge is named by its id,
/// else its capability (`inf #2` for the second of two pledges of one capability without ids).
extension Scenario {
    /// Added, removed and changed entries of two id-keyed lists: additions and changes in the
    /// new list's order, then removals in the old list's order; one line per changed field.
    static func entryChanges<T>(_ old: [(String, T)], _ new: [(String, T)], noun: String,
                                label: (String) -> String, fields: (T, T) -> [String]) -> [String] {
        idChanges(old, new, noun: noun) { id, a, b in fields(a, b).map { "\(label(id)): \($0)" } }
    }

    /// The lines of two id-keyed lists: "added NOUN ID" in the new list's order, `changed`'s
    /// lines for an id in both, then "removed NOUN ID" in the old list's order.
    static func idChanges<T>(_ old: [(String, T)], _ new: [(String, T)], noun: String,
                             changed: (String, T, T) -> [String]) -> [String] {
        var out: [String] = []
        let before = Dictionary(old, uniquingKeysWith: { a, _ in a })
        let after = Set(new.map(\.0))
        for (id, value) in new {
            guard let previous = before[id] else {
                out.append("added \(noun) \(id)")
                continue
            }
            out += changed(id, previous, value)
        }
        for (id, _) in old where !after.contains(id) { out.append("removed \(noun) \(id)") }
        return out
    }

    /// `"name old -> new"` for each field whose two renderings differ.
    static func fieldLines(_ pairs: [(String, String, String)]) -> [String] {
        pairs.filter { $0.1 != $0.2 }.map { "\($0.0) \($0.1) -> \($0.2)" }
    }

    static func text(_ s: String) -> String { "'\(s)'" }
    static func strings(_ list: [String]?) -> String { list.map { "[" + $0.joined(separator: ", ") + "]" } ?? "none" }

    static func capabilityFields(_ a: Capability, _ b: Capability) -> [String] {
        fieldLines([("domain", a.domain.rawValue, b.domain.rawValue),
                    ("personnel", number(a.personnel), number(b.personnel)),
                    ("rotation", number(a.rotation), number(b.rotation)),
                    ("self_deploys", "\(a.deploysItself)", "\(b.deploysItself)")])
    }

    static func capacity(_ l: Location) -> [(String, Double)] {
        (l.personnelCapacity.map { [("personnel", $0)] } ?? []) + l.domainCapacity.map { ($0.domain.rawValue, $0.units) }
    }

    static func locationFields(_ a: Location, _ b: Location) -> [String] {
        var out = fieldLines([("name", text(a.name), text(b.name)), ("tags", strings(a.tags), strings(b.tags)),
                              ("host", a.host ?? "none", b.host ?? "none"),
                              ("needs_lift", "\(a.needsLift)", "\(b.needsLift)"),
                              ("reception_per_day", number(a.receptionPerDay), number(b.receptionPerDay))])
        out += valueChanges(capacity(a), capacity(b), prefix: "capacity")
        return out
    }

    /// Key-by-key changes of two maps of numbers: "PREFIX KEY old -> new" ("none" for absent).
    static func valueChanges(_ a: [(String, Double)], _ b: [(String, Double)], prefix: String) -> [String] {
        let before = Dictionary(a, uniquingKeysWith: { x, _ in x })
        let after = Dictionary(b, uniquingKeysWith: { x, _ in x })
        var keys = b.map(\.0)
        keys += a.map(\.0).filter { after[$0] == nil }
        return keys.compactMap { key in
            before[key] == after[key] ? nil : "\(prefix) \(key) \(number(before[key])) -> \(number(after[key]))"
        }
    }

    static func caveats(_ list: [Caveat]) -> String {
        "[" + list.map { "\($0.domain.rawValue) in \($0.tag)" }.joined(separator: ", ") + "]"
    }

    /// A nation's pledges under their keys: the id, else the capability (`inf #2` for the
    /// second pledge of a capability among those without ids).
    static func keyedPledges(_ pledges: [Pledge]) -> [(String, Pledge)] {
        var count: [String: Int] = [:]
        return pledges.map { p in
            if let id = p.id { return (id, p) }
            count[p.capability, default: 0] += 1
            let n = count[p.capability] ?? 1
            return (n == 1 ? p.capability : "\(p.capability) #\(n)", p)
        }
    }

    static func pledgeFields(_ a: Pledge, _ b: Pledge) -> [String] {
        fieldLines([("capability", a.capability, b.capability),
                    ("units", number(a.units), number(b.units)),
                    ("cost", number(a.cost), number(b.cost)),
                    ("ready_days", number(a.readyDays), number(b.readyDays)),
                    ("locations", a.locations.map { strings($0) } ?? "anywhere", b.locations.map { strings($0) } ?? "anywhere"),
                    ("when", strings(a.when), strings(b.when))])
    }

    static func nationFields(_ a: Nation, _ b: Nation) -> [String] {
        var out = fieldLines([("name", text(a.name), text(b.name)), ("groups", strings(a.groups), strings(b.groups)),
                              ("budget", number(a.budget), number(b.budget)), ("funds", number(a.funds), number(b.funds)),
                              ("reliability", number(a.reliability), number(b.reliability)),
                              ("caveats", caveats(a.caveats), caveats(b.caveats)),
                              ("hosts", a.hosts.description, b.hosts.description)])
        out += entryChanges(keyedPledges(a.pledges), keyedPledges(b.pledges), noun: "pledge",
                            label: { "pledge \($0)" }, fields: pledgeFields)
        return out
    }

    static func needs(_ list: [NeedFactor]) -> String {
        if list.count == 1, list[0].factor == 1 { return list[0].capability }
        return "{" + list.map { "\($0.capability): \(number($0.factor))" }.joined(separator: ", ") + "}"
    }

    static func requirementFields(_ a: Requirement, _ b: Requirement) -> [String] {
        fieldLines([("name", text(a.name), text(b.name)), ("needs", needs(a.needs), needs(b.needs)),
                    ("units", number(a.units), number(b.units)), ("at", strings(a.at), strings(b.at)),
                    ("weight", number(a.weight), number(b.weight)),
                    ("within_days", number(a.withinDays), number(b.withinDays)),
                    ("min_nations", number(a.minNations.map(Double.init)), number(b.minNations.map(Double.init)))])
    }

    func optionFields(_ a: Option, _ b: Option) -> [String] {
        var out = Self.fieldLines([("name", Self.text(a.name), Self.text(b.name))])
        let before = Dictionary(a.assumptions.map { ($0.name, $0.value) }, uniquingKeysWith: { x, _ in x })
        let after = Dictionary(b.assumptions.map { ($0.name, $0.value) }, uniquingKeysWith: { x, _ in x })
        for name in b.assumptions.map(\.name) + a.assumptions.map(\.name).filter({ after[$0] == nil })
        where before[name] != after[name] {
            out.append("assumption \(name) \(before[name].map(String.init) ?? "inherited") -> \(after[name].map(String.init) ?? "inherited")")
        }
        out += policyChanges(from: a.policies, to: b.policies, prefix: "policies")
        out += Self.fieldLines([("objectives", a.objectives.map(Self.list) ?? "inherited", b.objectives.map(Self.list) ?? "inherited"),
                                ("exclude_nations", Self.strings(a.excludeNations), Self.strings(b.excludeNations))])
        return out
    }
}
