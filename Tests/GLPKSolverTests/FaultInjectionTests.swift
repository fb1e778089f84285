import LinearModel
import XCTest
@testable import GLPKSolver

/// The test hook that makes GLPK fail on one named model: the failure is GLPK's own
/// (an out-of-range column index caught by the error hook), and other models still solve.
final class FaultInjectionTests: XCTestCase {
    /// max x, x <= 4 (integer): 4.
    func model(named name: String) -> Model {
        var m = Model(name: name)
        let x = m.addVariable(name: "x", kind: .integer, upperBound: 4)
        m.setObjective(.maximize, LinearExpression(x))
        return m
    }

    func testNamedModelFailsWithGLPKsMessage() throws {
        var solver = GLPKSolver()
        solver.invalidCallForModelNamedForTesting = "broken"
        XCTAssertThrowsError(try solver.solve(model(named: "broken"))) { error in
            guard let e = error as? SolverError, e.code == .internalError, let op = e.operation else {
                return XCTFail("unexpected \(error)")
            }
            let message = e.message
            XCTAssertEqual(op, "glp_set_obj_coef")
            // One column (x), so column 2 is out of range.
            XCTAssertTrue(message.contains("j = 2; column number out of range"), message)
        }
    }

    func testOtherModelsStillSolveWithTheSameSolver() throws {
        var solver = GLPKSolver()
        solver.invalidCallForModelNamedForTesting = "broken"
        _ = try? solver.solve(model(named: "broken"))
        let r = try solver.solve(model(named: "fine"))
        XCTAssertEqual(r.termination, .optimal)
        XCTAssertEqual(r.objectiveValue, 4)
    }
}
