import ForcePlanTestSupport
import Foundation
import XCTest

/// Issue 18 through the binary: `forceplan export` of a withdrawal stage, solved by glpsol.
final class ResilienceCommandTests: XCTestCase {
    /// ResilienceTests' small case: r1 (weight 2) needs 2 infantry, r2 (weight 1) 2 jets;
    /// a pledges 2 infantry and 1 jet, b 1 infantry, c 2 jets. The best worst withdrawal
    /// is 2/3 (derived there: without a, at most (2 x 1/2 + 1) / 3 remain).
    static let smallWithdrawal = header + """
    objectives: [withdrawal, coverage, cost]
    nations:
      a: {pledges: [{capability: inf, units: 2, cost: 1}, {capability: jet, units: 1, cost: 1}]}
      b: {pledges: [{capability: inf, units: 1, cost: 1}]}
      c: {pledges: [{capability: jet, units: 2, cost: 1}]}
    requirements:
      - {id: r1, needs: inf, units: 2, at: [poland], weight: 2}
      - {id: r2, needs: jet, units: 2, at: [poland]}
    """

    /// glpsol, outside forceplan, solves the exported withdrawal stage of the small case
    /// (the full family of rows) to the same 2/3.
    func testGlpsolAgreesOnTheExportedWithdrawalStage() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol") else { throw XCTSkip("glpsol is not installed") }
        let file = try ForcePlanCLI.scenarioFile(Self.smallWithdrawal)
        let dir = try ForcePlanCLI.temporaryDirectory()
        let lp = dir.appendingPathComponent("withdrawal.lp").path
        let export = try ForcePlanCLI.run(["export", file, "--option", "base", "--stage", "1", "--lp", lp])
        XCTAssertEqual(export.status, 0, export.stderr)
        let output = dir.appendingPathComponent("withdrawal.sol").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        process.arguments = ["--lp", lp, "-o", output]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertTrue(text.contains("Status:     INTEGER OPTIMAL"), text)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        let number = try XCTUnwrap(line.split(separator: "=").last?.split(separator: " ").first)
        XCTAssertEqual(try XCTUnwrap(Double(number)), 2.0 / 3, accuracy: 1e-6)
    }
}
