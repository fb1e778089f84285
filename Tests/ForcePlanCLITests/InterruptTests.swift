import ForcePlanTestSupport
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
        let dir = try TestFiles.temporaryDirectory()
        let scenario = try slowScenario(in: dir)
        let r = try interruptedPlan(scenario, output: dir.appendingPathComponent("plan.json"))
        XCTAssertEqual(r.status, 130)
        XCTAssertTrue(r.stderr.contains("interrupted"), r.stderr)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["slow.yaml"])
    }

    func testInterruptDuringPlanLeavesTheOldOutputUntouched() throws {
        let dir = try TestFiles.temporaryDirectory()
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
            let dir = try TestFiles.temporaryDirectory()
            let scenario = try slowScenario(in: dir)
            let r = try interruptedPlan(scenario, output: dir.appendingPathComponent("out"), command: command)
            XCTAssertEqual(r.status, 130, "\(command)")
            XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["slow.yaml"], "\(command)")
        }
    }
}

/// Ctrl-C during `bench`: the same exit path as `plan` (no atexit handlers beside a running
/// solver), after the results file is closed, so every line in it is whole and a rerun
/// resumes to exactly the results of one uninterrupted run.
final class BenchInterruptTests: XCTestCase {
    func testInterruptedBenchKeepsWholeLinesAndResumesExactly() throws {
        let dir = try TestFiles.temporaryDirectory()
        let scenario = dir.appendingPathComponent("coalition.yaml").path
        XCTAssertEqual(try ForcePlanCLI.run(["generate", "--nations", "200", "--seed", "3", "-o", scenario]).status, 0)
        let sweep = dir.appendingPathComponent("sweep.yaml").path
        try """
            format: forceplan-sweep/v1
            name: interrupt
            product:
              drop: {each: [n1, n2, n3, n4, n5], baseline: true}
            """.write(toFile: sweep, atomically: true, encoding: .utf8)
        let results = dir.appendingPathComponent("results.jsonl").path
        let arguments = ["bench", scenario, "--sweep", sweep, "-o", results]
        let (process, stdout, stderr) = try ForcePlanCLI.process(arguments)
        try process.run()
        // Interrupt once the first case is written and more are to come.
        let deadline = Date().addingTimeInterval(120)
        while process.isRunning, Date() < deadline,
              (try? String(contentsOfFile: results, encoding: .utf8))?.contains("\n") != true {
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTAssertTrue(process.isRunning, "bench finished before it could be interrupted")
        process.interrupt()
        let err = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        _ = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 130, err)
        XCTAssertTrue(err.contains("bench: interrupted; rerun the same command to resume"), err)
        let partial = try String(contentsOfFile: results, encoding: .utf8)
        XCTAssertTrue(partial.hasSuffix("\n"), "a cut-off line was left: \(partial.suffix(80))")
        let partialLines = partial.split(separator: "\n")
        XCTAssertLessThan(partialLines.count, 6)
        for line in partialLines { XCTAssertNoThrow(try JSONSerialization.jsonObject(with: Data(line.utf8))) }

        let resumed = try ForcePlanCLI.run(arguments + ["--quiet"])
        XCTAssertEqual(resumed.status, 0, resumed.stderr)
        let whole = dir.appendingPathComponent("whole.jsonl").path
        XCTAssertEqual(try ForcePlanCLI.run(["bench", scenario, "--sweep", sweep, "-o", whole, "--quiet"]).status, 0)
        XCTAssertEqual(try Self.records(results), try Self.records(whole))
        XCTAssertEqual(try Self.records(results).count, 6)
    }

    /// The records of a results file without their wall-clock times, sorted by case.
    static func records(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            var object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            object["seconds"] = nil
            if let options = object["options"] as? [[String: Any]] {
                object["options"] = options.map { o in var o = o; o["seconds"] = nil; return o }
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            return String(decoding: data, as: UTF8.self)
        }.sorted()
    }
}
