import XCTest
@testable import GLPKSolver

final class GLPKSolverSmokeTests: XCTestCase { func testNothing() {} }
