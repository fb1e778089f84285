import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import XCTest

/// `forceplan-sweep/v1`: the product, listed cases, and errors as FILE:LINE:COL.
final class SweepLoaderTests: XCTestCase {
    func load(_ yaml: String) throws -> Sweep {
        try SweepLoader.load(yaml: yaml, file: "sweep.yaml")
    }

    /// The error text of a sweep that must not load.
    func errors(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try load(yaml)
            XCTFail("the sweep loaded", file: file, line: line)
            return ""
        } catch {
            return "\(error)"
        }
    }

    func testProductIsTheCartesianProductWithTheLastAxisFastest() throws {
        let sweep = try load("""
            format: forceplan-sweep/v1
            name: s
            product:
              assumptions: {us-backstop: [true, false]}
              drop: {each: [uk, france], baseline: true}
              requirement_scale: [1, 1.5]
            """)
        // 2 x (baseline + 2) x 2 = 12, in file order: backstop, drop, scale.
        XCTAssertEqual(sweep.count, 12)
        let ids = sweep.variations.map(\.canonical)
        XCTAssertEqual(ids.count, 12)
        XCTAssertEqual(Set(ids).count, 12)
        XCTAssertEqual(ids.first, "assumptions.us-backstop=true,drop=none,requirement_scale=1")
        XCTAssertEqual(ids[1], "assumptions.us-backstop=true,drop=none,requirement_scale=1.5")
        XCTAssertEqual(ids[2], "assumptions.us-backstop=true,drop=uk,requirement_scale=1")
        XCTAssertEqual(ids.last, "assumptions.us-backstop=false,drop=france,requirement_scale=1.5")
    }

    func testListedCasesAreCrossedWithTheProduct() throws {
        let sweep = try load("""
            format: forceplan-sweep/v1
            name: s
            cases:
              - {drop: [uk, france]}
              - {policies: {max_nation_share: 0.3, max_personnel_in: {ukraine: 0}}}
            product:
              requirement_scale: [1, 2]
            """)
        // Drop lists are sorted in ids; 2 cases x 2 scales.
        XCTAssertEqual(sweep.variations.map(\.canonical), [
            "drop=france+uk,requirement_scale=1",
            "drop=france+uk,requirement_scale=2",
            "policies.max_nation_share=0.3,policies.max_personnel_in.ukraine=0,requirement_scale=1",
            "policies.max_nation_share=0.3,policies.max_personnel_in.ukraine=0,requirement_scale=2",
        ])
        let o = sweep.variations[2].overrides
        XCTAssertEqual(o.policies.maxNationShare, 0.3)
        XCTAssertEqual(o.policies.maxPersonnelIn, [PersonnelCeiling(tag: "ukraine", personnel: 0)])
        XCTAssertEqual(o.requirementScale, 1)
    }

    func testWithoutCasesOrProductThereIsOneCaseAsWritten() throws {
        let sweep = try load("format: forceplan-sweep/v1\nname: s\n")
        XCTAssertEqual(sweep.variations, [Variation()])
    }

    /// A directory given as the sweep is named as such, and a sweep (not a scenario) is
    /// what the message asks for.
    func testADirectoryIsNotASweepFile() {
        do {
            _ = try SweepLoader.load(file: "sweeps")
            XCTFail("a directory loaded as a sweep")
        } catch {
            XCTAssertEqual("\(error)", "sweeps: is a directory; expected a sweep file (.yaml)")
        }
    }

    func testMisspeltKeyIsReportedAtItsPlaceWithASuggestion() {
        let text = errors("""
            format: forceplan-sweep/v1
            name: s
            product:
              requirement_scal: [1, 2]
            """)
        XCTAssertEqual(text, "sweep.yaml:4:3: unknown key 'requirement_scal' in product; allowed: assumptions, drop, requirement_scale, policies (did you mean 'requirement_scale'?)")
    }

    func testFlatDropListInTheProductExplainsBothForms() {
        let text = errors("""
            format: forceplan-sweep/v1
            name: s
            product:
              drop: [uk, france]
            """)
        XCTAssertTrue(text.hasPrefix("sweep.yaml:4:10: each value of a product's drop is a list of nations withdrawn together"), text)
        XCTAssertTrue(text.contains("{each: [uk, france]}"), text)
    }

    func testRepeatedValueIsAnError() {
        XCTAssertEqual(errors("""
            format: forceplan-sweep/v1
            name: s
            product: {requirement_scale: [1, 1.5, 1]}
            """), "sweep.yaml:3:39: this value repeats the one at 3:31; list each value once")
    }

    func testNonPositiveScaleIsAnError() {
        XCTAssertEqual(errors("""
            format: forceplan-sweep/v1
            name: s
            product: {requirement_scale: [0]}
            """), "sweep.yaml:3:31: invalid requirement_scale 0; expected a factor above 0 and at most 1000 (e.g. 1.2)")
    }

    func testCaseAndProductMustNotSetTheSameKey() {
        XCTAssertEqual(errors("""
            format: forceplan-sweep/v1
            name: s
            cases:
              - {requirement_scale: 2}
            product: {requirement_scale: [1]}
            """), "sweep.yaml:4:5: this case sets 'requirement_scale', which the product also varies; set it in one place only")
    }

    func testScenarioFormatIsRefusedWithAHint() {
        let text = errors("format: forceplan/v1\nname: s\n")
        XCTAssertEqual(text, "sweep.yaml:1:9: unsupported format 'forceplan/v1'; expected 'forceplan-sweep/v1' (this is a scenario; give it as a PATH and the sweep with --sweep)")
    }

    func testYAMLSyntaxErrorIsLocated() {
        XCTAssertTrue(errors("format: forceplan-sweep/v1\nname: s\nproduct: {drop: [uk\n").hasPrefix("sweep.yaml:3:"))
    }

    func testUnknownNationIsCheckedAgainstTheScenarioWithASuggestion() throws {
        let sweep = try load("""
            format: forceplan-sweep/v1
            name: s
            product:
              drop: {each: [uk, frnace]}
              assumptions: {us-backstp: [false]}
            """)
        let tutorial = try ScenarioLoader.load(file: LoaderScenarioTests.packageRoot
            .appendingPathComponent("scenarios/tutorial.yaml").path).scenario
        XCTAssertEqual(sweep.check(against: tutorial, path: "scenarios/tutorial.yaml").map(\.description), [
            "sweep.yaml:4:21: unknown nation 'frnace' in scenarios/tutorial.yaml; did you mean 'france'?",
            "sweep.yaml:5:17: unknown assumption 'us-backstp' in scenarios/tutorial.yaml; did you mean 'us-backstop'?",
        ])
    }

    func testShippedSweepsLoadAndMakeTheirCases() throws {
        for (file, count) in [("sweeps/coalition-2025.yaml", 36), ("sweeps/tutorial.yaml", 12)] {
            let sweep = try SweepLoader.load(file: LoaderScenarioTests.packageRoot.appendingPathComponent(file).path)
            // coalition: 2 backstop x (none + 5 withdrawals) x 3 levels; tutorial: 2 x 3 x 2.
            XCTAssertEqual(sweep.variations.count, count, file)
        }
    }

    func testTheSameCaseWrittenInAnotherOrderIsARepeat() {
        XCTAssertEqual(errors("""
            format: forceplan-sweep/v1
            name: s
            cases:
              - {policies: {max_personnel_in: {a: 1, b: 2}}}
              - {policies: {max_personnel_in: {b: 2, a: 1}}}
            """), "sweep.yaml:5:5: this case repeats the case at 4:5; list each case once")
    }

    func testInputsCheckTheSweepAgainstEveryScenarioInAFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("inputs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("s/deeper"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tutorial = try String(contentsOf: LoaderScenarioTests.packageRoot.appendingPathComponent("scenarios/tutorial.yaml"), encoding: .utf8)
        try tutorial.write(to: folder.appendingPathComponent("s/b.yaml"), atomically: true, encoding: .utf8)
        // The same scenario without the UK (its nation entry removed) in a subfolder.
        try (header + "nations:\n  fr: {pledges: [{capability: jet, units: 1}]}\nrequirements:\n  - {id: r, needs: jet, units: 1, at: [poland]}\n")
            .write(to: folder.appendingPathComponent("s/deeper/a.yaml"), atomically: true, encoding: .utf8)
        try "format: forceplan-sweep/v1\nname: w\nproduct:\n  drop: {each: [uk]}\n"
            .write(to: folder.appendingPathComponent("w.yaml"), atomically: true, encoding: .utf8)
        let sweep = folder.appendingPathComponent("w.yaml").path
        XCTAssertThrowsError(try BenchInputs.load(paths: [folder.appendingPathComponent("s").path], sweep: sweep, in: folder.path)) { error in
            // Only the scenario without 'uk' is at fault; it is named relative to the folder.
            XCTAssertEqual("\(error)", "\(sweep):4:17: unknown nation 'uk' in s/deeper/a.yaml; known nations: fr")
        }
        // Without the sweep both load, found recursively and sorted: one case each.
        let inputs = try BenchInputs.load(paths: [folder.appendingPathComponent("s").path], sweep: nil, in: folder.path)
        XCTAssertEqual(inputs.cases.map(\.id), ["s/b.yaml", "s/deeper/a.yaml"])
    }

    func testTheExamplesInTheFormatDocumentLoad() throws {
        let doc = try String(contentsOf: LoaderScenarioTests.packageRoot.appendingPathComponent("docs/sweep-format.md"), encoding: .utf8)
        let blocks = doc.components(separatedBy: "```yaml\n").dropFirst().compactMap { $0.components(separatedBy: "```").first }
        // 2 backstop x (nobody + 3) x 3 levels = 24; 3 cases x 2 shares x 2 ceilings = 12.
        XCTAssertEqual(try blocks.prefix(2).map { try SweepLoader.load(yaml: $0, file: "doc.yaml").variations.count }, [24, 12])
    }
}
