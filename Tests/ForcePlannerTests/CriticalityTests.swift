import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// `Criticality`: each contributing nation's withdrawal, ranked.
final class CriticalityTests: XCTestCase {
    /// a is the only source of jets; b and c pledge infantry, b cheaper.
    /// Plan: b gives 2 inf to r1 (cost 2 x 10 = 20), a 1 jet to r2 (5): coverage 1, cost 25.
    /// Without a: r2 has no source, coverage (2 x 1 + 1 x 0) / 3 = 2/3, lost 1/3, cost 20
    /// (added -5), a flagged (r2 unsubstituted).
    /// Without b: c gives the 2 inf (2 x 20 = 40): coverage 1, lost 0, cost 45 (added +20).
    let yaml = header + """
    nations:
      a: {pledges: [{capability: jet, units: 1, cost: 5}]}
      b: {pledges: [{capability: inf, units: 2, cost: 10}]}
      c: {pledges: [{capability: inf, units: 2, cost: 20}]}
    requirements:
      - {id: r1, needs: inf, units: 2, at: [poland], weight: 2}
      - {id: r2, needs: jet, units: 1, at: [poland]}
    """

    func analyse(threads: Int) throws -> CriticalityReport {
        let s = try scenario(yaml)
        let option = try XCTUnwrap(s.effectiveOptions.first)
        return Criticality.analyse(portfolioPlanner(s), option: option, threads: threads)
    }

    func testOnlySourceOfACapabilityTopsTheRankingAndIsFlagged() throws {
        let report = try analyse(threads: 1)
        XCTAssertEqual(report.nations.map(\.nation), ["a", "b"])
        let a = report.nations[0], b = report.nations[1]
        XCTAssertEqual(a.coverageLost ?? -1, 1.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(a.costAdded ?? 0, -5, accuracy: 1e-9)
        XCTAssertTrue(a.singlePointOfFailure)
        XCTAssertEqual(a.unsubstituted, ["r2"])
        XCTAssertEqual(a.falls.map(\.requirement), ["r2"])
        XCTAssertEqual(a.falls.first?.after ?? -1, 0, accuracy: 1e-9)
        XCTAssertEqual(b.coverageLost ?? -1, 0, accuracy: 1e-9)
        XCTAssertEqual(b.costAdded ?? 0, 20, accuracy: 1e-9)
        XCTAssertFalse(b.singlePointOfFailure)
        XCTAssertEqual(b.falls, [])
    }

    func testThreadsDoNotChangeTheResult() throws {
        let one = try analyse(threads: 1), two = try analyse(threads: 2)
        XCTAssertEqual(one.nations, two.nations)
        XCTAssertEqual(CriticalityRendering.json(one), CriticalityRendering.json(two))
    }

    func testEqualCoverageLostRanksByCostAdded() throws {
        // a, b, c, d pledge one unit each; r needs 2. Plan: a (1) + b (2), cost 3.
        // Without a: b + c = 5 (+2); without b: a + c = 4 (+1). No coverage lost: a first.
        let s = try scenario(header + """
        nations:
          a: {pledges: [{capability: inf, units: 1, cost: 1}]}
          b: {pledges: [{capability: inf, units: 1, cost: 2}]}
          c: {pledges: [{capability: inf, units: 1, cost: 3}]}
        requirements:
          - {id: r, needs: inf, units: 2, at: [poland]}
        """)
        let report = Criticality.analyse(portfolioPlanner(s), option: try XCTUnwrap(s.effectiveOptions.first))
        XCTAssertEqual(report.nations.map(\.nation), ["a", "b"])
        XCTAssertEqual(report.nations.map { $0.costAdded ?? 0 }, [2, 1])
    }

    func testInfeasibleWithoutANationRanksFirstAndNamesTheConflict() throws {
        // r needs 2 nations; only a and b can serve it: without either, min_nations:r fails.
        let s = try scenario(header + """
        nations:
          a: {pledges: [{capability: inf, units: 1, cost: 1}]}
          b: {pledges: [{capability: inf, units: 1, cost: 1}, {capability: jet, units: 1, cost: 1}]}
          c: {pledges: [{capability: jet, units: 1, cost: 1}]}
        requirements:
          - {id: r, needs: inf, units: 2, at: [poland], min_nations: 2}
          - {id: q, needs: jet, units: 2, at: [poland]}
        """)
        let report = Criticality.analyse(portfolioPlanner(s), option: try XCTUnwrap(s.effectiveOptions.first))
        XCTAssertEqual(report.nations.prefix(2).map(\.status), [.infeasible, .infeasible])
        XCTAssertEqual(report.nations.first?.conflicts, ["min_nations:r"])
        // Without a or b, one candidate remains for a rule of two: no substitute.
        XCTAssertEqual(report.nations.prefix(2).map(\.unsubstituted), [["r"], ["r"]])
        XCTAssertEqual(report.nations.last?.nation, "c")
        XCTAssertEqual(report.nations.last?.singlePointOfFailure, false)
    }
}
