import ForceScenario
import ForcePlanner

/// `plan --format text`: aligned tables for a terminal.
public enum TextReport {
    /// The bottom line first (``bottomLine(_:)``), then each option at `detail`.
    public static func render(_ report: PlanReport, detail: TextDetail = .full) -> String {
        var out = "Scenario \(report.scenario.name): \(report.options.count) option\(report.options.count == 1 ? "" : "s")\n"
        out += HostNote.line(report.scenario)
        out += "\n" + bottomLine(report)
        let tag = footprintTag(report)
        for r in report.options {
            switch detail {
            case .summary: out += "\n" + optionSummary(r, report, tag: tag)
            case .full: out += "\n" + option(r, costUnit: report.scenario.costUnit, report: report, tag: tag)
            }
        }
        return out
    }

    static func headline(_ plan: Plan, costUnit: String? = nil) -> String {
        plan.objectives.map { "\($0.objective) \(show($0))" + ($0.objective == .cost ? unit(costUnit) : "") }
            .joined(separator: "   ")
    }

    /// " M EUR per year" after a cost, or nothing when the scenario names no cost unit.
    static func unit(_ costUnit: String?) -> String { costUnit.map { " " + $0 } ?? "" }

    static func show(_ v: ObjectiveValue) -> String {
        PlanSentences.value(of: v.objective.description, v.value)
    }

    /// `common fund: 72 of 100 used, paying for romania 56, bulgaria 16` (nation ids).
    static func fund(_ fund: FundUse) -> String {
        PlanSentences.fund(available: fund.available, used: fund.used, paid: fund.paid)
    }

    /// An option's title and, unless it is proven, how its solve ended: the first lines of
    /// its section in both the full report and the summary.
    static func optionHeader(_ r: OptionResult) -> String {
        var out = "Option \(r.option.id): \(r.option.name) [\(r.status.rawValue)]\n"
        if r.status == .feasible { out += "  stopped early; \(PlanSentences.gap(r.gap))\n" }
        if let m = r.message, r.status != .optimal { out += "  \(m)\n" }
        for c in r.conflicts { out += "  \(PlanSentences.mustGive([c.message]))\n" }
        return out
    }

    static func option(_ r: OptionResult, costUnit: String? = nil, report: PlanReport? = nil, tag: String? = nil) -> String {
        var out = optionHeader(r)
        guard let plan = r.plan else { return out }
        out += "  " + headline(plan, costUnit: costUnit) + "\n"
        out += "  " + personnelLine(plan)
        if plan.value(of: .cost) == nil { out += "   cost \(NumberFormat.readable(plan.cost))" + unit(costUnit) }
        if plan.value(of: .nations) == nil { out += "   nations \(plan.contributingNations.count)" }
        out += "\n\n"
        var cov = TextTable(header: ["requirement", "needed", "provided", "coverage", "nations"], numeric: [1, 2, 3])
        for c in plan.coverage {
            cov.rows.append([c.requirement, NumberFormat.readable(c.needed), NumberFormat.readable(c.provided),
                             NumberFormat.percent(c.fraction), c.nations.joined(separator: ", ")])
        }
        out += cov.render() + resilience(plan) + "\n"
        var asg = TextTable(header: ["nation", "capability", "location", "requirement", "units", "personnel",
                                     "cost" + (costUnit.map { " (\($0))" } ?? "")],
                            numeric: [4, 5, 6])
        for a in plan.assignments {
            asg.rows.append([a.nation, a.capability, a.location, a.requirement, "\(a.units)",
                             NumberFormat.readable(a.personnel), NumberFormat.readable(a.cost)])
        }
        out += plan.assignments.isEmpty ? "  (no units deployed)\n" : asg.render()
        if !plan.costByNation.isEmpty {
            out += "\n  cost by nation: "
                + plan.costByNation.map { "\($0.nation) \(NumberFormat.readable($0.cost))" }.joined(separator: ", ")
                + unit(costUnit) + "\n"
        }
        if let b = plan.buildup { out += "\n" + buildupText(b) }
        if let fund = plan.fund { out += (plan.costByNation.isEmpty ? "\n" : "") + "  " + Self.fund(fund) + "\n" }
        if let rel = r.reliability { out += "\n  " + reliabilityText(rel) + "\n" }
        if !r.tradeoffs.isEmpty { out += "\n" + tradeoffsText(r, costUnit: costUnit) }
        if !r.binding.isEmpty {
            out += "\n  Binding caveats and policies:\n"
            for b in r.binding { out += "  - \(b.message)\n" }
        }
        for alt in r.alternatives {
            if let report, dominated(alt, by: plan, report, tag: tag) {
                out += "\n  " + alternativeLine(alt, plan: plan, report, tag: tag, full: true) + "\n"
                continue
            }
            out += "\n  Alternative: " + headline(alt, costUnit: costUnit) + "\n  " + distanceText(alt) + "\n"
            var t = TextTable(header: ["nation", "capability", "location", "requirement", "units"], numeric: [4])
            for a in alt.assignments { t.rows.append([a.nation, a.capability, a.location, a.requirement, "\(a.units)"]) }
            out += t.render(indent: "    ")
        }
        if let m = r.alternativesMissing { out += "\n  " + missingText(m, found: r.alternatives.count) + "\n" }
        return out
    }

    /// "distance 12: pairs given up, maximum proven" (or "not proven").
    static func distanceText(_ plan: Plan) -> String {
        PlanSentences.distance(Double(plan.distance ?? 0), proven: plan.distanceProven == true)
    }

    /// One line on the plan under sampled pledge outcomes.
    static func reliabilityText(_ r: ReliabilityResult) -> String {
        func spread(_ x: ReliabilitySummary) -> PlanSentences.CoverageSpread {
            PlanSentences.CoverageSpread(mean: x.mean, p10: x.p10, p50: x.p50, p90: x.p90)
        }
        return PlanSentences.reliability(samples: Double(r.samples), seed: String(r.seed),
                                         asPlanned: spread(r.asPlanned), replanned: spread(r.replanned))
    }

    /// One line on the alternatives that are missing, and why.
    static func missingText(_ m: MissingAlternatives, found: Int) -> String {
        PlanSentences.alternativesMissing(found: Double(found), missing: Double(m.count), reason: m.reason, proven: m.proven)
    }
}
