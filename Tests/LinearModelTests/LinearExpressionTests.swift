import XCTest
@testable import LinearModel

/// Building expressions: in place, linear, merged correctly.
final class LinearExpressionTests: XCTestCase {
    /// 1e6 terms over 1000 variables, term k = ((k % 7) - 3) * v[k % 1000]: variable i
    /// collects the terms k = i + 1000 t (t < 1000), so its merged coefficient is the sum of
    /// ((i + 1000 t) % 7) - 3 over t, computed independently below; zero sums must vanish.
    func testMillionTermsMergeCorrectly() {
        var model = Model()
        let vars = (0..<1000).map { model.addVariable(name: "v\($0)") }
        var e = LinearExpression()
        e.reserveCapacity(1_000_000)
        for k in 0..<1_000_000 { e.add(Double((k % 7) - 3), vars[k % 1000]) }
        XCTAssertEqual(e.termCount, 1_000_000)
        let merged = e.merged()
        var expected = [Double](repeating: 0, count: 1000)
        for i in 0..<1000 { for t in 0..<1000 { expected[i] += Double(((i + 1000 * t) % 7) - 3) } }
        let nonzero = expected.enumerated().filter { $0.element != 0 }
        XCTAssertEqual(merged.termCount, nonzero.count)
        XCTAssertEqual(merged.variables.map(\.index), nonzero.map(\.offset))  // sorted by index
        XCTAssertEqual(merged.coefficients, nonzero.map(\.element))
    }

    /// Terms that cancel disappear: x + 2y - x + 0z -> 2y.
    func testMergedDropsCancelledAndZeroTerms() {
        var model = Model()
        let x = model.addVariable(name: "x"), y = model.addVariable(name: "y"), z = model.addVariable(name: "z")
        var e = x + 2 * y
        e -= x
        e.add(0, z)
        e += 4
        let m = e.merged()
        XCTAssertEqual(m.variables, [y])
        XCTAssertEqual(m.coefficients, [2])
        XCTAssertEqual(m.constant, 4)
    }

    /// 2x + y - 5 at x = 3, y = 1: 6 + 1 - 5 = 2; -(x - y) at the same point: -2.
    func testOperatorsAndValue() {
        var model = Model()
        let x = model.addVariable(name: "x"), y = model.addVariable(name: "y")
        XCTAssertEqual((2 * x + y - 5).value([3, 1]), 2)
        XCTAssertEqual((-(x - y)).value([3, 1]), -2)
        XCTAssertEqual((3 * (x + 1.0)).value([3, 1]), 12)  // 3 * (3 + 1)
    }

    /// `+=` appends in place: 10,000 additions leave 10,000 terms (no copies, no merging).
    func testInPlaceAppend() {
        var model = Model()
        let x = model.addVariable(name: "x")
        var e = LinearExpression()
        for _ in 0..<10_000 { e += x }
        XCTAssertEqual(e.termCount, 10_000)
        XCTAssertEqual(e.merged().coefficients, [10_000])
    }
}
