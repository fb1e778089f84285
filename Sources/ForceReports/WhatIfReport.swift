import ForceScenario
import ForcePlanner

/// `whatif` output: the baseline and its variants side by side, option by option.
///
/// JSON (``json(_:)``) holds every plan exactly as `plan --format json` prints it
/// (``JSONReport``), each variant's changes and its deltas:
///
/// ```json
/// {"scenario": "tutorial", "stable": false, "baseline": PLAN,
///  "variants": [{"name": "tutorial-uk-withdraws", "changes": ["removed nation uk"], "plan": PLAN,
///                "delta": {"in-ukraine": {"objectives": {"cost": -40, "coverage": -0.25},
///                                         "coverage": {"reassurance": -0.667},
///                                         "nations_joined": [], "nations_left": ["uk"], "units_moved": 4}}}]}
/// ```
/// Text (``text(_:)``) and Markdown (``markdown(_:)``) give one table per option, a column
/// per scenario: status, coverage, cost, personnel (total and by tag), contributing nations,
/// every other objective; then what changed: requirements that gained or lost coverage,
/// nations that joined or left.
public enum WhatIfReport {
    // MARK: JSON

    /// The JSON object, indented, with a final newline: `forceplan whatif --format json`.
    ///
    /// ```swift
    /// try WhatIfReport.json(whatIf).write(toFile: "whatif.json", atomically: true, encoding: .utf8)
    /// ```
    public static func json(_ whatIf: WhatIf) -> String {
        value(whatIf).rendered() + "\n"
    }

    /// The JSON object as a value, to embed in a larger document.
    public static func value(_ whatIf: WhatIf) -> JSONValue {
        .object([
            ("scenario", .string(whatIf.baseline.scenario.name)),
            ("stable", .bool(whatIf.stable)),
            ("baseline", JSONReport.value(whatIf.baseline)),
            ("variants", .array(whatIf.variants.map { v in
                .object([
                    ("name", .string(v.variant.name)),
                    ("changes", .array(v.variant.changes.map(JSONValue.string))),
                    ("plan", JSONReport.value(v.report)),
                    ("delta", .object(v.deltas.map { d in
                        (d.option, .object([
                            ("objectives", .object(d.objectives.map { ($0.name, .number($0.delta)) })),
                            ("coverage", .object(d.coverage.map { ($0.name, .number($0.delta)) })),
                            ("nations_joined", .array(d.nationsJoined.map(JSONValue.string))),
                            ("nations_left", .array(d.nationsLeft.map(JSONValue.string))),
                            ("units_moved", .number(Double(d.unitsMoved))),
                        ] + buildupPairs(whatIf, v, d.option)))
                    })),
                ])
            })),
        ])
    }

    // MARK: Tables

    /// One option across the columns: rows of cells, the first cell the measure.
    struct Comparison {
        var id: String
        var name: String
        var rows: [[String]]
        /// Per variant that has the option: what changed against the baseline.
        var notes: [String]
    }

    static func columns(_ whatIf: WhatIf) -> [(name: String, report: PlanReport)] {
        [("baseline", whatIf.baseline)] + whatIf.variants.map { ($0.variant.name, $0.report) }
    }

    /// Option ids in the order a planner meets them: the baseline's, then new ones.
    static func optionIDs(_ whatIf: WhatIf) -> [String] {
        var ids: [String] = []
        for (_, report) in columns(whatIf) {
            for r in report.options where !ids.contains(r.option.id) { ids.append(r.option.id) }
        }
        return ids
    }

    static func comparisons(_ whatIf: WhatIf) -> [Comparison] {
        let columns = columns(whatIf)
        return optionIDs(whatIf).map { id in
            let results = columns.map { column in column.report.options.first { $0.option.id == id } }
            let plans = results.map { $0?.plan }
            let name = results.compactMap { $0?.option.name }.first ?? id
            func row(_ measure: String, _ cell: (OptionResult, Plan, Scenario) -> String) -> [String] {
                [measure] + zip(results, columns).map { r, column in
                    guard let r, let plan = r.plan else { return "-" }
                    return cell(r, plan, column.report.scenario)
                }
            }
            var rows: [[String]] = [["measure"] + columns.map(\.name)]
            rows.append(["status"] + results.map { $0?.status.rawValue ?? "(no such option)" })
            rows.append(row("coverage") { _, p, s in NumberFormat.percent(WhatIf.coverage(of: p, in: s)) })
            rows.append(row("cost") { _, p, _ in NumberFormat.readable(p.cost) })
            rows.append(row("personnel") { _, p, _ in NumberFormat.readable(p.personnelTotal) })
            var tags: [String] = []
            for plan in plans.compactMap({ $0 }) {
                for t in plan.personnelByTag where t.personnel > 0 && !tags.contains(t.tag) { tags.append(t.tag) }
            }
            for tag in tags.sorted() {
                rows.append(row("personnel-in:\(tag)") { _, p, _ in
                    NumberFormat.readable(p.personnelByTag.first { $0.tag == tag }?.personnel ?? 0)
                })
            }
            rows.append(row("nations") { _, p, _ in "\(p.contributingNations.count)" })
            for day in buildupDays(plans) {
                rows.append(row("coverage by D+\(day)") { _, p, _ in
                    p.buildup?.milestones.first { $0.day == day }.map { NumberFormat.percent($0.coverage) } ?? "-"
                })
            }
            let shown = Set(rows.map { $0[0] })
            var others: [String] = []
            for plan in plans.compactMap({ $0 }) {
                for o in plan.objectives where !shown.contains(o.objective.description) && !others.contains(o.objective.description) {
                    others.append(o.objective.description)
                }
            }
            for name in others {
                rows.append(row(name) { _, p, _ in
                    p.objectives.first { $0.objective.description == name }.map(TextReport.show) ?? "-"
                })
            }
            var notes: [String] = []
            for (i, v) in whatIf.variants.enumerated() {
                guard let variantResult = results[i + 1] else { continue }
                guard let baseResult = results[0] else {
                    var note = "\(v.variant.name): new option"
                    if variantResult.plan == nil {
                        note += ", \(variantResult.status.rawValue)"
                        if !variantResult.conflicts.isEmpty { note += "; must give: " + variantResult.conflicts.map(\.message).joined(separator: "; ") }
                        else if let m = variantResult.message { note += "; \(m)" }
                    }
                    notes.append(note)
                    continue
                }
                guard let b = baseResult.plan, let p = variantResult.plan,
                      let d = v.deltas.first(where: { $0.option == id }) else {
                    var note = "\(v.variant.name): \(variantResult.status.rawValue), baseline \(baseResult.status.rawValue)"
                    let conflicts = (variantResult.plan == nil ? variantResult : baseResult).conflicts
                    if !conflicts.isEmpty { note += "; " + PlanSentences.mustGive(conflicts.map(\.message)) }
                    notes.append(note)
                    continue
                }
                notes.append("\(v.variant.name): " + describe(d, before: b, after: p))
            }
            return Comparison(id: id, name: name, rows: rows, notes: notes)
        }
    }

    /// `coverage lost: reassurance 100% -> 33.3%; nations left: uk`
    static func describe(_ d: WhatIf.OptionDelta, before: Plan, after: Plan) -> String {
        func fraction(_ plan: Plan, _ id: String) -> String {
            NumberFormat.percent(plan.coverage.first { $0.requirement == id }?.fraction ?? 0)
        }
        func list(_ changes: [WhatIf.OptionDelta.Change]) -> String {
            changes.map { "\($0.name) \(fraction(before, $0.name)) -> \(fraction(after, $0.name))" }.joined(separator: ", ")
        }
        var parts: [String] = []
        let lost = d.coverage.filter { $0.delta < 0 }, gained = d.coverage.filter { $0.delta > 0 }
        if !lost.isEmpty { parts.append("coverage lost: " + list(lost)) }
        if !gained.isEmpty { parts.append("coverage gained: " + list(gained)) }
        if !d.nationsJoined.isEmpty { parts.append("nations joined: " + d.nationsJoined.joined(separator: ", ")) }
        if !d.nationsLeft.isEmpty { parts.append("nations left: " + d.nationsLeft.joined(separator: ", ")) }
        if let note = buildupNote(before: before, after: after) { parts.append(note) }
        if parts.isEmpty { parts.append("same coverage, same nations") }
        parts.append("units moved: \(NumberFormat.readable(Double(d.unitsMoved)))")
        return parts.joined(separator: "; ")
    }

    /// The title, and each variant's name with its changes ("no changes" when it has none).
    static func header(_ whatIf: WhatIf) -> (title: String, variants: [(name: String, changes: [String])]) {
        let n = whatIf.variants.count
        var title = "What-if \(whatIf.baseline.scenario.name): the baseline and \(n) variant\(n == 1 ? "" : "s")"
        if whatIf.stable { title += ", re-planned stable (fewest units moved from the baseline plan after the first objective)" }
        let variants = whatIf.variants.map { v in
            (name: v.variant.name, changes: v.variant.changes.isEmpty ? ["no changes"] : v.variant.changes)
        }
        return (title, variants)
    }

    /// A variant's changes as list items: one change beside the name (`name: change`), several
    /// each on a line of their own under it, so a variant that changes fourteen requirements
    /// reads as fourteen lines, not one.
    static func changeLines(_ v: (name: String, changes: [String]), item: String, nested: String) -> String {
        guard v.changes.count > 1 else { return item + "\(v.name): " + v.changes.joined() + "\n" }
        return item + "\(v.name):\n" + v.changes.map { nested + $0 + "\n" }.joined()
    }

    // MARK: Text

    /// Aligned tables for a terminal: `forceplan whatif` (`--format text`).
    ///
    /// ```swift
    /// print(WhatIfReport.text(whatIf))
    /// ```
    public static func text(_ whatIf: WhatIf) -> String {
        let (title, variants) = header(whatIf)
        var out = title + "\n"
        for v in variants { out += changeLines(v, item: "  ", nested: "    ") }
        for (name, report) in columns(whatIf) {
            let note = HostNote.line(report.scenario)
            if !note.isEmpty { out += "  \(name): " + note.prefix(1).lowercased() + note.dropFirst() }
        }
        for c in comparisons(whatIf) {
            out += "\nOption \(c.id): \(c.name)\n"
            var table = TextTable(header: c.rows[0], numeric: Set(1..<c.rows[0].count))
            table.rows = Array(c.rows.dropFirst())
            out += table.render()
            for note in c.notes { out += "  " + note + "\n" }
        }
        return out
    }

    // MARK: Markdown

    /// Markdown to paste into a briefing: `forceplan whatif --format markdown`. It follows
    /// the briefing's order (``MarkdownBrief``): the baseline's title, assumptions, decision
    /// matrix, options, what they share and what is screened out; then the variants, one
    /// side-by-side table per option with what changed.
    ///
    /// ```swift
    /// let briefing = WhatIfReport.markdown(whatIf)
    /// ```
    public static func markdown(_ whatIf: WhatIf) -> String {
        let (title, variants) = header(whatIf)
        var out = "## What-if variants\n\n\(MarkdownReport.escape(title)).\n\n"
        for v in variants {
            out += changeLines((MarkdownReport.escape(v.name), v.changes.map(MarkdownReport.escape)), item: "- ", nested: "  - ")
        }
        for c in comparisons(whatIf) {
            out += "\n### Option \(MarkdownReport.escape(c.id)): \(MarkdownReport.escape(c.name))\n\n"
            let head = c.rows[0]
            out += "| " + head.map(MarkdownReport.escape).joined(separator: " | ") + " |\n"
            out += "|---|" + String(repeating: "---:|", count: head.count - 1) + "\n"
            for row in c.rows.dropFirst() {
                out += "| " + row.map(MarkdownReport.escape).joined(separator: " | ") + " |\n"
            }
            if !c.notes.isEmpty { out += "\n" }
            for note in c.notes { out += "- \(MarkdownReport.escape(note))\n" }
        }
        return MarkdownBrief.render(Brief(whatIf.baseline), variants: out)
    }
}
