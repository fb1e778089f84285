import ForceScenario
import ForcePlanner
import ForceReports

/// `bench summarize --format text|markdown|csv|json`.
///
/// ```swift
/// print(BenchSummaryReport.render(summary, format: .markdown))
/// ```
public enum BenchSummaryReport {
    public enum Format: String, Sendable, CaseIterable {
        case text, markdown, csv, json
    }

    public static func render(_ s: BenchSummary, format: Format) -> String {
        switch format {
        case .text: return text(s)
        case .markdown: return markdown(s)
        case .csv: return csv(s)
        case .json: return json(s).rendered() + "\n"
        }
    }

    static let statusColumns = ["optimal", "feasible", "infeasible", "time-limit", "error"]
    static let statHeader = ["option", "cases"] + statusColumns
        + ["coverage min", "p10", "median", "max", "cost min", "median", "max"]

    static func cells(_ o: BenchSummary.OptionStats, percent: Bool) -> [String] {
        func show(_ v: Double?) -> String {
            guard let v else { return "-" }
            return percent ? NumberFormat.percent(v) : JSONValue.format(v)
        }
        func cost(_ v: Double?) -> String {
            guard let v else { return "-" }
            return percent ? NumberFormat.readable(v) : JSONValue.format(v)
        }
        let c = o.coverage, k = o.cost
        var out: [String] = [o.option + (o.overridden > 0 ? " *" : ""), "\(o.cases)"]
        out += o.statuses.map { "\($0.count)" }
        out += [show(c?.min), show(c?.p10), show(c?.median), show(c?.max)]
        out += [cost(k?.min), cost(k?.median), cost(k?.max)]
        return out
    }

    /// `* no-backstop: in 18 of 36 cases the sweep set us-backstop over the option's own
    /// value, so those rows are not the option as written (respect_options: true in the
    /// sweep leaves them alone)`, one line per marked option; "" when none is marked.
    static func overriddenNote(_ s: BenchSummary) -> String {
        s.options.filter { $0.overridden > 0 }.map { o in
            "* \(o.option): in \(o.overridden) of \(o.cases) case\(o.cases == 1 ? "" : "s") the sweep set "
                + o.overriddenAssumptions.joined(separator: ", ")
                + " over the option's own value, so those rows are not the option as written (respect_options: true in the sweep leaves them alone)\n"
        }.joined()
    }

    static func heading(_ s: BenchSummary) -> String {
        "\(s.cases) case\(s.cases == 1 ? "" : "s") of \(s.scenarios.joined(separator: ", "))"
            + (s.duplicates > 0 ? " (\(s.duplicates) repeated line\(s.duplicates == 1 ? "" : "s") counted once)" : "")
    }

    static func worstCells(_ w: BenchSummary.WorstCase, percent: Bool) -> [String] {
        [w.id, w.option + (w.overridden.isEmpty ? "" : " *"), w.status,
         w.coverage.map { percent ? NumberFormat.percent($0) : JSONValue.format($0) } ?? "-",
         w.cost.map { percent ? NumberFormat.readable($0) : JSONValue.format($0) } ?? "-",
         w.variation.isEmpty ? "(as written)" : w.variation]
    }

    static let worstHeader = ["case", "option", "status", "coverage", "cost", "variation"]

    public static func text(_ s: BenchSummary) -> String {
        let numeric = Set(1..<statHeader.count)
        var out = "Benchmark: " + heading(s) + "\n\nPer option (coverage is weighted coverage)\n"
        out += TextTable(header: statHeader, rows: s.options.map { cells($0, percent: true) }, numeric: numeric).render()
        out += overriddenNote(s)
        if !s.worst.isEmpty {
            out += "\nWorst cases\n"
            out += TextTable(header: worstHeader, rows: s.worst.map { worstCells($0, percent: true) }, numeric: [3, 4]).render()
        }
        if let key = s.groupKey {
            out += "\nBy \(key)\n"
            let rows = s.groups.flatMap { g in g.options.map { [g.value] + cells($0, percent: true) } }
            out += TextTable(header: [key] + statHeader, rows: rows, numeric: Set(numeric.map { $0 + 1 })).render()
        }
        return out
    }

    public static func markdown(_ s: BenchSummary) -> String {
        func row(_ cells: [String]) -> String { "| " + cells.map(MarkdownReport.escape).joined(separator: " | ") + " |\n" }
        func rule(_ n: Int, textColumns: Int) -> String {
            "|" + (0..<n).map { $0 < textColumns ? "---|" : "---:|" }.joined() + "\n"
        }
        var out = "# Benchmark\n\n" + heading(s) + ".\n\n## Per option\n\n"
        out += row(statHeader) + rule(statHeader.count, textColumns: 1)
        for o in s.options { out += row(cells(o, percent: true)) }
        let note = overriddenNote(s)
        if !note.isEmpty { out += "\n" + MarkdownReport.escape(note.trimmingCharacters(in: .newlines)) + "\n" }
        if !s.worst.isEmpty {
            out += "\n## Worst cases\n\n" + row(worstHeader)
            out += "|---|---|---|---:|---:|---|\n"
            for w in s.worst { out += row(worstCells(w, percent: true)) }
        }
        if let key = s.groupKey {
            out += "\n## By \(key)\n\n" + row([key] + statHeader) + rule(statHeader.count + 1, textColumns: 2)
            for g in s.groups { for o in g.options { out += row([g.value] + cells(o, percent: true)) } }
        }
        return out
    }

    /// One table: the overall rows (empty group columns), then the grouped rows. Worst
    /// cases are in the other formats.
    public static func csv(_ s: BenchSummary) -> String {
        let header = ["group_key", "group_value", "option", "cases"] + statusColumns
            + ["coverage_min", "coverage_p10", "coverage_median", "coverage_max", "cost_min", "cost_median", "cost_max"]
        var out = header.joined(separator: ",") + "\n"
        func line(_ cells: [String]) { out += cells.map(CSVReport.field).joined(separator: ",") + "\n" }
        func blankDash(_ c: [String]) -> [String] { c.map { $0 == "-" ? "" : $0 } }
        for o in s.options { line(["", ""] + blankDash(cells(o, percent: false))) }
        if let key = s.groupKey {
            for g in s.groups { for o in g.options { line([key, g.value] + blankDash(cells(o, percent: false))) } }
        }
        return out
    }

    public static func json(_ s: BenchSummary) -> JSONValue {
        func number(_ d: Double?) -> JSONValue { d.map(JSONValue.number) ?? .null }
        func dist(_ d: BenchSummary.Distribution?) -> JSONValue {
            guard let d else { return .null }
            return .object([("min", .number(d.min)), ("p10", .number(d.p10)), ("median", .number(d.median)), ("max", .number(d.max))])
        }
        func stats(_ o: BenchSummary.OptionStats) -> JSONValue {
            var pairs: [(String, JSONValue)] = [
                ("option", .string(o.option)), ("cases", .number(Double(o.cases))),
                ("statuses", .object(o.statuses.map { ($0.status, .number(Double($0.count))) })),
                ("coverage", dist(o.coverage)), ("cost", dist(o.cost))]
            // Only for an option a sweep overrode (``SweepOptionConflicts``).
            if o.overridden > 0 {
                pairs.append(("overridden", .object([("cases", .number(Double(o.overridden))),
                                                     ("assumptions", .array(o.overriddenAssumptions.map(JSONValue.string)))])))
            }
            return .object(pairs)
        }
        var pairs: [(String, JSONValue)] = [
            ("cases", .number(Double(s.cases))),
            ("duplicates", .number(Double(s.duplicates))),
            ("scenarios", .array(s.scenarios.map(JSONValue.string))),
            ("options", .array(s.options.map(stats))),
            ("worst", .array(s.worst.map { w in
                .object([("id", .string(w.id)), ("option", .string(w.option)), ("status", .string(w.status)),
                         ("coverage", number(w.coverage)), ("cost", number(w.cost)), ("variation", .string(w.variation))])
            })),
        ]
        if let key = s.groupKey {
            pairs.append(("by", .object([("key", .string(key)), ("groups", .array(s.groups.map { g in
                .object([("value", .string(g.value)), ("options", .array(g.options.map(stats)))])
            }))])))
        }
        return .object(pairs)
    }
}
