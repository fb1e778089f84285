@testable import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// DESIGN.md, "Variants: what-ifs as small files": one test per rule, each with a hand-made
/// base and variant compared with an equivalent full file written by hand (the base text
/// with the change applied). "Equivalent" means the same bytes twice: the loaded scenario
/// written back as YAML (``ScenarioWriter``) and the planned scenario as JSON
/// (`plan --format json --no-alternatives --no-binding`).
final class VariantFieldMergeTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("forceplan-fieldmerge-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try write("base.yaml", Self.base)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String {
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    func load(_ name: String, _ text: String) throws -> Scenario {
        try ScenarioLoader.load(file: try write(name, text)).scenario
    }

    func planJSON(_ s: Scenario) -> String {
        JSONReport.render(portfolioPlanner(s, PlannerSettings(timeLimit: 60, alternatives: false, findBinding: false)).planAll())
    }

    /// The variant loads and plans to the same bytes as the full file.
    func assertSame(variant: String, full: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let v = try load("v.yaml", "format: forceplan/v1\nextends: base.yaml\n" + variant)
        let f = try load("full.yaml", full)
        XCTAssertEqual(ScenarioWriter.yaml(v), ScenarioWriter.yaml(f), "loaded scenario", file: file, line: line)
        let planned = planJSON(v)
        XCTAssertEqual(planned, planJSON(f), "planned scenario", file: file, line: line)
        XCTAssertTrue(planned.contains("\"status\": \"optimal\""), "the comparison covers real plans", file: file, line: line)
    }

    /// The base text with each (old, new) replacement applied, each checked to apply once.
    func edited(_ replacements: [(String, String)], file: StaticString = #filePath, line: UInt = #line) -> String {
        var text = Self.base
        for (old, new) in replacements {
            XCTAssertEqual(text.components(separatedBy: old).count, 2, "'\(old)' appears once in the base", file: file, line: line)
            text = text.replacingOccurrences(of: old, with: new)
        }
        return text
    }

    func errors(_ variant: String) throws -> [Diagnostic] {
        let path = try write("v.yaml", "format: forceplan/v1\nextends: base.yaml\n" + variant)
        do {
            _ = try ScenarioLoader.load(file: path)
            XCTFail("the variant loaded, but should fail")
            return []
        } catch {
            return error.diagnostics
        }
    }

    var variantPath: String { directory.appendingPathComponent("v.yaml").path }

    static let base = """
    format: forceplan/v1
    name: t
    assumptions:
      us-backstop: true
    capabilities:
      inf: {domain: land, personnel: 100}
      jet: {domain: air, personnel: 10}
    locations:
      kyiv: {tags: [ukraine]}
      poland: {name: Poland, tags: [neighbor], capacity: {personnel: 5000, air: 10}}
    nations:
      uk:
        name: United Kingdom
        groups: [lead, nato]
        budget: 400
        caveats:
          - {domain: air, tag: ukraine}
        pledges:
          - {capability: inf, units: 4, cost: 10}
          - {capability: jet, units: 6, cost: 5, locations: [poland]}
      france:
        groups: [lead]
        pledges:
          - {id: legion, capability: inf, units: 3, cost: 12}
          - {id: marines, capability: inf, units: 2, cost: 14}
          - {capability: jet, units: 6, cost: 6}
      usa:
        pledges:
          - {capability: jet, units: 6, cost: 9, when: us-backstop}
    requirements:
      - {id: presence, name: Presence, needs: inf, units: 6, at: [ukraine], weight: 3}
      - {id: air-policing, needs: jet, units: 8, at: [poland], min_nations: 2}
    policies:
      max_personnel_in: {ukraine: 1000, neighbor: 500}
      max_nation_share: 0.6
    objectives: [coverage, cost]
    options:
      - id: all
        name: Everyone
      - id: horizon
        name: Over the horizon
        policies: {max_personnel_in: {ukraine: 0}, max_nation_share: 0.8}

    """

    // MARK: Field by field, at every depth

    /// `nations: {uk: {budget: 100}}` changes the UK's budget and keeps the rest of the UK
    /// (name, groups, caveats, both pledges).
    func testANationFieldChangesAndTheRestOfTheNationStays() throws {
        try assertSame(variant: "nations:\n  uk: {budget: 100}\n",
                       full: edited([("    budget: 400\n", "    budget: 100\n")]))
    }

    /// Capabilities and locations merge field by field too; `capacity` key by key (air
    /// changes, personnel stays), `tags` (a plain list) replaces whole.
    func testCapabilitiesAndLocationsMergeFieldByFieldAndCapacityKeyByKey() throws {
        try assertSame(variant: """
            capabilities:
              inf: {personnel: 150}
            locations:
              poland: {capacity: {air: 4}, tags: [neighbor, nato-east]}
            """,
            full: edited([("  inf: {domain: land, personnel: 100}", "  inf: {domain: land, personnel: 150}"),
                          ("tags: [neighbor], capacity: {personnel: 5000, air: 10}",
                           "tags: [neighbor, nato-east], capacity: {personnel: 5000, air: 4}")]))
    }

    /// A requirement's `needs` merges key by key: `inf` (factor 1) gains `jet` at 0.5.
    func testRequirementNeedsMergeKeyByKey() throws {
        try assertSame(variant: "requirements:\n  - {id: presence, needs: {jet: 0.5}}\n",
                       full: edited([("needs: inf, units: 6", "needs: {inf: 1, jet: 0.5}, units: 6")]))
    }

    /// An option's `policies` merge key by key, and `FIELD: null` there restores what the
    /// option inherits: option b keeps its ukraine ceiling and falls back to the scenario's
    /// max_nation_share (0.6).
    func testOptionPoliciesMergeKeyByKeyAndNullRestoresTheInheritedValue() throws {
        try assertSame(variant: "options:\n  - {id: horizon, policies: {max_nation_share: null, max_personnel_in: {neighbor: 300}}}\n",
                       full: edited([("policies: {max_personnel_in: {ukraine: 0}, max_nation_share: 0.8}",
                                      "policies: {max_personnel_in: {ukraine: 0, neighbor: 300}}")]))
    }

    /// Top-level `policies` key by key, `max_personnel_in` tag by tag.
    func testPoliciesMergeKeyByKeyAndCeilingsTagByTag() throws {
        try assertSame(variant: "policies:\n  max_personnel_in: {neighbor: 200}\n  min_nations: 2\n",
                       full: edited([("  max_personnel_in: {ukraine: 1000, neighbor: 500}\n  max_nation_share: 0.6\n",
                                      "  max_personnel_in: {ukraine: 1000, neighbor: 200}\n  max_nation_share: 0.6\n  min_nations: 2\n")]))
    }

    // MARK: Pledges

    /// A pledge without an id is addressed by its capability: only its units change.
    func testAPledgeIsAddressedByItsCapability() throws {
        try assertSame(variant: "nations:\n  uk:\n    pledges: [{capability: jet, units: 2}]\n",
                       full: edited([("{capability: jet, units: 6, cost: 5, locations: [poland]}",
                                      "{capability: jet, units: 2, cost: 5, locations: [poland]}")]))
    }

    /// A pledge with an id is addressed by its id (France has two infantry pledges).
    func testAPledgeWithAnIDIsAddressedByItsID() throws {
        try assertSame(variant: "nations:\n  france:\n    pledges: [{id: marines, units: 1, cost: null}]\n",
                       full: edited([("{id: marines, capability: inf, units: 2, cost: 14}", "{id: marines, capability: inf, units: 1}")]))
    }

    func testRemoveTrueRemovesAPledge() throws {
        try assertSame(variant: "nations:\n  france:\n    pledges:\n      - {id: legion, remove: true}\n      - {capability: jet, remove: true}\n",
                       full: edited([("      - {id: legion, capability: inf, units: 3, cost: 12}\n", ""),
                                     ("      - {capability: jet, units: 6, cost: 6}\n", "")]))
    }

    func testNewTrueAddsAPledge() throws {
        try assertSame(variant: "nations:\n  usa:\n    pledges: [{capability: inf, units: 2, cost: 20, new: true}]\n",
                       full: edited([("      - {capability: jet, units: 6, cost: 9, when: us-backstop}\n",
                                      "      - {capability: jet, units: 6, cost: 9, when: us-backstop}\n      - {capability: inf, units: 2, cost: 20}\n")]))
    }

    /// Two pledges of one capability without ids cannot be told apart: the error says to
    /// give them ids.
    func testAnAmbiguousPledgeKeyIsAnErrorThatAsksForIDs() throws {
        try write("base.yaml", Self.base.replacingOccurrences(of: "{id: legion, capability: inf", with: "{capability: inf")
            .replacingOccurrences(of: "{id: marines, capability: inf", with: "{capability: inf"))
        let errors = try self.errors("nations:\n  france:\n    pledges: [{capability: inf, units: 1}]\n")
        XCTAssertEqual(errors.count, 1, "\(errors)")
        XCTAssertEqual(errors.first?.location, SourceLocation(file: variantPath, line: 5, column: 28))
        XCTAssertTrue(errors.first?.message.hasPrefix("nation 'france' has 2 pledges of capability 'inf' in the base (at 24:9 and 25:9); give them ids in the base") == true,
                      "\(errors)")
    }

    /// A pledge with an id is addressed by its id only.
    func testAPledgeWithAnIDIsNotAddressedByItsCapability() throws {
        try write("base.yaml", Self.base.replacingOccurrences(of: "      - {id: marines, capability: inf, units: 2, cost: 14}\n", with: ""))
        let errors = try self.errors("nations:\n  france:\n    pledges: [{capability: inf, units: 1}]\n")
        XCTAssertTrue(errors.first?.message.contains("(its pledge of capability 'inf' has id 'legion': address it by its id)") == true, "\(errors)")
    }

    // MARK: Removal and defaults

    /// `ID: null` removes an entry; `FIELD: null` restores a field's default (no budget,
    /// no caveats, the name is the id, weight 1).
    func testNullRemovesAnEntryAndAFieldNullRestoresItsDefault() throws {
        try assertSame(variant: """
            nations:
              usa: null
              uk: {name: null, budget: null, caveats: null}
            requirements:
              - {id: presence, weight: null}
            """,
            full: edited([("    name: United Kingdom\n", ""), ("    budget: 400\n", ""),
                          ("    caveats:\n      - {domain: air, tag: ukraine}\n", ""),
                          ("  usa:\n    pledges:\n      - {capability: jet, units: 6, cost: 9, when: us-backstop}\n", ""),
                          (", at: [ukraine], weight: 3}", ", at: [ukraine]}")]))
    }

    func testRemoveTrueRemovesARequirementAndAnOption() throws {
        try assertSame(variant: "requirements: [{id: air-policing, remove: true}]\noptions: [{id: horizon, remove: true}]\n",
                       full: edited([("  - {id: air-policing, needs: jet, units: 8, at: [poland], min_nations: 2}\n", ""),
                                     ("  - id: horizon\n    name: Over the horizon\n    policies: {max_personnel_in: {ukraine: 0}, max_nation_share: 0.8}\n", "")]))
    }

    // MARK: Lists of plain values replace

    /// `groups`, `caveats`, pledge `locations` and `when`, `at`, `exclude_nations` and
    /// `objectives` replace whole.
    func testListsOfPlainValuesReplaceWhole() throws {
        try assertSame(variant: """
            nations:
              uk:
                groups: [e5]
                caveats: [{domain: land, tag: neighbor}]
                pledges: [{capability: jet, locations: [neighbor, kyiv]}]
              usa:
                pledges: [{capability: jet, when: []}]
            requirements:
              - {id: presence, at: [kyiv, poland]}
            options:
              - {id: all, exclude_nations: [usa]}
            objectives: [coverage, personnel, cost]
            """,
            full: edited([("    groups: [lead, nato]\n", "    groups: [e5]\n"),
                          ("      - {domain: air, tag: ukraine}\n", "      - {domain: land, tag: neighbor}\n"),
                          ("cost: 5, locations: [poland]}", "cost: 5, locations: [neighbor, kyiv]}"),
                          ("cost: 9, when: us-backstop}", "cost: 9, when: []}"),
                          ("units: 6, at: [ukraine], weight: 3}", "units: 6, at: [kyiv, poland], weight: 3}"),
                          ("    name: Everyone\n", "    name: Everyone\n    exclude_nations: [usa]\n"),
                          ("objectives: [coverage, cost]\n", "objectives: [coverage, personnel, cost]\n")]))
    }

    // MARK: Chains

    /// A chain merges in order: the middle file's change, then the top's on top of it.
    func testAChainMergesInOrder() throws {
        try write("middle.yaml", "extends: base.yaml\nnations:\n  uk: {budget: 100, groups: [lead]}\n")
        let v = try load("v.yaml", "extends: middle.yaml\nnations:\n  uk: {budget: 50}\n")
        let f = try load("full.yaml", edited([("    groups: [lead, nato]\n    budget: 400\n", "    groups: [lead]\n    budget: 50\n")]))
        XCTAssertEqual(ScenarioWriter.yaml(v), ScenarioWriter.yaml(f))
        XCTAssertEqual(planJSON(v), planJSON(f))
    }

    // MARK: New entries

    /// `new: true` adds a nation, a location, a capability, a requirement and an option; the
    /// merged file validates like any other.
    func testNewTrueAddsEntriesOfEveryKind() throws {
        try assertSame(variant: """
            capabilities:
              drone: {domain: intel, personnel: 5, new: true}
            locations:
              romania: {tags: [neighbor], new: true}
            nations:
              brazil:
                new: true
                pledges: [{capability: drone, units: 2, cost: 1}]
            requirements:
              - {id: watch, new: true, needs: drone, units: 2, at: [romania]}
            options:
              - {id: c, new: true, name: Third}
            """,
            full: edited([("  jet: {domain: air, personnel: 10}\n", "  jet: {domain: air, personnel: 10}\n  drone: {domain: intel, personnel: 5}\n"),
                          ("capacity: {personnel: 5000, air: 10}}\n", "capacity: {personnel: 5000, air: 10}}\n  romania: {tags: [neighbor]}\n"),
                          ("cost: 9, when: us-backstop}\n", "cost: 9, when: us-backstop}\n  brazil:\n    pledges: [{capability: drone, units: 2, cost: 1}]\n"),
                          ("min_nations: 2}\n", "min_nations: 2}\n  - {id: watch, needs: drone, units: 2, at: [romania]}\n"),
                          ("max_nation_share: 0.8}\n", "max_nation_share: 0.8}\n  - id: c\n    name: Third\n")]))
    }

    /// A new entry must be complete: the merged file validates.
    func testANewRequirementMustBeComplete() throws {
        let errors = try self.errors("requirements:\n  - {id: watch, new: true, units: 2}\n")
        XCTAssertTrue(errors.first?.message.hasPrefix("missing required keys 'needs', 'at' in requirement") == true, "\(errors)")
    }

    func testNewTrueOnAnIDTheBaseHasIsAnError() throws {
        let errors = try self.errors("nations:\n  uk: {new: true, budget: 1}\noptions:\n  - {id: all, new: true}\n")
        XCTAssertEqual(errors.map(\.location), [SourceLocation(file: variantPath, line: 4, column: 3),
                                                SourceLocation(file: variantPath, line: 6, column: 10)])
        XCTAssertTrue(errors[0].message.hasPrefix("nation 'uk' is already in the base (at \(directory.appendingPathComponent("base.yaml").path):12:3); leave out new: true"),
                      errors[0].message)
        XCTAssertTrue(errors[1].message.hasPrefix("option 'all' is already in the base"), errors[1].message)
    }

    // MARK: No silent additions

    /// Each misspelled id fails where the variant writes it, with the nearest id of its kind.
    func testAMisspelledIDOfEveryKindIsAnErrorWithASuggestion() throws {
        let errors = try self.errors("""
            locations:
              polnd: {capacity: {air: 2}}
            nations:
              frnace: {budget: 5}
              uk:
                pledges: [{capability: jte, units: 1}]
            requirements:
              - {id: air-policng, units: 4}
            options:
              - {id: horizn, name: B}
            """)
        let at = errors.map { ($0.location?.line ?? 0, $0.location?.column ?? 0) }
        XCTAssertEqual(at.map(\.0), [4, 6, 8, 10, 12], "\(errors)")
        XCTAssertEqual(at.map(\.1), [3, 3, 28, 10, 10], "\(errors)")
        XCTAssertTrue(errors.allSatisfy { $0.file == variantPath })
        let messages = errors.map(\.message)
        XCTAssertTrue(messages[0].hasPrefix("no location 'polnd' in the base (did you mean 'poland'?); mark a new location with new: true"), messages[0])
        XCTAssertTrue(messages[1].hasPrefix("no nation 'frnace' in the base (did you mean 'france'?); mark a new nation with new: true"), messages[1])
        XCTAssertTrue(messages[2].hasPrefix("no pledge 'jte' of nation 'uk' in the base (did you mean 'jet'?); mark a new pledge with new: true"), messages[2])
        XCTAssertTrue(messages[3].hasPrefix("no requirement 'air-policng' in the base (did you mean 'air-policing'?)"), messages[3])
        XCTAssertTrue(messages[4].hasPrefix("no option 'horizn' in the base (did you mean 'horizon'?)"), messages[4])
    }

    func testAnAssumptionTheBaseDoesNotDeclareIsAnError() throws {
        let errors = try self.errors("assumptions:\n  us-backstp: false\n")
        XCTAssertEqual(errors.first?.location, SourceLocation(file: variantPath, line: 4, column: 3))
        XCTAssertTrue(errors.first?.message.hasPrefix("the base declares no assumption 'us-backstp' (did you mean 'us-backstop'?)") == true, "\(errors)")
    }

    /// `uk: null` twice is an error at the second (it would otherwise leave a UK with nothing).
    func testADuplicatedKeyIsAnError() throws {
        let errors = try self.errors("nations:\n  uk: null\n  uk: null\n")
        XCTAssertEqual(errors.first?.location, SourceLocation(file: variantPath, line: 5, column: 3))
        XCTAssertTrue(errors.first?.message.hasPrefix("duplicate key 'uk' in nations (first at 4:3)") == true, "\(errors)")
    }

    // MARK: Changes, field by field

    /// Every changed field is one line; nations are named by id, pledges by id or capability.
    func testChangesAreListedFieldByField() throws {
        let base = try ScenarioLoader.load(file: directory.appendingPathComponent("base.yaml").path).scenario
        let v = try load("v.yaml", """
            format: forceplan/v1
            extends: base.yaml
            locations:
              poland: {capacity: {air: 4}}
            nations:
              france:
                budget: 50
                pledges: [{capability: jet, units: 3}, {id: marines, remove: true}]
              uk: {groups: [lead]}
              usa: null
              brazil: {new: true, pledges: [{capability: jet, units: 2}]}
            requirements:
              - {id: presence, units: 7, weight: null}
            options:
              - {id: horizon, policies: {max_nation_share: null}}
            """)
        XCTAssertEqual(v.changes(from: base), [
            "location poland: capacity air 10 -> 4",
            "uk: groups [lead, nato] -> [lead]",
            "france: budget none -> 50",
            "france: pledge jet: units 6 -> 3",
            "france: removed pledge marines",
            "added nation brazil",
            "removed nation usa",
            "requirement presence: units 6 -> 7",
            "requirement presence: weight 3 -> 1",
            "option horizon: policies max_nation_share: 0.8 -> none",
        ])
    }

    // MARK: Pledge ids

    /// Pledge ids are slugs, unique within a nation (two nations may use one id), and are
    /// written back by ScenarioWriter.
    func testPledgeIDsAreUniqueWithinANationAndWrittenBack() throws {
        let dup = Self.base.replacingOccurrences(of: "{id: marines,", with: "{id: legion,")
        XCTAssertThrowsError(try ScenarioLoader.load(yaml: dup, file: "d.yaml")) { error in
            let d = (error as? ScenarioLoadError)?.diagnostics.first
            XCTAssertEqual(d?.location?.line, 25)
            XCTAssertTrue(d?.message.hasPrefix("duplicate pledge id 'legion' in nation 'france' (first at 24:") == true, "\(String(describing: d))")
        }
        let s = try load("full.yaml", Self.base)
        XCTAssertEqual(s.nation("france")?.pledges.map(\.id), ["legion", "marines", nil])
        let again = try ScenarioLoader.load(yaml: ScenarioWriter.yaml(s), file: "again.yaml").scenario
        XCTAssertEqual(again.nation("france")?.pledges.map(\.id), ["legion", "marines", nil])
    }
}
