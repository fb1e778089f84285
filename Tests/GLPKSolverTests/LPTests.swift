import LinearModel
import XCTest
@testable import GLPKSolver

/// Textbook LPs with known optima and duals.
final class LPTests: XCTestCase {
    /// Hillier–Lieberman, Wyndor Glass: max 3x + 5y; x <= 4, 2y <= 12, 3x + 2y <= 18.
    func testWyndorGlassOptimumAndDuals() throws {
        var m = Model(name: "wyndor")
        let x = m.addVariable(name: "x")
        let y = m.addVariable(name: "y")
        m.addConstraint(name: "plant1", LinearExpression(x), .lessEqual(4))
        m.addConstraint(name: "plant2", 2 * y, .lessEqual(12))
        m.addConstraint(name: "plant3", 3 * x + 2 * y, .lessEqual(18))
        m.setObjective(.maximize, 3 * x + 5 * y)
        let r = try GLPKSolver().solve(m)
        XCTAssertEqual(r.termination, .optimal)
        // y = 6 from plant2, then x = (18 - 12) / 3 = 2; 3*2 + 5*6 = 36.
        XCTAssertEqual(r.objectiveValue!, 36, accuracy: 1e-9)
        XCTAssertEqual(r.value(x), 2, accuracy: 1e-9)
        XCTAssertEqual(r.value(y), 6, accuracy: 1e-9)
        // Shadow prices: plant1 slack -> 0; solving y1' duals: 2u2 + 2u3 = 5, 3u3 = 3 -> u3 = 1, u2 = 1.5.
        let duals = try XCTUnwrap(r.rowDuals)
        XCTAssertEqual(duals[0], 0, accuracy: 1e-9)
        XCTAssertEqual(duals[1], 1.5, accuracy: 1e-9)
        XCTAssertEqual(duals[2], 1, accuracy: 1e-9)
        // Both variables are basic: reduced costs 0.
        XCTAssertEqual(r.reducedCosts![0], 0, accuracy: 1e-9)
        XCTAssertEqual(r.reducedCosts![1], 0, accuracy: 1e-9)
    }

    /// The same LP without the presolver gives the same answer.
    func testWyndorWithoutPresolve() throws {
        var m = Model()
        let x = m.addVariable(name: "x")
        let y = m.addVariable(name: "y")
        m.addConstraint(name: "p1", LinearExpression(x), .lessEqual(4))
        m.addConstraint(name: "p2", 2 * y, .lessEqual(12))
        m.addConstraint(name: "p3", 3 * x + 2 * y, .lessEqual(18))
        m.setObjective(.maximize, 3 * x + 5 * y)
        var p = SolveParameters()
        p.presolve = false
        let r = try GLPKSolver().solve(m, parameters: p)
        XCTAssertEqual(r.termination, .optimal)
        XCTAssertEqual(r.objectiveValue!, 36, accuracy: 1e-9)  // as above
        XCTAssertEqual(r.rowDuals![1], 1.5, accuracy: 1e-9)
    }

    /// Classic transportation problem: supplies 20, 30, 25; demands 10, 25, 15, 25.
    /// costs [8 6 10 9; 9 12 13 7; 14 9 16 5]. Plan x12=20, x21=10, x23=15, x24=5, x32=5,
    /// x34=20 costs 120+90+195+35+45+100 = 585; supply prices u = (-5, 0, -2) and demand
    /// prices v = (9, 11, 13, 7) satisfy u_i + v_j <= c_ij everywhere and give the dual
    /// value 10*9 + 25*11 + 15*13 + 25*7 - 5*20 - 2*25 = 585, so 585 is the optimum.
    func testTransportationProblem() throws {
        let supply = [20.0, 30, 25], demand = [10.0, 25, 15, 25]
        let cost: [[Double]] = [[8, 6, 10, 9], [9, 12, 13, 7], [14, 9, 16, 5]]
        var m = Model(name: "transport")
        var ship = [[Variable]]()
        for i in 0..<3 { ship.append((0..<4).map { j in m.addVariable(name: "ship[\(i),\(j)]") }) }
        for i in 0..<3 {
            m.addConstraint(name: "supply\(i)", LinearExpression(terms: ship[i].map { (1.0, $0) }), .lessEqual(supply[i]))
        }
        for j in 0..<4 {
            m.addConstraint(name: "demand\(j)", LinearExpression(terms: (0..<3).map { (1.0, ship[$0][j]) }), .greaterEqual(demand[j]))
        }
        var total = LinearExpression()
        for i in 0..<3 { for j in 0..<4 { total.add(cost[i][j], ship[i][j]) } }
        m.setObjective(.minimize, total)
        let r = try GLPKSolver().solve(m)
        XCTAssertEqual(r.termination, .optimal)
        XCTAssertEqual(r.objectiveValue!, 585, accuracy: 1e-6)
        for j in 0..<4 {  // every demand met exactly (oversupply only costs)
            XCTAssertEqual((0..<3).reduce(0) { $0 + r.value(ship[$1][j]) }, demand[j], accuracy: 1e-6)
        }
    }

    /// The objective constant is part of the reported value: min x + 10, x >= 2 -> 12.
    func testObjectiveConstant() throws {
        var m = Model()
        let x = m.addVariable(name: "x", lowerBound: 2)
        m.setObjective(.minimize, x + 10)
        let r = try GLPKSolver().solve(m)
        XCTAssertEqual(r.termination, .optimal)
        XCTAssertEqual(r.objectiveValue!, 12, accuracy: 1e-12)
    }

    /// Duplicate terms are merged before glp_load_matrix (which aborts on duplicates):
    /// x + x + y - y <= 4 is 2x <= 4; max x -> 2.
    func testDuplicateTermsAreMerged() throws {
        var m = Model()
        let x = m.addVariable(name: "x")
        let y = m.addVariable(name: "y", upperBound: 1)
        var e = LinearExpression()
        e.add(1, x); e.add(1, y); e.add(1, x); e.add(-1, y)
        m.addConstraint(name: "c", e, .lessEqual(4))
        m.setObjective(.maximize, LinearExpression(x))
        let r = try GLPKSolver().solve(m)
        XCTAssertEqual(r.objectiveValue!, 2, accuracy: 1e-12)
    }
}
