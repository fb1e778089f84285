import ForceScenario
import ForcePlanner

/// The build-up of one option as the briefing shows it, read from the plan JSON's
/// `"buildup"` (docs/plan.schema.json).
public struct BriefBuildup: Sendable {
    public struct Milestone: Sendable {
        public var day: Int
        public var coverage: Double
        public var arrivals: [(nation: String, units: Double)]
        public var liftUsed: Double
        public var liftCapacity: Double
        public var liftFull: Bool
        /// Full reception limits: location, used, capacity.
        public var fullReception: [(location: String, used: Double, capacity: Double)]
    }
    public var milestones: [Milestone]
    public var fullStrength: Double
    public var afterLast: Double

    /// True for `coverage-by:D` and `buildup`, shown as percentages.
    static func isTimed(_ name: String) -> Bool { name == "buildup" || name.hasPrefix("coverage-by:") }

    init?(json: JSONValue?) {
        guard let json, let items = json["milestones"]?.array else { return nil }
        milestones = items.compactMap { m in
            guard let day = m["day"]?.number, let coverage = m["coverage"]?.number else { return nil }
            return Milestone(
                day: Int(day), coverage: coverage,
                arrivals: (m["arrivals"]?.array ?? []).compactMap { a in
                    guard let n = a["nation"]?.string, let u = a["units"]?.number else { return nil }
                    return (n, u)
                },
                liftUsed: m["lift_used"]?.number ?? 0, liftCapacity: m["lift_capacity"]?.number ?? 0,
                liftFull: m["lift_full"]?.bool ?? false,
                fullReception: (m["reception"]?.array ?? []).compactMap { r in
                    guard r["full"]?.bool == true, let l = r["location"]?.string, let u = r["used"]?.number,
                          let c = r["capacity"]?.number else { return nil }
                    return (l, u, c)
                })
        }
        fullStrength = json["full_strength"]?.number ?? 1
        afterLast = json["after_last"]?.number ?? 0
    }

    /// "D+0-7" for milestone `k`.
    func period(_ k: Int) -> String {
        guard milestones.indices.contains(k) else { return "" }
        return "D+\(k > 0 ? milestones[k - 1].day : 0)-\(milestones[k].day)"
    }

    /// What is in place by each milestone, one sentence each, and what limits it:
    /// "By D+7: 35% (a 7 units); lift is full (700 of 700)."
    func lines(_ ctx: BriefContext) -> [String] {
        var out: [String] = []
        var arrived: [String: Double] = [:]
        var order: [String] = []
        for (k, m) in milestones.enumerated() {
            for a in m.arrivals {
                if arrived[a.nation] == nil { order.append(a.nation) }
                arrived[a.nation, default: 0] += a.units
            }
            var line = "By D+\(m.day): \(NumberFormat.percent(m.coverage)) covered"
            let there = order.map { "\(ctx.nationName($0)) \(NumberFormat.readable(arrived[$0] ?? 0))" }
            line += there.isEmpty ? ", nothing arrived yet" : " (units in place: " + there.joined(separator: ", ") + ")"
            var limits: [String] = []
            if m.liftFull {
                limits.append("lift is full in \(period(k)): \(NumberFormat.readable(m.liftUsed)) of \(NumberFormat.readable(m.liftCapacity))")
            }
            for r in m.fullReception {
                limits.append("reception at \(r.location) is full in \(period(k)): "
                    + "\(NumberFormat.readable(r.used)) of \(NumberFormat.readable(r.capacity))")
            }
            if !limits.isEmpty { line += "; " + limits.joined(separator: "; ") }
            out.append(line + ".")
        }
        var last = "At full strength: \(NumberFormat.percent(fullStrength))"
        if afterLast > 0, let m = milestones.last {
            last += "; \(NumberFormat.readable(afterLast)) unit\(afterLast == 1 ? "" : "s") arrive after D+\(m.day)"
        }
        out.append(last + ".")
        return out
    }
}

extension MarkdownBrief {
    static func buildup(_ b: BriefBuildup, _ ctx: BriefContext) -> String {
        "\n### Build-up\n\n" + b.lines(ctx).map { "- " + cell($0) + "\n" }.joined()
    }
}
