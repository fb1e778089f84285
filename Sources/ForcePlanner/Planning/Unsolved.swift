import ForceScenario

/// Why a command exits with code 1: which options have no proven plan, in words for stderr.
public enum Unsolved {
    /// `reassurance infeasible (must give: min_nations (2 short))`, `air time-limit (...)`.
    public static func describe(_ r: OptionResult) -> String {
        var s = "\(r.option.id) \(r.status.rawValue)"
        if !r.conflicts.isEmpty {
            s += " (must give: " + r.conflicts.map(\.message).joined(separator: "; ") + ")"
        } else if let m = r.message, !m.isEmpty {
            s += " (\(m))"
        }
        return s
    }

    /// Options of `report` whose status is not `optimal` or `feasible`, described; empty
    /// when every option has a plan.
    public static func options(_ report: PlanReport) -> [String] {
        report.options.filter { $0.status != .optimal && $0.status != .feasible }.map(describe)
    }

    /// One line for stderr when some option of `report` has no plan; nil when all do.
    public static func line(_ report: PlanReport) -> String? {
        let list = options(report)
        guard !list.isEmpty else { return nil }
        return "\(list.count) of \(report.options.count) option\(report.options.count == 1 ? "" : "s") without a plan: "
            + list.joined(separator: "; ")
    }

    /// One line for stderr when some option of the baseline or of a variant has no plan.
    public static func line(_ whatIf: WhatIf) -> String? {
        var parts: [String] = []
        let base = options(whatIf.baseline)
        if !base.isEmpty { parts.append("baseline: " + base.joined(separator: "; ")) }
        for v in whatIf.variants {
            let list = options(v.report)
            if !list.isEmpty { parts.append("variant \(v.variant.name): " + list.joined(separator: "; ")) }
        }
        return parts.isEmpty ? nil : "options without a plan: " + parts.joined(separator: " | ")
    }
}
