import Foundation
import XCTest

/// Ctrl-C during `plan -o FILE`: exit code 130, the old output file untouched, no
/// temporary file left. A real child process gets a real SIGINT in the middle of a solve.
final class InterruptTests: XCTestCase {
    /// `forceplan generate --nations 150 --seed 2` takes about a minute to plan in a debug
    /// build (its second option's search is long), so two seconds in, it is solving.
    func testInterruptDuringPlanExits130AndLeavesNoPartialOutput() throws {
        let dir = try ForcePlanCLI.temporaryDirectory()
        let scenario = dir.appendingPathComponent("slow.yaml").path
        let generated = try ForcePlanCLI.run(["generate", "--nations", "150", "--seed", "2", "-o", scenario])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        let output = dir.appendingPathComponent("plan.json")
        try "old report\n".write(to: output, atomically: false, encoding: .utf8)

        let (process, stdout, stderr) = try ForcePlanCLI.process(
            ["plan", scenario, "--format", "json", "--quiet", "-o", output.path])
        try process.run()
        Thread.sleep(forTimeInterval: 2)
        XCTAssertTrue(process.isRunning, "the plan finished before it could be interrupted; use a slower scenario")
        process.interrupt()   // SIGINT, as Ctrl-C sends it
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        _ = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()

        XCTAssertEqual(process.terminationReason, .exit)
        XCTAssertEqual(process.terminationStatus, 130)
        XCTAssertTrue(String(decoding: err, as: UTF8.self).contains("interrupted"))
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), "old report\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["plan.json", "slow.yaml"])
    }
}
