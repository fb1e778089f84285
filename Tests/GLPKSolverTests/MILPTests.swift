import LinearModel
import XCTest
@testable import GLPKSolver

/// Small MILPs with hand-checked optima.
final class MILPTests: XCTestCase {
    /// 0-1 knapsack: values 10, 13, 7, 8; weights 5, 7, 4, 3; capacity 14.
    /// All four weigh 19 > 14; 3-item sets with items 1 and 2 weigh >= 15; {1,3,4} is worth
    /// 25, {2,3,4} weighs 14 and is worth 28; pairs are worth at most 23. Optimum 28.
    func knapsack() -> (Model, [Variable]) {
        var m = Model(name: "knapsack")
        let values = [10.0, 13, 7, 8], weights = [5.0, 7, 4, 3]
        let x = (0..<4).map { m.addVariable(name: "take\($0)", kind: .binary) }
        m.addConstraint(name: "capacity", LinearExpression(terms: zip(weights, x).map { ($0, $1) }), .lessEqual(14))
        m.setObjective(.maximize, LinearExpression(terms: zip(values, x).map { ($0, $1) }))
        return (m, x)
    }

    func testKnapsackOptimum() throws {
        let (m, x) = knapsack()
        let r = try GLPKSolver().solve(m)
        XCTAssertEqual(r.termination, .optimal)
        XCTAssertTrue(r.hasSolution)
        XCTAssertEqual(r.objectiveValue!, 28, accuracy: 1e-9)  // items 2, 3, 4 (derivation above)
        XCTAssertEqual(r.bestBound!, 28, accuracy: 1e-9)       // proven: bound = objective
        XCTAssertEqual(x.map { r.value($0) }, [0, 1, 1, 1])
        XCTAssertNil(r.rowDuals)                                // MILPs carry no duals
    }

    /// Without the MIP presolver the relaxation is solved first; same optimum.
    func testKnapsackWithoutPresolve() throws {
        let (m, _) = knapsack()
        var p = SolveParameters()
        p.presolve = false
        let r = try GLPKSolver().solve(m, parameters: p)
        XCTAssertEqual(r.termination, .optimal)
        XCTAssertEqual(r.objectiveValue!, 28, accuracy: 1e-9)  // as above
    }

    /// Fractional bounds of an integer variable are rounded inward: 0.5 <= n <= 3.7, max n -> 3.
    func testIntegerBoundsRoundedInward() throws {
        var m = Model()
        let n = m.addVariable(name: "n", kind: .integer, lowerBound: 0.5, upperBound: 3.7)
        m.setObjective(.maximize, LinearExpression(n))
        let r = try GLPKSolver().solve(m)
        XCTAssertEqual(r.objectiveValue!, 3)
    }

    /// An integer variable with no integer in its bounds (0.2 <= n <= 0.8) is infeasible.
    func testIntegerBoundsWithoutIntegerAreInfeasible() throws {
        var m = Model()
        let n = m.addVariable(name: "n", kind: .integer, lowerBound: 0.2, upperBound: 0.8)
        m.setObjective(.maximize, LinearExpression(n))
        XCTAssertEqual(try GLPKSolver().solve(m).termination, .infeasible)
    }
}
