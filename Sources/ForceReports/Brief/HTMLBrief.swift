import ForceScenario
import ForcePlanner

/// `forceplan brief`: the leaders' briefing as one self-contained HTML page.
///
/// CSS and charts (inline SVG) are in the page; it loads nothing from the network and uses
/// system fonts. It prints on A4 and Letter, one option card per page. Every string that
/// comes from a scenario or a JSON file is escaped, in HTML and in SVG. Nothing depends on
/// the clock, so the same input gives the same bytes.
///
/// Sections, in order (docs/brief.md, "Printing"): page 1 holds the title and assumptions,
/// the bottom line, the decision matrix with a footnote per criterion, and the build-up
/// chart (or, without a timeline, coverage where some option falls short); then one card
/// per option, each on its own page when printed; then the what-if variants and an
/// appendix (options screened out, coverage and personnel charts, frontiers, what every
/// option shares). On paper the long tables give way to their short forms (`print-only`).
public enum HTMLBrief {
    public static func render(_ brief: Brief) -> String {
        var page = Page()
        // Page 1: the answer.
        page.add("<div class=\"first-page\">")
        page.header(brief)
        page.bottomLine(brief)
        page.matrix(brief)
        if let buildup = BriefBuildup.section(brief) { page.add(buildup) } else { page.coverageChart(brief) }
        page.add("</div>")
        // One page per option.
        for (i, o) in brief.planned.enumerated() { page.card(o, index: i, brief: brief) }
        // What-ifs, then the appendix.
        page.add("<div class=\"after-cards\">")
        page.variants(brief)
        page.add("<div class=\"appendix\">\n<h2>Appendix</h2>")
        page.screenedOut(brief)
        if BriefBuildup.section(brief) != nil { page.coverageChart(brief) }
        page.personnelChart(brief)
        page.frontiers(brief)
        page.shared(brief)
        page.add("</div>\n</div>")
        return page.finish(title: brief.scenario)
    }
}

private func h(_ s: String) -> String { HTML.escape(s) }
private func pct(_ v: Double) -> String { NumberFormat.percent(v) }
private func num(_ v: Double) -> String { NumberFormat.readable(v) }

private struct Page {
    var body = ""

    static let css = """
    :root{color-scheme:light}
    body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:#111;
      background:#fff;margin:0 auto;max-width:1000px;padding:24px;line-height:1.4;font-size:14px}
    h1{font-size:26px;margin:0 0 4px}h2{font-size:20px;border-bottom:2px solid #1d3557;padding-bottom:3px;margin-top:28px}
    h3{font-size:16px;margin:18px 0 6px}.muted{color:#555}.lead{font-size:15px}
    table{border-collapse:collapse;width:100%;margin:6px 0 12px}th,td{border:1px solid #bbb;padding:4px 6px;text-align:left;vertical-align:top}
    th{background:#e8edf3}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
    .best{font-weight:700;background:#eef3e6}.best::after{content:" ★"}
    .score{display:inline-block;height:8px;background:#1d3557;margin-left:6px;vertical-align:middle}
    .short{background:#fbe3e3;font-weight:600}.short td:first-child::before{content:"▲ "}
    .status{display:inline-block;border:1px solid #333;border-radius:3px;padding:0 5px;font-size:12px}
    .card{border-top:3px solid #1d3557;margin-top:30px;padding-top:6px}
    ul{margin:4px 0 10px;padding-left:20px}
    svg.chart{display:block;margin:8px 0 14px;font-family:inherit}
    svg .chart-title{font-size:13px;font-weight:700}svg .axis-label{font-size:11px;fill:#333;font-style:italic}
    svg .tick,svg .cat,svg .legend{font-size:11px;fill:#111}svg .grid{stroke:#ddd;stroke-width:1}svg .axis{stroke:#000;stroke-width:1}
    .tags-note,.footnotes{font-size:12px;color:#333}.footnotes ol{margin:2px 0;padding-left:18px}
    .print-only{display:none}
    @page{margin:12mm}
    @media print{body{max-width:none;padding:0;font-size:9pt;line-height:1.3}
      h1{font-size:18pt}h2{font-size:13pt;margin-top:10px}h3{font-size:10pt;margin:8px 0 3px}
      .first-page,.card,.after-cards{break-before:page}.first-page{break-before:auto}
      .card{border-top:none;margin-top:0;padding-top:0}
      table,svg,li,p,tr{break-inside:avoid}h2,h3{break-after:avoid}
      section,.tradeoffs{break-inside:auto}
      #decision-matrix table{table-layout:fixed;font-size:7pt}#decision-matrix th,#decision-matrix td{padding:2px 3px;overflow-wrap:anywhere}
      #bottom-line table{font-size:7.5pt}#bottom-line td,#bottom-line th{padding:2px 4px}
      .score,.print-hide,tr.full{display:none}.print-only{display:block}
      th,td{padding:2px 4px}ul{margin:2px 0 4px}p{margin:3px 0}
      svg.chart{margin:4px 0 6px}#buildup svg{height:52mm;width:auto;max-width:100%;margin:0 auto}#buildup h2{margin-top:4px}.first-page{font-size:8.5pt}.first-page .lead{display:none}h2 .unit{font-size:9pt;font-weight:400}
      #decision-matrix p.muted{font-size:7pt}#buildup h2{display:none}.card svg.chart{max-height:100mm}
      .appendix svg.chart{max-height:75mm}.footnotes{font-size:7pt}.footnotes li{margin:0}
      #shared table{font-size:7.5pt}.shared-units{font-size:8pt}.lead{font-size:10pt}h1{font-size:15pt}
      #bottom-line td.n{white-space:nowrap}#bottom-line td:last-child{width:34%}#bottom-line tbody th{white-space:nowrap}
      #decision-matrix .muted{display:none}#decision-matrix p.muted{display:block}
      .card .none{display:none}.card h3.none-next{display:none}}
    """

    mutating func add(_ s: String) { body += s + "\n" }

    func finish(title: String) -> String {
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            + "<title>\(h(title)): options for leaders</title>\n<style>\n\(Self.css)\n</style>\n</head>\n<body>\n"
            + body + "</body>\n</html>\n"
    }

    mutating func header(_ b: Brief) {
        add("<header>")
        add("<h1>\(h(b.scenario)): options for leaders</h1>")
        if !b.description.isEmpty { add("<p class=\"lead\">\(h(b.description))</p>") }
        add("<p class=\"muted\">Scenario <strong>\(h(b.scenario))</strong>. Data as of: "
            + "\(h(b.asOf ?? "not stated in the scenario")). \(b.options.count) option\(b.options.count == 1 ? "" : "s") planned"
            + (b.variants.isEmpty ? "" : ", \(b.variants.count) what-if variant\(b.variants.count == 1 ? "" : "s")") + ".</p>")
        if b.assumptions.isEmpty {
            add("<p class=\"muted\">Assumptions in force: not recorded (render with the scenario to list them).</p>")
        } else {
            add("<p>Assumptions in force: " + b.assumptions.map { "<strong>\(h($0.name))</strong> = \($0.value)" }
                .joined(separator: ", ") + ".</p>")
        }
        add("</header>")
    }

    mutating func matrix(_ b: Brief) {
        add("<section id=\"decision-matrix\">\n<h2>Decision matrix</h2>")
        let m = DecisionMatrix(b, footprintTag: b.footprintTag)
        guard !m.options.isEmpty else {
            add("<p>No option has a plan.</p>\n</section>")
            return
        }
        add("<p class=\"muted\">Raw values, with a score from 0 (worst of these options) to 1 (best); "
            + "★ marks the best option per criterion; ↑ more is better, ↓ less is better (notes below the table).</p>")
        var t = "<table>\n<thead><tr><th>Option</th>"
        for (k, c) in m.criteria.enumerated() {
            t += "<th class=\"n\">\(h(c.name)) \(c.maximize ? "↑" : "↓")<sup>\(k + 1)</sup></th>"
        }
        t += "</tr></thead>\n<tbody>\n"
        for (i, o) in m.options.enumerated() {
            t += "<tr><th>\(h(o.id))</th>"
            for c in m.criteria {
                guard let v = c.values[i] else { t += "<td class=\"n\">–</td>"; continue }
                let score = c.scores[i] ?? 0
                t += "<td class=\"n\(c.best.contains(i) ? " best" : "")\">\(c.percent ? pct(v) : num(v))"
                    + " <span class=\"muted\">(\(NumberFormat.readable(score, decimals: 2)))</span>"
                    + "<span class=\"score\" style=\"width:\(Int((score * 40).rounded()))px\"></span></td>"
            }
            t += "</tr>\n"
        }
        add(t + "</tbody>\n</table>")
        add("<p class=\"footnotes\">" + DecisionMatrix.footnotes(m, b).enumerated().map { k, note in
            "<sup>\(k + 1)</sup>\u{a0}\(h(note))"
        }.joined(separator: " ") + "</p>")
        add("</section>")
    }

    /// Page 1's table: per option its status, coverage (and by each milestone), cost with
    /// its unit, personnel in the most constrained tag, worst single withdrawal, and what
    /// limits it.
    mutating func bottomLine(_ b: Brief) {
        let ctx = b.context, tag = b.footprintTag
        let days = Array(Set(b.planned.flatMap { $0.buildup?.milestones.map(\.day) ?? [] })).sorted()
        add("<section id=\"bottom-line\">\n<h2>Bottom line" + (ctx.costUnit.map { " <span class=\"unit\">(costs in \(h($0)))</span>" } ?? "") + "</h2>")
        var t = "<table>\n<thead><tr><th>Option (status)</th><th class=\"n\">coverage</th>"
            + days.map { "<th class=\"n\">by D+\($0)</th>" }.joined()
            + "<th class=\"n\">cost</th>"
            + "<th class=\"n\">personnel in \(h(tag))</th><th>worst single withdrawal</th><th>what limits it</th></tr></thead>\n<tbody>\n"
        for o in b.options {
            t += "<tr><th title=\"\(h(o.name))\">\(h(o.id))<br><span class=\"muted\">\(h(o.status))</span></th>"
            guard o.hasPlan else {
                t += "<td colspan=\"\(days.count + 4)\"></td><td>\(h(o.limitSentence(ctx)))</td></tr>\n"
                continue
            }
            let coverage = o.objective("coverage") ?? DecisionMatrix.coverage(o, ctx)
            t += "<td class=\"n\">\(coverage.map(pct) ?? "–")</td>"
            for d in days { t += "<td class=\"n\">\(o.buildup?.milestones.first { $0.day == d }.map { pct($0.coverage) } ?? "–")</td>" }
            t += "<td class=\"n\">\(o.cost.map(num) ?? "–")</td><td class=\"n\">\(o.personnel(in: tag).map(num) ?? "0")</td>"
            t += "<td>" + (o.worstWithdrawal.map { "\(h(ctx.nationName($0.nation))): \(pct($0.coverage)) left" } ?? "–") + "</td>"
            t += "<td>\(h(o.limitSentence(ctx)))</td></tr>\n"
        }
        add(t + "</tbody>\n</table>\n</section>")
    }

    /// Coverage per requirement, only where some option falls short.
    mutating func coverageChart(_ b: Brief) {
        let planned = b.planned
        guard !planned.isEmpty else { return }
        let short = b.requirementsShortSomewhere
        add("<section id=\"overview\">\n<h2>Coverage where some option falls short</h2>")
        if short.isEmpty {
            add("<p>Every requirement is 100% covered in every option.</p>\n</section>")
            return
        }
        let worst = { (r: String) in planned.map { o in o.coverage.first { $0.requirement == r }?.fraction ?? 0 }.min() ?? 0 }
        let sorted = short.sorted { (worst($0), $0) < (worst($1), $1) }
        let total = planned.first?.coverage.count ?? short.count
        add(SVGChart(
            id: "coverage", title: "Coverage per requirement, per option (lowest first)", valueAxis: "coverage (% of the need)",
            categoryAxis: "requirement", categories: sorted.map(b.context.requirementName),
            series: planned.map { "\($0.id): \($0.name)" },
            values: sorted.map { r in planned.map { o in o.coverage.first { $0.requirement == r }?.fraction ?? 0 } },
            stacked: false, percent: true).render())
        if total > short.count {
            add("<p class=\"muted\">All \(total - short.count) other requirements: 100% in every option.</p>")
        }
        add("</section>")
    }

    /// Personnel by location tag, per option; tags overlap.
    mutating func personnelChart(_ b: Brief) {
        let planned = b.planned
        guard !planned.isEmpty else { return }
        var tags: [String] = []
        for o in planned { for t in o.personnelByTag where !tags.contains(t.tag) { tags.append(t.tag) } }
        let most = { (t: String) in planned.map { $0.personnelByTag.first { $0.tag == t }?.personnel ?? 0 }.max() ?? 0 }
        tags.sort { (-most($0), $0) < (-most($1), $1) }
        add("<section id=\"personnel\">")
        add(SVGChart(
            id: "personnel", title: "Personnel by location tag, per option (largest first)", valueAxis: "personnel deployed",
            categoryAxis: "location tag", categories: tags, series: planned.map { "\($0.id): \($0.name)" },
            values: tags.map { t in planned.map { $0.personnelByTag.first { $0.tag == t }?.personnel ?? 0 } },
            stacked: false).render())
        add("<p class=\"tags-note\">Tags overlap: a location may carry several, so the tags add to more than the total.</p>")
        add("</section>")
    }

    mutating func frontiers(_ b: Brief) {
        guard !b.frontiers.isEmpty else { return }
        add("<section id=\"frontiers\">\n<h2>Trade-offs</h2>")
        for (k, f) in b.frontiers.enumerated() {
            add("<p>Option <strong>\(h(f.option))</strong>: each point is a plan that no other plan beats on both "
                + "\(h(f.x)) and \(h(f.y)).</p>")
            add(SVGFrontier(id: "frontier-\(k)", title: "Option \(f.option): \(f.y) against \(f.x)", xLabel: f.x, yLabel: f.y,
                            points: f.points, xPercent: f.x == "coverage" || BriefBuildup.isTimed(f.x),
                            yPercent: f.y == "coverage" || BriefBuildup.isTimed(f.y)).render())
        }
        add("</section>")
    }

    mutating func card(_ o: BriefOption, index: Int, brief b: Brief) {
        let ctx = b.context
        add("<section class=\"card\" id=\"option-\(h(o.id))\">")
        add("<h2>Option \(h(o.id)): \(h(o.name))</h2>")
        var status = "<span class=\"status\">\(h(o.status))</span>"
        if o.status == "feasible" { status += " stopped early, \(PlanSentences.gap(o.gap))" }
        let costUnit = ctx.costUnit.map { " " + h($0) } ?? ""
        add("<p>\(status) " + o.objectives.map { "\(h($0.name)) <strong>\(PlanSentences.value(of: $0.name, $0.value))</strong>" + ($0.name == "cost" ? costUnit : "") }
            .joined(separator: " · ") + (o.objective("cost") == nil ? o.cost.map { " · cost \(num($0))" + costUnit } ?? "" : "")
            + (o.personnelTotal.map { " · personnel \(num($0))" } ?? "") + " · \(o.nations.count) nations</p>")

        if o.status != "optimal", let m = o.message { add("<p>\(h(m))</p>") }
        if let fund = o.fundSentence(ctx) { add("<p>\(h(fund))</p>") }

        // Contributions by nation and domain.
        add("<h3>Contributions by nation and domain</h3>")
        let unit = ctx.capabilityPersonnel.isEmpty ? "units" : "personnel"
        let domains = b.domains
        if o.contributions.isEmpty {
            add("<p>No units deployed.</p>")
        } else {
            func total(_ c: (nation: String, byDomain: [(domain: String, amount: Double)])) -> Double { c.byDomain.reduce(0) { $0 + $1.amount } }
            let sorted = o.contributions.sorted { (-total($0), ctx.nationName($0.nation)) < (-total($1), ctx.nationName($1.nation)) }
            add(SVGChart(id: "contrib-\(index)", title: "Option \(o.id): \(unit) by nation (largest first), stacked by domain",
                         valueAxis: unit + " deployed", categoryAxis: "nation",
                         categories: sorted.map { ctx.nationName($0.nation) }, series: domains,
                         values: sorted.map { c in domains.map { d in c.byDomain.first { $0.domain == d }?.amount ?? 0 } },
                         stacked: true).render())
            var t = "<table class=\"print-hide\">\n<thead><tr><th>Nation</th>" + domains.map { "<th class=\"n\">\(h($0))</th>" }.joined()
                + "<th class=\"n\">total</th></tr></thead>\n<tbody>\n"
            for c in o.contributions {
                let total = c.byDomain.reduce(0) { $0 + $1.amount }
                t += "<tr><td>\(h(ctx.nationName(c.nation)))</td>"
                    + domains.map { d in "<td class=\"n\">\(c.byDomain.first { $0.domain == d }.map { num($0.amount) } ?? "")</td>" }.joined()
                    + "<td class=\"n\">\(num(total))</td></tr>\n"
            }
            add(t + "</tbody>\n</table>")
        }

        // Coverage per requirement.
        add("<h3>Coverage per requirement</h3>")
        let shortCount = o.coverage.filter { $0.fraction < 1 - 1e-9 }.count
        var t = "<table\(shortCount == 0 ? " class=\"print-hide\"" : "")>\n<thead><tr><th>Requirement</th><th class=\"n\">coverage</th>"
            + "<th>nations</th></tr></thead>\n<tbody>\n"
        for c in o.coverage {
            let short = c.fraction < 1 - 1e-9
            let nations = o.nations(serving: c.requirement)
            t += "<tr class=\"\(short ? "short" : "full")\"><td>\(h(ctx.requirementName(c.requirement)))</td>"
                + "<td class=\"n\">\(pct(c.fraction))\(short ? " (shortfall)" : "")</td>"
                + "<td>\(h(nations.map(ctx.nationName).joined(separator: ", ")))</td></tr>\n"
        }
        add(t + "</tbody>\n</table>")
        if o.coverage.count > shortCount {
            add("<p class=\"print-only\">" + (shortCount == 0 ? "Every requirement: 100%." : "All \(o.coverage.count - shortCount) other requirements: 100%.") + "</p>")
        }
        for line in o.resilienceLines(ctx) { add("<p>\(h(line))</p>") }
        if let buildup = o.buildup { add(buildup.cardHTML(ctx)) }
        if !o.tradeoffLines.isEmpty {
            add("<div class=\"tradeoffs\"><h3>Trade-offs on its own terms</h3>\n<ul>\n"
                + o.tradeoffLines.map { "<li>\(h($0))</li>" }.joined(separator: "\n") + "\n</ul></div>")
        }

        add("<h3\(o.binding.isEmpty ? " class=\"print-hide\"" : "")>Binding caveats and policies</h3>")
        if o.binding.isEmpty {
            add("<p class=\"muted print-hide\">None found (or not searched).</p>")
        } else {
            add("<ul>" + o.binding.map { n in
                "<li>\(h(n.message))" + (n.amount.map { " <span class=\"muted\">(\(h(PlanSentences.bindingGain($0))))</span>" } ?? "") + "</li>"
            }.joined() + "</ul>")
        }
        add("<h3 class=\"print-hide\">Alternatives</h3>")
        if o.alternatives.isEmpty && o.alternativesMissingLine == nil {
            add("<p class=\"muted print-hide\">None computed.</p>")
        } else {
            if !o.alternatives.isEmpty {
                // On paper, one line for all: the values, not the pairings.
                add("<p class=\"print-only\"><strong>Alternatives</strong> (near-optimal plans with other nations): "
                    + o.alternatives.enumerated().map { k, a in
                        "\(k + 1)) " + a.objectives.map { "\(h($0.name)) \(PlanSentences.value(of: $0.name, $0.value))" + ($0.name == "cost" ? costUnit : "") }
                            .joined(separator: ", ")
                    }.joined(separator: "; ") + ".</p>")
                add("<ul class=\"print-hide\">" + o.alternatives.enumerated().map { k, a in
                    "<li>Alternative \(k + 1)" + (a.distanceText.map { " (\(h($0)))" } ?? "") + ": "
                        + a.objectives.map { "\(h($0.name)) \(PlanSentences.value(of: $0.name, $0.value))" + ($0.name == "cost" ? costUnit : "") }.joined(separator: ", ")
                        + "</li>"
                }.joined() + "</ul>")
            }
            if let m = o.alternativesMissingLine { add("<p class=\"print-hide\">\(h(m))</p>") }
        }
        if let r = o.reliabilityLine { add("<h3>Pledge reliability</h3>\n<p>\(h(r))</p>") }
        if !o.critical.isEmpty {
            add("<h3 class=\"print-hide\">Critical nations</h3>\n<p class=\"muted print-hide\">Each re-planned without it; most critical first.</p>")
            add("<ul class=\"print-hide\">" + o.critical.map { "<li>" + h(CriticalText.line($0, ctx)) + "</li>" }.joined() + "</ul>")
            // On paper, one paragraph: the five most critical, with the coverage each costs.
            add("<p class=\"print-only\"><strong>Critical nations</strong> (each re-planned without it, most critical first): "
                + o.critical.prefix(5).map { c in
                    h(ctx.nationName(c.nation)) + (c.coverageLost.map { " −" + pct($0) } ?? "")
                        + (c.singlePointOfFailure ? " (single point of failure)" : "")
                }.joined(separator: ", ")
                + (o.critical.count > 5 ? "; \(o.critical.count - 5) more on screen" : "") + ".</p>")
        }
        add("</section>")
    }

    mutating func shared(_ b: Brief) {
        let planned = b.planned
        guard planned.count > 1 else { return }
        add("<section id=\"shared\">\n<h2>What every option shares</h2>")
        let ctx = b.context
        let nations = b.nationsInEveryOption
        add("<p>Nations in every option: " + (nations.isEmpty ? "none" : nations.map { h(ctx.nationName($0)) }.joined(separator: ", ")) + ".</p>")
        // Units common to all: the least each option deploys of a (nation, capability, requirement).
        func units(_ o: BriefOption) -> [String: Double] {
            var d: [String: Double] = [:]
            for a in o.assignments { d[a.nation + "\u{1}" + a.capability + "\u{1}" + a.requirement, default: 0] += a.units }
            return d
        }
        let maps = planned.map(units)
        var common: [(String, Double)] = []
        var seen = Set<String>()
        for a in planned[0].assignments {
            let key = a.nation + "\u{1}" + a.capability + "\u{1}" + a.requirement
            guard seen.insert(key).inserted else { continue }
            let least = maps.map { $0[key] ?? 0 }.min() ?? 0
            if least > 0 { common.append((key, least)) }
        }
        if common.isEmpty {
            add("<p>No unit is common to every option.</p>")
        } else {
            // On paper, one paragraph: nation, then its units.
            var byNation: [(String, [String])] = []
            for (key, n) in common {
                let p = key.split(separator: "\u{1}", omittingEmptySubsequences: false).map(String.init)
                guard p.count == 3 else { continue }
                let item = "\(num(n)) \(p[1]) (\(ctx.requirementName(p[2])))"
                if let i = byNation.firstIndex(where: { $0.0 == p[0] }) { byNation[i].1.append(item) } else { byNation.append((p[0], [item])) }
            }
            add("<p class=\"print-only shared-units\">Units in every option: " + byNation.map { n, items in
                "<strong>\(h(ctx.nationName(n)))</strong> " + h(items.joined(separator: ", "))
            }.joined(separator: "; ") + ".</p>")
            var t = "<table class=\"print-hide\">\n<thead><tr><th>Nation</th><th>Capability</th><th>Requirement</th><th class=\"n\">units in every option</th></tr></thead>\n<tbody>\n"
            for (key, n) in common {
                let p = key.split(separator: "\u{1}", omittingEmptySubsequences: false).map(String.init)
                guard p.count == 3 else { continue }
                t += "<tr><td>\(h(ctx.nationName(p[0])))</td><td>\(h(p[1]))</td><td>\(h(ctx.requirementName(p[2])))</td><td class=\"n\">\(num(n))</td></tr>\n"
            }
            add(t + "</tbody>\n</table>")
        }
        add("</section>")
    }

    mutating func screenedOut(_ b: Brief) {
        let out = b.screenedOut
        add("<section id=\"screened-out\">\n<h2>Options screened out</h2>")
        if out.isEmpty {
            add("<p>None: every option has a plan.</p>")
        } else {
            for o in out {
                add("<h3>Option \(h(o.id)): \(h(o.name)) <span class=\"status\">\(h(o.status))</span></h3>")
                if let m = o.message { add("<p>\(h(m))</p>") }
                if o.conflicts.isEmpty {
                    add("<p class=\"muted\">No conflicts recorded.</p>")
                } else {
                    add("<p>What had to give:</p>\n<ul>" + o.conflicts.map { "<li>\(h($0.message))</li>" }.joined() + "</ul>")
                }
            }
        }
        add("</section>")
    }

    /// "baseline → variant (±delta)" in one table cell.
    /// `aMissing`, `zMissing`: what a side without a value shows (an option's status when it
    /// has no plan: "infeasible", in bold).
    static func compare(_ a: Double?, _ z: Double?, percent: Bool, aMissing: String = "–", zMissing: String = "–") -> String {
        func show(_ v: Double) -> String { percent ? pct(v) : num(v) }
        var cell = (a.map(show) ?? aMissing) + " → " + (z.map(show) ?? zMissing)
        if let a, let z, abs(z - a) > 1e-9 {
            let sign = z > a ? "+" : "−"
            cell += " <span class=\"muted\">(" + sign + show(abs(z - a)) + ")</span>"
        }
        return "<td class=\"n\">" + cell + "</td>"
    }

    mutating func variants(_ b: Brief) {
        guard !b.variants.isEmpty else { return }
        add("<section id=\"variants\">\n<h2>What-if variants</h2>")
        for v in b.variants {
            add("<h3>\(h(v.name))</h3>")
            if !v.changes.isEmpty { add("<ul>" + v.changes.map { "<li>\(h($0))</li>" }.joined() + "</ul>") }
            let measures = b.variantMeasures
            var t = "<table>\n<thead><tr><th>Option</th>" + measures.map { "<th class=\"n\">\($0.name)</th>" }.joined()
                + "<th class=\"n\">units moved</th></tr></thead>\n<tbody>\n"
            // The baseline's options, then those new in the variant.
            let pairs = b.options.map { base in (base: Optional(base), variant: v.options.first { $0.id == base.id }) }
                + v.options.filter { o in !b.options.contains { $0.id == o.id } }.map { (base: nil, variant: Optional($0)) }
            for (base, variant) in pairs {
                guard let shown = base ?? variant else { continue }
                // A side without a plan shows its status, in bold, in the first column.
                func missing(_ o: BriefOption?) -> String {
                    guard let o else { return "–" }
                    return o.hasPlan ? "–" : "<strong class=\"status\">\(h(o.status))</strong>"
                }
                t += "<tr><th>\(h(shown.id)): \(h(shown.name))\(base == nil ? " <span class=\"muted\">(new)</span>" : "")</th>"
                for (i, m) in measures.enumerated() {
                    t += Self.compare(base.flatMap(m.value), variant.flatMap(m.value), percent: m.percent,
                                      aMissing: i == 0 ? missing(base) : "–", zMissing: i == 0 ? missing(variant) : "–")
                }
                t += "<td class=\"n\">" + (v.unitsMoved[shown.id].map { num(Double($0)) } ?? "–") + "</td></tr>\n"
            }
            add(t + "</tbody>\n</table>")
            let unsolved = v.options.filter { !$0.hasPlan }
            if !unsolved.isEmpty {
                add("<div class=\"unsolved\"><p>Without a plan in this variant:</p>\n<ul>" + unsolved.map { o in
                    var item = "<li><strong>\(h(o.id))</strong>: \(h(o.status))"
                    if let m = o.message { item += "; \(h(m))" }
                    if !o.conflicts.isEmpty { item += ". What had to give: " + o.conflicts.map { h($0.message) }.joined(separator: "; ") }
                    return item + "</li>"
                }.joined() + "</ul></div>")
            }
        }
        add("</section>")
    }
}
