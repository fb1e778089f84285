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
        let r = SolveResult(termination: .timeLimit, hasSolution: true, objectiveValue: 100, bestBound: 90)
        XCTAssertEqual(r.relativeGap!, 0.1, accuracy: 1e-12)
        XCTAssertNil(SolveResult(termination: .timeLimit, hasSolution: false, bestBound: 90).relativeGap)
    }
}
