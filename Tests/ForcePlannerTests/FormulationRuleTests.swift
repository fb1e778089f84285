import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import LinearModel
import XCTest

/// One behaviour of docs/model.md's model per test, each with its expected values derived by
/// hand in the comment beside it.
final class FormulationRuleTests: XCTestCase {
    func testCaveatForbidsDomainAtTaggedLocations() throws {
        // a has a land caveat on ukraine, so only b's 1 unit reaches ua-west: 1 of 2 -> 0.5.
        // Cost: b's unit at 7.
        let r = try planFirst(header + """
        nations:
          a:
            caveats: [{domain: land, tag: ukraine}]
            pledges: [{capability: inf, units: 4, cost: 1}]
          b:
            pledges: [{capability: inf, units: 1, cost: 7}]
        requirements:
          - {id: hold, needs: inf, units: 2, at: [ua-west]}
        """)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(value(r, .coverage), 0.5, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 7, accuracy: 1e-9)
        XCTAssertEqual(r.plan?.assignments.map(\.nation), ["b"])
    }

    func testCaveatDoesNotTouchOtherDomainsOrPlaces() throws {
        // a's land caveat leaves its jets over Ukraine and its infantry in Poland: both
        // requirements fully served -> coverage 1, cost 2*1 + 3*2 = 8.
        let r = try planFirst(header + """
        nations:
          a:
            caveats: [{domain: land, tag: ukraine}]
            pledges:
              - {capability: inf, units: 2, cost: 1}
              - {capability: jet, units: 3, cost: 2}
        requirements:
          - {id: shield, needs: jet, units: 3, at: [ukraine]}
          - {id: rear, needs: inf, units: 2, at: [poland]}
        """)
        XCTAssertEqual(value(r, .coverage), 1, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 8, accuracy: 1e-9)
    }

    func testConditionalPledgeNeedsAllItsAssumptions() throws {
        // Option "with": both assumptions hold -> 2 jets, coverage 1. Option "without":
        // us-backstop false -> the pledge vanishes, coverage 0.
        let report = try planAll(header + """
        assumptions: {us-backstop: true, congress: true}
        nations:
          us:
            pledges: [{capability: jet, units: 2, cost: 5, when: [us-backstop, congress]}]
        requirements:
          - {id: air, needs: jet, units: 2, at: [poland]}
        options:
          - {id: with}
          - {id: without, assumptions: {us-backstop: false}}
        """)
        XCTAssertEqual(report.options.count, 2)
        XCTAssertEqual(value(report.options[0], .coverage), 1, accuracy: 1e-9)
        XCTAssertEqual(value(report.options[1], .coverage), 0, accuracy: 1e-9)
    }

    func testReadinessIsInclusive() throws {
        // within_days 30: the pledge ready in 30 days counts (2 units), the one ready in
        // 31 does not; a pledge without ready_days is ready (1 unit). 3 of 4 -> 0.75.
        let r = try planFirst(header + """
        nations:
          a:
            pledges:
              - {capability: inf, units: 2, ready_days: 30}
              - {capability: inf, units: 5, ready_days: 31}
              - {capability: inf, units: 1}
        requirements:
          - {id: fast, needs: inf, units: 4, at: [poland], within_days: 30}
        """)
        XCTAssertEqual(value(r, .coverage), 0.75, accuracy: 1e-9)
    }

    func testRotationTiesUpPledgedUnits() throws {
        // rotation 3, 7 pledged: floor(7/3) = 2 deploy; need 5 -> 2/5 = 0.4.
        let r = try planFirst("""
        format: forceplan/v1
        name: rot
        capabilities:
          bde: {domain: land, personnel: 1000, rotation: 3}
        locations:
          ua: {tags: [ukraine]}
        nations:
          a: {pledges: [{capability: bde, units: 7}]}
        requirements:
          - {id: r, needs: bde, units: 5, at: [ua]}
        """)
        XCTAssertEqual(value(r, .coverage), 0.4, accuracy: 1e-9)
        XCTAssertEqual(r.plan?.personnelTotal ?? 0, 2000, accuracy: 1e-9)
    }

    func testFractionalRotation() throws {
        // rotation 2.5, 10 pledged: floor(10/2.5) = 4 deploy; need 4 -> 1.
        let r = try planFirst("""
        format: forceplan/v1
        name: rot
        capabilities:
          bde: {domain: land, personnel: 1, rotation: 2.5}
        locations:
          ua: {tags: [ukraine]}
        nations:
          a: {pledges: [{capability: bde, units: 10}]}
        requirements:
          - {id: r, needs: bde, units: 5, at: [ua]}
        """)
        XCTAssertEqual(value(r, .coverage), 0.8, accuracy: 1e-9)
    }

    func testLocationCapacityPersonnelAndDomain() throws {
        // poland holds 250 personnel: 2 inf (200) and, air capacity 3, 3 jets (30 personnel)
        // would break 250 only with the third inf. Land need 4 -> 2 served by poland; air
        // need 5 -> 3 (air cap). Coverage (2/4 + 3/5) / 2 = 0.55.
        let r = try planFirst("""
        format: forceplan/v1
        name: cap
        capabilities:
          inf: {domain: land, personnel: 100}
          jet: {domain: air, personnel: 10}
        locations:
          poland: {tags: [neighbor], capacity: {personnel: 250, air: 3}}
        nations:
          a:
            pledges:
              - {capability: inf, units: 10}
              - {capability: jet, units: 10}
        requirements:
          - {id: land, needs: inf, units: 4, at: [poland]}
          - {id: air, needs: jet, units: 5, at: [poland]}
        """)
        XCTAssertEqual(value(r, .coverage), 0.55, accuracy: 1e-9)
    }

    func testNationShareBindsEveryNation() throws {
        // share 0.6, b gives at most 2 units (200). a <= 0.6 (a + 200) -> a <= 300 -> 3
        // units. 5 of 10 -> 0.5.
        let r = try planFirst(header + """
        policies: {max_nation_share: 0.6}
        nations:
          a: {pledges: [{capability: inf, units: 10}]}
          b: {pledges: [{capability: inf, units: 2}]}
        requirements:
          - {id: r, needs: inf, units: 10, at: [poland]}
        """)
        XCTAssertEqual(value(r, .coverage), 0.5, accuracy: 1e-9)
    }

    func testNationAndTotalBudgets() throws {
        // b's 4 units (10 each, 40) first; total_budget 120 leaves 80 for a at 30 a unit
        // -> 2 (a's own budget 100 would allow 3). 6 of 10 -> 0.6. The cheapest way to
        // deploy 6: b 4 + a 2 = 40 + 60 = 100 (a 3 + b 3 = 120 is dearer).
        let r = try planFirst(header + """
        policies: {total_budget: 120}
        nations:
          a: {budget: 100, pledges: [{capability: inf, units: 10, cost: 30}]}
          b: {pledges: [{capability: inf, units: 4, cost: 10}]}
        requirements:
          - {id: r, needs: inf, units: 10, at: [poland]}
        """)
        XCTAssertEqual(value(r, .coverage), 0.6, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 100, accuracy: 1e-9)
    }

    func testPolicyMinNationsForcesASecondNation() throws {
        // Need 2; a is cheapest (1 each) but min_nations 2 forces b in: 1*1 + 1*5 = 6.
        let r = try planFirst(header + """
        policies: {min_nations: 2}
        nations:
          a: {pledges: [{capability: inf, units: 5, cost: 1}]}
          b: {pledges: [{capability: inf, units: 5, cost: 5}]}
        requirements:
          - {id: r, needs: inf, units: 2, at: [poland]}
        """)
        XCTAssertEqual(value(r, .coverage), 1, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 6, accuracy: 1e-9)
    }

    func testRequirementMinNations() throws {
        // Need 3 on r1 with 3 nations; cheapest plan a x3 (3) is ruled out by min_nations 3:
        // a, b, c one each: 1 + 2 + 3 = 6.
        let r = try planFirst(header + """
        nations:
          a: {pledges: [{capability: inf, units: 5, cost: 1}]}
          b: {pledges: [{capability: inf, units: 5, cost: 2}]}
          c: {pledges: [{capability: inf, units: 5, cost: 3}]}
        requirements:
          - {id: r1, needs: inf, units: 3, at: [poland], min_nations: 3}
        """)
        XCTAssertEqual(value(r, .cost), 6, accuracy: 1e-9)
        XCTAssertEqual(Set(r.plan?.contributingNations ?? []), ["a", "b", "c"])
    }

    func testFractionalNeedsFactors() throws {
        // needs {jet: 1, old-jet: 0.5}: 2 jets + 3 old jets = 2 + 1.5 = 3.5 of 4 -> 0.875.
        let r = try planFirst("""
        format: forceplan/v1
        name: needs
        capabilities:
          jet: {domain: air, personnel: 10}
          old-jet: {domain: air, personnel: 10}
        locations:
          poland: {tags: [neighbor]}
        nations:
          a:
            pledges:
              - {capability: jet, units: 2}
              - {capability: old-jet, units: 3}
        requirements:
          - {id: air, needs: {jet: 1, old-jet: 0.5}, units: 4, at: [poland]}
        """)
        XCTAssertEqual(value(r, .coverage), 0.875, accuracy: 1e-9)
    }

    func testTagsAndIdsInLocationLists() throws {
        // Requirement at tag ukraine (ua-west, ua-east); a's pledge limited to ua-east by id
        // still counts; b limited to poland cannot. 2 of 3 -> 2/3.
        let r = try planFirst(header + """
        nations:
          a: {pledges: [{capability: inf, units: 2, locations: [ua-east]}]}
          b: {pledges: [{capability: inf, units: 5, locations: [neighbor]}]}
        requirements:
          - {id: r, needs: inf, units: 3, at: [ukraine]}
        """)
        XCTAssertEqual(value(r, .coverage), 2.0 / 3.0, accuracy: 1e-9)
        XCTAssertEqual(r.plan?.assignments.first?.location, "ua-east")
    }

    func testLexicographicTieBrokenByCost() throws {
        // Full coverage either way; cost picks b (2 units at 3 = 6) over a (2 at 4 = 8).
        let r = try planFirst(header + """
        nations:
          a: {pledges: [{capability: inf, units: 2, cost: 4}]}
          b: {pledges: [{capability: inf, units: 2, cost: 3}]}
        requirements:
          - {id: r, needs: inf, units: 2, at: [poland]}
        """)
        XCTAssertEqual(value(r, .coverage), 1, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 6, accuracy: 1e-9)
    }

    func testWeightsInCoverage() throws {
        // r1 (weight 3) fully served by the only unit that can serve it; r2 (weight 1)
        // needs 2, gets 1. (3*1 + 1*0.5) / 4 = 0.875.
        let r = try planFirst(header + """
        nations:
          a:
            pledges:
              - {capability: inf, units: 1}
              - {capability: jet, units: 1}
        requirements:
          - {id: r1, needs: inf, units: 1, at: [poland], weight: 3}
          - {id: r2, needs: jet, units: 2, at: [poland]}
        """)
        XCTAssertEqual(value(r, .coverage), 0.875, accuracy: 1e-9)
    }
}
