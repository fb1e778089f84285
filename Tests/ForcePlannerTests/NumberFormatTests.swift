import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import XCTest

/// `NumberFormat` is total: every Double, up to the largest, reads as a number (a
/// hand-edited `brief --from` file once trapped it; see ReportInputFuzzRegressionTests).
final class NumberFormatTests: XCTestCase {
    func testReadableGroupsThousandsAndDropsTrailingZeros() {
        XCTAssertEqual(NumberFormat.readable(4200), "4,200")
        XCTAssertEqual(NumberFormat.readable(0.875), "0.875")
        XCTAssertEqual(NumberFormat.readable(12.5), "12.5")
        XCTAssertEqual(NumberFormat.readable(-1234567.25, decimals: 1), "-1,234,567.3")
        XCTAssertEqual(NumberFormat.readable(0.9996, decimals: 3), "1")
        XCTAssertEqual(NumberFormat.readable(-0.0001), "0")
    }

    /// From 1e15 on a Double has no fraction left: the whole number, grouped, however
    /// many decimals are asked for (1e15 x 10^3 would still fit; 1e308 x 10^3 would not).
    func testHugeValuesReadAsWholeNumbers() {
        XCTAssertEqual(NumberFormat.readable(1e15), "1,000,000,000,000,000")
        XCTAssertEqual(NumberFormat.readable(-2.5e15, decimals: 12), "-2,500,000,000,000,000")
        let largest = NumberFormat.readable(1e308)
        XCTAssertTrue(largest.hasPrefix("100,000,000,000,000,00"), largest)
        XCTAssertEqual(largest.filter(\.isNumber).count, 309)
        XCTAssertEqual(NumberFormat.readable(-.greatestFiniteMagnitude).first, "-")
    }

    func testPercentAndGapOfExtremeValues() {
        XCTAssertEqual(NumberFormat.percent(0.875), "87.5%")
        XCTAssertEqual(NumberFormat.percent(1e308), "inf%")   // 1e308 x 100 is beyond Double
        XCTAssertEqual(NumberFormat.gap(1e308), "inf%")
        XCTAssertEqual(NumberFormat.gap(1.5e-13), "0.000000000015%")
        XCTAssertEqual(NumberFormat.gap(1e-14), "<0.000000000001%")   // never "0%" when not 0
        XCTAssertEqual(NumberFormat.gap(.leastNonzeroMagnitude), "<0.000000000001%")
        XCTAssertEqual(NumberFormat.gap(.infinity), "inf")
        XCTAssertEqual(NumberFormat.readable(.nan), "nan")
    }
}
