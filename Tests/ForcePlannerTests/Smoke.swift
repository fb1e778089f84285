import XCTest
@testable import ForcePlanner

final class ForcePlannerSmokeTests: XCTestCase { func testNothing() {} }
