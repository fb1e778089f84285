import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import GLPKSolver
import LinearModel
import XCTest

/// Trade-offs on each option's own terms (issue 20): every value on the shipped coalition
/// scenario cross-checked by an independent solve, and the sentences that print them.
final class TradeoffsTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// For each option and each trade-off: one direct GLPK solve of the criterion alone
    /// (no lexicographic stages, no warm start) on the option's model, with the first
    /// objective held by one aggregated row `first >= held - 1e-6` (the trade-off holds
    /// coverage 100% by fixing every shortfall at 0 instead). A proven trade-off must equal
    /// a proven direct optimum; every trade-off must lie within the direct solve's bound.
    func testCoalitionTradeoffsMatchAnIndependentSolve() throws {
        let loaded = try ScenarioLoader.load(file: Self.root.appendingPathComponent("scenarios/coalition-2025.yaml").path)
        let s = loaded.scenario
        let planner = portfolioPlanner(s, PlannerSettings(alternatives: false, findBinding: false, tradeoffs: true))
        let report = planner.planAll()
        XCTAssertEqual(Tradeoffs.footprintTag(s), "ukraine")
        var checked = 0, proven = 0
        for r in report.options {
            let plan = try XCTUnwrap(r.plan, r.option.id)
            let first = try XCTUnwrap(r.option.objectives.first)
            // One trade-off per decision-matrix criterion the option does not list.
            let expected = Tradeoffs.criteria(s).filter { !r.option.objectives.contains($0) }
            XCTAssertEqual(r.tradeoffs.map(\.criterion), expected, r.option.id)
            for t in r.tradeoffs {
                XCTAssertEqual(t.held.objective, first)
                XCTAssertEqual(t.held.value, plan.value(of: first) ?? .nan, accuracy: 1e-9)
                let value = try XCTUnwrap(t.value, "\(r.option.id) \(t.criterion): \(t.status)")
                var option = r.option
                option.objectives = [first, t.criterion]
                let f = Formulation(scenario: s, option: option)
                var model = f.model
                let held = t.held.value
                model.addConstraint(name: "held", f.expression(for: first),
                                    first.maximizes ? .greaterEqual(held - 1e-6) : .lessEqual(held + 1e-6))
                let c = t.criterion
                model.setObjective(c.maximizes ? .maximize : .minimize, f.expression(for: c))
                var p = SolveParameters()
                p.nodeLimit = 20_000
                p.timeLimit = 60
                p.wantDuals = false
                let direct = try GLPKSolver().solve(model, parameters: p)
                let tol = 1e-5 * max(1, abs(value))
                if let bound = direct.bestBound {
                    // Nothing can beat the direct solve's proven bound.
                    XCTAssertTrue(c.maximizes ? value <= bound + tol : value >= bound - tol,
                                  "\(r.option.id) \(c): \(value) beyond the bound \(bound)")
                }
                if direct.termination == .optimal, let best = direct.objectiveValue {
                    if t.status == .optimal {
                        XCTAssertEqual(value, best, accuracy: tol, "\(r.option.id) \(c)")
                        proven += 1
                    } else {
                        XCTAssertTrue(c.maximizes ? value <= best + tol : value >= best - tol, "\(r.option.id) \(c)")
                    }
                }
                // Nor may it be worse than the plan's own value: the plan is feasible for it.
                XCTAssertTrue(c.maximizes ? value >= t.planValue - tol : value <= t.planValue + tol,
                              "\(r.option.id) \(c): \(value) worse than the plan's \(t.planValue)")
                checked += 1
            }
        }
        // 5 options: reassurance, over-the-horizon, resilient 4 each (coverage-by:7,
        // personnel-in:ukraine, nations, withdrawal); air-and-sea lists personnel-in:ukraine
        // (3); no-backstop 4.
        XCTAssertEqual(checked, 19)
        XCTAssertGreaterThanOrEqual(proven, 10, "too few trade-offs proven and cross-checked")
    }

    /// The sentence of the example, from plain values: coverage held at 100%,
    /// 10,850 -> 7,600 in Ukraine is -3,250; cost 1,656 -> 1,776 is +120; buildup
    /// 72.1% -> 71.4% is -0.7 points.
    func testTradeoffSentence() {
        let line = PlanSentences.tradeoff(
            held: "coverage", heldValue: 1,
            criterion: .init(objective: "personnel-in:ukraine", plan: 10_850, value: 7_600), criterionName: "personnel-in:ukraine",
            others: [.init(objective: "cost", plan: 1_656, value: 1_776), .init(objective: "buildup", plan: 0.721, value: 0.714)],
            status: "optimal", message: nil, costUnit: "M EUR per year")
        XCTAssertEqual(line, "same coverage (100%) with 7,600 personnel in ukraine (-3,250), cost 1,776 M EUR per year (+120), "
            + "buildup 71.4% (-0.7 points)")
        let same = PlanSentences.tradeoff(
            held: "coverage", heldValue: 0.5, criterion: .init(objective: "personnel-in:ukraine", plan: 0, value: 0),
            criterionName: "personnel-in:ukraine", others: [.init(objective: "cost", plan: 128, value: 128)],
            status: "optimal", message: nil, costUnit: nil)
        XCTAssertEqual(same, "same coverage (50%): the plan's 0 personnel in ukraine is already the best")
        let stopped = PlanSentences.tradeoff(
            held: "coverage", heldValue: 1, criterion: .init(objective: "withdrawal", plan: 0.8, value: 0.9),
            criterionName: "withdrawal", others: [], status: "feasible", message: "stopped by the node limit", costUnit: nil)
        XCTAssertEqual(stopped, "same coverage (100%) with 90% left after the worst single withdrawal (+10 points) "
            + "[feasible, not proven: stopped by the node limit]")
    }
}
