import ForceBench
@testable import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import LinearModel
import XCTest

/// Locations that no constraint can tell apart (same tags, no capacity) share one
/// assignment variable; a location with a capacity keeps its own.
final class LocationMergeTests: XCTestCase {
    /// ua-west and ua-east both have tags [ukraine] and no capacity; poland has [neighbor].
    /// One pledge that may serve all three: 2 variables (one for the Ukrainian pair,
    /// reported at ua-west, the first in file order; one for poland), not 3.
    func testSameTagsNoCapacityShareOneVariable() throws {
        let s = try scenario(header + """
            nations:
              a: {pledges: [{capability: inf, units: 4, cost: 1}]}
            requirements:
              - {id: r, needs: inf, units: 4, at: [ukraine, neighbor]}
            """)
        let option = try XCTUnwrap(s.effectiveOptions.first)
        let f = Formulation(scenario: s, option: ResolvedOption(option, of: s, overrides: PlanningOverrides()))
        XCTAssertEqual(f.assignments.count, 2)
        XCTAssertEqual(f.assignments.map(\.location), ["ua-west", "poland"])
        XCTAssertEqual(f.assignments.map(\.interchangeable), [["ua-west", "ua-east"], ["poland"]])
    }

    /// A personnel capacity at ua-east sets it apart: 3 variables.
    func testACapacitySetsALocationApart() throws {
        let s = try scenario(header.replacingOccurrences(of: "ua-east: {tags: [ukraine]}",
                                                         with: "ua-east: {tags: [ukraine], capacity: {personnel: 1000}}") + """
            nations:
              a: {pledges: [{capability: inf, units: 4, cost: 1}]}
            requirements:
              - {id: r, needs: inf, units: 4, at: [ukraine, neighbor]}
            """)
        let option = try XCTUnwrap(s.effectiveOptions.first)
        let f = Formulation(scenario: s, option: ResolvedOption(option, of: s, overrides: PlanningOverrides()))
        XCTAssertEqual(f.assignments.map(\.location), ["ua-west", "ua-east", "poland"])
    }

    /// Merging loses nothing: the same plan values with the pair merged and with the pair
    /// kept apart by a capacity that never binds (10,000 personnel). Hand derivation:
    /// 5 infantry wanted in Ukraine; a gives 3 (cost 2 each), b 4 (cost 3); at most 400
    /// personnel (4 units) in Ukraine: coverage 4/5 = 0.8 with a's 3 and one of b's:
    /// cost 6 + 3 = 9.
    func testMergedAndSeparateLocationsGiveTheSamePlanValues() throws {
        let body = """
            nations:
              a: {pledges: [{capability: inf, units: 3, cost: 2}]}
              b: {pledges: [{capability: inf, units: 4, cost: 3}]}
            requirements:
              - {id: r, needs: inf, units: 5, at: [ukraine]}
            policies: {max_personnel_in: {ukraine: 400}}
            objectives: [coverage, cost]
            """
        let merged = try planFirst(header + body)
        let separate = try planFirst(header.replacingOccurrences(
            of: "ua-east: {tags: [ukraine]}", with: "ua-east: {tags: [ukraine], capacity: {personnel: 10000}}") + body)
        for r in [merged, separate] {
            XCTAssertEqual(r.status, .optimal)
            XCTAssertEqual(value(r, .coverage), 0.8, accuracy: 1e-9)
            XCTAssertEqual(value(r, .cost), 9, accuracy: 1e-9)
        }
        XCTAssertEqual(merged.plan?.assignments.map(\.location).sorted(), ["ua-west", "ua-west"])
    }
}
