import ForceScenario
import ForcePlanner

/// Options against the criteria leaders weigh: raw values, a normalised score, the best.
///
/// Each criterion scores an option `(v - worst) / (best - worst)` over the options that
/// have a value, so 1 is the best option on that criterion and 0 the worst; when every
/// option has the same value, all score 1. Options without a plan are not scored.
public struct DecisionMatrix: Sendable {
    public struct Criterion: Sendable {
        public var name: String
        /// True when more is better (coverage, nations), false when less is (cost, footprint).
        public var maximize: Bool
        /// How the value reads: a percentage, or a readable number.
        public var percent: Bool
        /// Per option, in the brief's option order; nil where the option has no value.
        public var values: [Double?]
        /// Per option, in [0, 1]; nil where there is no value.
        public var scores: [Double?]
        /// Indices of the options with the best value (ties all marked).
        public var best: Set<Int>
    }

    public var options: [BriefOption]
    public var criteria: [Criterion]

    /// The matrix for the options that have a plan. `footprintTag` and `neighborTag` name
    /// the location tags of "personnel in Ukraine" and "in neighbouring states".
    public init(_ brief: Brief, footprintTag: String = "ukraine", neighborTag: String = "neighbor") {
        let options = brief.planned
        self.options = options
        func criterion(_ name: String, maximize: Bool, percent: Bool = false,
                       _ value: (BriefOption) -> Double?) -> Criterion {
            let values = options.map(value)
            let present = values.compactMap { $0 }
            let best = maximize ? present.max() : present.min()
            let worst = maximize ? present.min() : present.max()
            let scores: [Double?] = values.map { v in
                guard let v, let best, let worst else { return nil }
                if abs(best / 2 - worst / 2) <= 5e-10 * max(1, abs(best)) { return 1 }
                // Halved, so values near the largest Double (a hand-edited file) do not
                // overflow to an infinite span; the score stays in [0, 1].
                let score = (v / 2 - worst / 2) / (best / 2 - worst / 2)
                return score.isFinite ? min(1, max(0, score)) : nil
            }
            let marked = Set(values.indices.filter { i in
                guard let v = values[i], let best else { return false }
                return abs(v / 2 - best / 2) <= 5e-10 * max(1, abs(best))
            })
            return Criterion(name: name, maximize: maximize, percent: percent, values: values, scores: scores,
                             best: marked)
        }
        var list = [
            criterion("Coverage", maximize: true, percent: true) { o in o.objective("coverage") ?? Self.coverage(o, brief.context) },
            criterion("Cost", maximize: false) { $0.cost },
            criterion("Personnel in \(footprintTag)", maximize: false) { $0.personnel(in: footprintTag) },
            criterion("Personnel in \(neighborTag) states", maximize: false) { $0.personnel(in: neighborTag) },
            criterion("Contributing nations", maximize: true) { Double($0.nations.count) },
            criterion("Units from the backstop", maximize: false) { $0.backstopUnits },
        ]
        if options.contains(where: { $0.coverageP10 != nil }) {
            list.append(criterion("Coverage P10 (pledges that may not arrive)", maximize: true, percent: true) { $0.coverageP10 })
        }
        criteria = list
    }

    /// The weighted mean of the coverage fractions, for options whose objectives do not
    /// list coverage (weights from the scenario, 1 without one).
    static func coverage(_ o: BriefOption, _ context: BriefContext) -> Double? {
        Plan.weightedMean(o.coverage, weight: { context.requirementWeights[$0] })
    }
}
