import ForcePlanTestSupport
import Foundation
import XCTest

/// `forceplan plan` end to end: the reports against golden files, the exit codes, `-o`.
///
/// The tutorial's first option, derived by hand (docs/scenario-format.md walks through the
/// file): reassurance needs 3 infantry companies in Ukraine; the UK can keep 6 / rotation 3
/// = 2 deployed (cost 40 each), France 3 / 3 = 1 (45), Poland's land caveat excludes it:
/// 80 + 45 = 125. Air policing needs 12 fighters at Poland from 2+ nations: Poland's 4 (8
/// each) = 32, then the UK (10) is cheaper than France (12), but no nation may give more than
/// 60% of the 730 personnel deployed: the UK's 300 infantry personnel plus 20 per fighter
/// allow 6 fighters (420 / 730 = 57.5%; 7 would be 60.3%), so UK 6 = 60 and France 2 = 24.
/// Surveillance needs 4 drones: Poland's 2 (3 each) = 6 and the US's 2 (5) = 10. Total
/// 125 + 116 + 16 = 257 at 100% coverage, as the goldens show.
final class PlanCommandTests: XCTestCase {
    func golden(_ name: String) throws -> String {
        try String(contentsOf: ForcePlanCLI.root.appendingPathComponent("Tests/ForcePlannerTests/Fixtures/golden/\(name)"),
                   encoding: .utf8)
    }

    /// To refresh after a deliberate change: `forceplan plan scenarios/tutorial.yaml
    /// --format F > Tests/ForcePlannerTests/Fixtures/golden/tutorial.EXT`, then review the
    /// diff against the derivation above.
    func assertReportMatchesGolden(_ format: String, _ file: String, line: UInt = #line) throws {
        let result = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--format", format])
        XCTAssertEqual(result.status, 0, result.stderr, line: line)
        XCTAssertEqual(result.stdout, try golden(file), line: line)
    }

    func testTextReportMatchesGolden() throws {
        try assertReportMatchesGolden("text", "tutorial.txt")
        XCTAssertTrue(try golden("tutorial.txt").contains("coverage 100%   cost 257"))
    }

    func testMarkdownReportMatchesGolden() throws {
        try assertReportMatchesGolden("markdown", "tutorial.md")
        // In the briefing's order (docs/brief.md): the option's section opens with its values.
        XCTAssertTrue(try golden("tutorial.md").contains("Status: **optimal**. coverage 100%, cost 257,"))
    }

    func testCSVReportMatchesGolden() throws {
        try assertReportMatchesGolden("csv", "tutorial.csv")
        // The optimal plan's rows (plan 0) of option in-ukraine: their costs add up to 257.
        let rows = try golden("tutorial.csv").split(separator: "\n").map { $0.split(separator: ",") }
        let costs = rows.filter { $0.count == 10 && $0[0] == "in-ukraine" && $0[2] == "0" }.compactMap { Double($0[9]) }
        XCTAssertEqual(costs.reduce(0, +), 257)
    }

    func testEveryOptionSolvedExitsZero() throws {
        let result = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--format", "csv", "--no-alternatives"])
        XCTAssertEqual(result.status, 0, result.stderr)
    }

    /// Two nations cannot meet `min_nations: 3`: the option is infeasible, the report
    /// still printed, and the exit code 1.
    func testInfeasibleOptionExitsOne() throws {
        let path = try ForcePlanCLI.scenarioFile(header + """
            nations:
              a: {pledges: [{capability: inf, units: 2, cost: 1}]}
              b: {pledges: [{capability: inf, units: 2, cost: 1}]}
            requirements:
              - {id: r, needs: inf, units: 2, at: [ukraine]}
            policies: {min_nations: 3}
            """)
        let result = try ForcePlanCLI.run(["plan", path, "--format", "json"])
        XCTAssertEqual(result.status, 1, result.stderr)
        XCTAssertTrue(result.stdout.contains("\"status\": \"infeasible\""), result.stdout)
    }

    func testUnknownFormatExitsTwo() throws {
        let result = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--format", "xml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
    }

    func testUnknownOptionExitsTwoWithASuggestion() throws {
        let result = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--option", "in-ukrane"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("did you mean 'in-ukraine'?"), result.stderr)
    }

    func testMissingScenarioExitsTwo() throws {
        let result = try ForcePlanCLI.run(["plan", "no-such-file.yaml"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stderr, "no-such-file.yaml: no such file; check the path\n")
    }

    func testUnknownAssumptionExitsTwo() throws {
        let result = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--assume", "us-backstp=false"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("did you mean 'us-backstop'?"), result.stderr)
    }

    func testNonPositiveNodeLimitExitsTwo() throws {
        let result = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--node-limit", "0"])
        XCTAssertEqual(result.status, 2)
    }

    /// `-o FILE`: the report goes to the file (the golden bytes), nothing to stdout, and no
    /// temporary file is left beside it.
    func testOutputFileHoldsTheWholeReport() throws {
        let dir = try TestFiles.temporaryDirectory()
        let out = dir.appendingPathComponent("plan.csv")
        let result = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--format", "csv", "-o", out.path])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), try golden("tutorial.csv"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["plan.csv"])
    }

    func testUnwritableOutputExitsTwo() throws {
        let result = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "-o", "/nonexistent-dir/plan.txt"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("cannot write /nonexistent-dir/plan.txt"), result.stderr)
    }
}
