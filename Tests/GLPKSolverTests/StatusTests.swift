import LinearModel
import XCTest
@testable import GLPKSolver

/// Infeasible and unbounded models report so, with and without presolvers.
final class StatusTests: XCTestCase {
    /// x + y >= 5 with x, y <= 2: at most 4 < 5.
    func infeasibleModel(integer: Bool) -> Model {
        var m = Model()
        let kind: VariableKind = integer ? .integer : .continuous
        let x = m.addVariable(name: "x", kind: kind, upperBound: 2)
        let y = m.addVariable(name: "y", kind: kind, upperBound: 2)
        m.addConstraint(name: "need5", x + y, .greaterEqual(5))
        m.setObjective(.minimize, x + y)
        return m
    }

    /// max x + y with x - y <= 1 and nothing bounding x + y above.
    func unboundedModel(integer: Bool) -> Model {
        var m = Model()
        let kind: VariableKind = integer ? .integer : .continuous
        let x = m.addVariable(name: "x", kind: kind)
        let y = m.addVariable(name: "y", kind: kind)
        m.addConstraint(name: "c", x - y, .lessEqual(1))
        m.setObjective(.maximize, x + y)
        return m
    }

    func parameters(presolve: Bool) -> SolveParameters {
        var p = SolveParameters()
        p.presolve = presolve
        return p
    }

    func testInfeasibleLP() throws {
        for presolve in [true, false] {
            let r = try GLPKSolver().solve(infeasibleModel(integer: false), parameters: parameters(presolve: presolve))
            XCTAssertEqual(r.termination, .infeasible, "presolve \(presolve)")
            XCTAssertFalse(r.hasSolution)
        }
    }

    func testUnboundedLP() throws {
        for presolve in [true, false] {
            let r = try GLPKSolver().solve(unboundedModel(integer: false), parameters: parameters(presolve: presolve))
            XCTAssertEqual(r.termination, .unbounded, "presolve \(presolve)")
            XCTAssertFalse(r.hasSolution)
        }
    }

    func testInfeasibleMILP() throws {
        for presolve in [true, false] {
            let r = try GLPKSolver().solve(infeasibleModel(integer: true), parameters: parameters(presolve: presolve))
            XCTAssertEqual(r.termination, .infeasible, "presolve \(presolve)")
            XCTAssertFalse(r.hasSolution)
        }
    }

    /// Only integrality makes it infeasible: 2x = 1 has no integer solution, its LP does.
    func testIntegerInfeasibleMILP() throws {
        for presolve in [true, false] {
            var m = Model()
            let x = m.addVariable(name: "x", kind: .integer, lowerBound: 0, upperBound: 10)
            m.addConstraint(name: "half", 2 * x, .equal(1))
            let r = try GLPKSolver().solve(m, parameters: parameters(presolve: presolve))
            XCTAssertEqual(r.termination, .infeasible, "presolve \(presolve)")
        }
    }

    /// A feasible MILP with an unbounded relaxation is unbounded (x = y = 0 is feasible);
    /// GLPK only says "no dual feasible solution", the backend decides with a feasibility solve.
    func testUnboundedMILP() throws {
        for presolve in [true, false] {
            let r = try GLPKSolver().solve(unboundedModel(integer: true), parameters: parameters(presolve: presolve))
            XCTAssertEqual(r.termination, .unbounded, "presolve \(presolve)")
            XCTAssertFalse(r.hasSolution)
        }
    }

    /// Unbounded relaxation but no integer point: 2x = 1 (x integer) with y free upwards,
    /// max x + y -> infeasible, not unbounded.
    func testIntegerInfeasibleMILPWithUnboundedRelaxation() throws {
        for presolve in [true, false] {
            var m = Model()
            let x = m.addVariable(name: "x", kind: .integer, upperBound: 10)
            let y = m.addVariable(name: "y", kind: .integer)
            m.addConstraint(name: "half", 2 * x, .equal(1))
            m.setObjective(.maximize, x + y)
            let r = try GLPKSolver().solve(m, parameters: parameters(presolve: presolve))
            XCTAssertEqual(r.termination, .infeasible, "presolve \(presolve)")
        }
    }

    /// No variables, no constraints: the optimum of the constant objective 7 is 7.
    func testEmptyModel() throws {
        var m = Model()
        m.setObjective(.minimize, LinearExpression(constant: 7))
        let r = try GLPKSolver().solve(m)
        XCTAssertEqual(r.termination, .optimal)
        XCTAssertEqual(r.objectiveValue, 7)
    }
}
