import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import XCTest

/// Case ids and shards: derived from what a case is, never from the order of a run.
final class BenchCaseTests: XCTestCase {
    func testIdIsThePathAndTheCanonicalVariation() {
        let a = Variation(assumptions: [Assumption(name: "us-backstop", value: false)], drop: ["uk", "france"],
                          requirementScale: 1.2)
        // The same variation built in another order: the same id.
        let b = Variation(requirementScale: 1.2).merged(with: Variation(drop: ["france", "uk"]))
            .merged(with: Variation(assumptions: [Assumption(name: "us-backstop", value: false)]))
        XCTAssertEqual(BenchCase(scenario: "scenarios/t.yaml", variation: a).id,
                       "scenarios/t.yaml@assumptions.us-backstop=false,drop=france+uk,requirement_scale=1.2")
        XCTAssertEqual(BenchCase(scenario: "scenarios/t.yaml", variation: a).id,
                       BenchCase(scenario: "scenarios/t.yaml", variation: b).id)
        XCTAssertEqual(BenchCase(scenario: "scenarios/t.yaml", variation: Variation()).id, "scenarios/t.yaml")
    }

    func testCanonicalPathDoesNotDependOnHowThePathWasTyped() {
        XCTAssertEqual(BenchCase.canonicalPath("./scenarios/../scenarios/t.yaml", in: "/repo"), "scenarios/t.yaml")
        XCTAssertEqual(BenchCase.canonicalPath("/repo/scenarios/t.yaml", in: "/repo"), "scenarios/t.yaml")
        XCTAssertEqual(BenchCase.canonicalPath("/elsewhere/t.yaml", in: "/repo"), "/elsewhere/t.yaml")
    }

    func testCasesAreSortedByScenarioWhateverTheArgumentOrder() {
        let sweepless1 = BenchCase.all(scenarios: ["b.yaml", "a.yaml"], sweep: nil).map(\.id)
        let sweepless2 = BenchCase.all(scenarios: ["a.yaml", "b.yaml"], sweep: nil).map(\.id)
        XCTAssertEqual(sweepless1, ["a.yaml", "b.yaml"])
        XCTAssertEqual(sweepless1, sweepless2)
    }

    func testShardsPartitionTheCases() throws {
        let cases = (0..<10).map { BenchCase(scenario: "s\($0).yaml", variation: Variation()) }
        let parts = try (1...3).map { try Shard(index: $0, count: 3).select(cases) }
        // Round robin: 0,3,6,9 / 1,4,7 / 2,5,8.
        XCTAssertEqual(parts.map(\.count), [4, 3, 3])
        XCTAssertEqual(parts[0].map(\.id), ["s0.yaml", "s3.yaml", "s6.yaml", "s9.yaml"])
        XCTAssertEqual(Set(parts.flatMap { $0 }.map(\.id)), Set(cases.map(\.id)))
        XCTAssertEqual(parts.flatMap { $0 }.count, cases.count)
    }

    func testShardParsing() throws {
        XCTAssertEqual(try Shard(parsing: "2/3"), try Shard(index: 2, count: 3))
        XCTAssertThrowsError(try Shard(parsing: "4/3"))
        XCTAssertThrowsError(try Shard(parsing: "0/3"))
        XCTAssertThrowsError(try Shard(parsing: "two"))
    }

    func testSlurmArrayGivesTheShardFromAnyFirstIndex() throws {
        // --array=1-3: task 3 is the third shard.
        let one = try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "3", "SLURM_ARRAY_TASK_MIN": "1",
                                             "SLURM_ARRAY_TASK_COUNT": "3"])
        XCTAssertEqual(one?.shard, try Shard(index: 3, count: 3))
        // --array=0-2: task 0 is the first.
        let zero = try Shard.fromEnvironment(["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_MIN": "0",
                                              "SLURM_ARRAY_TASK_COUNT": "3"])
        XCTAssertEqual(zero?.shard, try Shard(index: 1, count: 3))
        XCTAssertNil(try Shard.fromEnvironment([:]))
    }

    func testJobCompletionIndexNeedsTheCount() throws {
        XCTAssertThrowsError(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "1"]))
        XCTAssertEqual(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "1"], count: 3)?.shard,
                       try Shard(index: 2, count: 3))
        XCTAssertThrowsError(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "3"], count: 3))
    }

    func testFlagWinsOverTheEnvironment() throws {
        let slurm = ["SLURM_ARRAY_TASK_ID": "0", "SLURM_ARRAY_TASK_COUNT": "3"]
        XCTAssertEqual(try Shard.choose(flag: "1/1", environment: slurm, count: nil).shard, Shard.all)
        XCTAssertEqual(try Shard.choose(flag: nil, environment: slurm, count: nil).shard, try Shard(index: 1, count: 3))
        XCTAssertEqual(try Shard.choose(flag: nil, environment: [:], count: nil).shard, Shard.all)
        XCTAssertThrowsError(try Shard.choose(flag: nil, environment: [:], count: 3))
    }
}
