import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import GLPKSolver
import LinearModel
import XCTest

/// The repaired start plan (LP relaxation rounded down, then repaired): a plan that every
/// row of the model accepts, or a reason why there is none.
final class StartPlanTests: XCTestCase {
    /// Every row of `f.model` at `values`, checked here independently of the planner's own
    /// check: lower - 1e-6 <= activity <= upper + 1e-6 (scaled by the bound's size).
    func brokenRows(_ f: Formulation, _ values: [Double]) -> [String] {
        f.model.constraints.compactMap { c in
            let a = c.expression.value(values)
            let u = c.bounds.upper, l = c.bounds.lower
            if u.isFinite && a > u + 1e-6 * max(1, abs(u)) { return c.name }
            if l.isFinite && a < l - 1e-6 * max(1, abs(l)) { return c.name }
            return nil
        }
    }

    func testStartPlanOfSeededCoalitionsSatisfiesEveryRow() throws {
        for seed: UInt64 in [1, 2, 3] {
            var s = RandomScenario.make(nations: 60, seed: seed)
            s.policies.maxNationShare = 0.3   // the rule rounding can break, so repair must mend
            for o in s.effectiveOptions where o.id != "b" {
                let f = Formulation(scenario: s, option: ResolvedOption(o, of: s))
                guard case .success(let values) = f.startPlan(solver: GLPKSolver()) else {
                    return XCTFail("seed \(seed) option \(o.id): no start plan")
                }
                XCTAssertEqual(brokenRows(f, values), [], "seed \(seed) option \(o.id)")
                // Whole units within bounds.
                for a in f.assignments {
                    let u = values[a.variable.index]
                    XCTAssertEqual(u, u.rounded())
                    XCTAssertLessThanOrEqual(u, f.model.variables[a.variable.index].upperBound)
                }
                // It is a real plan: the LP covers these coalitions fully, and rounding down
                // keeps most of it (coverage well above zero).
                XCTAssertGreaterThan(f.plan(from: values).value(of: .coverage) ?? 0, 0.5, "seed \(seed) option \(o.id)")
            }
        }
    }

    func testNoStartPlanSaysWhichRuleCannotBeMet() throws {
        let s = try scenario(StatusContractTests.tightShares)
        let o = try XCTUnwrap(s.effectiveOptions.first)
        let f = Formulation(scenario: s, option: ResolvedOption(o, of: s))
        guard case .failure(let why) = f.startPlan(solver: GLPKSolver()) else {
            return XCTFail("a start plan where rounding cannot find one")
        }
        XCTAssertTrue(why.reason.hasPrefix("min_nations:hold"), why.reason)
    }

    func testInfeasibleLPGivesNoStartPlan() throws {
        // Three nations required, two can serve: even the LP relaxation is infeasible.
        let s = try scenario(header + """
        nations:
          a: {pledges: [{capability: inf, units: 2, cost: 1}]}
          b: {pledges: [{capability: inf, units: 2, cost: 1}]}
        requirements:
          - {id: hold, needs: inf, units: 2, at: [poland], min_nations: 3}
        """)
        let o = try XCTUnwrap(s.effectiveOptions.first)
        let f = Formulation(scenario: s, option: ResolvedOption(o, of: s))
        guard case .failure(let why) = f.startPlan(solver: GLPKSolver()) else { return XCTFail("a start plan") }
        XCTAssertEqual(why.reason, "the LP relaxation is infeasible, so no plan exists")
    }
}
