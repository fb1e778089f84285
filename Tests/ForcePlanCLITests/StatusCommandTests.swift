import ForcePlanTestSupport
import Foundation
import XCTest

/// The status contract (docs/statuses.md) through the built `forceplan` binary: a search
/// stopped by `--node-limit` reports `feasible` with its gap and the limit in its message,
/// infeasible options name their conflicts, and the same command gives the same bytes.
final class StatusCommandTests: XCTestCase {
    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ForcePlanCLI.run(arguments)
    }

    /// `forceplan generate --nations 40 --seed 4` in a temporary file.
    func generated() throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("forceplan-status-\(ProcessInfo.processInfo.processIdentifier).yaml").path
        let g = try run(["generate", "--nations", "40", "--seed", "4", "-o", path])
        XCTAssertEqual(g.status, 0, g.stderr)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testNodeLimitedPlanReportsEveryStatusHonestlyAndTheSameTwice() throws {
        let file = try generated()
        let args = ["plan", file, "--node-limit", "1", "--format", "json", "--no-alternatives", "--no-binding", "--quiet"]
        let first = try run(args)
        let second = try run(args)
        // Option b (nothing in Ukraine) cannot meet reassurance-west's min_nations: exit 1.
        XCTAssertEqual(first.status, 1, first.stderr)
        XCTAssertEqual(first.stdout, second.stdout)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        let options = try XCTUnwrap(json["options"] as? [[String: Any]])
        let byID = Dictionary(uniqueKeysWithValues: options.compactMap { o in (o["id"] as? String).map { ($0, o) } })
        // a: coverage proven at the root, cost stopped after one node.
        let a = try XCTUnwrap(byID["a"])
        XCTAssertEqual(a["status"] as? String, "feasible")
        XCTAssertGreaterThan(try XCTUnwrap(a["gap"] as? Double), 0)
        XCTAssertTrue((a["message"] as? String ?? "").hasPrefix("stopped by the node limit (1 node per stage)"))
        XCTAssertFalse((a["assignments"] as? [Any] ?? []).isEmpty)
        // b: infeasible, and the conflicts say why.
        let b = try XCTUnwrap(byID["b"])
        XCTAssertEqual(b["status"] as? String, "infeasible")
        let conflicts = try XCTUnwrap(b["conflicts"] as? [[String: Any]])
        XCTAssertEqual(conflicts.compactMap { $0["constraint"] as? String }, ["min_nations:reassurance-west"])
        // c: proven within one node: optimal, no gap, no message.
        let c = try XCTUnwrap(byID["c"])
        XCTAssertEqual(c["status"] as? String, "optimal")
        XCTAssertNil(c["gap"])
        XCTAssertNil(c["message"])
    }

    func testTextReportShowsTheGapAndTheLimit() throws {
        let file = try generated()
        let r = try run(["plan", file, "--option", "a", "--node-limit", "1", "--no-alternatives", "--no-binding", "--quiet"])
        XCTAssertEqual(r.status, 0, r.stderr)
        XCTAssertTrue(r.stdout.contains("[feasible]"), r.stdout)
        XCTAssertTrue(r.stdout.contains("stopped early; gap "), r.stdout)
        XCTAssertTrue(r.stdout.contains("stopped by the node limit (1 node per stage) while optimising cost"), r.stdout)
    }

    /// StatusContractTests' tight-shares coalition: with GLPK's defaults (`--solver
    /// glpk-plain`, no cuts) one node finds no plan and the rounded LP repairs to none, so
    /// the option has no plan at all: `time-limit`, exit 1, the reason in the message. The
    /// stronger backends find the proven optimum, cost 22, within the same single node.
    func testNoPlanWithinTheNodeLimitIsTimeLimitThroughTheBinary() throws {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("forceplan-tight-\(ProcessInfo.processInfo.processIdentifier).yaml").path
        try TestScenarios.tightShares.write(toFile: path, atomically: true, encoding: .utf8)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        let args = ["plan", path, "--node-limit", "1", "--quiet", "--no-alternatives", "--no-binding"]
        let r = try run(args + ["--solver", "glpk-plain", "--format", "json"])
        XCTAssertEqual(r.status, 1, r.stderr)
        let json = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let option = try XCTUnwrap((json["options"] as? [[String: Any]])?.first)
        XCTAssertEqual(option["status"] as? String, "time-limit")
        XCTAssertTrue(option["gap"] is NSNull || option["gap"] == nil, "\(option["gap"] ?? "")")
        XCTAssertTrue((option["assignments"] as? [Any] ?? []).isEmpty)
        let message = option["message"] as? String ?? ""
        XCTAssertTrue(message.contains("stopped by the node limit (1 node per stage)"), message)
        XCTAssertTrue(message.contains("no start plan either"), message)
        let text = try run(args + ["--solver", "glpk-plain"])
        XCTAssertEqual(text.status, 1, text.stderr)
        XCTAssertTrue(text.stdout.contains("[time-limit]"), text.stdout)
        for solver in ["auto", "glpk", "cbc"] {
            let proven = try run(args + ["--solver", solver, "--format", "json"])
            XCTAssertEqual(proven.status, 0, "\(solver): \(proven.stderr)")
            XCTAssertTrue(proven.stdout.contains("\"status\": \"optimal\""), "\(solver): \(proven.stdout)")
            XCTAssertTrue(proven.stdout.contains("\"cost\": 22"), "\(solver): \(proven.stdout)")
        }
    }

    /// The range is the library's (`PlannerSettings.checkNodeLimit`), reported as a usage
    /// error by every command that plans.
    func testNodeLimitMustBePositive() throws {
        for command in ["plan", "criticality", "frontier"] {
            var args = [command, "scenarios/tutorial.yaml", "--node-limit", "0"]
            if command == "frontier" { args += ["--x", "cost", "--y", "coverage"] }
            let r = try run(args)
            XCTAssertEqual(r.status, 2, command)
            XCTAssertTrue(r.stderr.hasPrefix("Error: --node-limit must be a positive number of nodes, not 0\nUsage: forceplan \(command)"),
                          r.stderr)
        }
    }

    /// One default time limit for every command that plans: 60 s per option.
    func testEveryCommandHasTheSameDefaultTimeLimit() throws {
        for command in [["plan"], ["whatif"], ["brief"], ["criticality"], ["frontier"], ["export"], ["bench", "run"]] {
            let help = try run(command + ["--help"])
            XCTAssertTrue(help.stdout.contains("--time-limit <time-limit>"), command.joined(separator: " "))
            XCTAssertTrue(help.stdout.contains("(default: 60.0)"), "\(command): \(help.stdout)")
        }
    }
}
