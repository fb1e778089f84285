import ForceScenario
import ForcePlanner

/// The briefing as Markdown, in the HTML page's order, for pasting into a document:
/// title and assumptions, the bottom line, decision matrix with a note per criterion, one
/// section per option (contributions,
/// coverage with shortfalls marked, assignments, binding constraints, alternatives),
/// what every option shares, options screened out, what-if variants.
///
/// `plan --format markdown` and `whatif --format markdown` print this.
public enum MarkdownBrief {
    /// `variants`, when given, is the what-if section's text (``WhatIfReport`` writes its
    /// side-by-side tables there); otherwise the brief's own variants, if any, are listed.
    public static func render(_ b: Brief, variants whatIf: String? = nil) -> String {
        var out = "# \(cell(b.scenario))\n\n"
        if !b.description.isEmpty { out += cell(b.description) + "\n\n" }
        if let asOf = b.asOf { out += "Data as of: \(cell(asOf)).\n\n" }
        if !b.assumptions.isEmpty {
            out += "Assumptions in force: " + b.assumptions.map { "\(cell($0.name)) = \($0.value)" }.joined(separator: ", ") + ".\n\n"
        }
        out += bottomLine(b)
        out += matrix(b)
        for o in b.planned { out += option(o, b.context) }
        out += shared(b)
        out += screenedOut(b)
        out += whatIf ?? variants(b)
        return out
    }

    /// Text safe inside a table cell (``MarkdownReport/escape(_:)``).
    static func cell(_ s: String) -> String { MarkdownReport.escape(s) }

    static func matrix(_ b: Brief) -> String {
        let m = DecisionMatrix(b, footprintTag: b.footprintTag)
        var out = "## Decision matrix\n\n"
        guard !m.options.isEmpty else { return out + "No option has a plan.\n\n" }
        out += "Raw value (score from 0, worst of these options, to 1, best); **bold** marks the best per criterion.\n\n"
        out += "| option | " + m.criteria.map { "\(cell($0.name)) (\($0.maximize ? "more" : "less") is better)" }.joined(separator: " | ") + " |\n"
        out += "|---|" + String(repeating: "---:|", count: m.criteria.count) + "\n"
        for (i, o) in m.options.enumerated() {
            out += "| \(cell(o.id)) | " + m.criteria.map { c -> String in
                guard let v = c.values[i] else { return "–" }
                let raw = c.percent ? NumberFormat.percent(v) : NumberFormat.readable(v)
                let text = raw + " (" + NumberFormat.readable(c.scores[i] ?? 0, decimals: 2) + ")"
                return c.best.contains(i) ? "**\(text)**" : text
            }.joined(separator: " | ") + " |\n"
        }
        out += "\n" + DecisionMatrix.footnotes(m, b).enumerated().map { k, note in "\(k + 1). \(cell(note))\n" }.joined()
        return out + "\n"
    }

    /// The answer first: per option its status, coverage (and by each milestone), cost,
    /// personnel in the most constrained tag, worst single withdrawal and what limits it.
    static func bottomLine(_ b: Brief) -> String {
        let ctx = b.context, tag = b.footprintTag
        guard !b.options.isEmpty else { return "" }
        let days = Array(Set(b.planned.flatMap { $0.buildup?.milestones.map(\.day) ?? [] })).sorted()
        var out = "## Bottom line\n\n" + (ctx.costUnit.map { "Costs in \(cell($0)).\n\n" } ?? "")
        out += "| option | status | coverage | " + days.map { "by D+\($0) | " }.joined() + "cost | personnel in \(cell(tag)) | "
            + "worst single withdrawal | what limits it |\n"
        out += "|---|---|---:|" + String(repeating: "---:|", count: days.count) + "---:|---:|---|---|\n"
        for o in b.options {
            out += "| \(cell(o.id)) | \(cell(o.status)) | "
            guard o.hasPlan else {
                out += String(repeating: "– | ", count: days.count + 4) + cell(o.limitSentence(ctx)) + " |\n"
                continue
            }
            let coverage = o.objective("coverage") ?? DecisionMatrix.coverage(o, ctx)
            out += (coverage.map(NumberFormat.percent) ?? "–") + " | "
            for d in days { out += (o.buildup?.milestones.first { $0.day == d }.map { NumberFormat.percent($0.coverage) } ?? "–") + " | " }
            out += (o.cost.map { NumberFormat.readable($0) } ?? "–") + " | " + NumberFormat.readable(o.personnel(in: tag) ?? 0) + " | "
            out += (o.worstWithdrawal.map { "\(cell(ctx.nationName($0.nation))): \(NumberFormat.percent($0.coverage)) left" } ?? "–")
            out += " | " + cell(o.limitSentence(ctx)) + " |\n"
        }
        return out + "\n"
    }

    static func option(_ o: BriefOption, _ ctx: BriefContext) -> String {
        var out = "## Option \(cell(o.id)): \(cell(o.name))\n\n"
        out += "Status: **\(o.status)**"
        if o.status == "feasible" { out += " (stopped early, \(PlanSentences.gap(o.gap)))" }
        let unit = ctx.costUnit.map { " " + cell($0) } ?? ""
        out += ". " + o.objectives.map { "\(cell($0.name)) \(PlanSentences.value(of: $0.name, $0.value))" + ($0.name == "cost" ? unit : "") }
            .joined(separator: ", ")
        if o.objective("cost") == nil, let cost = o.cost { out += ", cost \(NumberFormat.readable(cost))" + unit }
        if let p = o.personnelTotal { out += ", personnel \(NumberFormat.readable(p))" }
        out += ", \(o.nations.count) nations.\n\n"
        if o.status != "optimal", let m = o.message { out += cell(m) + "\n\n" }
        if let fund = o.fundSentence(ctx) { out += cell(fund) + "\n\n" }

        let domains = o.contributionDomains
        if !o.contributions.isEmpty {
            out += "### Contributions by nation and domain (\(ctx.capabilityPersonnel.isEmpty ? "units" : "personnel"))\n\n"
            out += "| nation | " + domains.joined(separator: " | ") + " | total |\n|---|" + String(repeating: "---:|", count: domains.count + 1) + "\n"
            for c in o.contributions {
                out += "| \(cell(ctx.nationName(c.nation))) | "
                    + domains.map { d in c.byDomain.first { $0.domain == d }.map { NumberFormat.readable($0.amount) } ?? "" }.joined(separator: " | ")
                    + " | \(NumberFormat.readable(c.byDomain.reduce(0) { $0 + $1.amount })) |\n"
            }
            out += "\n"
        }
        out += "### Coverage per requirement\n\n| requirement | coverage | nations |\n|---|---:|---|\n"
        for c in o.coverage {
            let nations = o.nations(serving: c.requirement)
            let short = c.fraction < 1 - 1e-9
            let fraction = NumberFormat.percent(c.fraction)
            out += "| \(cell(ctx.requirementName(c.requirement))) | \(short ? "**\(fraction) shortfall**" : fraction) | "
                + cell(nations.map(ctx.nationName).joined(separator: ", ")) + " |\n"
        }
        for line in o.resilienceLines(ctx) { out += "\n" + cell(line) + "\n" }
        if let b = o.buildup { out += buildup(b, ctx) }
        if !o.tradeoffLines.isEmpty {
            out += "\n### Trade-offs on its own terms\n\n" + o.tradeoffLines.map { "- " + cell($0) + "\n" }.joined()
        }
        if !o.assignments.isEmpty {
            out += "\n### Assignments\n\n| nation | capability | location | requirement | units |\n|---|---|---|---|---:|\n"
            for a in o.assignments {
                out += "| \(cell(a.nation)) | \(cell(a.capability)) | \(cell(a.location)) | \(cell(a.requirement)) | \(NumberFormat.readable(a.units)) |\n"
            }
        }
        if !o.binding.isEmpty {
            out += "\n### Binding caveats and policies\n\n"
            for n in o.binding {
                out += "- \(cell(n.message))" + (n.amount.map { " (\(PlanSentences.bindingGain($0)))" } ?? "") + "\n"
            }
        }
        if !o.alternatives.isEmpty || o.alternativesMissingLine != nil {
            out += "\n### Alternatives\n\n"
            for (k, a) in o.alternatives.enumerated() {
                out += "- Alternative \(k + 1)" + (a.distanceText.map { " (\($0))" } ?? "") + ": "
                    + a.objectives.map {
                        "\(cell($0.name)) \(PlanSentences.value(of: $0.name, $0.value))" + ($0.name == "cost" ? ctx.costUnit.map { " " + cell($0) } ?? "" : "")
                    }.joined(separator: ", ") + "\n"
            }
            if let m = o.alternativesMissingLine { out += (o.alternatives.isEmpty ? "" : "\n") + cell(m) + "\n" }
        }
        if let r = o.reliabilityLine { out += "\n" + cell(r) + "\n" }
        if !o.critical.isEmpty {
            out += "\n### Critical nations\n\n"
            for c in o.critical { out += "- " + cell(CriticalText.line(c, ctx)) + "\n" }
        }
        return out + "\n"
    }

    static func shared(_ b: Brief) -> String {
        guard b.planned.count > 1 else { return "" }
        let nations = b.nationsInEveryOption
        return "## What every option shares\n\nNations in every option: "
            + (nations.isEmpty ? "none" : nations.map { cell(b.context.nationName($0)) }.joined(separator: ", ")) + ".\n\n"
    }

    static func screenedOut(_ b: Brief) -> String {
        var out = "## Options screened out\n\n"
        if b.screenedOut.isEmpty { return out + "None: every option has a plan.\n\n" }
        for o in b.screenedOut {
            out += "- **\(cell(o.id))** (\(cell(o.name))): \(o.status)"
            if let m = o.message { out += "; \(cell(m))" }
            out += "\n"
            for c in o.conflicts { out += "  - \(cell(PlanSentences.mustGive([c.message])))\n" }
        }
        return out + "\n"
    }

    static func variants(_ b: Brief) -> String {
        guard !b.variants.isEmpty else { return "" }
        var out = "## What-if variants\n\n"
        for v in b.variants {
            out += "### \(cell(v.name))\n\n"
            for c in v.changes { out += "- \(cell(c))\n" }
            if !v.changes.isEmpty { out += "\n" }
            let measures = b.variantMeasures
            out += "| option | " + measures.map(\.name).joined(separator: " | ") + " | units moved |\n|---|"
                + String(repeating: "---:|", count: measures.count + 1) + "\n"
            let pairs = b.options.map { base in (base: Optional(base), variant: v.options.first { $0.id == base.id }) }
                + v.options.filter { o in !b.options.contains { $0.id == o.id } }.map { (base: nil, variant: Optional($0)) }
            for (base, variant) in pairs {
                guard let shown = base ?? variant else { continue }
                func pair(_ m: Brief.VariantMeasure, first: Bool) -> String {
                    func show(_ o: BriefOption?) -> String {
                        guard let o else { return "–" }
                        guard let v = m.value(o) else { return first && !o.hasPlan ? "**\(cell(o.status))**" : "–" }
                        return m.percent ? NumberFormat.percent(v) : NumberFormat.readable(v)
                    }
                    return show(base) + " → " + show(variant)
                }
                out += "| \(cell(shown.id))\(base == nil ? " (new)" : "") | "
                    + measures.enumerated().map { pair($1, first: $0 == 0) }.joined(separator: " | ")
                    + " | " + (v.unitsMoved[shown.id].map { NumberFormat.readable(Double($0)) } ?? "–") + " |\n"
            }
            out += "\n"
            let unsolved = v.options.filter { !$0.hasPlan }
            if !unsolved.isEmpty {
                out += "Without a plan in this variant:\n\n"
                for o in unsolved {
                    out += "- **\(cell(o.id))**: \(cell(o.status))" + (o.message.map { "; \(cell($0))" } ?? "") + "\n"
                    for c in o.conflicts { out += "  - must give: \(cell(c.message))\n" }
                }
                out += "\n"
            }
        }
        return out
    }
}

/// One line on a critical nation, for the brief's HTML and Markdown alike.
enum CriticalText {
    static func line(_ c: BriefOption.CriticalNation, _ ctx: BriefContext) -> String {
        var line = ctx.nationName(c.nation) + ": "
        if let lost = c.coverageLost {
            line += "coverage −" + NumberFormat.percent(lost)
            if let cost = c.costAdded { line += ", cost " + (cost >= 0 ? "+" : "−") + NumberFormat.readable(abs(cost)) }
            if let left = c.leftInPlace { line += ", " + NumberFormat.percent(left) + " left in place" }
        } else {
            line += "no plan without it"
        }
        if c.singlePointOfFailure { line += " — single point of failure" }
        return line
    }
}
