import Foundation
import XCTest

/// Ctrl-C during `plan -o FILE`: exit code 130, no output file (or the old one untouched),
/// no temporary file left. A real child process gets a real SIGINT in the middle of a solve.
final class InterruptTests: XCTestCase {
    /// `forceplan generate --nations 1000 --seed 1` takes about 6 s to load and plan in a
    /// debug build on an idle 2-core machine (most of it solving), so one second in, it is
    /// still at work.
    func slowScenario(in dir: URL) throws -> String {
        let path = dir.appendingPathComponent("slow.yaml").path
        let generated = try ForcePlanCLI.run(["generate", "--nations", "1000", "--seed", "1", "-o", path])
        XCTAssertEqual(generated.status, 0, generated.stderr)
        return path
    }

    /// Starts `plan SCENARIO -o OUTPUT`, sends SIGINT after one second, and returns the
    /// exit status and stderr.
    func interruptedPlan(_ scenario: String, output: URL,
                         command: [String] = ["plan"]) throws -> (status: Int32, stderr: String) {
        let arguments = command == ["plan"] ? ["plan", scenario, "--format", "json", "--quiet", "-o", output.path]
                                            : command + [scenario, "--quiet", "-o", output.path]
        let (process, stdout, stderr) = try ForcePlanCLI.process(arguments)
        try process.run()
        Thread.sleep(forTimeInterval: 1)
        XCTAssertTrue(process.isRunning, "the plan finished before it could be interrupted; use a slower scenario")
        process.interrupt()   // SIGINT, as Ctrl-C sends it
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        _ = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .exit)
        return (process.terminationStatus, String(decoding: err, as: UTF8.self))
    }

    func testInterruptDuringPlanExits130AndWritesNoFile() throws {
        let dir = try ForcePlanCLI.temporaryDirectory()
        let scenario = try slowScenario(in: dir)
        let r = try interruptedPlan(scenario, output: dir.appendingPathComponent("plan.json"))
        XCTAssertEqual(r.status, 130)
        XCTAssertTrue(r.stderr.contains("interrupted"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["slow.yaml"])
    }

    func testInterruptDuringPlanLeavesTheOldOutputUntouched() throws {
        let dir = try ForcePlanCLI.temporaryDirectory()
        let scenario = try slowScenario(in: dir)
        let output = dir.appendingPathComponent("plan.json")
        try "old report\n".write(to: output, atomically: false, encoding: .utf8)
        let r = try interruptedPlan(scenario, output: output)
        XCTAssertEqual(r.status, 130)
        XCTAssertEqual(try String(contentsOf: output, encoding: .utf8), "old report\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted(), ["plan.json", "slow.yaml"])
    }

    /// `brief` and `whatif` write through the same atomic writer and handle Ctrl-C alike.
    func testInterruptDuringBriefAndWhatIfExits130AndWritesNoFile() throws {
        for command in [["brief"], ["whatif", "--drop", "n1"]] {
            let dir = try ForcePlanCLI.temporaryDirectory()
            let scenario = try slowScenario(in: dir)
            let r = try interruptedPlan(scenario, output: dir.appendingPathComponent("out"), command: command)
            XCTAssertEqual(r.status, 130, "\(command)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["slow.yaml"], "\(command)")
        }
    }
}
