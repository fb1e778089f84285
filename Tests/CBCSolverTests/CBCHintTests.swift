import Foundation
import LinearModel
import XCTest
@testable import CBCSolver

/// What CBC does with a MIP start that does not fit.
final class CBCHintTests: XCTestCase {
    /// CBC on max 5x + 4y, 6x + 4y <= 24, x + 2y <= 6, x, y whole, started from `hint`.
    static func solve(hint: [Double]) throws -> SolveResult {
        var m = Model()
        let x = m.addVariable(name: "x", kind: .integer), y = m.addVariable(name: "y", kind: .integer)
        m.addConstraint(name: "a", 6 * x + 4 * y, .lessEqual(24))
        m.addConstraint(name: "b", x + 2 * y, .lessEqual(6))
        m.setObjective(.maximize, 5 * x + 4 * y)
        var p = SolveParameters()
        p.hint = hint
        return try CBCSolver().solve(m, parameters: p)
    }

    /// max 5x + 4y, 6x + 4y <= 24, x + 2y <= 6, x, y whole (optimum 20 at (4, 0), derived
    /// in the conformance suite). The hint (9, 9) violates both rows: CBC drops it and
    /// still proves 20.
    func testViolatingHintIsDroppedAndTheOptimumStillFound() throws {
        let r = try Self.solve(hint: [9, 9])
        XCTAssertEqual(r.termination, .optimal)
        XCTAssertEqual(r.objectiveValue ?? .nan, 20, accuracy: 1e-9)
        XCTAssertEqual(r.values, [4, 0])
    }

    /// The same model with a start that fits but is not optimal, (0, 0): CBC must still
    /// prove 20, with the objective and bound in the model's sense (the shim hands CBC a
    /// maximisation as the minimisation of the negated objective). This small model did not
    /// show CBC's fault with sense -1 (a start taken as optimal); the build-up stage of
    /// coalition-2025 does: `TimelineTests.testCBCProvesTheBuildupThatGlpsolProves`.
    func testFeasibleButPoorStartOfAMaximisationIsImprovedOn() throws {
        let r = try Self.solve(hint: [0, 0])
        XCTAssertEqual(r.termination, .optimal)
        XCTAssertEqual(r.objectiveValue ?? .nan, 20, accuracy: 1e-9)
        XCTAssertEqual(r.values, [4, 0])
        XCTAssertGreaterThanOrEqual(r.bestBound ?? .nan, 20 - 1e-9)
    }
}
