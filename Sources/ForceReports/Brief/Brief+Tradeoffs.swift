import ForcePlanner
import ForceScenario

extension BriefOption {
    /// Reads `tradeoffs` from an option's plan JSON into ``tradeoffLines``.
    mutating func readTradeoffs(_ o: JSONValue, costUnit: String?) {
        tradeoffLines = (o["tradeoffs"]?.array ?? []).compactMap { t in
            guard let criterion = t["criterion"]?.string, let held = t["held"]?["objective"]?.string,
                  let heldValue = t["held"]?["value"]?.number, let planValue = t["plan_value"]?.number else { return nil }
            let others = (t["others"]?.pairs ?? []).compactMap { name, v -> PlanSentences.TradeoffValue? in
                guard let a = v["plan"]?.number, let b = v["value"]?.number else { return nil }
                return PlanSentences.TradeoffValue(objective: name, plan: a, value: b)
            }
            return PlanSentences.tradeoff(
                held: held, heldValue: heldValue,
                criterion: t["value"]?.number.map { PlanSentences.TradeoffValue(objective: criterion, plan: planValue, value: $0) },
                criterionName: criterion, others: others, status: t["status"]?.string ?? "unknown",
                message: t["message"]?.string, costUnit: costUnit)
        }
    }
}
