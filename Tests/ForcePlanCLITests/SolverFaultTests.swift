import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
@testable import GLPKSolver
import LinearModel
import StandardPlanner
import XCTest

/// A GLPK failure in one option is that option's `error`, with GLPK's message; the other
/// options still solve. The fault is a real invalid GLPK call on the option's loaded
/// problem, trapped by GLPK's error hook (see SafetyTests), not a stand-in solver.
final class SolverFaultTests: XCTestCase {
    func faultyPlanner(_ s: Scenario, failing optionID: String) -> Planner {
        var planner = Planner.standard(scenario: s, settings: PlannerSettings(timeLimit: 60, alternatives: false,
                                                                              findBinding: false))
        // Every solver of the portfolio fails on that option's models (named scenario-option).
        var solver = GLPKSolver.portfolio[0]
        solver.invalidCallForModelNamedForTesting = "\(s.name)-\(optionID)"
        planner.solver = solver
        planner.settings.alternateSolvers = GLPKSolver.portfolio.dropFirst().map { alternate -> any Solver in
            var a = alternate
            a.invalidCallForModelNamedForTesting = "\(s.name)-\(optionID)"
            return a
        }
        return planner
    }

    /// The tutorial's second option fails; the first and third solve as without the fault
    /// (costs 257 and 247, derived in PlanCommandTests and WhatIfPlanningTests).
    func testFailedOptionReportsErrorWhileOthersSolve() throws {
        let s = try ScenarioLoader.load(file: ForcePlanCLI.root.appendingPathComponent("scenarios/tutorial.yaml").path)
            .scenario
        let report = faultyPlanner(s, failing: "over-the-horizon").planAll()
        XCTAssertEqual(report.options.map(\.option.id), ["in-ukraine", "over-the-horizon", "no-backstop"])
        let failed = report.options[1]
        XCTAssertEqual(failed.status, .error)
        XCTAssertNil(failed.plan)
        let message = try XCTUnwrap(failed.message)
        XCTAssertTrue(message.hasPrefix("GLPK error in glp_set_obj_coef:"), message)
        XCTAssertTrue(message.contains("out of range"), message)
        XCTAssertEqual(report.options[0].status, .optimal)
        XCTAssertEqual(value(report.options[0], .cost), 257, accuracy: 1e-9)
        XCTAssertEqual(report.options[2].status, .optimal)
        XCTAssertEqual(value(report.options[2], .cost), 247, accuracy: 1e-9)
        XCTAssertFalse(report.allSolved)
    }

    /// The reports say so: JSON status `error` with the message.
    func testFailedOptionIsAnErrorInTheJSONReport() throws {
        let s = try ScenarioLoader.load(file: ForcePlanCLI.root.appendingPathComponent("scenarios/tutorial.yaml").path)
            .scenario
        let json = JSONReport.render(faultyPlanner(s, failing: "in-ukraine").planAll())
        XCTAssertTrue(json.contains("\"status\": \"error\""), json)
        XCTAssertTrue(json.contains("GLPK error in glp_set_obj_coef"), json)
    }
}
