import XCTest
@testable import GLPKSolver

/// GLPK's C return codes as named, printable Swift values.
final class ReturnCodeTests: XCTestCase {
    /// Values from glpk.h: GLP_EBADB 0x01 ... GLP_ETMLIM 0x09, GLP_ESTOP 0x0D, GLP_ERANGE 0x13.
    func testRawValuesMatchGLPK() {
        XCTAssertEqual(GLPKReturnCode.success.rawValue, 0)
        XCTAssertEqual(GLPKReturnCode.invalidBasis.rawValue, 0x01)
        XCTAssertEqual(GLPKReturnCode.timeLimit.rawValue, 0x09)
        XCTAssertEqual(GLPKReturnCode.noPrimalFeasibleSolution.rawValue, 0x0A)
        XCTAssertEqual(GLPKReturnCode.stoppedByApplication.rawValue, 0x0D)
        XCTAssertEqual(GLPKReturnCode.mipGapReached.rawValue, 0x0E)
        XCTAssertEqual(GLPKReturnCode.resultOutOfRange.rawValue, 0x13)
    }

    func testDescriptionNamesTheCConstant() {
        XCTAssertEqual("\(GLPKReturnCode.timeLimit)", "GLP_ETMLIM (time limit exceeded)")
        XCTAssertEqual("\(GLPKReturnCode(rawValue: 99))", "GLPK return code 99")
    }

    func testSolverName() {
        XCTAssertTrue(GLPKSolver().name.hasPrefix("GLPK 5."), GLPKSolver().name)
    }
}
