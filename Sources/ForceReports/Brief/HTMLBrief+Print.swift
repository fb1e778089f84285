import ForcePlanner
import ForceScenario

/// The pieces of the brief's printed layout (docs/brief.md, "Printing"): the bottom line on
/// page 1, the criteria's footnotes, the brief-wide domain legend.
extension Brief {
    /// The location tag whose personnel the bottom line shows (``Tradeoffs/footprintTag(_:)``
    /// of the scenario), or `ukraine` when the brief has no scenario.
    public var footprintTag: String { context.footprintTag ?? "ukraine" }

    /// Every domain any planned option deploys, in the scenario format's order: one fill and
    /// pattern each, the same in every chart of the brief.
    public var domains: [String] {
        var all: [String] = []
        for o in planned { for d in o.contributionDomains where !all.contains(d) { all.append(d) } }
        return BriefContext.domainOrder.filter(all.contains) + all.filter { !BriefContext.domainOrder.contains($0) }.sorted()
    }

    /// Requirements below 100% in at least one planned option, in file order.
    public var requirementsShortSomewhere: [String] {
        var out: [String] = []
        for o in planned {
            for c in o.coverage where c.fraction < 1 - 1e-9 && !out.contains(c.requirement) { out.append(c.requirement) }
        }
        let order = planned.first?.coverage.map(\.requirement) ?? []
        return order.filter(out.contains) + out.filter { !order.contains($0) }
    }
}

extension BriefOption {
    /// One sentence on what limits the option, in plain words (the text report's
    /// "What limits each option").
    public func limitSentence(_ ctx: BriefContext) -> String {
        guard hasPlan else {
            return "no plan" + (conflicts.isEmpty ? "" : "; " + PlanSentences.mustGive(conflicts.map(\.message)))
        }
        if let b = binding.max(by: { ($0.amount ?? 0) < ($1.amount ?? 0) }) { return "most of all " + b.message }
        let short = coverage.filter { $0.fraction < 1 - 1e-9 }.sorted { ($0.fraction, $0.requirement) < ($1.fraction, $1.requirement) }
        var s = short.isEmpty ? "every requirement fully covered"
            : "\(short.count) requirement\(short.count == 1 ? "" : "s") short: "
                + short.prefix(3).map { "\(ctx.requirementName($0.requirement)) \(NumberFormat.percent($0.fraction))" }
                    .joined(separator: ", ") + (short.count > 3 ? " and \(short.count - 3) more" : "")
        if let full = buildup?.milestones.first(where: \.liftFull) {
            s += "; the lift is full before D+\(full.day), when \(NumberFormat.percent(full.coverage)) is in place"
        }
        return s
    }
}

extension DecisionMatrix {
    /// Why each criterion reads the way it does, from the scenario's own objectives and
    /// policies where they say so: one footnote per criterion, in the matrix's order.
    public static func footnotes(_ m: DecisionMatrix, _ b: Brief) -> [String] {
        let objectives = Set(b.options.flatMap { $0.objectives.map(\.name) })
        return m.criteria.map { c in
            let dir = c.maximize ? "more is better" : "less is better"
            let name = c.name
            if name.hasPrefix("Coverage by D+") {
                return "\(name): \(dir); the share of the requirement in place by that day (the scenario's timeline)."
            }
            if name.hasPrefix("Coverage P10") { return "\(name): \(dir); coverage in the worst tenth of sampled pledge outcomes." }
            if name.hasPrefix("Coverage") {
                return "\(name): \(dir); the weighted share of each requirement met" + (objectives.contains("coverage") ? ", the options' first objective." : ".")
            }
            if name.hasPrefix("Cost") {
                return "\(name): \(dir)" + (objectives.contains("cost") ? "; the scenario minimises it after coverage." : ".")
            }
            if name.hasPrefix("Personnel in \(b.footprintTag)") {
                let listed = objectives.contains("personnel-in:\(b.footprintTag)")
                return "\(name): \(dir); the scenario caps personnel in \(b.footprintTag) (max_personnel_in)"
                    + (listed ? " and an option minimises it (personnel-in:\(b.footprintTag))." : ".")
            }
            if name.hasPrefix("Personnel in") {
                let tag = String(name.dropFirst("Personnel in ".count)).replacingOccurrences(of: " states", with: "")
                let asked = objectives.contains("personnel-in:\(tag)") || b.context.cappedTags.contains(tag)
                return "\(name): \(dir) only as exposure: host states carry the political cost of foreign forces; "
                    + (asked ? "the scenario limits or minimises it." : "no objective or policy of the scenario asks for it, so weigh it last.")
            }
            if name.hasPrefix("Contributing nations") {
                return "\(name): \(dir); burden sharing"
                    + (b.context.policyKeys.contains("min_nations") ? " (the scenario's min_nations policy sets a floor)." : ".")
            }
            if name.hasPrefix("Units from the backstop") {
                return "\(name): \(dir); dependence on the backstop" + (objectives.contains { $0.hasPrefix("dependence:") } ? " (an option minimises it)." : ".")
            }
            if name == withdrawalCriterion {
                return "\(name): \(dir); what the units left in place still cover if the most critical nation withdraws"
                    + (b.context.policyKeys.contains("withdrawal_coverage") ? " (an option sets a floor: withdrawal_coverage)."
                        : objectives.contains("withdrawal") ? " (an option maximises it)." : ".")
            }
            return "\(name): \(dir)."
        }
    }
}
