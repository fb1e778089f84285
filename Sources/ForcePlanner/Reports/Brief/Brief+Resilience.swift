extension BriefOption {
    /// Reads `min_nations` and `withdrawal` from an option's plan JSON.
    mutating func readResilience(_ o: JSONValue) {
        minNations = (o["min_nations"]?.pairs ?? []).compactMap { r, v in
            guard let m = v["required"]?.number, let k = v["serving"]?.number else { return nil }
            return (requirement: r, required: Int(m), serving: Int(k))
        }
        if let w = o["withdrawal"]?["worst"], let n = w["nation"]?.string, let c = w["coverage"]?.number {
            worstWithdrawal = (n, c)
        }
    }

    /// "Mine clearance counts 0: covered only with 3 nations; 2 serve it in this plan.",
    /// then "Worst single withdrawal: Türkiye; the units left in place cover 71.0%."
    public func resilienceLines(_ ctx: BriefContext) -> [String] {
        var out: [String] = []
        for m in minNations where m.serving < m.required {
            let note = RequirementCoverage.minNationsNote(required: m.required, serving: m.serving)
            out.append("\(ctx.requirementName(m.requirement)) \(note).")
        }
        if let w = worstWithdrawal {
            out.append("Worst single withdrawal: \(ctx.nationName(w.nation)); the units left in place "
                + "(not re-planned) cover \(NumberFormat.percent(w.coverage)).")
        }
        return out
    }
}

extension DecisionMatrix {
    /// The criterion of the worst single withdrawal's coverage left in place.
    public static let withdrawalCriterion = "Survives any one withdrawal (worst coverage left)"
}
