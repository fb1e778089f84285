import ForceScenario
/// The coverage one nation's withdrawal leaves in place (docs/model.md "Resilience").
public struct NationWithdrawal: Sendable, Hashable {
    public var nation: String
    /// Weighted coverage of the units left in place without the nation, not re-planned.
    public var coverage: Double
}

/// Every single withdrawal from a plan, and the worst of them.
///
/// ```swift
/// if let w = plan.withdrawal?.worst { print("without \(w.nation): \(w.coverage)") }
/// ```
public struct WithdrawalCoverage: Sendable, Hashable {
    /// Per nation not excluded from the option, in file order.
    public var byNation: [NationWithdrawal]
    /// The lowest coverage; ties go to the nation first in the file. nil when the option
    /// has no nation at all.
    public var worst: NationWithdrawal? {
        var best: NationWithdrawal?
        for n in byNation where best.map({ n.coverage < $0.coverage - 1e-12 }) ?? true { best = n }
        return best
    }
}

extension Formulation {
    /// The withdrawal coverage of each nation not excluded: the units of the plan left in
    /// place without it, counting units only (the `min_nations` rule aside), and never
    /// above the plan's own coverage per requirement:
    /// `fraction_n(r) = min(plan fraction(r), 1 - max(0, u_r - provided_without_n(r)) / u_r)`.
    /// A nation with nothing deployed leaves the plan's coverage.
    ///
    /// - Complexity: O(assignments + nations x requirements).
    public func withdrawalCoverage(of plan: Plan) -> WithdrawalCoverage {
        let excluded = Set(option.excludedNations)
        let total = totalWeight
        var providedBy: [String: [String: Double]] = [:]   // nation -> requirement -> units
        var factorOf: [String: Double] = [:]
        for a in assignments { factorOf["\(a.requirement)|\(a.capability)"] = a.factor }
        for a in plan.assignments {
            let f = factorOf["\(a.requirement)|\(a.capability)"] ?? 0
            providedBy[a.nation, default: [:]][a.requirement, default: 0] += Double(a.units) * f
        }
        let planCoverage = total > 0 ? plan.weightedCoverage(in: scenario) : 1
        var out: [NationWithdrawal] = []
        for n in scenario.nations where !excluded.contains(n.id) {
            guard let own = providedBy[n.id], total > 0 else {
                out.append(NationWithdrawal(nation: n.id, coverage: planCoverage))
                continue
            }
            var left: [String: Double] = [:]
            for c in plan.coverage { left[c.requirement] = c.provided - (own[c.requirement] ?? 0) }
            out.append(NationWithdrawal(nation: n.id, coverage: Reliability.coverage(of: plan, leaving: left, in: scenario)))
        }
        return WithdrawalCoverage(byNation: out)
    }
}

extension RequirementCoverage {
    /// "covered only with 3 nations; 2 serve it in this plan", when the requirement counts
    /// 0 for want of nations (see ``belowMinNations``); nil otherwise.
    public var minNationsNote: String? {
        guard belowMinNations, let m = minNations else { return nil }
        return Self.minNationsNote(required: m, serving: nations.count)
    }

    /// The wording shared by every report.
    public static func minNationsNote(required: Int, serving: Int) -> String {
        "counts 0: covered only with \(required) nation\(required == 1 ? "" : "s"); "
            + "\(serving) serve\(serving == 1 ? "s" : "") it in this plan"
    }
}

extension Formulation {
    /// The name of the first bound or row `values` violate, nil when none (for tests).
    public func firstViolationForTesting(_ values: [Double]) -> String? {
        for (x, info) in zip(values, model.variables) where x < info.lowerBound - 1e-9 || x > info.upperBound + 1e-9 {
            return info.name
        }
        return firstViolation(values).map { model.constraints[$0.row].name }
    }
}
