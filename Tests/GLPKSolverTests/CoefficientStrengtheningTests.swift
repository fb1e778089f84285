import LinearModel
import XCTest
@testable import GLPKSolver

/// Coefficient strengthening (`ProblemData.strengthenCoefficients`) on hand-built rows:
/// the values below are worked out in the comments; margins of 1e-9 of the row's magnitude
/// (rounding safety) are inside the accuracy.
final class CoefficientStrengtheningTests: XCTestCase {
    /// The (column, coefficient) terms of row `i`, in triplet order.
    func row(_ d: ProblemData, _ i: Int) -> [(Int, Double)] {
        (1..<d.ar.count).filter { Int(d.ia[$0]) == i + 1 }.map { (Int(d.ja[$0]) - 1, d.ar[$0]) }
    }

    /// x - 100 y <= 0, x in [0, 10], y binary. Max activity 10 (x = 10, y = 0), excess
    /// 10 - 0 = 10; |c_y| = 100 > 10, so c_y becomes -10 and the bound moves by
    /// d * l_y = 90 * 0 = 0: x - 10 y <= 0, the classic big-M tightening.
    func testBigMTightened() {
        var m = Model()
        let x = m.addVariable(name: "x", upperBound: 10)
        let y = m.addVariable(name: "y", kind: .integer, upperBound: 1)
        m.addConstraint(name: "link", x - 100 * y, .lessEqual(0))
        var d = ProblemData(m)
        XCTAssertEqual(d.strengthenCoefficients(), 1)
        let r = row(d, 0)
        XCTAssertEqual(r[0].1, 1)
        XCTAssertEqual(r[1].1, -10, accuracy: 1e-6)
        XCTAssertEqual(d.rowUpper[0], 0, accuracy: 1e-6)
    }

    /// 3a + 5b <= 7 over binaries: max activity 8, excess 1. a: d = 3 - 1 = 2, so
    /// a + 5b <= 5 (max activity 6, excess still 1); b: d = 5 - 1 = 4, so a + b <= 1.
    func testKnapsackBecomesPacking() {
        var m = Model()
        let a = m.addVariable(name: "a", kind: .integer, upperBound: 1)
        let b = m.addVariable(name: "b", kind: .integer, upperBound: 1)
        m.addConstraint(name: "k", 3 * a + 5 * b, .lessEqual(7))
        var d = ProblemData(m)
        XCTAssertEqual(d.strengthenCoefficients(), 2)
        XCTAssertEqual(row(d, 0)[0].1, 1, accuracy: 1e-6)
        XCTAssertEqual(row(d, 0)[1].1, 1, accuracy: 1e-6)
        XCTAssertEqual(d.rowUpper[0], 1, accuracy: 1e-6)
    }

    /// The same row written as -3a - 5b >= -7 becomes -a - b >= -1.
    func testGreaterEqualRowMirrored() {
        var m = Model()
        let a = m.addVariable(name: "a", kind: .integer, upperBound: 1)
        let b = m.addVariable(name: "b", kind: .integer, upperBound: 1)
        m.addConstraint(name: "k", -3 * a - 5 * b, .greaterEqual(-7))
        var d = ProblemData(m)
        XCTAssertEqual(d.strengthenCoefficients(), 2)
        XCTAssertEqual(row(d, 0)[0].1, -1, accuracy: 1e-6)
        XCTAssertEqual(row(d, 0)[1].1, -1, accuracy: 1e-6)
        XCTAssertEqual(d.rowLower[0], -1, accuracy: 1e-6)
    }

    /// 3x + y <= 7, x integer in [0, 2], y continuous in [0, 2]: max activity 8, excess 1,
    /// c_x = 3 > 1, d = 2: x + y <= 7 - 2 * 2 = 3. At x = 2 both say y <= 1; at x = 1 and
    /// x = 0 neither binds within y <= 2. The LP point (1.5, 2) (4.5 + 2 = 6.5 <= 7) is cut
    /// off (1.5 + 2 = 3.5 > 3).
    func testGeneralIntegerAtItsUpperBound() {
        var m = Model()
        let x = m.addVariable(name: "x", kind: .integer, upperBound: 2)
        let y = m.addVariable(name: "y", upperBound: 2)
        m.addConstraint(name: "r", 3 * x + y, .lessEqual(7))
        var d = ProblemData(m)
        XCTAssertEqual(d.strengthenCoefficients(), 1)
        XCTAssertEqual(row(d, 0)[0].1, 1, accuracy: 1e-6)
        XCTAssertEqual(row(d, 0)[1].1, 1)
        XCTAssertEqual(d.rowUpper[0], 3, accuracy: 1e-6)
    }

    /// Left alone: continuous columns only, a redundant row (max activity 2 <= 5), a
    /// two-sided row, and a row over a column without an upper bound.
    func testRowsWithoutRoomStayUnchanged() {
        var m = Model()
        let a = m.addVariable(name: "a", kind: .integer, upperBound: 1)
        let b = m.addVariable(name: "b", kind: .integer, upperBound: 1)
        let z = m.addVariable(name: "z", upperBound: 1)
        let w = m.addVariable(name: "w", kind: .integer)   // no upper bound
        m.addConstraint(name: "cont", 3 * z, .lessEqual(1))
        m.addConstraint(name: "redundant", a + b, .lessEqual(5))
        m.addConstraint(name: "ranged", 3 * a + 5 * b, .ranged(0, 7))
        m.addConstraint(name: "unbounded", 3 * a + w, .lessEqual(2))
        let before = ProblemData(m)
        var d = before
        XCTAssertEqual(d.strengthenCoefficients(), 0)
        XCTAssertEqual(d.ar, before.ar)
        XCTAssertEqual(d.rowUpper, before.rowUpper)
    }

    /// Exactness: seeded random rows over two integer columns (bounds in 0...3) and one
    /// continuous column; on a grid of points (every integer value, the continuous one in
    /// steps of 1/8) the strengthened row accepts exactly the points the original accepts.
    func testStrengtheningNeverChangesTheIntegerPoints() {
        var state: UInt64 = 12345
        func next(_ n: Int) -> Int {   // LCG, deterministic
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
        var strengthenedRows = 0
        for _ in 0..<300 {
            var m = Model()
            let u = [1 + next(3), 1 + next(3)]
            let x0 = m.addVariable(name: "x0", kind: .integer, upperBound: Double(u[0]))
            let x1 = m.addVariable(name: "x1", kind: .integer, upperBound: Double(u[1]))
            let y = m.addVariable(name: "y", upperBound: 2)
            let c = [Double(next(21) - 10), Double(next(21) - 10), Double(next(9) - 4) / 2]
            let rhs = Double(next(31) - 15) / 2
            let greater = next(2) == 1
            m.addConstraint(name: "r", c[0] * x0 + c[1] * x1 + c[2] * y,
                            greater ? .greaterEqual(rhs) : .lessEqual(rhs))
            let original = ProblemData(m)
            var d = original
            if d.strengthenCoefficients() > 0 { strengthenedRows += 1 }
            func accepts(_ p: ProblemData, _ point: [Double]) -> Bool {
                var act = 0.0
                for k in 1..<p.ar.count { act += p.ar[k] * point[Int(p.ja[k]) - 1] }
                return greater ? act >= p.rowLower[0] - 1e-7 : act <= p.rowUpper[0] + 1e-7
            }
            for v0 in 0...u[0] {
                for v1 in 0...u[1] {
                    for s in 0...16 {
                        let point = [Double(v0), Double(v1), Double(s) / 8]
                        XCTAssertEqual(accepts(original, point), accepts(d, point),
                                       "\(c) \(greater ? ">=" : "<=") \(rhs) at \(point): \(d.ar) \(d.rowLower) \(d.rowUpper)")
                    }
                }
            }
        }
        XCTAssertGreaterThan(strengthenedRows, 30)   // the test exercises the rule
    }

    /// Solving with the option on: the textbook MILP of `RootCutTests` keeps its optimum 2,
    /// and the message says how many coefficients changed (3x1 + 2x2 <= 12 with both in
    /// [0, 10] has no room: max activity 50, excess 38 exceeds every coefficient).
    func testSolveWithStrengtheningKeepsOptimum() throws {
        var o = GLPKOptions()
        o.coefficientStrengthening = true
        var m = RootCutTests.textbook()
        let r = try GLPKSolver(options: o).solve(m)
        XCTAssertEqual(try XCTUnwrap(r.objectiveValue), 2, accuracy: 1e-9)
        XCTAssertNil(r.message)
        // A big-M row: max x - 3b, x <= 100 b, x in [0, 2.5], b binary.
        m = Model()
        let x = m.addVariable(name: "x", upperBound: 2.5)
        let b = m.addVariable(name: "b", kind: .integer, upperBound: 1)
        m.addConstraint(name: "link", x - 100 * b, .lessEqual(0))
        m.setObjective(.maximize, x - 3 * b)
        // x = 2.5 needs b = 1: 2.5 - 3 = -0.5 < 0 (x = 0, b = 0): optimum 0. LP with the
        // big-M: b = x / 100, 2.5 - 0.075 = 2.425; strengthened to x - 2.5 b <= 0 the LP
        // has b = x / 2.5 and x - 3x/2.5 < 0: optimum 0 already.
        let s = try GLPKSolver(options: o).solve(m)
        XCTAssertEqual(try XCTUnwrap(s.objectiveValue), 0, accuracy: 1e-9)
        XCTAssertEqual(s.message, "coefficient strengthening tightened 1 coefficient(s)")
        var cut = o
        cut.rootCutRounds = 1
        cut.rootCutsReplacePresolver = true
        let t = try GLPKSolver(options: cut).solveReporting(m)
        XCTAssertEqual(try XCTUnwrap(t.rootBounds.first), 0, accuracy: 1e-9)  // the strengthened LP
        cut.coefficientStrengthening = false
        let u = try GLPKSolver(options: cut).solveReporting(m)
        XCTAssertEqual(try XCTUnwrap(u.rootBounds.first), 2.425, accuracy: 1e-9)  // the big-M LP
    }
}
