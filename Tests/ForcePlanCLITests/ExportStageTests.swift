import ForcePlanTestSupport
import Foundation
import XCTest

/// `forceplan export --stage K`: the K-th lexicographic model, cross-checked by solving
/// the exported file with glpsol (GLPK's own reader and solver, outside forceplan).
final class ExportStageTests: XCTestCase {
    func glpsolObjective(_ lpPath: String) throws -> Double? { try ForcePlanCLI.glpsolObjective(lpPath) }

    func export(_ arguments: [String]) throws -> (status: Int32, path: String, stderr: String) {
        let path = try TestFiles.temporaryDirectory().appendingPathComponent("model.lp").path
        let result = try ForcePlanCLI.run(["export", "scenarios/tutorial.yaml", "--lp", path] + arguments)
        return (result.status, path, result.stderr)
    }

    /// Stage 1 of in-ukraine maximises coverage: glpsol finds 1 (100%, see PlanCommandTests).
    func testStageOneIsTheCoverageModel() throws {
        let r = try export(["--option", "in-ukraine", "--stage", "1"])
        XCTAssertEqual(r.status, 0, r.stderr)
        guard let objective = try glpsolObjective(r.path) else { throw XCTSkip("glpsol is not installed") }
        XCTAssertEqual(objective, 1, accuracy: 1e-6)
    }

    /// Stage 2 minimises cost with coverage kept at its optimum: glpsol finds 257, the
    /// hand-derived cost of the plan.
    func testStageTwoKeepsCoverageAndMinimisesCost() throws {
        let r = try export(["--option", "in-ukraine", "--stage", "2"])
        XCTAssertEqual(r.status, 0, r.stderr)
        let lp = try String(contentsOfFile: r.path, encoding: .utf8)
        XCTAssertTrue(lp.hasPrefix("\\* Problem:") || lp.contains("Minimize"), lp)
        guard let objective = try glpsolObjective(r.path) else { throw XCTSkip("glpsol is not installed") }
        XCTAssertEqual(objective, 257, accuracy: 1e-6)
    }

    /// in-ukraine has two objectives: there is no stage 3.
    func testStageBeyondTheObjectivesExitsTwo() throws {
        let r = try export(["--option", "in-ukraine", "--stage", "3"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("stage 3 does not exist; option in-ukraine has 2 objectives"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: r.path))
    }
}
