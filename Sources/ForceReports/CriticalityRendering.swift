import ForceScenario
import ForcePlanner

/// `criticality --format text|json`: each contributing nation's withdrawal, most critical
/// first.
///
/// ```json
/// {"scenario": "...", "option": "...",
///  "baseline": {"status", "coverage", "cost"},
///  "nations": [{"rank", "nation", "status", "coverage", "coverage_lost", "cost", "cost_added",
///               "single_point_of_failure", "unsubstituted": [...], "conflicts": [...],
///               "falls": [{"requirement", "before", "after"}]}]}
/// ```
/// Coverage values are fractions in [0, 1]; values without a re-plan are null.
public enum CriticalityRendering {
    public static func json(_ report: CriticalityReport) -> String {
        jsonValue(report).rendered() + "\n"
    }

    public static func jsonValue(_ report: CriticalityReport) -> JSONValue {
        let base = report.baseline
        let coverage = base.plan.map { $0.weightedCoverage(in: report.scenario) }
        func number(_ v: Double?) -> JSONValue { v.map(JSONValue.number) ?? .null }
        return .object([
            ("scenario", .string(report.scenario.name)),
            ("option", .string(base.option.id)),
            ("baseline", .object([
                ("status", .string(base.status.rawValue)), ("coverage", number(coverage)), ("cost", number(base.plan?.cost)),
            ])),
            ("nations", .array(report.nations.enumerated().map { i, n in
                .object([
                    ("rank", .number(Double(i + 1))),
                    ("nation", .string(n.nation)),
                    ("status", .string(n.status.rawValue)),
                    ("coverage", number(n.coverage)),
                    ("coverage_lost", number(n.coverageLost)),
                    ("cost", number(n.cost)),
                    ("cost_added", number(n.costAdded)),
                    ("single_point_of_failure", .bool(n.singlePointOfFailure)),
                    ("unsubstituted", .array(n.unsubstituted.map(JSONValue.string))),
                    ("conflicts", .array(n.conflicts.map(JSONValue.string))),
                    ("falls", .array(n.falls.map { f in
                        .object([("requirement", .string(f.requirement)), ("before", .number(f.before)),
                                 ("after", .number(f.after))])
                    })),
                ])
            })),
        ])
    }

    public static func text(_ report: CriticalityReport) -> String {
        let base = report.baseline
        var out = "Scenario \(report.scenario.name), option \(base.option.id): \(base.option.name) [\(base.status.rawValue)]\n"
        guard let plan = base.plan else { return out + "  no plan, so no nation to withdraw\n" }
        out += "  with every nation: coverage \(NumberFormat.percent(plan.weightedCoverage(in: report.scenario)))"
            + "   cost \(NumberFormat.readable(plan.cost))   \(plan.contributingNations.count) nations contribute\n\n"
        var t = TextTable(header: ["rank", "without", "coverage", "lost", "cost added", "requirements that fall", "flag"],
                          numeric: [0, 2, 3, 4])
        for (i, n) in report.nations.enumerated() {
            var falls = n.falls.map { "\($0.requirement) \(NumberFormat.percent($0.after))" }.joined(separator: ", ")
            if !n.conflicts.isEmpty { falls = PlanSentences.mustGive(n.conflicts, separator: ", ") }
            t.rows.append([
                "\(i + 1)", n.nation,
                n.coverage.map(NumberFormat.percent) ?? n.status.rawValue,
                n.coverageLost.map(NumberFormat.percent) ?? "-",
                n.costAdded.map { NumberFormat.readable($0) } ?? "-",
                falls.isEmpty ? "-" : falls,
                n.singlePointOfFailure ? "SINGLE POINT OF FAILURE (" + n.unsubstituted.joined(separator: ", ") + ")" : "",
            ])
        }
        out += t.render()
        return out
    }
}
