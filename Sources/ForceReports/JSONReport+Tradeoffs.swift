import ForcePlanner
import ForceScenario

extension JSONReport {
    /// `"tradeoffs": [{"criterion", "held": {"objective", "value"}, "status", "plan_value",
    /// "value", "others": {objective: {"plan", "value"}}, "message"?}]`, or nothing when
    /// none were computed (``Tradeoffs``).
    static func tradeoffPairs(_ r: OptionResult) -> [(String, JSONValue)] {
        guard !r.tradeoffs.isEmpty else { return [] }
        return [("tradeoffs", .array(r.tradeoffs.map { t in
            var pairs: [(String, JSONValue)] = [
                ("criterion", .string(t.criterion.description)),
                ("held", .object([("objective", .string(t.held.objective.description)), ("value", .number(t.held.value))])),
                ("status", .string(t.status.rawValue)),
                ("plan_value", .number(t.planValue)),
                ("value", t.value.map(JSONValue.number) ?? .null),
                ("others", .object(t.others.map { c in
                    (c.objective.description, .object([("plan", .number(c.plan)), ("value", .number(c.value))]))
                })),
            ]
            if let m = t.message { pairs.append(("message", .string(m))) }
            return .object(pairs)
        }))]
    }
}
