import LinearModel
import XCTest
@testable import GLPKSolver

/// `SolveParameters.nodeLimit`: the shim's callback counts subproblems selected
/// (`GLP_ISELECT`, the root included) and stops the search before the (limit + 1)-th.
/// No clock is involved, so a stop is reproducible; nil, 0 and negative limits mean none.
final class NodeLimitTests: XCTestCase {
    /// The parity knapsack of `MIPSearchTests` (optimum 210.8, LP bound 210.9, which GLPK
    /// alone cannot close for seconds) stops after 50 subproblems: `.stoppedEarly`, never
    /// `.optimal`, with the incumbent and a valid bound; twice the same answer, with and
    /// without the MIP presolver.
    func testHardKnapsackStopsEarlyWithIncumbentAndBound() throws {
        let model = MIPSearchTests.parityKnapsack().0
        for presolve in [true, false] {
            var p = SolveParameters()
            p.nodeLimit = 50
            p.presolve = presolve
            p.timeLimit = 60  // a safety net only: 50 nodes take milliseconds
            let r = try GLPKSolver().solve(model, parameters: p)
            XCTAssertEqual(r.termination, .stoppedEarly, "presolve \(presolve): \(r.message ?? "")")
            XCTAssertTrue(r.hasSolution)
            XCTAssertEqual(r.values.count, 40)
            XCTAssertTrue(r.message?.contains("node limit reached after 50 subproblem(s)") == true, r.message ?? "")
            let z = try XCTUnwrap(r.objectiveValue), bound = try XCTUnwrap(r.bestBound)
            XCTAssertGreaterThanOrEqual(z, 210 - 1e-9)         // near the optimum 210.8 ...
            XCTAssertLessThanOrEqual(z, 210.8 + 1e-9)          // ... and never above it
            XCTAssertGreaterThanOrEqual(bound, z - 1e-9)       // the bound is valid ...
            XCTAssertGreaterThanOrEqual(bound, 210.8 - 1e-9)
            XCTAssertLessThanOrEqual(bound, 210.9 + 1e-6)      // ... and no looser than the LP bound
            // The values are a feasible knapsack with that value.
            let (_, weights, capacity) = MIPSearchTests.parityKnapsack()
            XCTAssertTrue(r.values.allSatisfy { $0 == 0 || $0 == 1 })
            XCTAssertLessThanOrEqual(zip(weights, r.values).map { $0 * $1 }.reduce(0, +), capacity)
            XCTAssertEqual(zip(weights, r.values).map { 0.1 * $0 * $1 }.reduce(0, +), z, accuracy: 1e-9)

            let again = try GLPKSolver().solve(model, parameters: p)
            XCTAssertEqual(again.termination, r.termination)
            XCTAssertEqual(again.values, r.values)
            XCTAssertEqual(again.objectiveValue, r.objectiveValue)
            XCTAssertEqual(again.bestBound, r.bestBound)
            XCTAssertEqual(again.message, r.message)
        }
    }

    /// A larger limit searches further: the bound never loosens and the answer is still
    /// not "optimal".
    func testMoreNodesNeverLoosenTheBound() throws {
        let model = MIPSearchTests.parityKnapsack().0
        var p = SolveParameters()
        p.timeLimit = 60
        p.nodeLimit = 10
        let few = try GLPKSolver().solve(model, parameters: p)
        p.nodeLimit = 500
        let more = try GLPKSolver().solve(model, parameters: p)
        XCTAssertEqual(few.termination, .stoppedEarly)
        XCTAssertEqual(more.termination, .stoppedEarly)
        XCTAssertLessThanOrEqual(try XCTUnwrap(more.bestBound), try XCTUnwrap(few.bestBound) + 1e-9)
        XCTAssertGreaterThanOrEqual(try XCTUnwrap(more.objectiveValue), try XCTUnwrap(few.objectiveValue) - 1e-9)
    }

    /// The lattice stop takes precedence: with step 0.2 the incumbent 210.8 and the bound
    /// 210.9 prove optimality before the node limit matters.
    func testLatticeStopTakesPrecedence() throws {
        var p = SolveParameters()
        p.timeLimit = 60
        p.nodeLimit = 50
        p.objectiveStep = 0.2
        let r = try GLPKSolver().solve(MIPSearchTests.parityKnapsack().0, parameters: p)
        XCTAssertEqual(r.termination, .optimal)
        XCTAssertEqual(r.objectiveValue ?? 0, 210.8, accuracy: 1e-9)
        XCTAssertEqual(r.bestBound ?? 0, 210.8, accuracy: 1e-9)
    }

    /// A search that finishes within the limit is `.optimal` as usual. The small knapsack
    /// (values 10 13 7 8, weights 5 7 4 3, capacity 14, optimum 28) finishes within 50
    /// subproblems; the limit counts subproblems taken up, so the smallest limit at which
    /// it is optimal is exactly the number it needs, and one fewer stops it early.
    func testSmallSearchWithinTheLimitIsOptimal() throws {
        let m = Self.smallKnapsack()
        var p = SolveParameters()
        p.nodeLimit = 50
        let r = try GLPKSolver().solve(m, parameters: p)
        XCTAssertEqual(r.termination, .optimal)
        XCTAssertEqual(r.objectiveValue, 28)
        XCTAssertEqual(r.bestBound, 28)

        var needed: Int?
        for limit in 1...50 {
            p.nodeLimit = limit
            let s = try GLPKSolver().solve(m, parameters: p)
            if s.termination == .optimal { needed = limit; break }
            XCTAssertEqual(s.termination, .stoppedEarly, "limit \(limit)")
            XCTAssertTrue(s.message?.contains("after \(limit) subproblem(s)") == true, s.message ?? "")
        }
        XCTAssertNotNil(needed)
        XCTAssertGreaterThan(needed ?? 0, 1)  // GLPK 5 branches once here: limit 1 stops it
    }

    /// A MILP solved at the root needs one subproblem: `nodeLimit = 1` is enough.
    func testRootSolvedModelIsOptimalWithLimitOne() throws {
        var m = Model()
        let x = m.addVariable(name: "x", kind: .integer, upperBound: 3)
        m.addConstraint(name: "c", 2 * x, .lessEqual(6))
        m.setObjective(.maximize, LinearExpression(x))
        var p = SolveParameters()
        p.nodeLimit = 1
        let r = try GLPKSolver().solve(m, parameters: p)
        XCTAssertEqual(r.termination, .optimal)
        XCTAssertEqual(r.objectiveValue, 3)
    }

    /// No incumbent when the limit strikes: `.stoppedEarly` without a solution, never
    /// `.infeasible`. Twenty binaries with even coefficients must sum to 21: infeasible by
    /// parity, which branch and bound finds out only by enumeration (the LP relaxation is
    /// feasible at every node until the depth runs out).
    func testStopWithoutIncumbentHasNoSolution() throws {
        var m = Model()
        let x = (0..<20).map { m.addVariable(name: "x\($0)", kind: .binary) }
        m.addConstraint(name: "odd", LinearExpression(terms: x.map { (2.0, $0) }), .equal(21))
        m.setObjective(.minimize, LinearExpression(terms: x.enumerated().map { (Double($0 + 1), $1) }))
        for presolve in [true, false] {
            var p = SolveParameters()
            p.presolve = presolve
            p.timeLimit = 60
            p.nodeLimit = 5
            let r = try GLPKSolver().solve(m, parameters: p)
            XCTAssertEqual(r.termination, .stoppedEarly, "presolve \(presolve): \(r.message ?? "")")
            XCTAssertFalse(r.hasSolution)
            XCTAssertNil(r.objectiveValue)
            XCTAssertTrue(r.values.isEmpty)
            XCTAssertTrue(r.message?.contains("no integer solution found") == true, r.message ?? "")
        }
    }

    /// Zero and negative limits mean no limit (like nil), not "stop at once": the small
    /// knapsack is optimal, and the hard one runs into its time limit instead.
    func testZeroOrNegativeLimitMeansNoLimit() throws {
        XCTAssertEqual(GLPKSolver.nodeLimit(SolveParameters()), 0)
        for limit in [0, -1, Int.min] {
            var p = SolveParameters()
            p.nodeLimit = limit
            XCTAssertEqual(GLPKSolver.nodeLimit(p), 0)
            let r = try GLPKSolver().solve(Self.smallKnapsack(), parameters: p)
            XCTAssertEqual(r.termination, .optimal, "limit \(limit)")
            XCTAssertEqual(r.objectiveValue, 28)
        }
        var p = SolveParameters()
        p.nodeLimit = Int.max
        XCTAssertEqual(GLPKSolver.nodeLimit(p), Int32.max)
        p.nodeLimit = 0
        p.timeLimit = 0.2
        let hard = try GLPKSolver().solve(MIPSearchTests.parityKnapsack().0, parameters: p)
        XCTAssertEqual(hard.termination, .timeLimit)
    }

    /// The result mapping of a node-limit stop: `.stoppedEarly` with the real bound; a gap
    /// below one lattice step is still a proof (as after a time limit).
    func testNodeLimitResultMapping() {
        let feasible: Int32 = 2, undefined: Int32 = 1  // GLP_FEAS, GLP_UNDEF
        let open = GLPKSolver.mipResult(rc: .stoppedByApplication, status: feasible, objective: 10, values: [10],
                                        maximize: true, step: 0.25, bound: 10.5, latticeStop: false,
                                        nodeLimitStop: true, nodes: 7)
        XCTAssertEqual(open.termination, .stoppedEarly)
        XCTAssertTrue(open.hasSolution)
        XCTAssertEqual(open.objectiveValue, 10)
        XCTAssertEqual(open.bestBound, 10.5)
        XCTAssertEqual(open.message, "node limit reached after 7 subproblem(s)")
        let proven = GLPKSolver.mipResult(rc: .stoppedByApplication, status: feasible, objective: 10, values: [10],
                                          maximize: true, step: 1, bound: 10.5, latticeStop: false,
                                          nodeLimitStop: true, nodes: 7)
        XCTAssertEqual(proven.termination, .optimal)
        XCTAssertEqual(proven.bestBound, 10)
        let none = GLPKSolver.mipResult(rc: .stoppedByApplication, status: undefined, objective: 0, values: [0],
                                        maximize: false, step: 0, bound: 3, latticeStop: false,
                                        nodeLimitStop: true, nodes: 7)
        XCTAssertEqual(none.termination, .stoppedEarly)
        XCTAssertFalse(none.hasSolution)
        XCTAssertEqual(none.bestBound, 3)
        XCTAssertTrue(none.values.isEmpty)
    }

    static func smallKnapsack() -> Model {
        var m = Model()
        let values = [10.0, 13, 7, 8], weights = [5.0, 7, 4, 3]
        let x = (0..<4).map { m.addVariable(name: "x\($0)", kind: .binary) }
        m.addConstraint(name: "cap", LinearExpression(terms: zip(weights, x).map { ($0, $1) }), .lessEqual(14))
        m.setObjective(.maximize, LinearExpression(terms: zip(values, x).map { ($0, $1) }))
        return m
    }
}
