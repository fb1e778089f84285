extension ScenarioWriter {
    /// `cost_unit` and `timeline`, when the scenario has them.
    static func timelineYAML(_ s: Scenario) -> String {
        var out = ""
        if let unit = s.costUnit { out += "\ncost_unit: \(quote(unit))\n" }
        guard let t = s.timeline else { return out }
        out += "\ntimeline:\n  milestones: [\(t.milestones.map(String.init).joined(separator: ", "))]\n"
        if !t.lift.isEmpty {
            out += "  lift:\n"
            for p in t.lift {
                var fields = ["id: \(p.id)", "personnel_per_day: \(num(p.personnelPerDay))"]
                if !p.when.isEmpty { fields.append("when: [\(p.when.joined(separator: ", "))]") }
                if let n = p.nation { fields.append("nation: \(n)") }
                out += "    - {\(fields.joined(separator: ", "))}\n"
            }
        }
        return out
    }
}
