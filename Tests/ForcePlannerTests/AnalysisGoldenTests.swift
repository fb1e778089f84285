import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// Golden JSON of the analysis commands on the tutorial (docs/analysis.md documents the
/// shapes). To refresh after a deliberate change, run the command in the test's comment
/// and review the diff.
final class AnalysisGoldenTests: XCTestCase {
    static let root = JSONReportTests.root

    func tutorial() throws -> Scenario {
        try ScenarioLoader.load(file: Self.root.appendingPathComponent("scenarios/tutorial.yaml").path).scenario
    }

    func golden(_ name: String) throws -> String {
        try String(contentsOf: Self.root.appendingPathComponent("Tests/ForcePlannerTests/Fixtures/golden/\(name)"),
                   encoding: .utf8)
    }

    /// `forceplan criticality scenarios/tutorial.yaml --format json`.
    /// Coverage by hand (weights 3, 2, 1; W = 6), option in-ukraine:
    /// - without uk: France's 3 companies at rotation 3 deploy 1 of the 3 needed:
    ///   (3 x 1/3 + 2 + 1) / 6 = 2/3, lost 1/3;
    /// - without france: the UK's 6 / 3 = 2 of 3: (3 x 2/3 + 3) / 6 = 5/6, lost 1/6;
    /// - without usa: Poland's 2 drones of the 4 needed: (3 + 2 + 1/2) / 6 = 11/12;
    /// - without poland: the others cover everything, at 20 more.
    func testTutorialCriticalityMatchesGolden() throws {
        let s = try tutorial()
        let report = Criticality.analyse(portfolioPlanner(s), option: try XCTUnwrap(s.effectiveOptions.first), threads: 2)
        XCTAssertEqual(CriticalityRendering.json(report), try golden("tutorial-criticality.json"))
        XCTAssertEqual(report.nations.map(\.nation), ["uk", "france", "usa", "poland"])
        for (n, lost) in zip(report.nations, [1.0 / 3, 1.0 / 6, 1.0 / 12, 0]) {
            XCTAssertEqual(n.coverageLost ?? -1, lost, accuracy: 1e-9, n.nation)
        }
    }

    /// `forceplan frontier scenarios/tutorial.yaml --x personnel-in:ukraine --y coverage
    /// --format json`. By hand (weights 3, 2, 1; reassurance needs 3 companies of 150 in
    /// Ukraine): each company in Ukraine adds 3/6 x 1/3 = 1/6 coverage, from 1/2 (air
    /// policing and surveillance only) to 1: personnel 0, 150, 300, 450 -> coverage 1/2,
    /// 2/3, 5/6, 1. The bound 112.5 repeats the first point, so 4 of 5 remain.
    func testTutorialFrontierMatchesGolden() throws {
        let s = try tutorial()
        let report = try Frontier.trace(portfolioPlanner(s), option: try XCTUnwrap(s.effectiveOptions.first),
                                        x: .personnelIn(tag: "ukraine"), y: .coverage, points: 5)
        XCTAssertEqual(FrontierRendering.json(report), try golden("tutorial-frontier.json"))
        for (p, (x, y)) in zip(report.points, [(0.0, 0.5), (150, 2.0 / 3), (300, 5.0 / 6), (450, 1)]) {
            XCTAssertEqual(p.value(of: .personnelIn(tag: "ukraine")) ?? -1, x, accuracy: 1e-9)
            XCTAssertEqual(p.value(of: .coverage) ?? -1, y, accuracy: 1e-9)
        }
        XCTAssertEqual(report.points.count, 4)
        // Each point's plan is one option of `plan --format json`, schema and all.
        let schemaData = try Data(contentsOf: Self.root.appendingPathComponent("docs/plan.schema.json"))
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        let output = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(FrontierRendering.json(report).utf8))
            as? [String: Any])
        let points = try XCTUnwrap(output["points"] as? [[String: Any]])
        for p in points {
            XCTAssertEqual(JSONSchemaCheck(root: schema).errors(p["plan"] as Any, ["$ref": "#/$defs/option"]), [])
        }
    }

    /// `forceplan plan scenarios/tutorial.yaml --samples 200 --seed 7 --no-alternatives
    /// --no-binding --format json`. Only the US is unreliable (0.7). By hand (weights 3,
    /// 2, 1): in-ukraine covers everything with US drones; without them Poland's 2 of 4
    /// remain: (3 + 2 + 1/2) / 6 = 11/12, and no re-plan does better (nobody else has
    /// drones). over-the-horizon: 1/2 with the US, (2 + 1/2) / 6 = 5/12 without.
    /// no-backstop plans without the US already: 11/12 in every outcome.
    func testTutorialReliabilityMatchesGolden() throws {
        let s = try tutorial()
        let planner = portfolioPlanner(s, PlannerSettings(alternatives: false, findBinding: false))
        var results: [OptionResult] = []
        for o in s.effectiveOptions {
            var r = planner.plan(o)
            r.reliability = Reliability.assess(planner, r, samples: 200, seed: 7)
            results.append(r)
        }
        let json = JSONReport.render(PlanReport(scenario: s, options: results))
        XCTAssertEqual(json, try golden("tutorial-reliability.json"))
        let p10 = results.map { $0.reliability?.asPlanned.p10 ?? -1 }
        for (a, b) in zip(p10, [11.0 / 12, 5.0 / 12, 11.0 / 12]) { XCTAssertEqual(a, b, accuracy: 1e-9) }
        let p90 = results.map { $0.reliability?.replanned.p90 ?? -1 }
        for (a, b) in zip(p90, [1, 0.5, 11.0 / 12]) { XCTAssertEqual(a, b, accuracy: 1e-9) }
        let schemaData = try Data(contentsOf: Self.root.appendingPathComponent("docs/plan.schema.json"))
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        XCTAssertEqual(JSONSchemaCheck(root: schema).errors(try JSONSerialization.jsonObject(with: Data(json.utf8)), schema), [])
    }
}
