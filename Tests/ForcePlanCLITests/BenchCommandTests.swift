import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// `forceplan bench` as a process: bad sweeps exit 2 with FILE:LINE:COL, a killed run
/// resumes with every case exactly once, and summaries read shards together.
final class BenchCommandTests: XCTestCase {
    var folder: URL!
    let cli = CLIRunner()

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func lines(_ name: String) throws -> [String] {
        guard let data = FileManager.default.contents(atPath: path(name)) else { return [] }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    func testBadSweepFileGivesFileLineColumnAndExitTwo() throws {
        let sweep = path("bad.yaml")
        try "format: forceplan-sweep/v1\nname: bad\nproduct:\n  drop: {each: [uk, frnace]}\n  requirment_scale: [1]\n"
            .write(toFile: sweep, atomically: true, encoding: .utf8)
        let r = try cli.run(["bench", "scenarios/tutorial.yaml", "--sweep", sweep, "-o", path("r.jsonl")])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stderr, "\(sweep):5:3: unknown key 'requirment_scale' in product; allowed: assumptions, drop, requirement_scale, policies (did you mean 'requirement_scale'?)\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: path("r.jsonl")))
    }

    func testSweepNamingANationTheScenarioLacksGivesExitTwo() throws {
        let sweep = path("nation.yaml")
        try "format: forceplan-sweep/v1\nname: n\nproduct:\n  drop: {each: [uk, frnace]}\n"
            .write(toFile: sweep, atomically: true, encoding: .utf8)
        let r = try cli.run(["bench", "scenarios/tutorial.yaml", "--sweep", sweep, "-o", path("r.jsonl")])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stderr, "\(sweep):4:21: unknown nation 'frnace' in scenarios/tutorial.yaml; did you mean 'france'?\n")
    }

    func testKilledRunResumesWithEveryCaseExactlyOnce() throws {
        // 2 backstop settings x 3 withdrawals x 30 requirement levels = 180 cases, a few
        // seconds of work: long enough to be killed in the middle.
        let sweep = path("long.yaml")
        let levels = (0..<30).map { String(format: "%.2f", 1 + Double($0) / 20) }.joined(separator: ", ")
        try """
            format: forceplan-sweep/v1
            name: long
            product:
              assumptions: {us-backstop: [true, false]}
              drop: {each: [uk, france], baseline: true}
              requirement_scale: [\(levels)]
            """.write(toFile: sweep, atomically: true, encoding: .utf8)
        let executable = try XCTUnwrap(ForcePlanCLI.executable)
        let process = Process()
        process.executableURL = executable
        process.arguments = ["bench", "scenarios/tutorial.yaml", "--sweep", sweep, "--quiet", "-o", path("r.jsonl")]
        process.currentDirectoryURL = packageRoot
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        while try lines("r.jsonl").count < 3, process.isRunning, Date() < deadline { usleep(2_000) }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal, "the run ended before it was killed")
        let before = try lines("r.jsonl").count
        XCTAssertGreaterThanOrEqual(before, 3)
        XCTAssertLessThan(before, 180)

        let again = try cli.run(["bench", "scenarios/tutorial.yaml", "--sweep", sweep, "-o", path("r.jsonl")])
        XCTAssertEqual(again.status, 0, again.stderr)
        XCTAssertTrue(again.stderr.contains("already in"), again.stderr)
        let ids = try lines("r.jsonl").map { try XCTUnwrap(try JSONValue.parse($0)["id"]?.string) }
        XCTAssertEqual(ids.count, 180)
        XCTAssertEqual(Set(ids).count, 180)
    }

    func testSummaryOfShardsEqualsTheSummaryOfOneRunAndJobsTwoEqualsOne() throws {
        let base = ["bench", "scenarios/tutorial.yaml", "--sweep", "sweeps/tutorial.yaml", "--quiet"]
        XCTAssertEqual(try cli.run(base + ["-o", path("whole.jsonl")]).status, 0)
        XCTAssertEqual(try cli.run(base + ["-j", "2", "-o", path("two.jsonl")]).status, 0)
        for k in 1...3 {
            XCTAssertEqual(try cli.run(base + ["--shard", "\(k)/3", "-o", path("part\(k).jsonl")]).status, 0)
        }
        let summarize = ["bench", "summarize", "--by", "drop", "--format", "markdown"]
        let whole = try cli.run(summarize + [path("whole.jsonl")])
        let two = try cli.run(summarize + [path("two.jsonl")])
        let parts = try cli.run(summarize + (1...3).map { path("part\($0).jsonl") })
        XCTAssertEqual(whole.status, 0, whole.stderr)
        XCTAssertTrue(whole.stdout.contains("12 cases of tutorial"), whole.stdout)
        XCTAssertEqual(parts.stdout, whole.stdout)
        XCTAssertEqual(two.stdout, whole.stdout)
    }

    func testSchedulerIndexesChooseTheShard() throws {
        let base = ["bench", "scenarios/tutorial.yaml", "--sweep", "sweeps/tutorial.yaml"]
        // --array=1-3, task 2: the second shard of 3, cases 1, 4, 7, 10 of the 12.
        let slurm = try cli.run(base + ["-o", path("slurm.jsonl")], environment: [
            "SLURM_ARRAY_TASK_ID": "2", "SLURM_ARRAY_TASK_MIN": "1", "SLURM_ARRAY_TASK_COUNT": "3"])
        XCTAssertEqual(slurm.status, 0, slurm.stderr)
        // The tutorial sweep sets us-backstop over the no-backstop option's own value: warned first.
        let progress = slurm.stderr.split(separator: "\n").filter { !$0.hasPrefix("forceplan: warning: the sweep sets us-backstop") }
            .joined(separator: "\n")
        XCTAssertTrue(slurm.stderr.hasPrefix("forceplan: warning: the sweep sets us-backstop over option no-backstop's own value"), slurm.stderr)
        XCTAssertTrue(progress.hasPrefix("bench: 4 cases (shard 2/3 of 12, from SLURM_ARRAY_TASK_ID=2 of 3)"), slurm.stderr)
        // Kubernetes index 1 with --shard-count 3: the same shard.
        let k8s = try cli.run(base + ["--shard-count", "3", "--quiet", "-o", path("k8s.jsonl")],
                              environment: ["JOB_COMPLETION_INDEX": "1"])
        XCTAssertEqual(k8s.status, 0, k8s.stderr)
        let ids = { (name: String) in try self.lines(name).map { try JSONValue.parse($0)["id"]?.string ?? "" }.sorted() }
        XCTAssertEqual(try ids("slurm.jsonl"), try ids("k8s.jsonl"))
        XCTAssertEqual(try ids("slurm.jsonl").count, 4)
    }

    /// What is not a results file is named as such, through InputFile's checks.
    func testSummarizeOfWhatIsNotAResultsFileSaysWhat() throws {
        let cases = [("no-such-results.jsonl", "no such file; check the path"),
                     ("sweeps", "is a directory; expected a results file (JSON Lines)"),
                     ("/dev/null", "is not a regular file; expected a results file (JSON Lines)")]
        for (path, message) in cases {
            let r = try cli.run(["bench", "summarize", path])
            XCTAssertEqual(r.status, 2, path)
            XCTAssertEqual(r.stderr, "forceplan: \(path): \(message)\n")
        }
    }

    func testSummarizeWithAnUnknownKeyGivesExitTwo() throws {
        XCTAssertEqual(try cli.run(["bench", "scenarios/tutorial.yaml", "--quiet", "-o", path("w.jsonl")]).status, 0)
        let r = try cli.run(["bench", "summarize", path("w.jsonl"), "--by", "drop"])
        XCTAssertEqual(r.status, 2)
        XCTAssertEqual(r.stderr, "forceplan: --by drop: the results have no variations (they were run without --sweep)\n")
    }
}

/// Runs the built `forceplan` (``ForcePlanCLI/run(_:environment:)``) without the test
/// runner's own scheduler variables.
struct CLIRunner {
    func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        // Scheduler variables only when a test gives them: the test runner may itself run
        // inside an array job.
        var env = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("SLURM_") && $0.key != "JOB_COMPLETION_INDEX" }
        env.merge(environment) { _, new in new }
        return try ForcePlanCLI.run(arguments, environment: env)
    }
}
