import ForcePlanTestSupport
import Foundation
import XCTest

/// The files a planner hands to `brief --from`, `--frontier` and `bench summarize` may be
/// hand-edited. fuzz/report-seeds holds the ReportFuzzer's seeds and every input that once
/// trapped (`make fuzz`, docs/reliability.md). Each goes through the real commands here:
/// it gives a page or a summary, or exit code 2 with a message; never a trap.
final class ReportInputFuzzRegressionTests: XCTestCase {
    static var seeds: URL { ForcePlanCLI.root.appendingPathComponent("fuzz/report-seeds") }

    func files() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: Self.seeds.path).filter { !$0.hasPrefix(".") }.sorted()
    }

    func testEverySeedGivesAPageASummaryOrAMessage() throws {
        let dir = try TestFiles.temporaryDirectory()
        let out = dir.appendingPathComponent("brief.html").path
        let plan = dir.appendingPathComponent("plan.json").path
        let made = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--no-alternatives", "--no-binding",
                                         "--format", "json", "-o", plan])
        XCTAssertEqual(made.status, 0, made.stderr)
        let names = try files()
        XCTAssertGreaterThanOrEqual(names.count, 4)
        for name in names {
            let path = Self.seeds.appendingPathComponent(name).path
            let runs = [["brief", "--from", path, "-o", out],
                        ["brief", "--from", plan, "--frontier", path, "-o", out],
                        ["bench", "summarize", path, "--format", "markdown"],
                        ["bench", "summarize", path, "--by", "drop", "--format", "csv"]]
            for args in runs {
                let r = try ForcePlanCLI.run(args)
                XCTAssertTrue(r.status == 0 || r.status == 2, "\(args): exit \(r.status)\n\(r.stderr)")
                if r.status == 2 {
                    XCTAssertTrue(r.stderr.hasPrefix("forceplan: "), "\(args): \(r.stderr)")
                }
            }
        }
    }

    /// extreme-values.json once trapped `brief --from` (a decision-matrix span of
    /// 1e308 - (-1e308) overflowed to infinity, and the gap of 1e308 to an infinite
    /// percentage, both then converted to Int): now it renders, every number readable.
    func testExtremeValuesRenderAPage() throws {
        let dir = try TestFiles.temporaryDirectory()
        let out = dir.appendingPathComponent("brief.html")
        let r = try ForcePlanCLI.run(["brief", "--from", Self.seeds.appendingPathComponent("extreme-values.json").path,
                                      "-o", out.path])
        XCTAssertEqual(r.status, 0, r.stderr)
        let html = try String(contentsOf: out, encoding: .utf8)
        XCTAssertTrue(html.contains("</html>"))
        XCTAssertFalse(html.contains("nan"), "a score or value reads nan")
        let summary = try ForcePlanCLI.run(["bench", "summarize",
                                            Self.seeds.appendingPathComponent("extreme-results.jsonl").path])
        XCTAssertEqual(summary.status, 0, summary.stderr)
    }
}
