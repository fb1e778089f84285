import ForceScenario
import ForcePlanner

/// `plan --format csv`: one row per assignment, alternatives numbered from 1 (0 is the
/// optimal plan).
public enum CSVReport {
    public static let header = "option,status,plan,nation,capability,location,requirement,units,personnel,cost"

    public static func render(_ report: PlanReport) -> String {
        var out = header + "\n"
        for r in report.options {
            let plans = [r.plan].compactMap { $0 } + r.alternatives
            for (i, plan) in plans.enumerated() {
                for a in plan.assignments {
                    out += [r.option.id, r.status.rawValue, "\(i)", a.nation, a.capability, a.location, a.requirement,
                            "\(a.units)", JSONValue.format(a.personnel), JSONValue.format(a.cost)]
                        .map(field).joined(separator: ",") + "\n"
                }
            }
        }
        return out
    }

    package static func field(_ s: String) -> String {
        s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : s
    }
}
