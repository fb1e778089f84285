import ForceBench
@testable import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// `extends:` variant files: the merge rules of docs/scenario-format.md ("Variants"), and
/// errors that name the file and line (variant or base) where the fault is written.
final class VariantScenarioTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("forceplan-variants-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try write("base.yaml", Self.base)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func load(_ name: String, _ text: String) throws -> Scenario {
        try ScenarioLoader.load(file: try write(name, text)).scenario
    }

    func errors(_ name: String, _ text: String) throws -> [Diagnostic] {
        let path = try write(name, text)
        do {
            _ = try ScenarioLoader.load(file: path)
            XCTFail("\(name) loaded, but should fail")
            return []
        } catch {
            return error.diagnostics
        }
    }

    func path(_ name: String) -> String { directory.appendingPathComponent(name).path }

    static let base = """
    format: forceplan/v1
    name: base
    assumptions:
      us-backstop: true
      ground-forces: true
    capabilities:
      inf: {domain: land, personnel: 100}
      jet: {domain: air, personnel: 10}
    locations:
      kyiv: {tags: [ukraine]}
      poland: {tags: [neighbor]}
    nations:
      uk:
        pledges:
          - {capability: inf, units: 4, cost: 10}
      france:
        pledges:
          - {capability: inf, units: 3, cost: 12}
          - {capability: jet, units: 6, cost: 5}
      usa:
        pledges:
          - {capability: jet, units: 6, cost: 9, when: us-backstop}
    requirements:
      - {id: presence, name: Presence, needs: inf, units: 4, at: [ukraine], weight: 3}
      - {id: air-policing, needs: jet, units: 8, at: [poland], min_nations: 2}
    policies:
      max_personnel_in: {ukraine: 1000, neighbor: 500}
      max_nation_share: 0.6
    objectives: [coverage, cost]
    options:
      - id: a
        name: Everyone
      - id: b
        name: Over the horizon
        policies: {max_personnel_in: {ukraine: 0}}
    alternatives: {count: 1, within: 0.05}

    """

    // MARK: Merge rules

    func testNullRemovesANationAndOthersKeepTheirOrder() throws {
        let s = try load("v.yaml", "format: forceplan/v1\nextends: base.yaml\nname: v\nnations:\n  uk: null\n")
        XCTAssertEqual(s.nations.map(\.id), ["france", "usa"])
        XCTAssertEqual(s.name, "v")
        XCTAssertEqual(s.bases, [path("base.yaml")])
    }

    func testAnEntryMergesFieldByFieldInPlaceAndANewOneIsAppended() throws {
        let s = try load("v.yaml", """
        extends: base.yaml
        nations:
          france:
            pledges: [{capability: jet, units: 2, cost: 4}]
          poland:
            new: true
            pledges: [{capability: jet, units: 4, cost: 3}]
        capabilities:
          inf: {personnel: 150}
        """)
        XCTAssertEqual(s.nations.map(\.id), ["uk", "france", "usa", "poland"])
        // Merged by pledge key: France's infantry pledge stays, its jet pledge changes.
        XCTAssertEqual(s.nation("france")?.pledges.map(\.capability), ["inf", "jet"])
        XCTAssertEqual(s.nation("france")?.pledges.last?.units, 2)
        XCTAssertEqual(s.capability("inf")?.personnel, 150)
        XCTAssertEqual(s.capability("inf")?.domain, .land, "the fields the variant does not give stay")
        XCTAssertEqual(s.name, "base", "name is inherited when the variant gives none")
    }

    func testAssumptionsAndPoliciesMergeKeyByKeyAndCeilingsTagByTag() throws {
        let s = try load("v.yaml", """
        extends: base.yaml
        assumptions: {us-backstop: false}
        policies:
          max_personnel_in: {ukraine: 200, neighbor: null}
          max_nation_share: null
          min_nations: 2
        """)
        XCTAssertEqual(s.assumptions, [Assumption(name: "us-backstop", value: false), Assumption(name: "ground-forces", value: true)])
        XCTAssertEqual(s.policies.maxPersonnelIn, [PersonnelCeiling(tag: "ukraine", personnel: 200)])
        XCTAssertNil(s.policies.maxNationShare)
        XCTAssertEqual(s.policies.minNations, 2)
    }

    func testRequirementsMergeByIDFieldByFieldAppendAndRemove() throws {
        let s = try load("v.yaml", """
        extends: base.yaml
        requirements:
          - {id: presence, units: 6, weight: null}
          - {id: air-policing, remove: true}
          - {id: air-defence, new: true, needs: jet, units: 2, at: [kyiv]}
        """)
        XCTAssertEqual(s.requirements.map(\.id), ["presence", "air-defence"])
        let presence = try XCTUnwrap(s.requirement("presence"))
        XCTAssertEqual(presence.units, 6)
        XCTAssertEqual(presence.name, "Presence", "fields the variant does not give are kept")
        XCTAssertEqual(presence.weight, 1, "weight: null removes the field, so the default applies")
        XCTAssertEqual(presence.source?.file, path("v.yaml"), "a merged item is where the variant changed it")
    }

    func testOptionsMergeByIDAndObjectivesAndAlternativesReplace() throws {
        let s = try load("v.yaml", """
        extends: base.yaml
        objectives: [coverage, personnel]
        alternatives: {count: 0}
        options:
          - {id: b, name: Renamed}
          - {id: c, new: true, exclude_nations: [uk]}
        """)
        XCTAssertEqual(s.objectives, [.coverage, .personnel])
        XCTAssertEqual(s.alternatives, AlternativesSpec(count: 0, within: 0.05), "replaced: within falls back to its default")
        XCTAssertEqual(s.options.map(\.id), ["a", "b", "c"])
        XCTAssertEqual(s.options[1].name, "Renamed")
        XCTAssertEqual(s.options[1].policies.maxPersonnelIn, [PersonnelCeiling(tag: "ukraine", personnel: 0)])
        XCTAssertEqual(s.options[2].excludeNations, ["uk"])
    }

    func testAVariantMayExtendAVariant() throws {
        try write("sub/middle.yaml", "extends: ../base.yaml\nname: middle\nnations: {uk: null}\npolicies: {min_nations: 2}\n")
        let s = try load("top.yaml", "extends: sub/middle.yaml\nname: top\npolicies: {min_nations: 1}\n")
        XCTAssertEqual(s.nations.map(\.id), ["france", "usa"])
        XCTAssertEqual(s.policies.minNations, 1)
        XCTAssertEqual(s.bases, [path("sub/middle.yaml"), path("sub/../base.yaml")])
    }

    /// `extends(_:)` follows the whole chain and compares canonical paths (`sub/../base.yaml`
    /// is `base.yaml`); a full scenario, or a base against its variant, extends nothing.
    func testExtendsFollowsTheChainOnCanonicalPaths() throws {
        try write("sub/middle.yaml", "extends: ../base.yaml\nname: middle\nnations: {uk: null}\n")
        let top = try load("top.yaml", "extends: sub/middle.yaml\nname: top\n")
        let middle = try ScenarioLoader.load(file: path("sub/middle.yaml")).scenario
        let base = try ScenarioLoader.load(file: path("sub/../sub/../base.yaml")).scenario
        let other = try load("other.yaml", Self.base)
        XCTAssertTrue(top.extends(base))
        XCTAssertTrue(top.extends(middle))
        XCTAssertTrue(middle.extends(base))
        XCTAssertFalse(base.extends(middle))
        XCTAssertFalse(top.extends(other))
        XCTAssertFalse(top.extends(top))
    }

    func testAVariantMayAddBackANationItsBaseRemoved() throws {
        try write("middle.yaml", "extends: base.yaml\nnations: {usa: null}\noptions: [{id: b, exclude_nations: []}]\n")
        let s = try load("top.yaml", "extends: middle.yaml\nnations:\n  usa: {new: true, pledges: []}\n")
        XCTAssertEqual(s.nations.map(\.id), ["uk", "france", "usa"])
    }

    // MARK: Errors

    func testAMissingBaseIsAnErrorAtTheExtendsValue() throws {
        let errors = try self.errors("v.yaml", "format: forceplan/v1\nextends: nowhere.yaml\nname: v\n")
        XCTAssertEqual(errors.count, 1)
        XCTAssertEqual(errors.first?.location, SourceLocation(file: path("v.yaml"), line: 2, column: 10))
        XCTAssertTrue(errors.first?.message.contains("base scenario 'nowhere.yaml' not found") == true, "\(errors)")
    }

    func testACycleNamesTheWholeChain() throws {
        try write("a.yaml", "extends: b.yaml\nname: a\n")
        try write("b.yaml", "extends: a.yaml\nname: b\n")
        let errors = try self.errors("a.yaml", "extends: b.yaml\nname: a\n")
        let error = try XCTUnwrap(errors.first)
        // Written in b.yaml (the base), at its extends value.
        XCTAssertEqual(error.location, SourceLocation(file: path("b.yaml"), line: 1, column: 10))
        XCTAssertTrue(error.message.contains("extends cycle: \(path("a.yaml")) -> \(path("b.yaml")) -> \(path("a.yaml"))"), error.message)
        XCTAssertTrue(error.message.hasSuffix("(in the base of \(path("a.yaml")))"), error.message)
    }

    func testAFileExtendingItselfIsACycle() throws {
        let errors = try self.errors("self.yaml", "extends: self.yaml\nname: s\n")
        XCTAssertTrue(errors.first?.message.hasPrefix("extends cycle:") == true, "\(errors)")
    }

    func testAChainDeeperThanTheLimitIsAnError() throws {
        // v0 extends v1 ... v8 extends v9, v9 extends base: ten bases above v0; the ninth
        // extends (v8's) is the first one too many.
        for i in 1...9 {
            try write("v\(i).yaml", "extends: \(i == 9 ? "base" : "v\(i + 1)").yaml\n")
        }
        let errors = try self.errors("v0.yaml", "extends: v1.yaml\n")
        let error = try XCTUnwrap(errors.first)
        XCTAssertEqual(error.location?.file, path("v8.yaml"), "the ninth extends is the one too many")
        XCTAssertTrue(error.message.contains("deeper than 8 files"), error.message)
        // Eight bases (v3 ... v9 and base) are fine.
        XCTAssertEqual(try load("w.yaml", "extends: v3.yaml\nname: w\n").name, "w")
    }

    func testARemovedNationStillNamedInTheBaseIsAnErrorWhereTheBaseNamesIt() throws {
        let item = "  - {id: c, exclude_nations: [uk]}"
        let base2 = Self.base.replacingOccurrences(of: "alternatives:", with: item + "\nalternatives:")
        try write("base2.yaml", base2)
        let errors = try self.errors("v.yaml", "extends: base2.yaml\nnations: {uk: null}\n")
        XCTAssertEqual(errors.count, 1, "\(errors)")
        let error = try XCTUnwrap(errors.first)
        let lines = base2.split(separator: "\n", omittingEmptySubsequences: false)
        let line = try XCTUnwrap(lines.firstIndex { $0 == item }) + 1
        XCTAssertEqual(error.location, SourceLocation(file: path("base2.yaml"), line: line, column: item.count - 3))
        XCTAssertTrue(error.message.hasPrefix("nation 'uk' is removed at \(path("v.yaml")):2:11 but option 'c' exclude_nations still names it"),
                      error.message)
        XCTAssertTrue(error.message.hasSuffix("(in the base of \(path("v.yaml")))"), error.message)
    }

    func testARemovedNationInAVariantObjectiveIsAnErrorInTheVariant() throws {
        let errors = try self.errors("v.yaml", "extends: base.yaml\nnations: {usa: null}\nobjectives: [coverage, dependence:usa]\n")
        let error = try XCTUnwrap(errors.first)
        XCTAssertEqual(error.location, SourceLocation(file: path("v.yaml"), line: 3, column: 24))
        XCTAssertTrue(error.message.contains("objective 'dependence:usa' still names it"), error.message)
        XCTAssertTrue(error.message.hasSuffix("(in the variant; its base is \(path("base.yaml")))"), error.message)
    }

    func testRemovingWhatTheBaseLacksIsAnError() throws {
        let errors = try self.errors("v.yaml", "extends: base.yaml\nnations: {ukk: null}\noptions: [{id: z, remove: true}]\n")
        XCTAssertEqual(errors.map { $0.location?.line }, [2, 3])
        XCTAssertTrue(errors[0].message.hasPrefix("there is no nation 'ukk' in the base to remove; did you mean 'uk'?"), errors[0].message)
        XCTAssertTrue(errors[1].message.hasPrefix("there is no option 'z' in the base to remove"), errors[1].message)
    }

    func testAVariantWithThousandsOfFaultsReportsTheFirstFiftyAndACount() throws {
        let removals = (0..<5000).map { "  ghost-\($0): null" }.joined(separator: "\n")
        let errors = try self.errors("v.yaml", "extends: base.yaml\nnations:\n\(removals)\n")
        XCTAssertEqual(errors.count, ScenarioLoader.maxErrors + 1)
        XCTAssertEqual(errors.first?.location?.line, 3)
        XCTAssertEqual(errors.last?.message, "4950 more errors not shown; fix the ones above first")
    }

    func testAFileWithoutExtendsIsUnchangedByTheVariantRules() throws {
        // `uk: null` in a full file is a nation with no pledges, as before variants existed.
        let s = try load("full.yaml", Self.base.replacingOccurrences(of: "  usa:\n    pledges:\n      - {capability: jet, units: 6, cost: 9, when: us-backstop}\n", with: "  usa: null\n"))
        XCTAssertEqual(s.nation("usa")?.pledges, [])
        XCTAssertEqual(s.bases, [])
    }
}
