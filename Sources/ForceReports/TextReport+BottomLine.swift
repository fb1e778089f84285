import ForcePlanner
import ForceScenario

/// How much of each option `plan --format text` prints after the bottom line.
public enum TextDetail: String, Sendable, CaseIterable {
    /// The bottom line, then a few lines per option: what falls short, the build-up,
    /// the worst withdrawal, trade-offs, and one line per alternative.
    case summary
    /// The bottom line, then every table.
    case full
}

extension TextReport {
    /// The location tag whose personnel the bottom line reports (``Tradeoffs/footprintTag(_:)``:
    /// the lowest `max_personnel_in` ceiling, else the first `personnel-in:TAG` objective).
    public static func footprintTag(_ report: PlanReport) -> String? {
        Tradeoffs.footprintTag(report.scenario)
    }

    /// Personnel of `plan` at locations carrying `tag` (0 when none).
    static func personnel(_ plan: Plan, in tag: String) -> Double {
        plan.personnelByTag.first { $0.tag == tag }?.personnel ?? 0
    }

    /// One screen that answers first: per option its status, coverage (and by each
    /// milestone), cost, footprint and worst single withdrawal, then one sentence each on
    /// what limits it.
    ///
    /// ```
    /// Bottom line (cost in M EUR per year)
    ///   option       status   coverage  D+7  D+14  cost   in ukraine  worst single withdrawal
    ///   reassurance  optimal      100%  35%   61%  1,656      11,000  uk: 82.2% left in place
    /// ```
    static func bottomLine(_ report: PlanReport) -> String {
        let tag = footprintTag(report)
        let days = Array(Set(report.options.compactMap { $0.plan?.buildup }.flatMap { $0.milestones.map(\.day) })).sorted()
        let hasWithdrawal = report.options.contains { $0.plan?.withdrawal?.worst != nil }
        var header = ["option", "status", "coverage"] + days.map { "D+\($0)" } + ["cost"]
        header.append(tag.map { "in \($0)" } ?? "personnel")
        if hasWithdrawal { header.append("worst single withdrawal") }
        var t = TextTable(header: header, numeric: Set(2...(4 + days.count)))
        for r in report.options {
            var row = [r.option.id, r.status.rawValue]
            guard let plan = r.plan else {
                row += Array(repeating: "-", count: header.count - 2)
                t.rows.append(row)
                continue
            }
            row.append(NumberFormat.percent(plan.value(of: .coverage) ?? plan.weightedCoverage(in: report.scenario)))
            for d in days {
                row.append(plan.buildup?.milestones.first { $0.day == d }.map { NumberFormat.percent($0.coverage) } ?? "-")
            }
            row.append(NumberFormat.readable(plan.cost))
            row.append(NumberFormat.readable(tag.map { personnel(plan, in: $0) } ?? plan.personnelTotal))
            if hasWithdrawal {
                row.append(plan.withdrawal?.worst.map { "\($0.nation): \(NumberFormat.percent($0.coverage)) left in place" } ?? "-")
            }
            t.rows.append(row)
        }
        var out = "Bottom line" + (report.scenario.costUnit.map { " (cost in \($0))" } ?? "") + "\n"
        out += t.render()
        out += "  What limits each option:\n"
        for r in report.options { out += "  - \(r.option.id): \(limits(r))\n" }
        return out
    }

    /// One sentence on what limits an option, in plain words.
    static func limits(_ r: OptionResult) -> String {
        guard let plan = r.plan else {
            if !r.conflicts.isEmpty { return "no plan; " + PlanSentences.mustGive(r.conflicts.map(\.message)) }
            return "no plan" + (r.message.map { "; \($0)" } ?? "")
        }
        if let b = r.binding.max(by: { $0.improvement < $1.improvement }) {
            return "most of all \(b.message) (\(PlanSentences.bindingGain(b.improvement)))"
        }
        let short = plan.coverage.filter { $0.fraction < 1 - 1e-9 }.sorted { ($0.fraction, $0.requirement) < ($1.fraction, $1.requirement) }
        var sentence: String
        if short.isEmpty {
            sentence = "every requirement is fully covered"
        } else {
            let named = short.prefix(3).map { "\($0.requirement) \(NumberFormat.percent($0.fraction))" }
            sentence = "the pledges and policies leave \(short.count) requirement\(short.count == 1 ? "" : "s") short: "
                + named.joined(separator: ", ") + (short.count > 3 ? " and \(short.count - 3) more" : "")
        }
        if let b = plan.buildup, let full = b.milestones.first(where: { $0.liftFull }) {
            sentence += "; the lift is full in \(full.period), so \(NumberFormat.percent(full.coverage)) is in place by D+\(full.day)"
        }
        if let w = r.option.policies.withdrawalCoverage {
            sentence += "; it must keep \(NumberFormat.percent(w)) after any one withdrawal"
        }
        return sentence
    }

    /// "personnel 15,200 (black-sea 180, ...; tags overlap: a location may carry several)".
    static func personnelLine(_ plan: Plan) -> String {
        var out = "personnel \(NumberFormat.readable(plan.personnelTotal))"
        let tagged = plan.personnelByTag.filter { $0.personnel > 0 }
        if !tagged.isEmpty {
            let overlap = tagged.reduce(0) { $0 + $1.personnel } > plan.personnelTotal + 1e-6
            out += " (" + tagged.map { "\($0.tag) \(NumberFormat.readable($0.personnel))" }.joined(separator: ", ")
                + (overlap ? "; tags overlap: a location may carry several" : "") + ")"
        }
        return out
    }

    /// The criteria an alternative is compared on with its plan: name, value, more is better.
    static func criteria(_ plan: Plan, _ report: PlanReport, tag: String?) -> [(String, Double, Bool)] {
        var list: [(String, Double, Bool)] = [
            ("coverage", plan.value(of: .coverage) ?? plan.weightedCoverage(in: report.scenario), true),
            ("cost", plan.cost, false),
            ("nations", Double(plan.contributingNations.count), true),
        ]
        if let tag { list.append(("personnel in \(tag)", personnel(plan, in: tag), false)) }
        for m in plan.buildup?.milestones ?? [] { list.append(("coverage by D+\(m.day)", m.coverage, true)) }
        if let w = plan.withdrawal?.worst { list.append(("worst withdrawal", w.coverage, true)) }
        return list
    }

    /// True when `alt` is no better than `plan` on any criterion of the decision matrix
    /// and worse on at least one.
    static func dominated(_ alt: Plan, by plan: Plan, _ report: PlanReport, tag: String?) -> Bool {
        let a = criteria(alt, report, tag: tag), p = criteria(plan, report, tag: tag)
        guard a.count == p.count else { return false }
        var worse = false
        for (x, y) in zip(a, p) {
            let better = x.2 ? x.1 > y.1 + 1e-9 : x.1 < y.1 - 1e-9
            if better { return false }
            if x.2 ? x.1 < y.1 - 1e-9 : x.1 > y.1 + 1e-9 { worse = true }
        }
        return worse
    }

    /// One line for an alternative: how different, its values, and whether it is dominated.
    static func alternativeLine(_ alt: Plan, plan: Plan, _ report: PlanReport, tag: String?, full: Bool = false) -> String {
        var line = "Alternative: " + headline(alt, costUnit: report.scenario.costUnit) + "; " + distanceText(alt)
        if dominated(alt, by: plan, report, tag: tag) {
            line += "; no better than the plan on any criterion" + (full ? ", tables left out" : "")
        }
        return line
    }

    /// The summary of one option: a few lines under its title.
    static func optionSummary(_ r: OptionResult, _ report: PlanReport, tag: String?) -> String {
        let costUnit = report.scenario.costUnit
        var out = optionHeader(r)
        guard let plan = r.plan else { return out }
        out += "  " + headline(plan, costUnit: costUnit) + "\n"
        out += "  " + personnelLine(plan) + "   nations \(plan.contributingNations.count)\n"
        let short = plan.coverage.filter { $0.fraction < 1 - 1e-9 }
        if short.isEmpty {
            out += "  every requirement fully covered\n"
        } else {
            out += "  not fully covered: " + short.map {
                "\($0.requirement) \(NumberFormat.readable($0.provided)) of \(NumberFormat.readable($0.needed))"
            }.joined(separator: ", ") + "\n"
        }
        out += resilience(plan)
        if let b = plan.buildup {
            out += "  build-up: " + b.milestones.map { "D+\($0.day) \(NumberFormat.percent($0.coverage))" }.joined(separator: ", ")
                + ", full strength \(NumberFormat.percent(b.fullStrength))\n"
            for m in b.milestones { if let lift = m.liftMessage { out += "  \(lift)\n" } }
        }
        if let fund = plan.fund { out += "  " + Self.fund(fund) + "\n" }
        if let rel = r.reliability { out += "  " + reliabilityText(rel) + "\n" }
        for b in r.binding { out += "  binding: \(b.message)\n" }
        out += tradeoffsText(r, costUnit: costUnit)
        for alt in r.alternatives { out += "  " + alternativeLine(alt, plan: plan, report, tag: tag) + "\n" }
        if let m = r.alternativesMissing { out += "  " + missingText(m, found: r.alternatives.count) + "\n" }
        return out
    }
}
