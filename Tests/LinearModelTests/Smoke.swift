import XCTest
@testable import LinearModel

final class LinearModelSmokeTests: XCTestCase { func testNothing() {} }
