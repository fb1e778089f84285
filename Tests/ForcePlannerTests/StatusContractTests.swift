import ForceBench
@testable import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
@testable import GLPKSolver
import LinearModel
import XCTest

/// docs/statuses.md, status by status, through the planner: `optimal` only when proven,
/// `feasible` with the best plan and an honest gap, `time-limit` only without any plan
/// (and with the reason no start plan exists), `infeasible` always naming its conflicts,
/// `error` with the solver's message. Limits are node limits, never the wall clock.
final class StatusContractTests: XCTestCase {
    /// Seed 4 at 40 nations: GLPK proves coverage at the root in options a and d but not
    /// their cost stages (measured; see the CLI test below for the same through the binary).
    static let stopsEarly = RandomScenario.make(nations: 40, seed: 4)

    static func plan(_ s: Scenario, nodeLimit: Int?, solver: (any Solver)? = nil) -> PlanReport {
        var settings = PlannerSettings(timeLimit: 120, alternatives: false, findBinding: false)
        settings.nodeLimit = nodeLimit
        if let solver { return Planner(scenario: s, solver: solver, settings: settings).planAll() }
        return portfolioPlanner(s, settings).planAll()
    }

    func testProvenPlanIsOptimalWithoutGapOrMessage() throws {
        // One nation, one requirement it can fully serve: coverage 1, cost 2 x 3 = 6.
        let r = try planFirst(header + """
        nations:
          a: {pledges: [{capability: inf, units: 2, cost: 3}]}
        requirements:
          - {id: hold, needs: inf, units: 2, at: [poland]}
        """)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertNil(r.gap)
        XCTAssertNil(r.message)
        XCTAssertEqual(value(r, .cost), 6, accuracy: 1e-9)
    }

    func testNodeLimitGivesFeasibleWithAGapThatHoldsTheOptimum() throws {
        let stopped = Self.plan(Self.stopsEarly, nodeLimit: 1)
        let proven = Self.plan(Self.stopsEarly, nodeLimit: nil)
        let a = try XCTUnwrap(stopped.options.first { $0.option.id == "a" })
        let best = try XCTUnwrap(proven.options.first { $0.option.id == "a" })
        XCTAssertEqual(a.status, .feasible)
        XCTAssertEqual(best.status, .optimal)
        let message = try XCTUnwrap(a.message)
        XCTAssertTrue(message.hasPrefix("stopped by the node limit (1 node per stage) while optimising cost (coverage proven optimal)"), message)
        // Coverage was proven: the stopped plan has the optimum's coverage.
        XCTAssertEqual(value(a, .coverage), value(best, .coverage), accuracy: 1e-9)
        // The gap is honest: the proven optimum lies between the plan's cost and the bound
        // the gap implies, cost x (1 - gap) <= optimum <= cost. (Minimising.)
        let gap = try XCTUnwrap(a.gap)
        let cost = value(a, .cost), optimum = value(best, .cost)
        XCTAssertGreaterThan(gap, 0)
        XCTAssertLessThanOrEqual(optimum, cost + 1e-6)
        XCTAssertGreaterThanOrEqual(optimum, cost * (1 - gap) - 1e-6)
    }

    func testSearchStoppedByNodesGivesTheSameReportTwice() {
        let first = JSONReport.render(Self.plan(Self.stopsEarly, nodeLimit: 1))
        let second = JSONReport.render(Self.plan(Self.stopsEarly, nodeLimit: 1))
        XCTAssertTrue(first.contains("\"status\": \"feasible\""))
        XCTAssertEqual(first, second)
    }

    func testFirstStageStoppedWithoutAPlanReportsTheRepairedStartPlan() throws {
        // Plain GLPK (no cuts) finds no incumbent at the root of this coalition's coverage
        // stage (measured), so the one-node search leaves the option to its start plan.
        var s = RandomScenario.make(nations: 15, seed: 5)
        s.options = s.options.filter { $0.id == "a" }
        let stopped = try XCTUnwrap(Self.plan(s, nodeLimit: 1, solver: GLPKSolver()).options.first)
        let proven = try XCTUnwrap(Self.plan(s, nodeLimit: nil).options.first)
        XCTAssertEqual(stopped.status, .feasible)
        XCTAssertEqual(proven.status, .optimal)
        let message = try XCTUnwrap(stopped.message)
        XCTAssertTrue(message.hasSuffix("while optimising coverage; the plan is the repaired start plan, not the search's"),
                      message)
        // Honest gap (maximising): plan <= optimum <= plan x (1 + gap).
        let gap = try XCTUnwrap(stopped.gap)
        let plan = value(stopped, .coverage), optimum = value(proven, .coverage)
        XCTAssertLessThanOrEqual(plan, optimum + 1e-9)
        XCTAssertLessThanOrEqual(optimum, plan * (1 + gap) + 1e-9)
        XCTAssertGreaterThan(plan, 0.5)
    }

    /// Without cuts, the root LP (a = 1, b = 2.05) rounds to no plan: a's share needs
    /// 100a <= 0.52 (100a + 45b), so b >= 2.05a, and b's needs 45b <= 0.52 (100a + 45b),
    /// so b <= 2.41a; no whole b fits a = 1 or 2, the first plan is a = 3, b = 7 (cost 22).
    /// One node finds nothing, and rounding the LP down (a = 1, b = 2) breaks a's share:
    /// no start plan either, so the option has no plan at all.
    static let tightShares = TestScenarios.tightShares

    func testNoPlanAndNoStartGivesTimeLimitSayingWhy() throws {
        let s = try scenario(Self.tightShares)
        let r = try XCTUnwrap(Self.plan(s, nodeLimit: 1, solver: GLPKSolver()).options.first)
        XCTAssertEqual(r.status, .timeLimit)
        XCTAssertNil(r.plan)
        XCTAssertNil(r.gap)
        let message = try XCTUnwrap(r.message)
        XCTAssertTrue(message.contains("stopped by the node limit"), message)
        XCTAssertTrue(message.contains("no start plan either"), message)
        // Unlimited, the same solver proves a = 3, b = 7: cost 3 x 5 + 7 x 1 = 22.
        let full = try XCTUnwrap(Self.plan(s, nodeLimit: nil, solver: GLPKSolver()).options.first)
        XCTAssertEqual(full.status, .optimal)
        XCTAssertEqual(value(full, .cost), 22, accuracy: 1e-9)
    }

    func testInfeasibleOptionNamesItsConflicts() throws {
        // Three nations are required on `hold`, two pledge at all: min_nations must give.
        let r = try planFirst(header + """
        nations:
          a: {pledges: [{capability: inf, units: 2, cost: 1}]}
          b: {pledges: [{capability: inf, units: 2, cost: 1}]}
        requirements:
          - {id: hold, needs: inf, units: 2, at: [poland], min_nations: 3}
        """)
        XCTAssertEqual(r.status, .infeasible)
        XCTAssertEqual(r.conflicts.map(\.constraint), ["min_nations:hold"])
        XCTAssertNil(r.plan)
    }

    func testInfeasibleGeneratedOptionNamesTheRuleAndWhatWouldHaveToGiveInstead() throws {
        // Option b of every generated scenario caps personnel in Ukraine at 0, and
        // reassurance-west (at ukraine-west and kyiv, both tagged ukraine) needs at least one
        // nation: either that minimum or the ceiling must give. The fewest gives is one; the
        // smallest give is the minimum (a count of nations, relative to itself: 1) rather
        // than hundreds of personnel over a ceiling of 0.
        var s = RandomScenario.make(nations: 60, seed: 1)
        s.options = s.options.filter { $0.id == "b" }
        let r = try XCTUnwrap(Self.plan(s, nodeLimit: nil).options.first)
        XCTAssertEqual(r.status, .infeasible)
        XCTAssertEqual(r.conflicts.map(\.constraint), ["min_nations:reassurance-west"])
        let message = try XCTUnwrap(r.conflicts.first?.message)
        XCTAssertTrue(message.contains("for it to hold instead: max_personnel_in ukraine"), message)
    }

    func testSolverFaultGivesErrorWithItsMessage() throws {
        var broken = GLPKSolver()
        broken.invalidCallInCallbackForTesting = true
        let r = try XCTUnwrap(Self.plan(Self.stopsEarly, nodeLimit: nil, solver: broken).options.first)
        XCTAssertEqual(r.status, .error)
        XCTAssertNil(r.plan)
        XCTAssertFalse((r.message ?? "").isEmpty)
    }

    func testStoppedOptionsFollowTheSchemaWithAKnownOrUnknownGap() throws {
        let schemaData = try Data(contentsOf: JSONReportTests.root.appendingPathComponent("docs/plan.schema.json"))
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        var report = Self.plan(Self.stopsEarly, nodeLimit: 1)
        let check = JSONSchemaCheck(root: schema)
        XCTAssertEqual(check.errors(try JSONSerialization.jsonObject(with: Data(JSONReport.render(report).utf8)), schema), [])
        // The same option as if no bound were known: the gap is null, not 0, and Text says so.
        let i = try XCTUnwrap(report.options.firstIndex { $0.status == .feasible })
        report.options[i].gap = nil
        let json = JSONReport.render(report)
        XCTAssertEqual(check.errors(try JSONSerialization.jsonObject(with: Data(json.utf8)), schema), [])
        let options = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["options"] as? [[String: Any]])
        XCTAssertTrue(options[i]["gap"] is NSNull)
        XCTAssertTrue(TextReport.render(report).contains("stopped early; gap unknown"))
        XCTAssertTrue(MarkdownReport.render(report).contains("Status: **feasible** (stopped early, gap unknown)"))
    }

    func testGapIsUnknownWithoutABound() {
        XCTAssertNil(SolveContext.gap(value: 10, bound: nil, maximize: false))
        // Minimising 10 with bound 8: (10 - 8) / 10 = 0.2; maximising 0.8 below 1: 0.25.
        XCTAssertEqual(SolveContext.gap(value: 10, bound: 8, maximize: false) ?? -1, 0.2, accuracy: 1e-12)
        XCTAssertEqual(SolveContext.gap(value: 0.8, bound: 1, maximize: true) ?? -1, 0.25, accuracy: 1e-12)
        // A bound on the wrong side (rounding) is no negative gap.
        XCTAssertEqual(SolveContext.gap(value: 10, bound: 10.5, maximize: false), 0)
    }

    func testGapShowsTwoSignificantDigits() {
        XCTAssertEqual(NumberFormat.gap(0.0003), "0.03%")
        XCTAssertEqual(NumberFormat.gap(0.00012345), "0.012%")
        XCTAssertEqual(NumberFormat.gap(0.049), "4.9%")
        XCTAssertEqual(NumberFormat.gap(0.1234), "12%")
        XCTAssertEqual(NumberFormat.gap(0), "0%")
    }
}
