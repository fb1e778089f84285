import ForceScenario
import ForcePlanner
import ForceReports

/// One line of a results file (JSON Lines): a case and, per option, what the planner
/// found. See `docs/bench.md` for the fields.
///
/// ```json
/// {"id": "scenarios/tutorial.yaml@drop=uk", "scenario": "scenarios/tutorial.yaml",
///  "name": "tutorial", "variation": {"drop": ["uk"]}, "status": "solved",
///  "options": [{"id": "in-ukraine", "status": "optimal", "objectives": {...},
///    "weighted_coverage": 0.8, "coverage": {...}, "cost": 190,
///    "personnel": {"total": 430, "by_tag": {...}}, "gap": null,
///    "model": {"variables": 14, "integers": 14, "constraints": 12, "nonzeros": 40},
///    "nodes": 3, "seconds": 0.004}], "seconds": 0.011}
/// ```
///
/// Timing fields (``timingKeys``) are the only ones that differ between two runs of the
/// same case.
public enum BenchRecord {
    /// Keys whose values are wall-clock times; compare results without them.
    public static let timingKeys: Set<String> = ["seconds"]

    /// Case-level `status`: `solved` when every option has a plan, `infeasible` when some
    /// option is infeasible and none failed, `failed` when some option stopped without a
    /// plan or the solver failed, `error` when the scenario could not be planned at all.
    public static func caseStatus(_ options: [OptionResult]) -> String {
        if options.contains(where: { $0.status == .error || $0.status == .timeLimit }) { return "failed" }
        if options.contains(where: { $0.status == .infeasible }) { return "infeasible" }
        return "solved"
    }

    /// The line (without its newline) for `c`, planned as `results`.
    public static func line(_ c: BenchCase, scenario: Scenario, results: [OptionResult], seconds: Double) -> String {
        value(c, scenario: scenario, results: results, seconds: seconds).rendered(pretty: false)
    }

    public static func value(_ c: BenchCase, scenario: Scenario, results: [OptionResult], seconds: Double) -> JSONValue {
        .object([
            ("id", .string(c.id)),
            ("scenario", .string(c.scenario)),
            ("name", .string(scenario.name)),
            ("variation", c.variation.json),
            ("status", .string(caseStatus(results))),
            ("options", .array(results.map { r in
                marked(option(r, scenario: scenario),
                       overridden: SweepOptionConflicts.overridden(c.variation, option: r.option.id, in: scenario))
            })),
            ("seconds", .number(rounded(seconds))),
        ])
    }

    /// A line for a case that could not be planned at all (`status: error`).
    public static func errorLine(_ c: BenchCase, message: String) -> String {
        JSONValue.object([
            ("id", .string(c.id)), ("scenario", .string(c.scenario)), ("name", .null),
            ("variation", c.variation.json), ("status", .string("error")), ("message", .string(message)),
            ("options", .array([])), ("seconds", .number(0)),
        ]).rendered(pretty: false)
    }

    static func option(_ r: OptionResult, scenario: Scenario) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("id", .string(r.option.id)), ("status", .string(r.status.rawValue))]
        if let plan = r.plan {
            pairs += [
                ("objectives", .object(plan.objectives.map { ($0.objective.description, .number($0.value)) })),
                ("weighted_coverage", .number(plan.weightedCoverage(in: scenario))),
                ("coverage", .object(plan.coverage.map { ($0.requirement, .number($0.fraction)) })),
                ("cost", .number(plan.cost)),
                ("personnel", .object([
                    ("total", .number(plan.personnelTotal)),
                    ("by_tag", .object(plan.personnelByTag.map { ($0.tag, .number($0.personnel)) })),
                ])),
            ]
        } else {
            pairs += [("objectives", .object([])), ("weighted_coverage", .null), ("coverage", .object([])),
                      ("cost", .null), ("personnel", .null)]
        }
        pairs.append(("gap", r.gap.map(JSONValue.number) ?? .null))
        if r.status == .infeasible {
            pairs.append(("conflicts", .array(r.conflicts.map { .string($0.constraint) })))
        }
        if r.status == .error || r.status == .timeLimit || r.status == .feasible, let m = r.message {
            pairs.append(("message", .string(m)))
        }
        if let m = r.modelSize {
            pairs.append(("model", .object([
                ("variables", .number(Double(m.variables))), ("integers", .number(Double(m.integers))),
                ("constraints", .number(Double(m.constraints))), ("nonzeros", .number(Double(m.nonzeros))),
            ])))
        } else {
            pairs.append(("model", .null))
        }
        pairs.append(("nodes", r.nodes.map { .number(Double($0)) } ?? .null))
        pairs.append(("seconds", .number(rounded(r.seconds))))
        return .object(pairs)
    }

    /// Times to the microsecond: finer digits are noise and make lines longer.
    /// An option's record with `"overridden": [ASSUMPTION...]` before its timing when the
    /// case's sweep set assumptions over the option's own values (``SweepOptionConflicts``);
    /// unchanged otherwise.
    static func marked(_ value: JSONValue, overridden: [String]) -> JSONValue {
        guard !overridden.isEmpty, case .object(var pairs) = value else { return value }
        let at = pairs.firstIndex { $0.0 == "nodes" } ?? pairs.count
        pairs.insert(("overridden", .array(overridden.map(JSONValue.string))), at: at)
        return .object(pairs)
    }

    static func rounded(_ s: Double) -> Double { (s * 1e6).rounded() / 1e6 }

    /// `value` without its timing fields, at any depth: what two runs of the same case
    /// must agree on.
    public static func withoutTiming(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let pairs):
            return .object(pairs.filter { !timingKeys.contains($0.0) }.map { ($0.0, withoutTiming($0.1)) })
        case .array(let items):
            return .array(items.map(withoutTiming))
        default:
            return value
        }
    }
}
