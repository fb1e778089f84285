import XCTest
@testable import LinearModel

/// Model building and validation.
final class ModelTests: XCTestCase {
    /// x + y + 3 <= 10 is stored as x + y <= 7 (the constant moves into the bounds).
    func testConstraintConstantMovesIntoBounds() {
        var m = Model()
        let x = m.addVariable(name: "x"), y = m.addVariable(name: "y")
        m.addConstraint(name: "c", x + y + 3, .lessEqual(10))
        m.addConstraint(name: "r", x - 1, .ranged(0, 4))
        XCTAssertEqual(m.constraints[0].bounds, .lessEqual(7))
        XCTAssertEqual(m.constraints[0].expression.constant, 0)
        XCTAssertEqual(m.constraints[1].bounds, .ranged(1, 5))
    }

    /// Binary variables are clamped to [0, 1] whatever bounds are asked for.
    func testBinaryBoundsClamped() {
        var m = Model()
        m.addVariable(name: "b", kind: .binary, lowerBound: -5, upperBound: 9)
        XCTAssertEqual(m.variables[0].lowerBound, 0)
        XCTAssertEqual(m.variables[0].upperBound, 1)
        XCTAssertTrue(m.isMixedInteger)
    }

    /// A copy keeps the identity: variables of the original are valid in it.
    func testCopyKeepsVariables() throws {
        var m = Model()
        let x = m.addVariable(name: "x")
        var copy = m
        copy.addConstraint(name: "c", LinearExpression(x), .lessEqual(1))
        XCTAssertTrue(copy.owns(x))
        XCTAssertNoThrow(try copy.validate())
        XCTAssertEqual(m.constraintCount, 0)  // the original is unchanged
    }

    func testValidateRejectsBadData() {
        var m = Model()
        let x = m.addVariable(name: "x")
        m.addConstraint(name: "inverted", LinearExpression(x), .ranged(3, 1))
        XCTAssertThrowsError(try m.validate()) { error in
            XCTAssertEqual(error as? ModelError, .invertedConstraintBounds(constraint: "inverted", lower: 3, upper: 1))
        }
        var n = Model()
        let y = n.addVariable(name: "y", lowerBound: .nan)
        _ = y
        XCTAssertThrowsError(try n.validate()) { error in
            XCTAssertEqual(error as? ModelError, .notANumber(where: "bounds of y"))
        }
    }

    /// |objective - bound| / |objective|: 100 vs 90 -> 0.1; no gap without a solution.
    func testRelativeGap() {
        let r = SolveResult(termination: .timeLimit, primalStatus: .feasiblePoint, objectiveValue: 100, bestBound: 90)
        XCTAssertEqual(r.relativeGap!, 0.1, accuracy: 1e-12)
        XCTAssertNil(SolveResult(termination: .timeLimit, primalStatus: .noPoint, bestBound: 90).relativeGap)
    }

    /// Integer bounds round inward with 1e-9 of slack: [0.2, 6.9999999999] holds the whole
    /// numbers 1...7; [0.4, 0.6] holds none (a conflict, upper raised to the lower, 1);
    /// continuous bounds stay as written.
    func testIntegralBoundsRoundInward() {
        var m = Model(name: "bounds")
        _ = m.addVariable(name: "a", kind: .integer, lowerBound: 0.2, upperBound: 6.9999999999)
        _ = m.addVariable(name: "b", kind: .integer, lowerBound: 0.4, upperBound: 0.6)
        _ = m.addVariable(name: "c", lowerBound: 0.4, upperBound: 0.6)
        _ = m.addVariable(name: "d", kind: .binary)
        let b = m.variables.map(\.integralBounds)
        XCTAssertTrue(b[0] == (1, 7, false))
        XCTAssertTrue(b[1] == (1, 1, true))
        XCTAssertTrue(b[2] == (0.4, 0.6, false))
        XCTAssertTrue(b[3] == (0, 1, false))
    }

    /// Model errors carry a code (matchable like `Errno`) and read as before.
    func testModelErrorCodesAndDescriptions() {
        let inverted = ModelError.invertedVariableBounds(variable: "x", lower: 3, upper: 1)
        XCTAssertEqual(inverted.code, .invertedVariableBounds)
        XCTAssertEqual(inverted.description, "variable x: lower bound 3.0 exceeds upper bound 1.0")
        XCTAssertEqual(ModelError.foreignVariable(where: "constraint c", index: 1).description,
                       "variable #1 in constraint c does not belong to this model")
        XCTAssertEqual(ModelError.hintLength(expected: 1, got: 2).description, "solution hint has 2 values for 1 variables")
        XCTAssertEqual(ModelError.notANumber(where: "the objective").description, "NaN in the objective")
        XCTAssertEqual(ModelError.infiniteCoefficient(where: "constraint c").code.description, "infiniteCoefficient")
        XCTAssertNotEqual(ModelError.notANumber(where: "a"), ModelError.infiniteCoefficient(where: "a"))
    }
}
