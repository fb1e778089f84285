import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// Alternatives: delivered or explained, measured in pairs given up, the same measure in
/// search and report.
final class AlternativeSearchTests: XCTestCase {
    func testIdenticalNationsAreSwappedAtDistanceOneWithTheSameCoverage() throws {
        // a and b pledge the same unit at the same cost; one unit covers r. The best plan
        // uses one of them (pairs {x|r}); the alternative must give that pair up, so it
        // uses the other nation: 1 pair given up (the most there is: proven), coverage 1.
        let r = try planFirst(header + """
        nations:
          a: {pledges: [{capability: inf, units: 1, cost: 10}]}
          b: {pledges: [{capability: inf, units: 1, cost: 10}]}
        requirements:
          - {id: r, needs: inf, units: 1, at: [poland]}
        alternatives: {count: 1, within: 0.05}
        """, alternatives: true)
        let best = try XCTUnwrap(r.plan)
        let alt = try XCTUnwrap(r.alternatives.first)
        XCTAssertEqual(best.contributingNations.count, 1)
        XCTAssertEqual(alt.contributingNations.count, 1)
        XCTAssertNotEqual(alt.contributingNations, best.contributingNations)
        XCTAssertEqual(alt.distance, 1)
        XCTAssertEqual(alt.distanceProven, true)
        XCTAssertEqual(alt.value(of: .coverage) ?? 0, 1, accuracy: 1e-9)
        XCTAssertEqual(alt.value(of: .coverage) ?? 0, best.value(of: .coverage) ?? -1, accuracy: 1e-9)
        XCTAssertNil(r.alternativesMissing)
    }

    func testDistanceCountsPairsGivenUpNotTheSymmetricDifference() throws {
        // a and b pledge both capabilities alike (equal costs). The best plan serves r1 and
        // r2 with one unit each: 2 pairs. The alternative can give up both (the other
        // nation serves each instead), 2 pairs given up, the most there is, so proven.
        // The symmetric difference would be 4 (2 pairs out, 2 in).
        let r = try planFirst(header + """
        nations:
          a: {pledges: [{capability: inf, units: 1, cost: 10}, {capability: jet, units: 1, cost: 5}]}
          b: {pledges: [{capability: inf, units: 1, cost: 10}, {capability: jet, units: 1, cost: 5}]}
        requirements:
          - {id: r1, needs: inf, units: 1, at: [poland]}
          - {id: r2, needs: jet, units: 1, at: [poland]}
        alternatives: {count: 1, within: 0}
        """, alternatives: true)
        let alt = try XCTUnwrap(r.alternatives.first)
        XCTAssertEqual(alt.distance, 2)
        XCTAssertEqual(alt.distanceProven, true)
    }

    func testSecondAlternativeIsApartFromBothPlansBeforeIt() throws {
        // Three identical nations, one unit needed: the best uses one, the first
        // alternative another (1 pair given up), the second the third (1 pair given up
        // from each plan before it; 1 is the most, each earlier plan having one pair).
        let r = try planFirst(header + """
        nations:
          a: {pledges: [{capability: inf, units: 1, cost: 10}]}
          b: {pledges: [{capability: inf, units: 1, cost: 10}]}
          c: {pledges: [{capability: inf, units: 1, cost: 10}]}
        requirements:
          - {id: r, needs: inf, units: 1, at: [poland]}
        alternatives: {count: 2, within: 0}
        """, alternatives: true)
        XCTAssertEqual(r.alternatives.count, 2)
        let used = [r.plan?.contributingNations ?? []] + r.alternatives.map(\.contributingNations)
        XCTAssertEqual(Set(used.flatMap { $0 }), ["a", "b", "c"])
        XCTAssertEqual(r.alternatives.map(\.distance), [1, 1])
        XCTAssertEqual(r.alternatives.map(\.distanceProven), [true, true])
    }

    func testMissingAlternativeIsProvenWhenNoOtherPlanIsInTheWindow() throws {
        // Only a can serve r and coverage must stay at 1 (within 0): every plan in the
        // window uses a|r, so none gives up a pair: 1 missing, proven.
        let r = try planFirst(header + """
        nations:
          a: {pledges: [{capability: inf, units: 2, cost: 10}]}
        requirements:
          - {id: r, needs: inf, units: 1, at: [poland, ua-west]}
        alternatives: {count: 1, within: 0}
        """, alternatives: true)
        XCTAssertEqual(r.alternatives.count, 0)
        let missing = try XCTUnwrap(r.alternativesMissing)
        XCTAssertEqual(missing.count, 1)
        XCTAssertTrue(missing.proven)
        XCTAssertTrue(missing.reason.hasPrefix("no other plan within 0% of the best coverage"), missing.reason)
        let text = TextReport.render(PlanReport(scenario: try scenario(header), options: [r]))
        XCTAssertTrue(text.contains("Alternatives: 0 found, 1 missing: no other plan"), text)
    }

    func testMissingAlternativesAppearInJSON() throws {
        let report = try planAll(header + """
        nations:
          a: {pledges: [{capability: inf, units: 2, cost: 10}]}
        requirements:
          - {id: r, needs: inf, units: 1, at: [poland]}
        alternatives: {count: 2, within: 0}
        """, alternatives: true)
        let object = try JSONSerialization.jsonObject(with: Data(JSONReport.render(report).utf8)) as? [String: Any]
        let option = try XCTUnwrap((object?["options"] as? [[String: Any]])?.first)
        XCTAssertEqual(option["alternatives_found"] as? Int, 0)
        let missing = try XCTUnwrap(option["alternatives_missing"] as? [String: Any])
        XCTAssertEqual(missing["count"] as? Int, 2)
        XCTAssertEqual(missing["proven"] as? Bool, true)
    }

    func testCoalitionOptionSetDeliversEveryAlternativeOrSaysWhy() throws {
        let file = LoaderScenarioTests.packageRoot.appendingPathComponent("scenarios/coalition-2025.yaml").path
        let s = try ScenarioLoader.load(file: file).scenario
        let settings = PlannerSettings(timeLimit: 120, alternatives: true, findBinding: false)
        let report = portfolioPlanner(s, settings).planAll()
        let asked = s.alternatives.count
        XCTAssertEqual(asked, 2)
        for r in report.options {
            let missing = r.alternativesMissing?.count ?? 0
            XCTAssertEqual(r.alternatives.count + missing, asked, r.option.id)
            if missing > 0 { XCTAssertFalse(r.alternativesMissing?.reason.isEmpty ?? true) }
            let best = try XCTUnwrap(r.plan?.value(of: .coverage))
            for alt in r.alternatives {
                XCTAssertGreaterThanOrEqual(alt.distance ?? 0, 1, r.option.id)
                XCTAssertNotNil(alt.distanceProven)
                // Within 5% of the best coverage (relative), as the scenario asks.
                XCTAssertGreaterThanOrEqual(alt.value(of: .coverage) ?? 0, best * 0.95 - 1e-6, r.option.id)
            }
        }
        // Today every option gets both, the resilient one (withdrawal_coverage 0.9) too since
        // the farthest-plan search gives every configuration a turn: the measured state, so
        // a regression shows.
        XCTAssertEqual(report.options.map(\.alternatives.count), [2, 2, 2, 2, 2])
    }
}

/// The schema's new fields are checked, and the checker tells booleans from numbers.
final class AlternativeSchemaTests: XCTestCase {
    func testSchemaRejectsANumberWhereDistanceProvenIsABoolean() throws {
        let root = JSONReportTests.root
        let schemaData = try Data(contentsOf: root.appendingPathComponent("docs/plan.schema.json"))
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        let report = try planAll(header + """
        nations:
          a: {pledges: [{capability: inf, units: 1, cost: 10}]}
          b: {pledges: [{capability: inf, units: 1, cost: 10}]}
        requirements:
          - {id: r, needs: inf, units: 1, at: [poland]}
        alternatives: {count: 2, within: 0}
        """, alternatives: true)
        let output = try JSONSerialization.jsonObject(with: Data(JSONReport.render(report).utf8))
        let check = JSONSchemaCheck(root: schema)
        XCTAssertEqual(check.errors(output, schema), [])
        var broken = try XCTUnwrap(output as? [String: Any])
        var options = try XCTUnwrap(broken["options"] as? [[String: Any]])
        var alternatives = try XCTUnwrap(options[0]["alternatives"] as? [[String: Any]])
        alternatives[0]["distance_proven"] = 1
        options[0]["alternatives"] = alternatives
        options[0]["alternatives_missing"] = ["count": 1, "reason": "x", "proven": 0]
        broken["options"] = options
        XCTAssertEqual(check.errors(broken, schema).count, 2)
    }
}
