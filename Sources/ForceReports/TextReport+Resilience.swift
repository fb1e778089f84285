import ForcePlanner
import ForceScenario

extension TextReport {
    /// Lines under the coverage table: requirements that count 0 for want of nations, then
    /// the worst single withdrawal.
    static func resilience(_ plan: Plan) -> String {
        var out = ""
        for c in plan.coverage {
            if let note = c.minNationsNote { out += "  \(c.requirement) \(note)\n" }
        }
        if let line = worstWithdrawal(plan) { out += "  \(line)\n" }
        return out
    }

    /// "worst single withdrawal: turkiye, coverage left 71.0%" (units left in place, not
    /// re-planned).
    static func worstWithdrawal(_ plan: Plan) -> String? {
        guard let w = plan.withdrawal?.worst else { return nil }
        return "worst single withdrawal: \(w.nation), coverage left in place \(NumberFormat.percent(w.coverage))"
    }
}

extension JSONReport {
    /// `"min_nations": {requirement: {"required", "serving"}}` for the requirements that
    /// have one, and `"withdrawal": {"worst": {"nation", "coverage"}, "by_nation": [...]}`.
    static func resiliencePairs(_ plan: Plan) -> [(String, JSONValue)] {
        var pairs: [(String, JSONValue)] = []
        let counted = plan.coverage.filter { $0.minNations != nil }
        if !counted.isEmpty {
            pairs.append(("min_nations", .object(counted.map { c in
                (c.requirement, .object([("required", .number(Double(c.minNations ?? 0))),
                                         ("serving", .number(Double(c.nations.count)))]))
            })))
        }
        if let w = plan.withdrawal {
            func entry(_ n: NationWithdrawal) -> JSONValue {
                .object([("nation", .string(n.nation)), ("coverage", .number(n.coverage))])
            }
            pairs.append(("withdrawal", .object([
                ("worst", w.worst.map(entry) ?? .null),
                ("by_nation", .array(w.byNation.map(entry))),
            ])))
        }
        return pairs
    }
}
