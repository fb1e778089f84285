import ForcePlanner
import ForceScenario

/// What the briefing's Markdown and HTML both show, worked out once.
extension BriefOption {
    /// The domains of ``contributions``, as table columns and chart series: the scenario
    /// format's order (``BriefContext``), then any other label as first met.
    public var contributionDomains: [String] {
        var domains: [String] = []
        for c in contributions { for d in c.byDomain where !domains.contains(d.domain) { domains.append(d.domain) } }
        return BriefContext.domainOrder.filter(domains.contains) + domains.filter { !BriefContext.domainOrder.contains($0) }
    }

    /// Nations deploying to `requirement`, in first-appearance order.
    public func nations(serving requirement: String) -> [String] {
        var seen = Set<String>()
        return assignments.filter { $0.requirement == requirement }.map(\.nation).filter { seen.insert($0).inserted }
    }

    /// `Common fund: 72 of 100 used, paying for Romania 56.`: ``fundLine(_:)`` as a sentence
    /// of its own, when there is a fund.
    public func fundSentence(_ context: BriefContext) -> String? {
        fundLine(context).map { $0.prefix(1).uppercased() + $0.dropFirst() + "." }
    }
}

extension Brief {
    /// Nations deploying in every option that has a plan, in the first such option's order.
    public var nationsInEveryOption: [String] {
        let planned = planned
        guard let first = planned.first else { return [] }
        return first.nations.filter { n in planned.allSatisfy { $0.nations.contains(n) } }
    }

    /// One row of a what-if table: a measure of an option, nil when the option has no plan.
    struct VariantMeasure {
        var name: String
        /// A fraction shown as a percentage.
        var percent: Bool
        var value: (BriefOption) -> Double?
    }

    /// What a what-if table compares per option, baseline against variant: coverage (the
    /// objective, or else the weighted mean of ``DecisionMatrix``), cost, personnel and
    /// contributing nations.
    var variantMeasures: [VariantMeasure] {
        let context = context
        return [
            VariantMeasure(name: "coverage", percent: true) {
                $0.hasPlan ? ($0.objective("coverage") ?? DecisionMatrix.coverage($0, context)) : nil
            },
            VariantMeasure(name: "cost", percent: false) { $0.hasPlan ? $0.cost : nil },
            VariantMeasure(name: "personnel", percent: false) { $0.hasPlan ? $0.personnelTotal : nil },
            VariantMeasure(name: "nations", percent: false) { $0.hasPlan ? Double($0.nations.count) : nil },
        ]
    }
}
