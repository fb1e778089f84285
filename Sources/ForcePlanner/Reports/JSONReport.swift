/// `plan --format json`: DESIGN.md's contract, one object for the whole scenario.
///
/// ```json
/// {"scenario": "...", "options": [{"id", "name", "status", "objectives", "coverage",
///   "assignments", "personnel": {"total", "by_tag"}, "cost", "alternatives"}]}
/// ```
/// Infeasible options add `conflicts`; options stopped early add `gap` (null when no
/// bound is known) and a `message` naming the limit that stopped them (docs/statuses.md).
/// Nothing in it depends on timing, so the same input gives the same bytes (when a
/// search stops by wall clock, where it stopped does).
public enum JSONReport {
    public static func render(_ report: PlanReport) -> String {
        value(report).rendered() + "\n"
    }

    public static func value(_ report: PlanReport) -> JSONValue {
        .object([
            ("scenario", .string(report.scenario.name)),
            ("options", .array(report.options.map(option))),
        ])
    }

    static func option(_ r: OptionResult) -> JSONValue {
        var pairs: [(String, JSONValue)] = [
            ("id", .string(r.option.id)),
            ("name", .string(r.option.name)),
            ("status", .string(r.status.rawValue)),
        ]
        pairs += planPairs(r.plan, objectives: r.option.objectives)
        if r.status == .feasible { pairs.append(("gap", r.gap.map(JSONValue.number) ?? .null)) }
        if r.status == .infeasible {
            pairs.append(("conflicts", .array(r.conflicts.map { c in
                .object([("constraint", .string(c.constraint)), ("shortfall", .number(c.shortfall)),
                         ("message", .string(c.message))])
            })))
        }
        if !r.binding.isEmpty {
            pairs.append(("binding", .array(r.binding.map { b in
                .object([("constraint", .string(b.constraint)), ("improvement", .number(b.improvement)),
                         ("message", .string(b.message))])
            })))
        }
        if r.status != .optimal && r.status != .infeasible, let m = r.message { pairs.append(("message", .string(m))) }
        pairs.append(("alternatives", .array(r.alternatives.map { alt in
            var p = planPairs(alt, objectives: r.option.objectives)
            p.append(("distance", .number(Double(alt.distance ?? 0))))
            return .object(p)
        })))
        return .object(pairs)
    }

    static func planPairs(_ plan: Plan?, objectives: [ObjectiveSpec]) -> [(String, JSONValue)] {
        guard let plan else {
            return [("objectives", .object([])), ("coverage", .object([])), ("assignments", .array([])),
                    ("personnel", .null), ("cost", .null)]
        }
        return [
            ("objectives", .object(plan.objectives.map { ($0.objective.description, .number($0.value)) })),
            ("coverage", .object(plan.coverage.map { ($0.requirement, .number($0.fraction)) })),
            ("assignments", .array(plan.assignments.map { a in
                .object([("nation", .string(a.nation)), ("capability", .string(a.capability)),
                         ("location", .string(a.location)), ("requirement", .string(a.requirement)),
                         ("units", .number(Double(a.units)))])
            })),
            ("personnel", .object([
                ("total", .number(plan.personnelTotal)),
                ("by_tag", .object(plan.personnelByTag.map { ($0.tag, .number($0.personnel)) })),
            ])),
            ("cost", .number(plan.cost)),
        ]
    }
}
