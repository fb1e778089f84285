import ForcePlanTestSupport
import ForcePlanner
import ForceScenario
import XCTest

/// A requirement's `min_nations` by milestone (docs/model.md, "Time"): it counts by a
/// milestone only when it counts at full strength, however many of its nations have
/// arrived (`cover-min-nations(r,k)`), and the same when read from the integer plan.
final class TimelineMinNationsTests: XCTestCase {
    static func scenario(nations: String, requirements: String, milestones: String) -> String {
        """
        format: forceplan/v1
        name: timeline-min-nations
        capabilities:
          inf: {domain: land, personnel: 100}
        locations:
          home: {tags: [remote], needs_lift: false}
        nations:
        \(nations)
        requirements:
        \(requirements)
        timeline:
          milestones: \(milestones)
        """
    }

    /// r1 needs 2 nations and only a can serve it: r1 counts 0 at full strength (coverage
    /// (0 + 1) / 2 = 0.5) and so by D+7, even if a's second unit (cost 0) were sent to it:
    /// buildup = coverage-by:7 = 0.5, not 1.
    func testARequirementThatNeverCountsCountsZeroByEveryMilestone() throws {
        let yaml = Self.scenario(
            nations: "  a: {pledges: [{capability: inf, units: 2, cost: 0}]}",
            requirements: """
              - {id: r1, needs: inf, units: 1, at: [home], min_nations: 2}
              - {id: r2, needs: inf, units: 1, at: [home]}
            """, milestones: "[7]")
        let r = try planFirst(yaml)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(value(r, .coverage), 0.5, accuracy: 1e-9)
        XCTAssertEqual(value(r, .buildup), 0.5, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(r.plan?.buildup).milestones[0].coverage, 0.5, accuracy: 1e-9)
    }

    /// a and b have one unit each (cost 0). r1 (2 units, weight 1) needs both nations; r2
    /// (1 unit, weight 10) either. Best coverage: r2 covered, r1 counting 0: 10/11 (both
    /// on r1 gives 1/11). b's unit may still sit on r1 at full strength, where it counts 0;
    /// by D+7 it would give r1 half its need, but r1 does not count at full strength, so it
    /// counts 0 by D+7 too: buildup = 10/11, not 10.5/11.
    func testUnitsOnARequirementBelowItsMinNationsCountNothingByAMilestone() throws {
        let yaml = Self.scenario(
            nations: """
              a: {pledges: [{capability: inf, units: 1, cost: 0}]}
              b: {pledges: [{capability: inf, units: 1, cost: 0}]}
            """,
            requirements: """
              - {id: r1, needs: inf, units: 2, at: [home], min_nations: 2, weight: 1}
              - {id: r2, needs: inf, units: 1, at: [home], weight: 10}
            """, milestones: "[7]")
        let r = try planFirst(yaml)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(value(r, .coverage), 10.0 / 11, accuracy: 1e-9)
        XCTAssertEqual(value(r, .buildup), 10.0 / 11, accuracy: 1e-9)
    }

    /// r1 (2 units) needs a and b; b is ready on day 10. At full strength both serve it:
    /// coverage 1. By D+7 only a's unit is there, and r1 counts (it does at full strength):
    /// 1/2; by D+14 both: 1. buildup = (0.5 + 1) / 2 = 0.75.
    func testARequirementThatCountsAtFullStrengthCountsItsArrivalsByEachMilestone() throws {
        let yaml = Self.scenario(
            nations: """
              a: {pledges: [{capability: inf, units: 1, cost: 1}]}
              b: {pledges: [{capability: inf, units: 1, cost: 1, ready_days: 10}]}
            """,
            requirements: "  - {id: r1, needs: inf, units: 2, at: [home], min_nations: 2}",
            milestones: "[7, 14]")
        let r = try planFirst(yaml)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(value(r, .coverage), 1, accuracy: 1e-9)
        XCTAssertEqual(value(r, .buildup), 0.75, accuracy: 1e-9)
        let b = try XCTUnwrap(r.plan?.buildup)
        XCTAssertEqual(b.milestones.map(\.coverage), [0.5, 1])
    }
}
