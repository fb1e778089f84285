import ForcePlanTestSupport
import Foundation
import XCTest

/// Issue 18 through the binary: `forceplan export` of a withdrawal stage, solved by glpsol.
final class ResilienceCommandTests: XCTestCase {
    /// ResilienceTests' small case: r1 (weight 2) needs 2 infantry, r2 (weight 1) 2 jets;
    /// a pledges 2 infantry and 1 jet, b 1 infantry, c 2 jets. The best worst withdrawal
    /// is 2/3 (derived there: without a, at most (2 x 1/2 + 1) / 3 remain).
    static let smallWithdrawal = TestScenarios.smallWithdrawal

    /// glpsol, outside forceplan, solves the exported withdrawal stage of the small case
    /// (the full family of rows) to the same 2/3.
    func testGlpsolAgreesOnTheExportedWithdrawalStage() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol") else { throw XCTSkip("glpsol is not installed") }
        let file = try ForcePlanCLI.scenarioFile(Self.smallWithdrawal)
        let dir = try TestFiles.temporaryDirectory()
        let lp = dir.appendingPathComponent("withdrawal.lp").path
        let export = try ForcePlanCLI.run(["export", file, "--option", "base", "--stage", "1", "--lp", lp])
        XCTAssertEqual(export.status, 0, export.stderr)
        XCTAssertEqual(try XCTUnwrap(try ForcePlanCLI.glpsolObjective(lp)), 2.0 / 3, accuracy: 1e-6)
    }
}
