import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// `--drop`, `--assume` and `exclude_nations` change the plan as derived by hand on the
/// tutorial (see PlanCommandTests for the base plan: coverage 100%, cost 257).
///
/// Requirement weights: reassurance 3, air policing 2, surveillance 1 (default): 6 in all.
final class WhatIfPlanningTests: XCTestCase {
    var tutorialPath: String { ForcePlanCLI.root.appendingPathComponent("scenarios/tutorial.yaml").path }

    /// The first option's coverage and cost as the CLI's CSV does not show them: from JSON.
    func objectives(_ arguments: [String]) throws -> (coverage: Double, cost: Double) {
        let result = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--option", "in-ukraine",
                                           "--format", "json", "--no-alternatives", "--no-binding"] + arguments)
        XCTAssertEqual(result.status, 0, result.stderr)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let option = try XCTUnwrap((json["options"] as? [[String: Any]])?.first)
        let values = try XCTUnwrap(option["objectives"] as? [String: Double])
        return (try XCTUnwrap(values["coverage"]), try XCTUnwrap(values["cost"]))
    }

    /// Without the US, surveillance gets Poland's 2 drones of 4 (50%): coverage
    /// 1 - 0.5 * 1 / 6 = 11/12; cost 257 - 10 (the US drones) = 247. The UK's share stays
    /// legal: 420 / 710 = 59.2%.
    func testDropRemovesTheNationsPledges() throws {
        let r = try objectives(["--drop", "usa"])
        XCTAssertEqual(r.coverage, 11.0 / 12, accuracy: 1e-9)
        XCTAssertEqual(r.cost, 247, accuracy: 1e-9)
    }

    /// Every US pledge has `when: us-backstop`: assuming it false is dropping the US.
    func testAssumeFalseRemovesConditionalPledges() throws {
        let r = try objectives(["--assume", "us-backstop=false"])
        XCTAssertEqual(r.coverage, 11.0 / 12, accuracy: 1e-9)
        XCTAssertEqual(r.cost, 247, accuracy: 1e-9)
    }

    /// The no-backstop option assumes it false; `--assume us-backstop=true` restores the US
    /// drones there: surveillance full again (coverage 100%).
    func testAssumeOverridesTheOptionsAssumption() throws {
        let result = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--option", "no-backstop",
                                           "--format", "csv", "--no-alternatives", "--no-binding",
                                           "--assume", "us-backstop=true"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.contains(",usa,isr-drone,"), result.stdout)
    }

    /// An option excluding France: reassurance gets only the UK's 2 companies of 3, so
    /// coverage is 1 - (1/3) * 3 / 6 = 5/6. Personnel: 300 infantry + 12 fighters * 20 + 4
    /// drones * 10 = 580, so the UK may give at most 0.6 * 580 = 348: 300 + 20 * f <= 348
    /// allows f = 2 fighters; the other 10 are Poland's 4 and the US's 6, the only ones
    /// left. Cost: UK infantry 80 + fighters UK 20, Poland 32, US 90 + drones Poland 6,
    /// US 10 = 238.
    func testExcludeNationsKeepsTheNationOutOfTheOption() throws {
        let text = try String(contentsOfFile: tutorialPath, encoding: .utf8)
            .replacingOccurrences(of: "  - id: in-ukraine\n    name: Reassurance force in Ukraine\n",
                                  with: "  - id: in-ukraine\n    name: Reassurance force in Ukraine\n    exclude_nations: [france]\n")
        XCTAssertTrue(text.contains("exclude_nations: [france]"))
        let report = try planAll(text)
        let first = try XCTUnwrap(report.options.first)
        XCTAssertEqual(first.status, .optimal)
        XCTAssertEqual(value(first, .coverage), 5.0 / 6, accuracy: 1e-9)
        XCTAssertEqual(value(first, .cost), 238, accuracy: 1e-9)
        XCTAssertFalse(first.plan?.assignments.contains { $0.nation == "france" } ?? true)
    }

    func testDropOfAnUnknownNationExitsTwoWithASuggestion() throws {
        let result = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--drop", "frnace"])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.contains("did you mean 'france'?"), result.stderr)
    }

    /// `--drop ''` (or only commas) names no nation: bad input, not a silent no-op. Empty
    /// pieces beside real ids (`uk,`) are still fine.
    func testDropWithoutANationExitsTwo() throws {
        for empty in ["", " , "] {
            let result = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--drop", empty])
            XCTAssertEqual(result.status, 2, empty)
            XCTAssertEqual(result.stderr, "forceplan: --drop '\(empty)': expected nation ids, e.g. --drop uk or --drop uk,france\n")
        }
        let trailing = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--drop", "usa,", "--format", "json",
                                             "--no-alternatives", "--no-binding"])
        let dropped = try ForcePlanCLI.run(["plan", "scenarios/tutorial.yaml", "--drop", "usa", "--format", "json",
                                            "--no-alternatives", "--no-binding"])
        XCTAssertEqual(trailing.status, dropped.status)
        XCTAssertEqual(trailing.stdout, dropped.stdout)
    }
}
