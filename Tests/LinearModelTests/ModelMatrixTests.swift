import XCTest
@testable import LinearModel

/// The flattened form every backend loads from, and the one rule for checking a point.
final class ModelMatrixTests: XCTestCase {
    /// Rows r0: 2x + y - x + 3z <= 4 (x merges to 1, in the order first named: x, y, z),
    /// r1: y - y + z >= 1 (y merges to 0 and is dropped), r2: 5x = 5. Triplets in row
    /// order: (0,x,1) (0,y,1) (0,z,3) (1,z,1) (2,x,5). By column: x: rows 0, 2 (1, 5);
    /// y: row 0 (1); z: rows 0, 1 (3, 1).
    func testTripletsMergeAndCompressByColumn() {
        var m = Model()
        let x = m.addVariable(name: "x"), y = m.addVariable(name: "y"), z = m.addVariable(name: "z")
        m.addConstraint(name: "r0", 2 * x + y - x + 3 * z, .lessEqual(4))
        m.addConstraint(name: "r1", y - y + z, .greaterEqual(1))
        m.addConstraint(name: "r2", 5 * x, .equal(5))
        m.setObjective(.minimize, x + x + y + 7)
        let a = ModelMatrix(m)
        XCTAssertEqual(a.tripletRow, [0, 0, 0, 1, 2])
        XCTAssertEqual(a.tripletColumn, [0, 1, 2, 2, 0])
        XCTAssertEqual(a.tripletValue, [1, 1, 3, 1, 5])
        XCTAssertEqual(a.objective, [2, 1, 0])
        XCTAssertEqual(a.objectiveConstant, 7)
        XCTAssertEqual(a.rowLower, [-.infinity, 1, 5])
        XCTAssertEqual(a.rowUpper, [4, .infinity, 5])
        let c = a.columnCompressed()
        XCTAssertEqual(c.start, [0, 2, 3, 5])
        XCTAssertEqual(c.index, [0, 2, 0, 0, 1])
        XCTAssertEqual(c.value, [1, 5, 1, 3, 1])
        // Objective at (1, 2, 0): 2 + 2 + 7 = 11.
        XCTAssertEqual(a.objectiveValue(at: [1, 2, 0]), 11)
    }

    /// Integer bounds round inward for solving and stay as written for export.
    func testIntegerBoundsRoundOnlyForSolving() {
        var m = Model()
        m.addVariable(name: "n", kind: .integer, lowerBound: 0.5, upperBound: 2.7)
        XCTAssertEqual(ModelMatrix(m).columnLower, [1])
        XCTAssertEqual(ModelMatrix(m).columnUpper, [2])
        XCTAssertEqual(ModelMatrix(m, roundIntegerBounds: false).columnLower, [0.5])
        XCTAssertFalse(ModelMatrix(m).integerBoundsConflict)
        var conflict = Model()
        conflict.addVariable(name: "c", kind: .integer, lowerBound: 0.2, upperBound: 0.8)
        XCTAssertTrue(ModelMatrix(conflict).integerBoundsConflict)
    }

    /// One rule, tolerance 1e-6 relative to max(1, |bound|): x integer in [0, 10],
    /// y in [0, 1e6], row x + y <= 1e6.
    /// - (3, 5): holds. (3.0000005, 5): within 1e-6 of whole: holds; (3.00001, 5): x is
    ///   not whole. (-0.0000005, 0): within the bound's 1e-6; (-0.00001, 0): below x's bound.
    /// - (4, 1e6 - 3.5): the row reads 1e6 + 0.5, within 1e-6 * 1e6 = 1; (4, 1e6 - 2):
    ///   1e6 + 2, beyond it: row 0. A NaN violates its column; a short point its length.
    func testViolationIsOneRuleWithRelativeTolerance() {
        var m = Model()
        let x = m.addVariable(name: "x", kind: .integer, upperBound: 10)
        let y = m.addVariable(name: "y", upperBound: 1e6)
        m.addConstraint(name: "cap", x + y, .lessEqual(1e6))
        XCTAssertNil(m.violation(of: [3, 5]))
        XCTAssertNil(m.violation(of: [3.0000005, 5]))
        XCTAssertEqual(m.violation(of: [3.00001, 5]), .column(0))
        XCTAssertNil(m.violation(of: [-0.0000005, 0]))
        XCTAssertEqual(m.violation(of: [-0.00001, 0]), .column(0))
        XCTAssertNil(m.violation(of: [4, 1e6 - 3.5]))
        XCTAssertEqual(m.violation(of: [4, 1e6 - 2]), .row(0))
        XCTAssertEqual(m.violation(of: [.nan, 0]), .column(0))
        XCTAssertEqual(m.violation(of: [1]), .length(expected: 2, got: 1))
        XCTAssertEqual(m.violation(of: [3.00001, 5], tolerance: 1e-4), nil)
        XCTAssertEqual(m.describe(.row(0)), "constraint cap")
        XCTAssertEqual(m.describe(.column(1)), "bounds or integrality of y")
        XCTAssertEqual(ModelMatrix(m).snappingIntegers([2.9999999, 0.5]), [3, 0.5])
    }

    /// The hint is checked with the model, once for every backend: its length, then NaN.
    func testValidateForParametersChecksTheHint() {
        var m = Model()
        m.addVariable(name: "x")
        var p = SolveParameters()
        p.hint = [1, 2]
        XCTAssertThrowsError(try m.validate(for: p)) { error in
            XCTAssertEqual(error as? ModelError, .hintLength(expected: 1, got: 2))
        }
        p.hint = [.nan]
        XCTAssertThrowsError(try m.validate(for: p)) { error in
            XCTAssertEqual(error as? ModelError, .notANumber(where: "the solution hint"))
        }
        p.hint = [1]
        XCTAssertNoThrow(try m.validate(for: p))
    }

    /// One error type for every backend; its text names the backend and what failed.
    func testSolverErrorDescriptions() {
        XCTAssertEqual(SolverError(.internalError, solver: "GLPK", operation: "glp_simplex", message: " bad \n").description,
                       "GLPK error in glp_simplex: bad")
        XCTAssertEqual(SolverError(.writeFailed, solver: "CBC", path: "/x/m.lp").description, "CBC could not write /x/m.lp")
        XCTAssertEqual(SolverError(.reentrantCall, solver: "CBC").description,
                       "CBCSolver called from inside a CBC solve on the same thread (from a handler)")
        XCTAssertEqual(SolverError.Code.writeFailed.description, "writeFailed")
        XCTAssertNotEqual(SolverError(.reentrantCall, solver: "CBC"), SolverError(.reentrantCall, solver: "GLPK"))
    }
}
