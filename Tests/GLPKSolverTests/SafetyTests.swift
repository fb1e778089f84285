import LinearModel
import XCTest
@testable import GLPKSolver

/// Bad input throws and never reaches GLPK; GLPK's own errors are trapped; the process and
/// the thread go on solving.
final class SafetyTests: XCTestCase {
    /// min x + y, x + y >= 1: optimum 1. Solved after each failure to show the thread works.
    func assertStillSolves(file: StaticString = #filePath, line: UInt = #line) throws {
        var m = Model()
        let x = m.addVariable(name: "x"), y = m.addVariable(name: "y")
        m.addConstraint(name: "c", x + y, .greaterEqual(1))
        m.setObjective(.minimize, x + y)
        let r = try GLPKSolver().solve(m)
        XCTAssertEqual(r.termination, .optimal, file: file, line: line)
        XCTAssertEqual(r.objectiveValue!, 1, accuracy: 1e-12, file: file, line: line)
    }

    func testNaNCoefficientThrows() throws {
        var m = Model()
        let x = m.addVariable(name: "x")
        m.addConstraint(name: "c", Double.nan * x, .lessEqual(1))
        XCTAssertThrowsError(try GLPKSolver().solve(m)) { error in
            XCTAssertEqual(error as? ModelError, .notANumber(where: "constraint c"))
        }
        XCTAssertThrowsError(try GLPKSolver().export(m, format: .lp, to: "/tmp/never-written.lp"))
        try assertStillSolves()
    }

    func testInfiniteCoefficientThrows() throws {
        var m = Model()
        let x = m.addVariable(name: "x")
        m.setObjective(.minimize, Double.infinity * x)
        XCTAssertThrowsError(try GLPKSolver().solve(m)) { error in
            XCTAssertEqual(error as? ModelError, .infiniteCoefficient(where: "the objective"))
        }
        try assertStillSolves()
    }

    /// GLPK itself does not check lb > ub when bounds are set; validation must.
    func testInvertedBoundsThrow() throws {
        var m = Model()
        m.addVariable(name: "x", lowerBound: 3, upperBound: 1)
        XCTAssertThrowsError(try GLPKSolver().solve(m)) { error in
            XCTAssertEqual(error as? ModelError, .invertedVariableBounds(variable: "x", lower: 3, upper: 1))
        }
        try assertStillSolves()
    }

    func testForeignVariableThrows() throws {
        var other = Model()
        _ = other.addVariable(name: "a")
        let foreign = other.addVariable(name: "b")   // index 1, another model
        var m = Model()
        let x = m.addVariable(name: "x")
        m.addConstraint(name: "c", x + foreign, .lessEqual(1))
        XCTAssertThrowsError(try GLPKSolver().solve(m)) { error in
            XCTAssertEqual(error as? ModelError, .foreignVariable(where: "constraint c", index: 1))
        }
        try assertStillSolves()
    }

    func testHintOfWrongLengthThrows() throws {
        var m = Model()
        m.addVariable(name: "x", kind: .integer, upperBound: 3)
        var p = SolveParameters()
        p.hint = [1, 2]
        XCTAssertThrowsError(try GLPKSolver().solve(m, parameters: p)) { error in
            XCTAssertEqual(error as? ModelError, .hintLength(expected: 1, got: 2))
        }
    }

    /// A genuine GLPK error (glp_set_obj_coef with a column out of range) would abort();
    /// the shim traps it, frees the thread's GLPK environment, and solving goes on.
    func testTrappedGLPKErrorThenSolve() throws {
        XCTAssertThrowsError(try GLPKSession.trapInvalidCallForTesting()) { error in
            guard let e = error as? SolverError, e.code == .internalError, let op = e.operation else {
                return XCTFail("unexpected \(error)")
            }
            let message = e.message
            XCTAssertEqual(op, "glp_set_obj_coef")
            XCTAssertTrue(message.contains("out of range"), message)
            XCTAssertTrue("\(error)".hasPrefix("GLPK error in glp_set_obj_coef"))
        }
        try assertStillSolves()
        // Twice in a row, to show the environment is rebuilt each time.
        XCTAssertThrowsError(try GLPKSession.trapInvalidCallForTesting())
        try assertStillSolves()
    }

    /// A GLPK error raised inside the branch-and-bound callback (glp_ios_add_row outside
    /// GLP_ICUTGEN) unwinds C frames only, is thrown, and the thread solves again; a
    /// progress handler (a Swift frame inside glp_intopt) is set to show it is unharmed.
    func testTrappedErrorInsideBranchAndBoundCallback() throws {
        var solver = GLPKSolver()
        solver.invalidCallInCallbackForTesting = true
        var p = SolveParameters()
        p.progressHandler = { _ in }
        XCTAssertThrowsError(try solver.solve(MIPSearchTests.parityKnapsack().0, parameters: p)) { error in
            guard let e = error as? SolverError, e.code == .internalError, let op = e.operation else {
                return XCTFail("unexpected \(error)")
            }
            let message = e.message
            XCTAssertEqual(op, "glp_intopt")
            XCTAssertTrue(message.contains("glp_ios_add_row"), message)
        }
        try assertStillSolves()
    }

    /// Calling the solver from its own log handler would nest GLPK calls on one thread.
    func testSolveFromHandlerThrowsReentrantCall() throws {
        var m = Model()
        let x = m.addVariable(name: "x", kind: .integer, upperBound: 5)
        m.setObjective(.maximize, LinearExpression(x))
        let inner = m
        let box = ErrorBox()
        var p = SolveParameters()
        p.logHandler = { _ in
            do { _ = try GLPKSolver().solve(inner) } catch { box.set(error) }
        }
        let r = try GLPKSolver().solve(m, parameters: p)
        XCTAssertEqual(r.objectiveValue, 5)  // max x, x <= 5
        XCTAssertEqual((box.error as? SolverError)?.code, .reentrantCall)
    }

    func testWriteToMissingDirectoryThrows() throws {
        var m = Model()
        let x = m.addVariable(name: "x")
        m.addConstraint(name: "c", LinearExpression(x), .lessEqual(1))
        XCTAssertThrowsError(try GLPKSolver().export(m, format: .mps, to: "/nonexistent-dir/m.mps")) { error in
            guard let e = error as? SolverError, e.code == .writeFailed, let path = e.path else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual(path, "/nonexistent-dir/m.mps")
        }
        try assertStillSolves()
    }
}

final class ErrorBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?
    var error: Error? { lock.lock(); defer { lock.unlock() }; return stored }
    func set(_ e: Error) { lock.lock(); if stored == nil { stored = e }; lock.unlock() }
}

/// Regression: the relaxation's solution read once let C write reduced costs "into" an
/// empty Swift array, i.e. into the runtime's shared empty-collection storage, which broke
/// unrelated dictionaries later (a negative count in `Dictionary.keys.sorted()`).
final class SharedStorageTests: XCTestCase {
    func testSolvesLeaveSharedEmptyStorageIntact() throws {
        var m = Model()
        let x = (0..<64).map { m.addVariable(name: "x\($0)", kind: .integer, upperBound: 3) }
        m.addConstraint(name: "c", LinearExpression(terms: x.map { (1.0, $0) }), .lessEqual(10))
        m.setObjective(.maximize, LinearExpression(terms: x.map { (1.0, $0) }))
        var p = SolveParameters()
        p.presolve = false  // the relaxation path, without duals
        p.wantDuals = false
        for _ in 0..<3 { XCTAssertEqual(try GLPKSolver().solve(m, parameters: p).objectiveValue, 10) }
        let emptyDictionary: [Int: Double] = [:]
        XCTAssertEqual(emptyDictionary.count, 0)
        XCTAssertEqual(emptyDictionary.keys.sorted(), [])
        let emptyArray: [Double] = []
        XCTAssertEqual(emptyArray.count, 0)
        XCTAssertEqual(Set<Int>().count, 0)
    }
}
