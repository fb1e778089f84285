import ForcePlanner
import ForceScenario

extension TextReport {
    /// "Trade-offs (one re-plan each, first objective held):" then one line per criterion.
    static func tradeoffsText(_ r: OptionResult, costUnit: String?) -> String {
        guard !r.tradeoffs.isEmpty else { return "" }
        var out = "  Trade-offs (each a re-plan with \(r.tradeoffs[0].held.objective) held at the plan's):\n"
        for t in r.tradeoffs { out += "  - " + tradeoffSentence(t, costUnit: costUnit) + "\n" }
        return out
    }

    /// One trade-off in ``PlanSentences/tradeoff(held:heldValue:criterion:criterionName:others:status:message:costUnit:)``'s words.
    static func tradeoffSentence(_ t: Tradeoff, costUnit: String?) -> String {
        PlanSentences.tradeoff(
            held: t.held.objective.description, heldValue: t.held.value,
            criterion: t.value.map { PlanSentences.TradeoffValue(objective: t.criterion.description, plan: t.planValue, value: $0) },
            criterionName: t.criterion.description,
            others: t.others.map { PlanSentences.TradeoffValue(objective: $0.objective.description, plan: $0.plan, value: $0.value) },
            status: t.status.rawValue, message: t.message, costUnit: costUnit)
    }
}
