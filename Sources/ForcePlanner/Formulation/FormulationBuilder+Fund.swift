import ForceScenario
import LinearModel

/// The common fund (docs/model.md): `F` is the sum of the funds of the nations taking part;
/// a continuous `g_n >= 0` per nation with a budget is the fund's payment toward that
/// nation's cost, so its budget row reads `cost(n) - g_n <= budget(n)`, and one row
/// caps the payments: `sum of g_n <= F`. Funds relax national budgets only; the total
/// cost, and so `total_budget`, counts every unit however it is paid.
///
/// - Complexity: one variable per budget-capped nation that could spend beyond its
///   budget, one row for the fund: linear in the number of nations.
extension FormulationBuilder {
    /// `F`: the funds of the nations not excluded (a dropped nation takes its money).
    static func fund(of scenario: Scenario, excluding excluded: Set<String>) -> Double {
        scenario.nations.reduce(0) { sum, n in
            excluded.contains(n.id) ? sum : sum + (n.funds ?? 0)
        }
    }

    /// Adds `g_n` for a nation whose `cost` expression may exceed its `budget`, and returns
    /// it; nil when the fund is empty or the nation can never overspend (then `g_n` would
    /// be 0 in every plan, and the budget row stays as it was without funds).
    func addFundPayment(_ f: inout Formulation, nation: String, budget: Double,
                                 cost: LinearExpression) -> Variable? {
        guard f.fundAvailable > 0 else { return nil }
        var most = 0.0
        for (v, c) in zip(cost.variables, cost.coefficients) {
            most += c * f.model.variables[v.index].upperBound
        }
        // The fund never needs to pay more than the overspend at its largest; nor, in the
        // exact model, more than it holds. The relaxed model lets the fund row give, so
        // there `g_n` is not capped by `F`.
        var upper = most - budget
        if !relaxed { upper = min(upper, f.fundAvailable) }
        guard upper.isFinite, upper > 1e-9 else { return nil }
        let g = f.model.addVariable(name: "fund(\(nation))", kind: .continuous, lowerBound: 0, upperBound: upper)
        f.fundPayments[nation] = g
        return g
    }

    /// `sum of g_n <= F`, after every budget row.
    func addFundRow(_ f: inout Formulation) {
        guard !f.fundPayments.isEmpty else { return }
        let payers = scenario.nations.compactMap { f.fundPayments[$0.id] }
        let e = LinearExpression(terms: payers.map { (1.0, $0) })
        // One payment alone is already capped by `F` through its bound.
        guard e.termCount > 1 || relaxed else { return }
        addHard(&f, kind: .fund, name: "fund", subject: "", unit: "cost", e, lessEqual: f.fundAvailable)
    }
}
