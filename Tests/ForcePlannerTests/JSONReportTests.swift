import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import StandardPlanner
import XCTest

/// The JSON contract: golden output for the tutorial, and the schema in docs/ checked
/// against real output.
final class JSONReportTests: XCTestCase {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func tutorialJSON() throws -> String {
        let loaded = try ScenarioLoader.load(file: Self.root.appendingPathComponent("scenarios/tutorial.yaml").path)
        let report = Planner.standard(scenario: loaded.scenario).planAll()
        return JSONReport.render(report)
    }

    /// To refresh after a deliberate change: `forceplan plan scenarios/tutorial.yaml
    /// --format json > Tests/ForcePlannerTests/Fixtures/golden/tutorial.json`, then
    /// review the diff: every number in it must still be explainable by hand
    /// (docs/scenario-format.md walks through the tutorial).
    func testTutorialMatchesGolden() throws {
        let golden = try String(contentsOf: Self.root.appendingPathComponent(
            "Tests/ForcePlannerTests/Fixtures/golden/tutorial.json"), encoding: .utf8)
        XCTAssertEqual(try tutorialJSON(), golden)
    }

    func testSameInputSameBytes() throws {
        XCTAssertEqual(try tutorialJSON(), try tutorialJSON())
    }

    func testOutputFollowsTheSchema() throws {
        let schemaData = try Data(contentsOf: Self.root.appendingPathComponent("docs/plan.schema.json"))
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        let check = JSONSchemaCheck(root: schema)
        let output = try JSONSerialization.jsonObject(with: Data(try tutorialJSON().utf8))
        XCTAssertEqual(check.errors(output, schema), [])
        // The checker must be able to fail: an unknown key and a bad status are caught.
        var broken = try XCTUnwrap(output as? [String: Any])
        var options = try XCTUnwrap(broken["options"] as? [[String: Any]])
        options[0]["status"] = "maybe"
        options[0]["extra"] = 1
        broken["options"] = options
        XCTAssertEqual(check.errors(broken, schema).count, 2)
    }

    func testInfeasibleOptionCarriesConflictsInJSON() throws {
        let report = try planAll(header + """
        nations:
          a: {pledges: [{capability: inf, units: 5}]}
        requirements:
          - {id: r, needs: inf, units: 2, at: [poland], min_nations: 2}
        """)
        let object = try JSONSerialization.jsonObject(with: Data(JSONReport.render(report).utf8)) as? [String: Any]
        let option = try XCTUnwrap((object?["options"] as? [[String: Any]])?.first)
        XCTAssertEqual(option["status"] as? String, "infeasible")
        let conflicts = try XCTUnwrap(option["conflicts"] as? [[String: Any]])
        XCTAssertEqual(conflicts.first?["constraint"] as? String, "min_nations:r")
        XCTAssertEqual(conflicts.first?["shortfall"] as? Double, 1)
    }
}
