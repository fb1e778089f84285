import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import GLPKSolver
import XCTest

/// Running benchmark cases with GLPK: variations reach the planner, results files resume
/// without duplicates, workers and shards change nothing but timing.
final class BenchRunTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// a: 6 jets at 2 each; b: 4 companies at 1 each. air needs 4 jets in Poland (weight
    /// 1), land 2 companies in western Ukraine (weight 3, 100 personnel each).
    let small = header + """
        nations:
          a: {pledges: [{capability: jet, units: 6, cost: 2}]}
          b: {pledges: [{capability: inf, units: 4, cost: 1}]}
        requirements:
          - {id: air, needs: jet, units: 4, at: [poland]}
          - {id: land, needs: inf, units: 2, at: [ua-west], weight: 3}

        """

    func plan(_ yaml: String, _ variation: Variation) throws -> OptionResult {
        let report = try planAll(yaml, overrides: variation.overrides)
        return try XCTUnwrap(report.options.first)
    }

    func testRequirementScaleMultipliesEveryRequirement() throws {
        // x1.5: air 6 (a has 6), land 3 (b has 4): all covered; cost 6 x 2 + 3 x 1 = 15.
        let r15 = try plan(small, Variation(requirementScale: 1.5))
        XCTAssertEqual(value(r15, .coverage), 1, accuracy: 1e-9)
        XCTAssertEqual(value(r15, .cost), 15, accuracy: 1e-9)
        // x2: air 8 (6 given: 0.75), land 4 (4 given: 1); (1 x 0.75 + 3 x 1) / 4 = 0.9375;
        // cost 12 + 4 = 16.
        let r2 = try plan(small, Variation(requirementScale: 2))
        XCTAssertEqual(value(r2, .coverage), 0.9375, accuracy: 1e-9)
        XCTAssertEqual(value(r2, .cost), 16, accuracy: 1e-9)
        XCTAssertEqual(r2.plan?.coverage.map(\.needed), [8, 4])
    }

    func testPolicyOverrideMergesOverEveryOption() throws {
        // 100 personnel in Ukraine: one company of 100 -> land 1/2; air full:
        // (1 x 1 + 3 x 0.5) / 4 = 0.625.
        let capped = Variation(policies: Policies(maxPersonnelIn: [PersonnelCeiling(tag: "ukraine", personnel: 100)]))
        XCTAssertEqual(value(try plan(small, capped), .coverage), 0.625, accuracy: 1e-9)
        XCTAssertEqual(value(try plan(small, Variation()), .coverage), 1, accuracy: 1e-9)
    }

    // MARK: Runs over the tutorial sweep

    static let scenarioPath = "scenarios/tutorial.yaml"

    func tutorialCases() throws -> (cases: [BenchCase], scenarios: [String: Scenario]) {
        let root = LoaderScenarioTests.packageRoot
        let sweep = try SweepLoader.load(file: root.appendingPathComponent("sweeps/tutorial.yaml").path)
        let scenario = try ScenarioLoader.load(file: root.appendingPathComponent(Self.scenarioPath).path).scenario
        return (BenchCase.all(scenarios: [Self.scenarioPath], sweep: sweep), [Self.scenarioPath: scenario])
    }

    @discardableResult
    func run(_ cases: [BenchCase], _ scenarios: [String: Scenario], to name: String, workers: Int = 1) throws -> BenchProgress {
        let results = try ResultsFile(path: folder.appendingPathComponent(name).path)
        defer { results.close() }
        let todo = cases.filter { !results.finished.contains($0.id) }
        let runner = BenchRunner(cases: todo, scenarios: scenarios, results: results,
                                 settings: BenchSettings(workers: workers, timeLimit: 60),
                                 skipped: cases.count - todo.count) { portfolioPlanner($0, $1) }
        return try runner.run()
    }

    func lines(_ name: String) throws -> [String] {
        let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
        return text.split(separator: "\n").map(String.init)
    }

    /// Lines without timing fields, sorted: what two runs must agree on.
    func normalised(_ names: [String]) throws -> [String] {
        try names.flatMap { try lines($0) }
            .map { BenchRecord.withoutTiming(try JSONValue.parse($0)).rendered(pretty: false) }
            .sorted()
    }

    func testTwoWorkersGiveTheResultsOfOne() throws {
        let (cases, scenarios) = try tutorialCases()
        try run(cases, scenarios, to: "one.jsonl", workers: 1)
        let end = try run(cases, scenarios, to: "two.jsonl", workers: 2)
        XCTAssertEqual(end.done, 12)
        XCTAssertEqual(try normalised(["one.jsonl"]).count, 12)
        XCTAssertEqual(try normalised(["one.jsonl"]), try normalised(["two.jsonl"]))
    }

    func testShardsConcatenatedEqualTheWholeRun() throws {
        let (cases, scenarios) = try tutorialCases()
        try run(cases, scenarios, to: "whole.jsonl")
        for k in 1...3 { try run(try Shard(index: k, count: 3).select(cases), scenarios, to: "part\(k).jsonl") }
        let parts = ["part1.jsonl", "part2.jsonl", "part3.jsonl"]
        XCTAssertEqual(try normalised(parts), try normalised(["whole.jsonl"]))
        // And they summarise exactly as one run.
        let whole = try BenchSummary(records: try lines("whole.jsonl").map { try JSONValue.parse($0) }, by: "drop")
        let merged = try BenchSummary(records: try parts.flatMap { try lines($0) }.map { try JSONValue.parse($0) }, by: "drop")
        XCTAssertEqual(BenchSummaryReport.render(whole, format: .json), BenchSummaryReport.render(merged, format: .json))
    }

    func testCutOffLastLineIsRedoneAndEveryCaseAppearsOnce() throws {
        let (cases, scenarios) = try tutorialCases()
        try run(Array(cases.prefix(5)), scenarios, to: "r.jsonl")
        // A kill in the middle of the sixth write: half of a line, no newline.
        let path = folder.appendingPathComponent("r.jsonl").path
        let sixth = try lines("r.jsonl")[4]
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(sixth.prefix(sixth.count / 2).utf8))
        try handle.close()
        let before = try ResultsFile(path: path)
        XCTAssertEqual(before.finished.count, 5)
        XCTAssertEqual(before.removedBytes, sixth.count / 2)
        before.close()
        let end = try run(cases, scenarios, to: "r.jsonl")
        XCTAssertEqual(end.skipped, 5)
        XCTAssertEqual(end.done, 7)
        let ids = try lines("r.jsonl").map { try XCTUnwrap(try JSONValue.parse($0)["id"]?.string) }
        XCTAssertEqual(ids.count, 12)
        XCTAssertEqual(Set(ids), Set(cases.map(\.id)))
    }

    func testRerunOfAFinishedFileRunsNothing() throws {
        let (cases, scenarios) = try tutorialCases()
        try run(cases, scenarios, to: "done.jsonl")
        let first = try lines("done.jsonl")
        let again = try run(cases, scenarios, to: "done.jsonl")
        XCTAssertEqual(again.done, 0)
        XCTAssertEqual(again.skipped, 12)
        XCTAssertEqual(try lines("done.jsonl"), first)
    }

    func testDamagedLineInTheMiddleIsRefusedWithItsLineNumber() throws {
        let path = folder.appendingPathComponent("bad.jsonl").path
        try "{\"id\":\"a\"}\n{\"id\":\n{\"id\":\"b\"}\n".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try ResultsFile(path: path)) { error in
            XCTAssertTrue("\(error)".hasPrefix("\(path):2: not a results line"), "\(error)")
        }
    }

    func testSecondWriterOfOneResultsFileIsRefused() throws {
        // Two runs on one file would both run the same cases: the second must not start.
        let path = folder.appendingPathComponent("locked.jsonl").path
        let first = try ResultsFile(path: path)
        XCTAssertThrowsError(try ResultsFile(path: path)) { error in
            XCTAssertTrue("\(error)".contains("another forceplan bench is writing"), "\(error)")
        }
        first.close()
        XCTAssertNoThrow(try ResultsFile(path: path).close())
    }
}
