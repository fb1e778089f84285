import ForcePlanTestSupport
import ForceScenario
import Foundation
import XCTest

/// The build-up through the CLI: glpsol on stage models exported by `forceplan export`
/// finds the optima derived by hand in `TimelineTests`, and variants merge the timeline.
final class TimelineCommandTests: XCTestCase {
    /// glpsol on exported stage models finds the optima derived above: the lift-limited
    /// build-up stage (stage 3, coverage and cost kept) 0.525; the reception case's 5.125 / 6;
    /// the late-ready case's coverage-by:7 stage (option by7) 1 and its cost stage 20; the
    /// fast option's buildup stage 1.
    func testGlpsolAgreesOnTheStageModels() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol") else { throw XCTSkip("glpsol is not installed") }
        let lateReady = TimelineCases.lateReady + """
            options:
              - {id: by7, objectives: [coverage-by:7, cost]}
              - {id: fast, objectives: [buildup, cost]}
            """
        let cases: [(String, [String], Double)] = [
            (TimelineCases.liftLimited, ["--stage", "3"], 0.525),
            (TimelineCases.reception, ["--stage", "3"], 5.125 / 6),
            (lateReady, ["--option", "by7", "--stage", "1"], 1),
            (lateReady, ["--option", "by7", "--stage", "2"], 20),
            (lateReady, ["--option", "fast", "--stage", "1"], 1),
        ]
        for (yaml, arguments, expected) in cases {
            XCTAssertEqual(try glpsolOptimum(yaml, arguments), expected, accuracy: 1e-6, "\(arguments)")
        }
    }

    func glpsolOptimum(_ yaml: String, _ arguments: [String]) throws -> Double {
        let dir = try TestFiles.temporaryDirectory()
        let file = dir.appendingPathComponent("s.yaml").path
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        let lp = dir.appendingPathComponent("stage.lp").path
        let r = try ForcePlanCLI.run(["export", file, "--lp", lp] + arguments)
        XCTAssertEqual(r.status, 0, r.stderr)
        return try XCTUnwrap(try ForcePlanCLI.glpsolObjective(lp), "glpsol is not installed")
    }

    /// A variant changes one lift pool's rate by id and keeps the milestones.
    func testVariantMergesTheTimelineFieldByField() throws {
        let dir = try TestFiles.temporaryDirectory()
        let base = dir.appendingPathComponent("base.yaml").path
        try TimelineCases.liftLimited.write(toFile: base, atomically: true, encoding: .utf8)
        let variant = dir.appendingPathComponent("v.yaml").path
        try """
            extends: base.yaml
            timeline:
              lift:
                - {id: airlift, personnel_per_day: 200}
            """.write(toFile: variant, atomically: true, encoding: .utf8)
        let s = try ScenarioLoader.load(file: variant).scenario
        XCTAssertEqual(s.timeline?.milestones, [7, 14])
        XCTAssertEqual(s.timeline?.lift.map(\.personnelPerDay), [200])
    }

}
