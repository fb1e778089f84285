import ForceScenario

/// The sentences a report says about one option, written once for every format.
///
/// A plan reaches the reports by two roads: typed (``TextReport`` reads a ``PlanReport``)
/// and through JSON (``Brief`` reads `plan --format json`, for Markdown and HTML). Both
/// call these functions with plain values, so the fund, the alternatives' distance,
/// pledge reliability, missing alternatives and what an infeasible option must give read
/// the same in text, Markdown and HTML. Each format escapes and places the sentence; the
/// words and the numbers are decided here.
///
/// Counts are whole numbers read with ``NumberFormat/readable(_:decimals:)`` (`1,000`);
/// a seed is an identifier, printed as `--seed` takes it.
///
/// ```swift
/// PlanSentences.fund(available: 100, used: 72, paid: [("romania", 56), ("bulgaria", 16)])
/// // "common fund: 72 of 100 used, paying for romania 56, bulgaria 16"
/// ```
public enum PlanSentences {
    /// An objective's value as reports show it: coverage as a percentage (`87.5%`), any
    /// other objective as a readable number (`1,250`).
    public static func value(of objective: String, _ value: Double) -> String {
        ObjectiveSpec(name: objective)?.isFraction == true ? NumberFormat.percent(value) : NumberFormat.readable(value)
    }

    /// `gap 1.2%`, or `gap unknown` when no bound is known: how far a plan that stopped
    /// early may be from the best.
    public static func gap(_ gap: Double?) -> String {
        "gap " + (gap.map(NumberFormat.gap) ?? "unknown")
    }

    /// `common fund: 72 of 100 used, paying for romania 56, bulgaria 16`. `paid` names each
    /// nation as the report names nations elsewhere (ids in text, names in the briefing).
    public static func fund(available: Double, used: Double, paid: [(nation: String, amount: Double)]) -> String {
        var line = "common fund: \(NumberFormat.readable(used)) of \(NumberFormat.readable(available)) used"
        if !paid.isEmpty {
            line += ", paying for " + paid.map { "\($0.nation) \(NumberFormat.readable($0.amount))" }.joined(separator: ", ")
        }
        return line
    }

    /// `12 nation-requirement pairings differ from the plan, proven the most possible` (or
    /// `not proven the most possible`): how far an alternative is from the plan, in plain words.
    public static func distance(_ distance: Double, proven: Bool) -> String {
        "\(NumberFormat.readable(distance)) nation-requirement pairing\(distance == 1 ? "" : "s") differ"
            + (distance == 1 ? "s" : "") + " from the plan, " + (proven ? "proven" : "not proven") + " the most possible"
    }

    /// Coverage over sampled pledge outcomes: the mean and nearest-rank percentiles.
    public struct CoverageSpread: Sendable, Hashable {
        public var mean, p10, p50, p90: Double
        public init(mean: Double, p10: Double, p50: Double, p90: Double) {
            self.mean = mean
            self.p10 = p10
            self.p50 = p50
            self.p90 = p90
        }
    }

    /// `Reliability (200 samples, seed 7): as planned mean 90%, P10 75%, P50 100%, P90 100%;
    /// re-planned ...`. `seed` is the seed as `--seed` takes it.
    public static func reliability(samples: Double, seed: String, asPlanned: CoverageSpread,
                                   replanned: CoverageSpread) -> String {
        func spread(_ s: CoverageSpread) -> String {
            "mean \(NumberFormat.percent(s.mean)), P10 \(NumberFormat.percent(s.p10)), "
                + "P50 \(NumberFormat.percent(s.p50)), P90 \(NumberFormat.percent(s.p90))"
        }
        return "Reliability (\(NumberFormat.readable(samples)) samples, seed \(seed)): "
            + "as planned \(spread(asPlanned)); re-planned \(spread(replanned))"
    }

    /// `Alternatives: 1 found, 2 missing: REASON (proven).` (or `(not proven).`).
    public static func alternativesMissing(found: Double, missing: Double, reason: String, proven: Bool) -> String {
        "Alternatives: \(NumberFormat.readable(found)) found, \(NumberFormat.readable(missing)) missing: "
            + reason + (proven ? " (proven)." : " (not proven).")
    }

    /// `lifting it gains 0.5`: what lifting a binding caveat or policy gains on the option's
    /// first objective (its message, written by the planner, names the objective).
    public static func bindingGain(_ improvement: Double) -> String {
        "lifting it gains \(NumberFormat.readable(improvement))"
    }

    /// `must give: MESSAGE; MESSAGE`: the constraints an infeasible option had to relax
    /// (each message written by the planner), joined by `separator`.
    public static func mustGive(_ messages: [String], separator: String = "; ") -> String {
        "must give: " + messages.joined(separator: separator)
    }
}
