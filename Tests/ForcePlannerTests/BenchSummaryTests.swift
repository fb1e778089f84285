import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import XCTest

/// `bench summarize` on hand-made results lines.
final class BenchSummaryTests: XCTestCase {
    /// A line for option `o` with weighted coverage `c` (nil: infeasible) and cost `k`.
    func record(_ id: String, drop: [String], backstop: Bool, coverage c: Double?, cost k: Double?) throws -> JSONValue {
        let variation = #"{"assumptions.us-backstop":\#(backstop),"drop":[\#(drop.map { "\"\($0)\"" }.joined(separator: ","))]}"#
        let option = c.map { #"{"id":"a","status":"optimal","weighted_coverage":\#($0),"cost":\#(k ?? 0),"seconds":0.1}"# }
            ?? #"{"id":"a","status":"infeasible","weighted_coverage":null,"cost":null,"seconds":0.1}"#
        return try JSONValue.parse(#"{"id":"\#(id)","scenario":"s.yaml","name":"s","variation":\#(variation),"options":[\#(option)],"seconds":1}"#)
    }

    func testDistributionIsNearestRank() throws {
        // 10 values 0.1 ... 1.0: P10 is the ceil(0.1 x 10) = 1st smallest, the median the
        // ceil(0.5 x 10) = 5th.
        let records = try (1...10).map { try record("c\($0)", drop: [], backstop: true, coverage: Double($0) / 10, cost: Double($0)) }
        let s = try BenchSummary(records: records)
        let a = try XCTUnwrap(s.options.first)
        XCTAssertEqual(a.cases, 10)
        XCTAssertEqual(a.coverage, BenchSummary.Distribution([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0]))
        XCTAssertEqual(a.coverage?.min, 0.1)
        XCTAssertEqual(a.coverage?.p10, 0.1)
        XCTAssertEqual(a.coverage?.median, 0.5)
        XCTAssertEqual(a.coverage?.max, 1.0)
        XCTAssertEqual(a.cost?.median, 5)
    }

    func testWorstCasesPutMissingPlansFirstThenLowestCoverage() throws {
        let s = try BenchSummary(records: [
            try record("x", drop: [], backstop: true, coverage: 0.9, cost: 1),
            try record("y", drop: ["uk"], backstop: true, coverage: nil, cost: nil),
            try record("z", drop: ["fr"], backstop: false, coverage: 0.5, cost: 3),
        ], worst: 2)
        XCTAssertEqual(s.worst.map(\.id), ["y", "z"])
        XCTAssertEqual(s.worst.last?.variation, "assumptions.us-backstop=false, drop=fr")
        XCTAssertEqual(s.options.first?.statuses.first { $0.status == "infeasible" }?.count, 1)
    }

    func testGroupsByAVariationKeyGivenByItsLastPart() throws {
        let s = try BenchSummary(records: [
            try record("x", drop: [], backstop: true, coverage: 1, cost: 1),
            try record("y", drop: ["uk"], backstop: false, coverage: 0.5, cost: 2),
            try record("z", drop: ["fr"], backstop: false, coverage: 0.7, cost: 3),
        ], by: "us-backstop")
        XCTAssertEqual(s.groupKey, "assumptions.us-backstop")
        // false before true; the false group holds y and z: coverage 0.5 and 0.7.
        XCTAssertEqual(s.groups.map(\.value), ["false", "true"])
        XCTAssertEqual(s.groups.first?.options.first?.coverage?.min, 0.5)
        XCTAssertEqual(s.groups.first?.options.first?.coverage?.max, 0.7)
        let byDrop = try BenchSummary(records: [
            try record("x", drop: [], backstop: true, coverage: 1, cost: 1),
            try record("y", drop: ["uk"], backstop: false, coverage: 0.5, cost: 2),
        ], by: "drop")
        XCTAssertEqual(byDrop.groups.map(\.value), ["none", "uk"])
    }

    func testUnknownGroupKeySuggestsTheNearest() throws {
        let records = [try record("x", drop: [], backstop: true, coverage: 1, cost: 1)]
        XCTAssertThrowsError(try BenchSummary(records: records, by: "dorp")) { error in
            XCTAssertEqual("\(error)", "--by dorp: no case varies 'dorp'; did you mean 'drop'?")
        }
    }

    func testRepeatedIdsCountOnceWhateverTheOrder() throws {
        let x = try record("x", drop: [], backstop: true, coverage: 1, cost: 1)
        let y = try record("y", drop: ["uk"], backstop: true, coverage: 0.5, cost: 2)
        let a = try BenchSummary(records: [x, y, x])
        let b = try BenchSummary(records: [y, x])
        XCTAssertEqual(a.cases, 2)
        XCTAssertEqual(a.duplicates, 1)
        XCTAssertEqual(a.options, b.options)
    }

    func testMarkdownSummaryOfTwoCases() throws {
        // Option a: x covered 100 % at cost 1, y 50 % at cost 2. Nearest rank over 2
        // values: P10 = 1st, median = ceil(0.5 x 2) = 1st smallest.
        let s = try BenchSummary(records: [
            try record("x", drop: [], backstop: true, coverage: 1, cost: 1),
            try record("y", drop: ["uk"], backstop: true, coverage: 0.5, cost: 2),
        ], by: "drop", worst: 1)
        XCTAssertEqual(BenchSummaryReport.render(s, format: .markdown), """
            # Benchmark

            2 cases of s.

            ## Per option

            | option | cases | optimal | feasible | infeasible | time-limit | error | coverage min | p10 | median | max | cost min | median | max |
            |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
            | a | 2 | 2 | 0 | 0 | 0 | 0 | 50% | 50% | 50% | 100% | 1 | 1 | 2 |

            ## Worst cases

            | case | option | status | coverage | cost | variation |
            |---|---|---|---:|---:|---|
            | y | a | optimal | 50% | 2 | assumptions.us-backstop=true, drop=uk |

            ## By drop

            | drop | option | cases | optimal | feasible | infeasible | time-limit | error | coverage min | p10 | median | max | cost min | median | max |
            |---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|
            | none | a | 1 | 1 | 0 | 0 | 0 | 0 | 100% | 100% | 100% | 100% | 1 | 1 | 1 |
            | uk | a | 1 | 1 | 0 | 0 | 0 | 0 | 50% | 50% | 50% | 50% | 2 | 2 | 2 |

            """)
    }

    func testProgressLineAndBar() {
        // 18 of 36 in 9 s: 2 cases/s, 18 left: ETA 9 s.
        let p = BenchProgress(done: 18, total: 36, skipped: 4, failed: 1, infeasible: 2, elapsed: 9)
        XCTAssertEqual(p.line, "bench: 18/36 cases (50%), 2 cases/s, ETA 0:09, 1 failed, 2 infeasible, 4 done before")
        XCTAssertEqual(p.bar(width: 10), "[#####-----] 18/36  2 cases/s  ETA 0:09  1 failed  2 infeasible  4 done before")
        let end = BenchProgress(done: 36, total: 36, elapsed: 3725)
        XCTAssertEqual(end.line, "bench: 36/36 cases (100%), 0.01 cases/s, done in 1:02:05")
    }
}
