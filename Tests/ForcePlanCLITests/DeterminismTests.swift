import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import StandardPlanner
import XCTest

/// Same command, same bytes, in every format, also when searches stop at a node limit.
///
/// The scenario is `forceplan generate --nations 60 --seed 2`: with one branch-and-bound
/// node per solve, options a and c stop with a plan that is not proven (`feasible`), so
/// the test covers the early stop it is about (asserted below, not assumed).
final class DeterminismTests: XCTestCase {
    static let arguments = ["--node-limit", "1", "--quiet"]

    func generated() throws -> String {
        let path = try TestFiles.temporaryDirectory().appendingPathComponent("random-60-2.yaml").path
        let result = try ForcePlanCLI.run(["generate", "--nations", "60", "--seed", "2", "-o", path])
        XCTAssertEqual(result.status, 0, result.stderr)
        return path
    }

    func testNodeLimitedSearchesStopEarly() throws {
        let result = try ForcePlanCLI.run(["plan", try generated(), "--format", "csv"] + Self.arguments)
        let statuses = Set(result.stdout.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[1] })
        XCTAssertTrue(statuses.contains("feasible"), "\(statuses)")
    }

    func testSameCommandTwiceGivesTheSameBytesInEveryFormat() throws {
        let path = try generated()
        for format in ["text", "json", "csv", "markdown"] {
            let first = try ForcePlanCLI.run(["plan", path, "--format", format] + Self.arguments)
            let second = try ForcePlanCLI.run(["plan", path, "--format", format] + Self.arguments)
            XCTAssertFalse(first.stdout.isEmpty, format)
            XCTAssertEqual(first.status, second.status, format)
            XCTAssertEqual(first.stdout, second.stdout, format)
        }
    }

    /// The library with the same node limit gives the CLI's bytes.
    func testLibraryWithANodeLimitGivesTheCLIsBytes() throws {
        let path = try generated()
        let cli = try ForcePlanCLI.run(["plan", path, "--format", "json"] + Self.arguments)
        var settings = PlannerSettings()
        settings.nodeLimit = 1
        let loaded = try ScenarioLoader.load(file: path)
        XCTAssertEqual(JSONReport.render(Planner.standard(scenario: loaded.scenario, settings: settings).planAll()),
                       cli.stdout)
    }
}
