import ForcePlanTestSupport
import Foundation
import XCTest

/// `forceplan validate` as planners run it: summaries on stdout, diagnostics on stderr,
/// exit 0 when every file is valid and 2 otherwise.
final class ValidateCommandScenarioTests: XCTestCase {
    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ForcePlanCLI.run(arguments)
    }

    func testValidFileGivesASummaryAndExitZero() throws {
        let result = try run(["validate", "scenarios/tutorial.yaml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "scenarios/tutorial.yaml: ok: 4 nations, 8 pledges, 3 requirements, 3 options\n")
        XCTAssertEqual(result.stderr, "")
    }

    func testAnInvalidFileAmongValidOnesGivesExitTwoAndItsErrorsOnStderr() throws {
        let bad = packageRoot
            .appendingPathComponent("Tests/ForcePlannerTests/Fixtures/malformed/pledge-unknown-capability.yaml").path
        let result = try run(["validate", "scenarios/tutorial.yaml", bad])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stdout.hasPrefix("scenarios/tutorial.yaml: ok:"))
        XCTAssertEqual(result.stderr, "\(bad):23:22: unknown capability 'minehuntr'; did you mean 'minehunter'?\n")
    }

    func testMissingFileGivesExitTwo() throws {
        let result = try run(["validate", "no-such-file.yaml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "no-such-file.yaml: no such file; check the path\n")
    }
}
