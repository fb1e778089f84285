import ForcePlanner
import ForceScenario

extension WhatIfReport {
    /// The plans of `option` in the baseline and in variant `v`.
    static func plans(_ whatIf: WhatIf, _ v: WhatIf.VariantResult, _ option: String) -> (Plan, Plan)? {
        guard let b = whatIf.baseline.options.first(where: { $0.option.id == option })?.plan,
              let p = v.report.options.first(where: { $0.option.id == option })?.plan else { return nil }
        return (b, p)
    }

    /// `"buildup": {"D+7": delta, ...}` in a delta, only with a timeline.
    static func buildupPairs(_ whatIf: WhatIf, _ v: WhatIf.VariantResult, _ option: String) -> [(String, JSONValue)] {
        guard let (b, p) = plans(whatIf, v, option) else { return [] }
        let changes = WhatIf.buildupDeltas(baseline: b, variant: p)
        guard !changes.isEmpty else { return [] }
        return [("buildup", .object(changes.map { ($0.name, .number($0.delta)) }))]
    }

    /// Milestone days of the plans, ascending.
    static func buildupDays(_ plans: [Plan?]) -> [Int] {
        var days = Set<Int>()
        for p in plans { for m in p?.buildup?.milestones ?? [] { days.insert(m.day) } }
        return days.sorted()
    }

    /// "build-up: by D+7 35% -> 70%" for the milestones whose coverage changed; nil when none.
    static func buildupNote(before: Plan, after: Plan) -> String? {
        guard let b = before.buildup, let a = after.buildup else { return nil }
        let changed = a.milestones.compactMap { m -> String? in
            guard let old = b.milestones.first(where: { $0.day == m.day }), abs(m.coverage - old.coverage) > 1e-9 else { return nil }
            return "by D+\(m.day) \(NumberFormat.percent(old.coverage)) -> \(NumberFormat.percent(m.coverage))"
        }
        return changed.isEmpty ? nil : "build-up: " + changed.joined(separator: ", ")
    }
}
