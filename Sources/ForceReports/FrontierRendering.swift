import ForceScenario
import ForcePlanner

/// `frontier --format text|json`: the non-dominated points of `x` against `y`.
///
/// ```json
/// {"scenario": "...", "option": "...", "x": "personnel-in:ukraine", "y": "coverage",
///  "points": [{"epsilon": 0, "objectives": {"personnel-in:ukraine": 0, "coverage": 0.8, "cost": 916},
///              "plan": PLAN_OPTION}],
///  "skipped": [{"epsilon": 150, "status": "infeasible", "reason": "..."}]}
/// ```
/// `PLAN_OPTION` is one option of `plan --format json` (docs/plan.schema.json), with the
/// option's objectives reordered `y`, `x`, then the rest. `epsilon` is the bound on `x`
/// the point was found with; `skipped` lists bounds without a plan (`epsilon` null when
/// the option itself has none).
public enum FrontierRendering {
    public static func json(_ report: FrontierReport) -> String {
        jsonValue(report).rendered() + "\n"
    }

    public static func jsonValue(_ report: FrontierReport) -> JSONValue {
        .object([
            ("scenario", .string(report.scenario.name)),
            ("option", .string(report.option.id)),
            ("x", .string(report.x.description)),
            ("y", .string(report.y.description)),
            ("points", .array(report.points.map { p in
                .object([
                    ("epsilon", .number(p.epsilon)),
                    ("objectives", .object(p.objectives.map { ($0.objective.description, .number($0.value)) })),
                    ("plan", JSONReport.option(p.result)),
                ])
            })),
            ("skipped", .array(report.skipped.map { s in
                .object([("epsilon", s.epsilon.map(JSONValue.number) ?? .null), ("status", .string(s.status.rawValue)),
                         ("reason", .string(s.reason))])
            })),
        ])
    }

    public static func text(_ report: FrontierReport) -> String {
        var out = "Scenario \(report.scenario.name), option \(report.option.id): \(report.option.name)\n"
        out += "  frontier of \(report.x) (\(report.x.maximizes ? "maximised" : "minimised")) against "
            + "\(report.y) (\(report.y.maximizes ? "maximised" : "minimised")): \(report.points.count) point"
            + (report.points.count == 1 ? "" : "s") + "\n\n"
        let names = report.points.first?.objectives.map(\.objective) ?? [report.x, report.y]
        var t = TextTable(header: names.map(\.description) + ["nations"], numeric: Set(0..<names.count + 1))
        for p in report.points {
            t.rows.append(p.objectives.map { TextReport.show($0) } + ["\(p.result.plan?.contributingNations.count ?? 0)"])
        }
        if !report.points.isEmpty { out += t.render() }
        for s in report.skipped {
            out += "  skipped" + (s.epsilon.map { " \(report.x) <= \(NumberFormat.readable($0))" } ?? "")
                + ": \(s.reason)\n"
        }
        return out
    }
}
