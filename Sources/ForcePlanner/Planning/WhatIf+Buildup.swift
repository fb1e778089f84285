import ForceScenario

extension WhatIf {
    /// Coverage by each milestone both plans have, variant minus baseline (rounded to
    /// 1e-9), named `D+7`, `D+14`, ...; empty without a timeline.
    public static func buildupDeltas(baseline: Plan, variant: Plan) -> [OptionDelta.Change] {
        guard let b = baseline.buildup, let v = variant.buildup else { return [] }
        return v.milestones.compactMap { m in
            guard let old = b.milestones.first(where: { $0.day == m.day }) else { return nil }
            return OptionDelta.Change(name: "D+\(m.day)", delta: rounded(m.coverage - old.coverage))
        }
    }
}
