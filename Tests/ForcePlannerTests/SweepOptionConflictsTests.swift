import ForceBench
@testable import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// A sweep that sets an assumption an option sets itself: warned once per (option,
/// assumption), marked in results and summaries; `respect_options: true` leaves the
/// option's own value alone.
final class SweepOptionConflictsTests: XCTestCase {
    static let root = packageRoot
    static let tutorial = "scenarios/tutorial.yaml"

    func tutorial() throws -> Scenario {
        try ScenarioLoader.load(file: Self.root.appendingPathComponent(Self.tutorial).path).scenario
    }

    /// The tutorial's no-backstop option sets us-backstop false. Forced true, it holds by
    /// default (the sweep wins, as --assume); with respect_options it stays false. The
    /// in-ukraine option does not set it, so the sweep sets it either way.
    func testRespectOptionsLeavesAnOptionsOwnAssumptionAlone() throws {
        let s = try tutorial()
        let option = try XCTUnwrap(s.options.first { $0.id == "no-backstop" })
        let other = try XCTUnwrap(s.options.first { $0.id == "in-ukraine" })
        var v = Variation(assumptions: [Assumption(name: "us-backstop", value: true)])
        XCTAssertTrue(ResolvedOption(option, of: s, overrides: v.overrides).holds("us-backstop"))
        v.respectOptions = true
        XCTAssertFalse(ResolvedOption(option, of: s, overrides: v.overrides).holds("us-backstop"))
        var off = Variation(assumptions: [Assumption(name: "us-backstop", value: false)])
        off.respectOptions = true
        XCTAssertFalse(ResolvedOption(other, of: s, overrides: off.overrides).holds("us-backstop"))
        XCTAssertEqual(v.canonical, "assumptions.us-backstop=true,respect_options=true")
    }

    func testASweepSaysRespectOptionsAndEveryCaseCarriesIt() throws {
        let sweep = try SweepLoader.load(yaml: """
            format: forceplan-sweep/v1
            name: s
            respect_options: true
            product:
              assumptions: {us-backstop: [true, false]}
            """, file: "s.yaml")
        XCTAssertTrue(sweep.respectOptions)
        XCTAssertEqual(sweep.variations.map(\.respectOptions), [true, true])
        XCTAssertThrowsError(try SweepLoader.load(yaml: "format: forceplan-sweep/v1\nname: s\nrespect_options: yes\n", file: "s.yaml"))
    }

    /// The shipped tutorial sweep sets us-backstop true in 6 of its 12 cases: one warning
    /// for (no-backstop, us-backstop), none with respect_options.
    func testOneWarningPerOptionAndAssumption() throws {
        let inputs = try BenchInputs.load(paths: [Self.tutorial], sweep: "sweeps/tutorial.yaml", in: Self.root.path)
        XCTAssertEqual(SweepOptionConflicts.warnings(inputs), [
            "warning: the sweep sets us-backstop over option no-backstop's own value (false) in scenarios/tutorial.yaml, "
                + "in 6 of 12 cases: there the option is not what its name says; add respect_options: true to the sweep "
                + "to leave options' own assumptions alone",
        ])
        var respectful = inputs
        respectful.cases = inputs.cases.map { var c = $0; c.variation.respectOptions = true; return c }
        XCTAssertEqual(SweepOptionConflicts.warnings(respectful), [])
    }

    /// The record of a case marks the overridden option; the summary counts and notes it.
    func testRecordsAndSummariesMarkOverriddenOptions() throws {
        let s = try tutorial()
        let forced = BenchCase(scenario: Self.tutorial, variation: Variation(assumptions: [Assumption(name: "us-backstop", value: true)]))
        let plain = BenchCase(scenario: Self.tutorial, variation: Variation(assumptions: [Assumption(name: "us-backstop", value: false)]))
        let planner = portfolioPlanner(s, PlannerSettings(timeLimit: 60, alternatives: false, findBinding: false))
        func record(_ c: BenchCase) -> JSONValue {
            var p = planner
            p.settings.overrides = c.variation.overrides
            return BenchRecord.value(c, scenario: s, results: p.planAll().options, seconds: 0)
        }
        let a = record(forced), b = record(plain)
        let marks = (a["options"]?.array ?? []).map { $0["overridden"]?.array?.compactMap(\.string) ?? [] }
        XCTAssertEqual(marks, [[], [], ["us-backstop"]])
        XCTAssertFalse(b.rendered(pretty: false).contains("overridden"))
        let summary = try BenchSummary(records: [a, b])
        XCTAssertEqual(summary.options.map(\.overridden), [0, 0, 1])
        let text = BenchSummaryReport.text(summary)
        XCTAssertTrue(text.contains("no-backstop *"), text)
        XCTAssertTrue(text.contains("* no-backstop: in 1 of 2 cases the sweep set us-backstop over the option's own value"), text)
        // Every row in the worst-case list (6 rows): only no-backstop of the forced case is marked.
        let all = try BenchSummary(records: [a, b], worst: 6)
        XCTAssertEqual(all.worst.filter { !$0.overridden.isEmpty }.map { "\($0.id) \($0.option)" }, ["\(forced.id) no-backstop"])
    }
}
