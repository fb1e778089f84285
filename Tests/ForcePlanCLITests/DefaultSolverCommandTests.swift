import ForcePlanTestSupport
import Foundation
import XCTest

/// `--solver auto` (the default): GLPK's portfolio with CBC as its last member.
///
/// The case: `forceplan generate --nations 54 --seed 21`, option d, whose third stage
/// (cost, after coverage 1 and 5,900 personnel in Ukraine) GLPK's two configurations
/// leave open: after 10,000 nodes they hold cost 616 with a bound near 575 (a gap of about
/// 7%). Its optimum 616 is proven by CBC alone (below) and, independently, by HiGHS
/// through the PuLP peer written from docs/model.md (benchmarks/RESULTS.md, "The hard seeds").
final class DefaultSolverCommandTests: XCTestCase {
    static let scenario: URL = FileManager.default.temporaryDirectory
        .appendingPathComponent("default-solver-\(UUID().uuidString).yaml")

    override class func setUp() {
        super.setUp()
        _ = try? run(["generate", "--nations", "54", "--seed", "21", "-o", scenario.path])
    }

    override class func tearDown() {
        try? FileManager.default.removeItem(at: scenario)
        super.tearDown()
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String) {
        let executable = try XCTUnwrap(ForcePlanCLI.executable, "forceplan was not built next to the tests")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = packageRoot
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice  // the generated pledges draw warnings
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self))
    }

    /// Option d planned alone, lexicographic solves only, with `extra` flags: its status,
    /// cost and gap from the JSON report.
    func planOptionD(_ extra: [String]) throws -> (status: String, cost: Double?, gap: Double?) {
        let r = try Self.run(["plan", Self.scenario.path, "--option", "d", "--no-alternatives", "--no-binding",
                         "--format", "json", "--quiet"] + extra)
        XCTAssertEqual(r.status, 0, r.stdout)
        let object = try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]
        let option = try XCTUnwrap((object?["options"] as? [[String: Any]])?.first)
        let objectives = option["objectives"] as? [String: Double]
        return (try XCTUnwrap(option["status"] as? String), objectives?["cost"], option["gap"] as? Double)
    }

    /// With 2,000 nodes per stage, GLPK alone stops at the cost stage with a gap (turns of
    /// 500, 500 and 1,000 nodes); the default planner spends the same budget but gives CBC
    /// a turn of 500 nodes after GLPK's first round, and CBC proves 616 (as CBC alone does).
    func testCBCMemberProvesAStageGLPKLeavesOpenWithinTheNodeBudget() throws {
        let glpk = try planOptionD(["--solver", "glpk", "--node-limit", "2000"])
        XCTAssertEqual(glpk.status, "feasible")
        XCTAssertGreaterThan(glpk.gap ?? 0, 0.01)
        XCTAssertGreaterThanOrEqual(glpk.cost ?? .nan, 616)

        let auto = try planOptionD(["--node-limit", "2000"])
        XCTAssertEqual(auto.status, "optimal")
        XCTAssertEqual(auto.cost ?? .nan, 616, accuracy: 1e-6)

        let cbc = try planOptionD(["--solver", "cbc"])
        XCTAssertEqual(cbc.status, "optimal")
        XCTAssertEqual(cbc.cost ?? .nan, 616, accuracy: 1e-6)
    }

    /// CBC's turns are bounded by nodes like GLPK's: the default planner's full plan of
    /// the hard option (alternatives and binding search included) is the same bytes twice.
    func testDefaultPlannerWithCBCGivesTheSameBytesTwice() throws {
        let args = ["plan", Self.scenario.path, "--option", "d", "--format", "json", "--quiet"]
        let first = try Self.run(args), second = try Self.run(args)
        XCTAssertEqual(first.status, 0)
        XCTAssertTrue(first.stdout.contains("\"optimal\""), first.stdout)
        XCTAssertEqual(first.stdout, second.stdout)
    }
}
