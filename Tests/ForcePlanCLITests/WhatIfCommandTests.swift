import ForcePlanTestSupport
import Foundation
import XCTest

/// `forceplan whatif` and `forceplan validate VARIANT` as planners run them.
final class WhatIfCommandTests: XCTestCase {
    static let golden = packageRoot.appendingPathComponent("Tests/ForcePlannerTests/Fixtures/golden")
    static let malformed = packageRoot.appendingPathComponent("Tests/ForcePlannerTests/Fixtures/malformed")
    static let tutorial = ["whatif", "scenarios/tutorial.yaml", "scenarios/tutorial-uk-withdraws.yaml", "--assume", "us-backstop=false"]

    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ForcePlanCLI.run(arguments)
    }

    /// To refresh after a deliberate change: `forceplan whatif scenarios/tutorial.yaml
    /// scenarios/tutorial-uk-withdraws.yaml --assume us-backstop=false --format json`
    /// (and `--format markdown` for the .md), then review the diff. The numbers are derived
    /// by hand in docs/scenario-format.md ("Variants"): without the UK the reassurance force
    /// is one French company of three; without the US, surveillance is Poland's 2 drones of 4.
    func testTutorialJSONMatchesGolden() throws {
        let result = try run(Self.tutorial + ["--format", "json"])
        // Exit 1: without the UK, the no-backstop option cannot find 3 nations.
        XCTAssertEqual(result.status, 1, result.stderr)
        let golden = try String(contentsOf: Self.golden.appendingPathComponent("whatif-tutorial.json"), encoding: .utf8)
        XCTAssertEqual(result.stdout, golden)
    }

    func testTutorialMarkdownMatchesGolden() throws {
        let result = try run(Self.tutorial + ["--format", "markdown"])
        XCTAssertEqual(result.status, 1, result.stderr)
        let golden = try String(contentsOf: Self.golden.appendingPathComponent("whatif-tutorial.md"), encoding: .utf8)
        XCTAssertEqual(result.stdout, golden)
    }

    /// PLAN is exactly what `plan --format json` prints, but for `plan`'s trade-offs (a
    /// what-if compares plans and skips them).
    func testBaselineIsThePlanCommandsJSON() throws {
        let whatIf = try run(Self.tutorial + ["--format", "json"])
        let plan = try run(["plan", "scenarios/tutorial.yaml", "--format", "json"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(whatIf.stdout.utf8)) as? [String: Any])
        let baseline = try JSONSerialization.data(withJSONObject: try XCTUnwrap(object["baseline"]), options: .sortedKeys)
        var planObject = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
        let options = try XCTUnwrap(planObject["options"] as? [[String: Any]])
        XCTAssertTrue(options.allSatisfy { $0["tradeoffs"] != nil })
        planObject["options"] = options.map { o in o.filter { $0.key != "tradeoffs" } }
        let planned = try JSONSerialization.data(withJSONObject: planObject, options: .sortedKeys)
        XCTAssertEqual(baseline, planned)
    }

    /// Every PLAN in the output follows docs/plan.schema.json, as `plan --format json` does.
    func testEveryPlanFollowsThePlanSchema() throws {
        let schemaData = try Data(contentsOf: packageRoot.appendingPathComponent("docs/plan.schema.json"))
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        let result = try run(Self.tutorial + ["--format", "json"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let variants = try XCTUnwrap(object["variants"] as? [[String: Any]])
        let plans = [try XCTUnwrap(object["baseline"])] + variants.compactMap { $0["plan"] }
        XCTAssertEqual(plans.count, 3)
        for plan in plans {
            XCTAssertEqual(JSONSchemaCheck(root: schema).errors(plan, schema), [])
        }
        XCTAssertEqual(variants.map { $0["changes"] as? [String] }, [["removed nation uk"], ["--assume us-backstop=false (every option)"]])
    }

    /// The whole output follows docs/whatif.schema.json (its plans by reference to
    /// plan.schema.json), and the checker rejects a delta that breaks it.
    func testOutputFollowsTheWhatIfSchema() throws {
        let docs = packageRoot.appendingPathComponent("docs")
        func load(_ name: String) throws -> [String: Any] {
            let data = try Data(contentsOf: docs.appendingPathComponent(name))
            return try XCTUnwrap(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        let schema = try load("whatif.schema.json")
        let check = JSONSchemaCheck(root: schema, documents: ["plan.schema.json": try load("plan.schema.json")])
        let result = try run(Self.tutorial + ["--format", "json"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(check.errors(object, schema), [])
        // A broken copy: a plan without its options, and a delta missing nations_left.
        var broken = object
        var variants = try XCTUnwrap(object["variants"] as? [[String: Any]])
        var plan = try XCTUnwrap(variants[0]["plan"] as? [String: Any])
        plan["options"] = nil
        variants[0]["plan"] = plan
        var delta = try XCTUnwrap(variants[0]["delta"] as? [String: [String: Any]])
        let first = try XCTUnwrap(delta.keys.sorted().first)
        delta[first]?["nations_left"] = nil
        variants[0]["delta"] = delta
        broken["variants"] = variants
        XCTAssertEqual(Set(check.errors(broken, schema)),
                       ["$.variants[0].plan: missing options", "$.variants[0].delta.\(first): missing nations_left"])
    }

    /// A variant of another base is still compared, with a warning that says why every
    /// difference shows as a change; a real variant, named by another path, has none.
    func testVariantOfAnotherBaseIsComparedWithAWarning() throws {
        let other = try run(["whatif", "scenarios/tutorial.yaml", "scenarios/coalition-2025-uk-withdraws.yaml",
                             "--no-alternatives", "--no-binding", "--format", "json"])
        // Exit 1: without the UK, the resilient option cannot keep 90% whatever one more
        // nation withdraws (France's withdrawal leaves at most 86.3%).
        XCTAssertEqual(other.status, 1, other.stderr)
        XCTAssertEqual(other.stderr, "forceplan: warning: scenarios/coalition-2025-uk-withdraws.yaml does not extend "
            + "scenarios/tutorial.yaml; it is compared as a scenario of its own (start it with 'extends: ...' to make "
            + "it a what-if of that base)\n"
            + "forceplan: options without a plan: variant coalition-2025-uk-withdraws: resilient infeasible (must give: "
            + "withdrawal_coverage: without france: 86.3% < 90% (the most any plan keeps))\n")
        let own = try run(["whatif", "./scenarios/../scenarios/tutorial.yaml", "scenarios/tutorial-uk-withdraws.yaml",
                           "--no-alternatives", "--no-binding", "--format", "json"])
        // No warning; the exit 1 (no-backstop is infeasible without the UK) says why.
        XCTAssertEqual(own.status, 1)
        XCTAssertEqual(own.stderr, "forceplan: options without a plan: variant tutorial-uk-withdraws: no-backstop infeasible "
            + "(must give: min_nations: only 2 nations can contribute at all, 3 required)\n")
    }

    func testEveryVariantSolvedExitsZero() throws {
        let result = try run(["whatif", "scenarios/tutorial.yaml", "--assume", "us-backstop=false",
                              "--no-alternatives", "--no-binding"])
        XCTAssertEqual(result.status, 0, result.stderr)
        XCTAssertTrue(result.stdout.hasPrefix("What-if tutorial: the baseline and 1 variant\n"), result.stdout)
    }

    func testOutputIsTheSameWithThreads() throws {
        let args = Self.tutorial + ["--format", "json", "--no-binding"]
        XCTAssertEqual(try run(args + ["-j", "3"]).stdout, try run(args).stdout)
    }

    func testOutputFileIsWrittenWhole() throws {
        let dir = try TestFiles.temporaryDirectory()
        let file = dir.appendingPathComponent("out.json")
        try "old".write(to: file, atomically: true, encoding: .utf8)
        let args = Self.tutorial + ["--format", "json", "--no-alternatives", "--no-binding"]
        let result = try run(args + ["-o", file.path])
        XCTAssertEqual(result.status, 1)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), try run(args).stdout)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir.path), ["out.json"], "no temporary file left")
    }

    // MARK: Bad input: exit 2

    func testAMissingBaseIsAFileLineColumnErrorWithExitTwo() throws {
        let variant = Self.malformed.appendingPathComponent("extends-missing-base.yaml").path
        for command in [["validate", variant], ["whatif", "scenarios/tutorial.yaml", variant]] {
            let result = try run(command)
            XCTAssertEqual(result.status, 2)
            XCTAssertTrue(result.stderr.hasPrefix("\(variant):3:10: base scenario 'bases/no-such-base.yaml' not found"), result.stderr)
        }
    }

    func testACycleIsAFileLineColumnErrorWithExitTwo() throws {
        let variant = Self.malformed.appendingPathComponent("extends-cycle.yaml").path
        let result = try run(["whatif", "scenarios/tutorial.yaml", variant])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix(Self.malformed.appendingPathComponent("bases/cycle.yaml").path + ":3:10: extends cycle: "),
                      result.stderr)
    }

    func testARemovedNationStillReferencedIsAFileLineColumnErrorWithExitTwo() throws {
        let variant = Self.malformed.appendingPathComponent("extends-removed-nation-excluded-in-base.yaml").path
        let result = try run(["whatif", "scenarios/tutorial.yaml", variant])
        XCTAssertEqual(result.status, 2)
        XCTAssertTrue(result.stderr.hasPrefix(Self.malformed.appendingPathComponent("bases/small.yaml").path
            + ":37:23: nation 'france' is removed at \(variant):6:3"), result.stderr)
        XCTAssertEqual(result.stdout, "")
    }

    func testBadFlagsExitTwo() throws {
        for flags in [["--scale-requirements", "0"], ["--scale-requirements", "x"], ["--option", "nope"],
                      ["--assume", "nope=true"], ["-j", "0"], []] {
            let result = try run(["whatif", "scenarios/tutorial.yaml"] + flags + (flags.isEmpty ? [] : ["--drop", "uk"]))
            XCTAssertEqual(result.status, 2, "\(flags): \(result.stderr)")
            XCTAssertFalse(result.stderr.isEmpty)
        }
        let nothing = try run(["whatif", "scenarios/tutorial.yaml"])
        XCTAssertTrue(nothing.stderr.contains("nothing to compare"), nothing.stderr)
    }

    func testValidateChecksTheMergedVariant() throws {
        let result = try run(["validate", "scenarios/coalition-2025-uk-withdraws.yaml"])
        XCTAssertEqual(result.status, 0, result.stderr)
        // The base case has 38 nations (37 and the US) and 100 pledges; the UK pledged 8.
        XCTAssertEqual(result.stdout, "scenarios/coalition-2025-uk-withdraws.yaml: ok: 37 nations, 92 pledges, 14 requirements, 5 options\n")
    }
}
