import ForceBench
import ForcePlanTestSupport
import ForcePlanner
import ForceReports
import ForceScenario
import Foundation
import StandardPlanner
import XCTest

/// The library owns every command: each `Commands` call gives the CLI's bytes (the goldens
/// were made with the binary) and checks its settings itself.
final class CommandsTests: XCTestCase {
    func tutorial() throws -> Scenario {
        try ScenarioLoader.load(file: packageRoot.appendingPathComponent("scenarios/tutorial.yaml").path).scenario
    }

    func golden(_ name: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent("Tests/ForcePlannerTests/Fixtures/golden/\(name)"),
                   encoding: .utf8)
    }

    /// `plan --samples 200 --seed 7 --no-alternatives --no-binding --format json`, as one call:
    /// the reliability loop over options is the library's (the golden's derivation is in
    /// AnalysisGoldenTests).
    func testPlanWithSamplesIsTheReliabilityGolden() throws {
        let settings = CommandSettings(alternatives: false, findBinding: false)
        let report = try Commands.plan(try tutorial(), samples: 200, seed: 7, settings: settings)
        XCTAssertEqual(JSONReport.render(report), try golden("tutorial-reliability.json"))
    }

    func testPlanIsTheCLIGolden() throws {
        XCTAssertEqual(JSONReport.render(try Commands.plan(try tutorial())), try golden("tutorial.json"))
    }

    func testCriticalityAndFrontierAreTheCLIGoldens() throws {
        let s = try tutorial()
        XCTAssertEqual(CriticalityRendering.json(try Commands.criticality(s)), try golden("tutorial-criticality.json"))
        let frontier = try Commands.frontier(s, x: "personnel-in:ukraine", y: "coverage")
        XCTAssertEqual(FrontierRendering.json(frontier), try golden("tutorial-frontier.json"))
    }

    /// Each range once, in the library, with the accepted range in the message.
    func testSettingsOutOfRangeAreRefusedWithTheRange() throws {
        let s = try tutorial()
        func message(_ settings: CommandSettings) -> String? {
            do { _ = try Commands.plan(s, settings: settings); return nil } catch { return "\(error)" }
        }
        XCTAssertEqual(message(CommandSettings(timeLimit: -1)), "--time-limit must be a positive number of seconds, not -1")
        XCTAssertEqual(message(CommandSettings(timeLimit: .infinity))?.hasPrefix("--time-limit must be a positive"), true)
        XCTAssertEqual(message(CommandSettings(nodeLimit: 0)), "--node-limit must be a positive number of nodes, not 0")
        XCTAssertEqual(message(CommandSettings(jobs: 0)), "-j must be between 1 and 256, not 0")
        XCTAssertEqual(message(CommandSettings(jobs: 257)), "-j must be between 1 and 256, not 257")
        XCTAssertThrowsError(try Commands.plan(s, samples: -1))
        XCTAssertThrowsError(try Commands.plan(s, options: ["in-ukrane"])) { error in
            XCTAssertEqual("\(error)", "--option in-ukrane: unknown option; did you mean 'in-ukraine'?")
        }
    }

    /// `--assume`/`--drop` in a brief are a what-if beside the base, as in `whatif`; the
    /// criticality of what-ifs is refused with a message, not dropped silently.
    func testBriefFlagsAreAWhatIfAndCriticalityOfWhatIfsIsRefused() throws {
        let s = try tutorial()
        var drop = PlanningOverrides()
        drop.dropNations = ["uk"]
        let settings = CommandSettings(alternatives: false, findBinding: false)
        let brief = try Commands.brief(BriefRequest(base: s, overrides: drop, settings: settings))
        let whatIf = try Commands.whatIf(base: s, overrides: drop, settings: settings)
        XCTAssertEqual(brief.html, HTMLBrief.render(try Brief(json: WhatIfReport.value(whatIf), scenario: s)))
        XCTAssertEqual(brief.allSolved, whatIf.allSolved)
        XCTAssertThrowsError(try Commands.brief(BriefRequest(base: s, overrides: drop, criticality: true))) { error in
            XCTAssertTrue("\(error)".hasPrefix("--criticality analyses the options of one scenario"), "\(error)")
        }
    }

    func testWhatIfWithNothingToCompareIsRefused() throws {
        XCTAssertThrowsError(try Commands.whatIf(base: try tutorial())) { error in
            XCTAssertEqual("\(error)", "nothing to compare: give variant files, or --assume, --drop or --scale-requirements")
        }
    }

    /// `export` through StandardPlanner: the LP text of stage 1 names the coverage objective.
    func testExportGivesTheStageModelText() throws {
        let lp = try Commands.export(try tutorial(), stage: 1, format: .lp)
        XCTAssertTrue(lp.hasPrefix("\\* Problem:"), String(lp.prefix(80)))
        XCTAssertTrue(lp.contains("Maximize"), String(lp.prefix(400)))
        XCTAssertThrowsError(try Commands.export(try tutorial(), stage: 9, format: .lp))
    }
}
