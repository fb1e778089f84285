/// Writes a ``Scenario`` as `forceplan/v1` YAML that loads back into the same scenario:
/// for generated benchmark scenarios and for saving what-if variants.
///
/// Maps are written in flow style one entry per line, so the output reads like a
/// hand-written file and diffs well.
public enum ScenarioWriter {
    public static func yaml(_ s: Scenario) -> String {
        var out = "format: forceplan/v1\n"
        out += "name: \(quote(s.name))\n"
        if !s.description.isEmpty { out += "description: \(quote(s.description))\n" }
        if !s.assumptions.isEmpty {
            out += "\nassumptions:\n"
            for a in s.assumptions { out += "  \(a.name): \(a.value)\n" }
        }
        out += "\ncapabilities:\n"
        for c in s.capabilities {
            var fields = ["domain: \(c.domain.rawValue)", "personnel: \(num(c.personnel))"]
            if c.rotation != 1 { fields.append("rotation: \(num(c.rotation))") }
            out += "  \(c.id): {\(fields.joined(separator: ", "))}\n"
        }
        out += "\nlocations:\n"
        for l in s.locations {
            var fields: [String] = []
            if l.name != l.id { fields.append("name: \(quote(l.name))") }
            fields.append("tags: [\(l.tags.joined(separator: ", "))]")
            var cap: [String] = []
            if let p = l.personnelCapacity { cap.append("personnel: \(num(p))") }
            for d in l.domainCapacity { cap.append("\(d.domain.rawValue): \(num(d.units))") }
            if !cap.isEmpty { fields.append("capacity: {\(cap.joined(separator: ", "))}") }
            if let h = l.host { fields.append("host: \(h)") }
            out += "  \(l.id): {\(fields.joined(separator: ", "))}\n"
        }
        out += "\nnations:\n"
        for n in s.nations {
            out += "  \(n.id):\n"
            if n.name != n.id { out += "    name: \(quote(n.name))\n" }
            if !n.groups.isEmpty { out += "    groups: [\(n.groups.joined(separator: ", "))]\n" }
            if let b = n.budget { out += "    budget: \(num(b))\n" }
            if let m = n.funds { out += "    funds: \(num(m))\n" }
            if n.reliability != 1 { out += "    reliability: \(num(n.reliability))\n" }
            if n.hosts != .all { out += "    hosts: \(n.hosts)\n" }
            if !n.caveats.isEmpty {
                out += "    caveats:\n"
                for c in n.caveats { out += "      - {domain: \(c.domain.rawValue), tag: \(c.tag)}\n" }
            }
            out += n.pledges.isEmpty ? "    pledges: []\n" : "    pledges:\n"
            for p in n.pledges {
                var fields = (p.id.map { ["id: \($0)"] } ?? []) + ["capability: \(p.capability)", "units: \(num(p.units))", "cost: \(num(p.cost))"]
                if let r = p.readyDays { fields.append("ready_days: \(num(r))") }
                if let ls = p.locations { fields.append("locations: [\(ls.joined(separator: ", "))]") }
                if !p.when.isEmpty { fields.append("when: [\(p.when.joined(separator: ", "))]") }
                out += "      - {\(fields.joined(separator: ", "))}\n"
            }
        }
        out += "\nrequirements:\n"
        for r in s.requirements {
            out += "  - id: \(r.id)\n"
            if r.name != r.id { out += "    name: \(quote(r.name))\n" }
            if r.needs.count == 1, r.needs[0].factor == 1 {
                out += "    needs: \(r.needs[0].capability)\n"
            } else {
                out += "    needs: {\(r.needs.map { "\($0.capability): \(num($0.factor))" }.joined(separator: ", "))}\n"
            }
            out += "    units: \(num(r.units))\n"
            out += "    at: [\(r.at.joined(separator: ", "))]\n"
            if r.weight != 1 { out += "    weight: \(num(r.weight))\n" }
            if let d = r.withinDays { out += "    within_days: \(num(d))\n" }
            if let m = r.minNations { out += "    min_nations: \(m)\n" }
        }
        let policies = policyFields(s.policies)
        if !policies.isEmpty {
            out += "\npolicies:\n"
            for f in policies { out += "  \(f)\n" }
        }
        out += "\nobjectives: [\(s.objectives.map(\.description).joined(separator: ", "))]\n"
        if !s.options.isEmpty {
            out += "\noptions:\n"
            for o in s.options {
                out += "  - id: \(o.id)\n"
                if o.name != o.id { out += "    name: \(quote(o.name))\n" }
                if !o.assumptions.isEmpty {
                    out += "    assumptions: {\(o.assumptions.map { "\($0.name): \($0.value)" }.joined(separator: ", "))}\n"
                }
                let p = policyFields(o.policies)
                if !p.isEmpty { out += "    policies: {\(p.joined(separator: ", "))}\n" }
                if let obj = o.objectives { out += "    objectives: [\(obj.map(\.description).joined(separator: ", "))]\n" }
                if let ex = o.excludeNations { out += "    exclude_nations: [\(ex.joined(separator: ", "))]\n" }
            }
        }
        if s.alternatives.count > 0 {
            out += "\nalternatives: {count: \(s.alternatives.count), within: \(num(s.alternatives.within))}\n"
        }
        return out
    }

    private static func policyFields(_ p: Policies) -> [String] {
        var out: [String] = []
        if !p.maxPersonnelIn.isEmpty {
            out.append("max_personnel_in: {\(p.maxPersonnelIn.map { "\($0.tag): \(num($0.personnel))" }.joined(separator: ", "))}")
        }
        if let s = p.maxNationShare { out.append("max_nation_share: \(num(s))") }
        if let m = p.minNations { out.append("min_nations: \(m)") }
        if let b = p.totalBudget { out.append("total_budget: \(num(b))") }
        return out
    }

    static func num(_ d: Double) -> String { JSONValue.format(d) }

    /// Double-quoted YAML string.
    static func quote(_ s: String) -> String {
        var out = ""
        JSONValue.quote(s, into: &out)
        return out
    }
}
