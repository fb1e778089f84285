import ForcePlanner
import ForcePlanTestSupport
import ForceScenario
import Foundation
import LinearModel
import StandardPlanner
import XCTest

/// Where the alternatives' solves run (issue 22, "Clean-up stages"): the shadow is
/// warm-started from the plan before, and the clean-up stages (the option's objectives in
/// order at a found distance) run on ``PlannerSettings/alternativeStageSolver``.
final class AlternativeStagesTests: XCTestCase {
    /// tutorial.yaml, option in-ukraine (objectives coverage, cost; one alternative within
    /// 5%, distance 3 in the golden report). The standard planner gives the clean-up stages
    /// GLPK's Gomory configuration; recorded, it runs exactly the two clean-up stages, each
    /// with the alternatives' node limit and the plan before as a hint, and nothing else.
    /// The shadow (the only solve with the 5% gap) runs on the planner's own solver, with
    /// the optimal plan as its hint.
    func testCleanUpStagesRunOnTheAlternativeStageSolverAndTheShadowIsWarmStarted() throws {
        let file = LoaderScenarioTests.packageRoot.appendingPathComponent("scenarios/tutorial.yaml").path
        let s = try ScenarioLoader.load(file: file).scenario
        var planner = Planner.standard(scenario: s, settings: PlannerSettings(alternatives: true, findBinding: false))
        let stageSolver = try XCTUnwrap(planner.settings.alternativeStageSolver)
        let stages = Recorded<(nodeLimit: Int?, hinted: Bool, objective: ObjectiveSense)>()
        planner.settings.alternativeStageSolver = RecordingSolver(inner: stageSolver) { m, p, _ in
            stages.append((p.nodeLimit, p.hint != nil, m.objective.sense))
        }
        let shadows = Recorded<Bool>()
        planner.solver = RecordingSolver(inner: planner.solver) { m, p, _ in
            if p.relativeGap == 0.05, m.constraints.contains(where: { $0.name == "near-optimal" }) {
                shadows.append(p.hint != nil)
            }
        }
        let option = try XCTUnwrap(s.effectiveOptions.first { $0.id == "in-ukraine" })
        let r = planner.plan(option)
        XCTAssertEqual(r.alternatives.map(\.distance), [3])
        XCTAssertEqual(stages.entries.map(\.nodeLimit), [100, 100])
        XCTAssertEqual(stages.entries.map(\.hinted), [true, true])
        // coverage is maximised, then cost minimised
        XCTAssertEqual(stages.entries.map(\.objective), [.maximize, .minimize])
        XCTAssertEqual(shadows.entries, [true])
    }

    /// `--solver glpk` and `--solver cbc` keep their own solvers for the clean-up stages.
    func testOnlyTheDefaultBackendNamesAnAlternativeStageSolver() {
        XCTAssertNotNil(SolverBackend.auto.alternativeStageSolver)
        for backend in [SolverBackend.glpk, .cbc, .glpkPlain] {
            XCTAssertNil(backend.alternativeStageSolver, backend.rawValue)
        }
    }
}
