import ForceScenario

extension PlanSentences {
    /// One objective's value and its change against the plan: `cost 1,776 M EUR per year
    /// (+120)`, `buildup 71.4% (-0.7 points)`, `7,600 in ukraine (-3,250)`.
    public struct TradeoffValue: Sendable, Hashable {
        /// The objective, by name (`personnel-in:ukraine`, `cost`).
        public var objective: String
        /// In the option's plan, and in the trade-off's plan.
        public var plan: Double
        public var value: Double
        public init(objective: String, plan: Double, value: Double) {
            self.objective = objective
            self.plan = plan
            self.value = value
        }
    }

    /// An objective's value in plain words, with its change: fractions in percentage
    /// points, counts and costs as whole changes, `(no change)` when the same.
    public static func tradeoffValue(_ v: TradeoffValue, costUnit: String?) -> String {
        let spec = ObjectiveSpec(name: v.objective)
        let fraction = spec?.isFraction == true
        let shown = fraction ? NumberFormat.percent(v.value) : NumberFormat.readable(v.value)
        let delta = v.value - v.plan
        let same = abs(delta) <= max(1e-6, 1e-6 * abs(v.plan))
        let change = same ? "no change"
            : (delta > 0 ? "+" : "-") + (fraction ? points(abs(delta) * 100) : NumberFormat.readable(abs(delta)))
        let phrase: String
        switch spec {
        case .personnelIn(let tag)?: phrase = "\(shown) personnel in \(tag)"
        case .coverageBy(let day)?: phrase = "\(shown) in place by D+\(day)"
        case .nations?: phrase = "\(shown) contributing nations"
        case .withdrawal?: phrase = "\(shown) left after the worst single withdrawal"
        case .cost?: phrase = "cost \(shown)" + (costUnit.map { " " + $0 } ?? "")
        case .dependence(let id)?: phrase = "\(shown) units from \(id)"
        default: phrase = "\(v.objective) \(shown)"
        }
        return phrase + " (\(change))"
    }

    /// `1 point`, `10.9 points`: a change of a percentage.
    static func points(_ p: Double) -> String {
        let shown = NumberFormat.readable(p, decimals: 1)
        return shown + (shown == "1" ? " point" : " points")
    }

    /// `same coverage (100%) with 7,600 personnel in ukraine (-3,250), cost 1,776 M EUR per
    /// year (+120), buildup 71.4% (-0.7 points)`, then the status when not proven: what
    /// the criterion could reach with the option's first objective held at its optimum.
    /// `status` and `message` are the re-plan's (``PlanStatus`` raw value); without a
    /// value, says that no plan was found; when the criterion cannot improve, `same coverage
    /// (100%): the plan's 450 personnel in ukraine is already the best`.
    public static func tradeoff(held: String, heldValue: Double, criterion: TradeoffValue?, criterionName: String,
                                others: [TradeoffValue], status: String, message: String?, costUnit: String?) -> String {
        let head = "same \(held) (\(value(of: held, heldValue)))"
        guard let criterion else {
            return "\(head): no plan found optimising \(criterionName) (\(status)" + (message.map { ": \($0)" } ?? "") + ")"
        }
        let unchanged = abs(criterion.value - criterion.plan) <= max(1e-6, 1e-6 * abs(criterion.plan))
        var line = unchanged
            ? head + ": the plan's " + tradeoffValue(criterion, costUnit: costUnit).replacingOccurrences(of: " (no change)", with: "")
                + " is already the best"
            : head + " with " + tradeoffValue(criterion, costUnit: costUnit)
        if !unchanged && !others.isEmpty { line += ", " + others.map { tradeoffValue($0, costUnit: costUnit) }.joined(separator: ", ") }
        if status != "optimal" { line += " [\(status), not proven" + (message.map { ": \($0)" } ?? "") + "]" }
        return line
    }
}
