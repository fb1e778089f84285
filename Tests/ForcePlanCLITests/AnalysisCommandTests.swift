import ForcePlanTestSupport
import Foundation
import XCTest

/// The analysis commands as planners run them: the same JSON as the goldens, exit codes,
/// and bad flags reported with exit code 2.
final class AnalysisCommandTests: XCTestCase {
    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ForcePlanCLI.run(arguments)
    }

    func golden(_ name: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent(
            "Tests/ForcePlannerTests/Fixtures/golden/\(name)"), encoding: .utf8)
    }

    func testCriticalityJSONOnTwoThreadsMatchesGolden() throws {
        let r = try run(["criticality", "scenarios/tutorial.yaml", "--format", "json", "-j", "2"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, try golden("tutorial-criticality.json"))
    }

    func testFrontierJSONMatchesGolden() throws {
        let r = try run(["frontier", "scenarios/tutorial.yaml", "--x", "personnel-in:ukraine", "--y", "coverage",
                         "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, try golden("tutorial-frontier.json"))
    }

    func testPlanWithSamplesMatchesGolden() throws {
        let r = try run(["plan", "scenarios/tutorial.yaml", "--samples", "200", "--seed", "7", "--no-alternatives",
                         "--no-binding", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, try golden("tutorial-reliability.json"))
    }

    /// The re-plans on 2 threads give the same bytes as on one; -j 0 is bad input.
    func testPlanWithSamplesOnTwoThreadsMatchesGolden() throws {
        let r = try run(["plan", "scenarios/tutorial.yaml", "--samples", "200", "--seed", "7", "-j", "2",
                         "--no-alternatives", "--no-binding", "--format", "json"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertEqual(r.stdout, try golden("tutorial-reliability.json"))
        let bad = try run(["plan", "scenarios/tutorial.yaml", "--samples", "10", "-j", "0"])
        XCTAssertEqual(bad.status, 2)
        XCTAssertTrue(bad.stderr.contains("-j must be between 1 and 256"), bad.stderr)
    }

    func testUnknownFrontierObjectiveIsBadInput() throws {
        let r = try run(["frontier", "scenarios/tutorial.yaml", "--x", "personnel-in:ukrain", "--y", "coverage"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("unknown tag 'ukrain'; did you mean 'ukraine'?"), r.stderr)
    }

    /// A count that would run for days or fill memory is refused at once, with the range.
    func testOutOfRangeCountsAreBadInput() throws {
        let samples = try run(["plan", "scenarios/tutorial.yaml", "--samples", "100000000000", "--quiet"])
        XCTAssertEqual(samples.status, 2)
        XCTAssertEqual(samples.stderr, "forceplan: --samples must be between 0 and 1000000, not 100000000000\n")
        let points = try run(["frontier", "scenarios/tutorial.yaml", "--x", "personnel-in:ukraine", "--y", "coverage",
                              "--points", "1000000000"])
        XCTAssertEqual(points.status, 2)
        XCTAssertEqual(points.stderr, "forceplan: --points must be between 2 and 1000, not 1000000000\n")
    }

    func testZeroJobsIsBadInput() throws {
        let r = try run(["criticality", "scenarios/tutorial.yaml", "-j", "0"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("-j must be between 1 and 256"), r.stderr)
    }
}
