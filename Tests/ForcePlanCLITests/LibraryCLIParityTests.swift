import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import StandardPlanner
import XCTest

/// The README's library example gives the same bytes as `forceplan plan --format json`.
final class LibraryCLIParityTests: XCTestCase {
    /// The README's example, verbatim but for the path.
    func readmeJSON(_ path: String) throws -> String {
        let loaded = try ScenarioLoader.load(file: path)
        let report = try Commands.plan(loaded.scenario)          // forceplan plan
        return JSONReport.render(report)
    }

    func assertParity(_ relativePath: String, line: UInt = #line) throws {
        let cli = try ForcePlanCLI.run(["plan", relativePath, "--format", "json"])
        XCTAssertTrue([0, 1].contains(cli.status), cli.stderr, line: line)
        let library = try readmeJSON(ForcePlanCLI.root.appendingPathComponent(relativePath).path)
        XCTAssertFalse(library.isEmpty, line: line)
        XCTAssertEqual(library, cli.stdout, line: line)
    }

    func testTutorialJSONIsTheSameFromTheLibraryAndTheCLI() throws {
        try assertParity("scenarios/tutorial.yaml")
    }

    /// A generated scenario with 25 nations: branch and bound beyond the root, where the
    /// solver configuration shapes the plan that is found.
    func testGeneratedScenarioJSONIsTheSameFromTheLibraryAndTheCLI() throws {
        let dir = try TestFiles.temporaryDirectory()
        let path = dir.appendingPathComponent("random-25-2.yaml").path
        let generated = try ForcePlanCLI.run(["generate", "--nations", "25", "--seed", "2", "-o", path])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        let cli = try ForcePlanCLI.run(["plan", path, "--format", "json"])
        XCTAssertTrue([0, 1].contains(cli.status), cli.stderr)
        XCTAssertEqual(try readmeJSON(path), cli.stdout)
    }
}
