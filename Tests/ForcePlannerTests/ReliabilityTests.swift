import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// `Reliability`: the plan under sampled pledge outcomes.
final class ReliabilityTests: XCTestCase {
    func assess(_ yaml: String, samples: Int = 200, seed: UInt64 = 42) throws -> (OptionResult, ReliabilityResult) {
        let s = try scenario(yaml)
        let planner = portfolioPlanner(s, PlannerSettings(alternatives: false, findBinding: false))
        let result = planner.plan(try XCTUnwrap(s.effectiveOptions.first))
        return (result, try XCTUnwrap(Reliability.assess(planner, result, samples: samples, seed: seed)))
    }

    /// cheap (cost 1, reliability 0.5) and dear (cost 10, reliability 1) each pledge the
    /// one unit r needs. The plan takes cheap. As planned, coverage is 1 when cheap
    /// delivers and 0 when not (about half the samples each): P10 = 0, P90 = 1, and the
    /// mean is the share of draws below 0.5 for cheap, the first nation drawn in each
    /// sample (recomputed here from the same SeededRandom). Re-planned, dear always
    /// stands in: every statistic is 1.
    func testUnreliableCheapNationAgainstReliableDearOne() throws {
        let (result, r) = try assess(header + """
        nations:
          cheap: {reliability: 0.5, pledges: [{capability: inf, units: 1, cost: 1}]}
          dear: {pledges: [{capability: inf, units: 1, cost: 10}]}
        requirements:
          - {id: r, needs: inf, units: 1, at: [poland]}
        """)
        XCTAssertEqual(result.plan?.contributingNations, ["cheap"])
        XCTAssertEqual(r.asPlanned.p10, 0)
        XCTAssertEqual(r.asPlanned.p90, 1)
        var rng = SeededRandom(seed: 42)
        var delivered = 0
        for _ in 0..<200 {
            if Double(rng.next() >> 11) / 9_007_199_254_740_992 < 0.5 { delivered += 1 }
            _ = rng.next()   // dear's draw
        }
        XCTAssertEqual(r.asPlanned.mean, Double(delivered) / 200, accuracy: 1e-12)
        XCTAssertTrue((60...140).contains(delivered), "\(delivered) of 200")
        XCTAssertEqual(r.replanned, ReliabilitySummary([1]))
        XCTAssertEqual(r.replansWithoutPlan, 0)
    }

    /// Every reliability 1: every outcome is the plan itself. Only 1 of the 2 units r
    /// needs is pledged, so coverage is 1/2 in every statistic.
    func testFullReliabilityGivesThePlansCoverageEverywhere() throws {
        let (result, r) = try assess(header + """
        nations:
          a: {pledges: [{capability: inf, units: 1, cost: 1}]}
        requirements:
          - {id: r, needs: inf, units: 2, at: [poland]}
        """, samples: 50)
        XCTAssertEqual(result.plan?.value(of: .coverage) ?? -1, 0.5, accuracy: 1e-12)
        XCTAssertEqual(r.asPlanned, ReliabilitySummary([0.5]))
        XCTAssertEqual(r.replanned, ReliabilitySummary([0.5]))
    }

    func testSameSeedSameBytes() throws {
        let yaml = header + """
        nations:
          a: {reliability: 0.3, pledges: [{capability: inf, units: 1, cost: 1}]}
          b: {reliability: 0.6, pledges: [{capability: inf, units: 1, cost: 2}]}
        requirements:
          - {id: r, needs: inf, units: 2, at: [poland]}
        """
        func json() throws -> String {
            var (result, r) = try assess(yaml, samples: 100, seed: 9)
            result.reliability = r
            result.seconds = 0
            return JSONReport.render(PlanReport(scenario: try scenario(yaml), options: [result]))
        }
        let first = try json()
        XCTAssertEqual(first, try json())
        XCTAssertTrue(first.contains("\"reliability\""))
    }

    /// Four nations of reliability 0.5 give up to 16 failure sets, re-planned on 3 threads:
    /// the same result as on one.
    func testThreadsGiveTheSameResult() throws {
        let s = try scenario(header + """
        nations:
          a: {reliability: 0.5, pledges: [{capability: inf, units: 1, cost: 1}]}
          b: {reliability: 0.5, pledges: [{capability: inf, units: 1, cost: 2}]}
          c: {reliability: 0.5, pledges: [{capability: inf, units: 1, cost: 3}]}
          d: {reliability: 0.5, pledges: [{capability: inf, units: 1, cost: 4}]}
        requirements:
          - {id: r, needs: inf, units: 2, at: [poland]}
        """)
        let planner = portfolioPlanner(s, PlannerSettings(alternatives: false, findBinding: false))
        let result = planner.plan(try XCTUnwrap(s.effectiveOptions.first))
        XCTAssertEqual(result.plan?.contributingNations, ["a", "b"])
        let one = try XCTUnwrap(Reliability.assess(planner, result, samples: 300, seed: 3))
        let three = try XCTUnwrap(Reliability.assess(planner, result, samples: 300, seed: 3, threads: 3))
        XCTAssertEqual(one, three)
        // Re-planned, coverage is min(2, nations delivered) / 2, so at least the plan's
        // surviving share, and 0 only when all four fail.
        XCTAssertGreaterThanOrEqual(one.replanned.mean, one.asPlanned.mean)
        XCTAssertEqual(one.replanned.p90, 1)
    }

    func testNearestRankPercentiles() {
        // 10 values 0.1 ... 1.0: P10 is the 1st, P50 the 5th, P90 the 9th smallest.
        let s = ReliabilitySummary((1...10).map { Double($0) / 10 }.reversed())
        XCTAssertEqual([s.p10, s.p50, s.p90], [0.1, 0.5, 0.9])
        XCTAssertEqual(s.mean, 0.55, accuracy: 1e-12)
    }
}

/// `reliability` in scenario files: a probability, checked where it is written.
final class ReliabilityInputTests: XCTestCase {
    func testReliabilityOutsideZeroToOneIsAnErrorAtItsPlace() throws {
        let yaml = header + """
        nations:
          a:
            reliability: 1.5
            pledges: [{capability: inf, units: 1, cost: 1}]
        requirements:
          - {id: r, needs: inf, units: 1, at: [poland]}
        """
        XCTAssertThrowsError(try ScenarioLoader.load(yaml: yaml, file: "inline.yaml")) { error in
            // header is 9 lines; `reliability: 1.5` is line 12, its value at column 18.
            XCTAssertEqual("\(error)", "inline.yaml:12:18: invalid nation 'a' reliability 1.5; expected a number from 0 to 1")
        }
    }
}
