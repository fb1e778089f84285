import XCTest

/// `forceplan plan --detail summary` on the shipped coalition scenario, as `make plan` runs
/// it: the answer first (issue 20), on one screen.
final class BottomLineCommandTests: XCTestCase {
    func testCoalitionSummaryOpensWithEveryOptionsBottomLine() throws {
        let result = try ForcePlanCLI.run(["plan", "scenarios/coalition-2025.yaml", "--detail", "summary", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        XCTAssertLessThan(lines.count, 150, "summary should stay under 150 lines")
        let screen = lines.prefix(30)
        XCTAssertTrue(screen.contains { $0.hasPrefix("Bottom line (cost in M EUR per year)") })
        // The header names each milestone of the timeline (7, 14, 30, 60), the most
        // constrained tag (ukraine: the only max_personnel_in) and the worst withdrawal.
        let header = try XCTUnwrap(screen.first { $0.contains("option") && $0.contains("status") })
        for column in ["coverage", "D+7", "D+14", "D+30", "D+60", "cost", "in ukraine", "worst single withdrawal"] {
            XCTAssertTrue(header.contains(column), "bottom line lacks \(column): \(header)")
        }
        for id in ["reassurance", "over-the-horizon", "air-and-sea", "no-backstop", "resilient"] {
            // One row with its status, coverage and worst withdrawal; one sentence on its limits.
            XCTAssertTrue(screen.contains { $0.hasPrefix("  \(id) ") && $0.contains("optimal") && $0.contains("left in place") },
                          "no bottom-line row for \(id)")
            XCTAssertTrue(screen.contains { $0.hasPrefix("  - \(id): ") }, "no limits sentence for \(id)")
        }
        // The over-the-horizon option has 0 personnel in Ukraine (its max_personnel_in is 0).
        let oth = try XCTUnwrap(screen.first { $0.hasPrefix("  over-the-horizon ") })
        XCTAssertTrue(oth.contains(" 0  "), oth)
        XCTAssertTrue(result.stdout.contains("tags overlap: a location may carry several"))
        XCTAssertTrue(result.stdout.contains("nation-requirement pairings differ from the plan"))
        XCTAssertFalse(result.stdout.contains("pairs given up"))
    }

    /// The tutorial's in-ukraine alternative against its plan (plan --format json): coverage
    /// 100% = 100%, cost 295 > 257, personnel in ukraine 450 = 450, nations 3 < 4, worst
    /// withdrawal 50% = 50%: no better on any criterion, worse on two, so one line and no
    /// table in the full report; the plan's own table stays.
    func testAlternativeNoBetterOnAnyCriterionTakesOneLine() throws {
        let result = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--option", "in-ukraine", "--quiet"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains("  Alternative: coverage 100%   cost 295; 3 nation-requirement pairings differ from the plan, "
            + "not proven the most possible; no better than the plan on any criterion, tables left out\n"), result.stdout)
        XCTAssertEqual(result.stdout.components(separatedBy: "nation  capability").count - 1, 1, "only the plan's assignment table")
    }

    func testFullIsTheDefaultAndKeepsTheTables() throws {
        let result = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--quiet"])
        let summary = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--detail", "summary", "--quiet"])
        XCTAssertTrue(result.stdout.hasPrefix("Scenario tutorial: 3 options\n\nBottom line\n"))
        XCTAssertTrue(result.stdout.contains("requirement   needed  provided"))
        XCTAssertFalse(summary.stdout.contains("requirement   needed  provided"))
        // The same bottom line in both.
        let head = { (s: String) in s.components(separatedBy: "\n\nOption ").first ?? "" }
        XCTAssertEqual(head(result.stdout), head(summary.stdout))
    }
}
