import ForcePlanner
import ForceScenario

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
        if let line = resilienceCostLine { out.append(line) }
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

extension Brief {
    /// Sets ``BriefOption/resilienceCostLine`` on each planned option whose policies ask
    /// for `withdrawal_coverage`, against the first planned option (file order) without.
    mutating func annotateResilience(_ scenario: Scenario?) {
        guard let scenario else { return }
        var alpha: [String: Double] = [:]
        for o in scenario.effectiveOptions {
            if let a = scenario.policies.merged(with: o.policies).withdrawalCoverage { alpha[o.id] = a }
        }
        guard !alpha.isEmpty,
              let base = options.first(where: { $0.hasPlan && alpha[$0.id] == nil }), let baseCost = base.cost
        else { return }
        for i in options.indices {
            guard let a = alpha[options[i].id], options[i].hasPlan, let cost = options[i].cost else { continue }
            let delta = cost - baseCost
            var line = "Surviving any one withdrawal with \(NumberFormat.percent(a)) left costs "
                + (delta >= 0 ? "+" : "−") + NumberFormat.readable(abs(delta))
                + " against \(base.name) (\(NumberFormat.readable(cost)) against \(NumberFormat.readable(baseCost)))"
            if let mine = options[i].worstWithdrawal, let theirs = base.worstWithdrawal {
                line += "; its worst single withdrawal leaves \(NumberFormat.percent(mine.coverage)), against "
                    + NumberFormat.percent(theirs.coverage)
            }
            options[i].resilienceCostLine = line + "."
        }
    }
}
