import ForceScenario
import ForcePlanner

extension TextReport {
    /// The build-up of a plan: coverage at each milestone and at full strength, lift and
    /// reception use per period with the binding ones named, arrivals by nation and
    /// period, and the units arriving after the last milestone.
    ///
    /// ```
    ///   Build-up (lift: european-airlift, us-airlift)
    ///   milestone  coverage  arriving  lift used  lift capacity
    ///   D+7             35%         7        700            700
    ///   ...
    ///   full strength   100%
    /// ```
    static func buildupText(_ b: Buildup) -> String {
        var out = "  Build-up (lift: " + (b.pools.isEmpty ? "none" : b.pools.joined(separator: ", ")) + ")\n"
        var t = TextTable(header: ["milestone", "coverage", "arriving", "lift used", "lift capacity"], numeric: [1, 2, 3, 4])
        for m in b.milestones {
            t.rows.append(["D+\(m.day)", NumberFormat.percent(m.coverage), "\(m.arrivals.reduce(0) { $0 + $1.units })",
                           NumberFormat.readable(m.liftUsed), NumberFormat.readable(m.liftCapacity)])
        }
        t.rows.append(["full strength", NumberFormat.percent(b.fullStrength), "", "", ""])
        out += t.render()
        for m in b.milestones where !m.arrivals.isEmpty {
            out += "  arriving \(m.period): " + m.arrivals.map { "\($0.nation) \($0.units)" }.joined(separator: ", ") + "\n"
        }
        for m in b.milestones {
            if let lift = m.liftMessage { out += "  \(lift)\n" }
            for line in m.receptionMessages { out += "  \(line)\n" }
        }
        if b.afterLast > 0, let last = b.milestones.last {
            out += "  \(b.afterLast) unit\(b.afterLast == 1 ? "" : "s") arrive after D+\(last.day): "
                + b.afterLastByNation.map { "\($0.nation) \($0.units)" }.joined(separator: ", ") + "\n"
        }
        return out
    }
}
