extension Scenario {
    /// `timeline milestones: [7, 14] -> [7, 14, 30]`, `lift pool us-airlift removed`,
    /// `lift pool airlift: personnel_per_day 100 -> 200`, `cost_unit: none -> M EUR`.
    func timelineChanges(from base: Scenario) -> [String] {
        var out: [String] = []
        switch (base.timeline, timeline) {
        case (nil, nil): break
        case (nil, .some): out.append("timeline added")
        case (.some, nil): out.append("timeline removed")
        case (.some(let old), .some(let new)):
            if old.milestones != new.milestones {
                out.append("timeline milestones: \(old.milestones) -> \(new.milestones)")
            }
            func plain(_ p: LiftPool) -> LiftPool { var p = p; p.source = nil; return p }
            out += Self.keyed(old.lift.map { ($0.id, plain($0)) }, new.lift.map { ($0.id, plain($0)) }, noun: "lift pool") { a, b in
                Self.fieldLines([("personnel_per_day", Self.number(a.personnelPerDay), Self.number(b.personnelPerDay)),
                             ("when", "\(a.when)", "\(b.when)"), ("nation", a.nation ?? "none", b.nation ?? "none")]).joined(separator: ", ")
            }
        }
        if costUnit != base.costUnit { out.append("cost_unit: \(base.costUnit ?? "none") -> \(costUnit ?? "none")") }
        return out
    }
}
