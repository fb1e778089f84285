import ForceScenario

extension Plan {
    /// `sum(weight x fraction) / sum(weight)` over `fractions` in their order, a weight
    /// of 1 where `weight` gives none; nil when the weights sum to 0 (or there are no
    /// fractions). The one rule behind ``weightedCoverage(in:)`` and the briefing's
    /// coverage of a plan read from JSON.
    public static func weightedMean(_ fractions: [(requirement: String, fraction: Double)],
                                    weight: (String) -> Double?) -> Double? {
        var sum = 0.0, total = 0.0
        for c in fractions {
            let w = weight(c.requirement) ?? 1
            sum += w * c.fraction
            total += w
        }
        return total > 0 ? sum / total : nil
    }
}
