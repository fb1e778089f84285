import ForceBench
@testable import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// Valid files load into `Scenario` with every field, default and source mark as written.
final class LoaderScenarioTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func load(_ yaml: String, file: String = "test.yaml") throws -> LoadedScenario {
        try ScenarioLoader.load(yaml: yaml, file: file)
    }

    /// The diagnostics of a file that must fail.
    func errors(_ yaml: String, file: String = "test.yaml") -> [Diagnostic] {
        do {
            _ = try ScenarioLoader.load(yaml: yaml, file: file)
            XCTFail("loaded, but should fail:\n\(yaml)")
            return []
        } catch let error as ScenarioLoadError {
            return error.diagnostics
        } catch {
            XCTFail("threw \(type(of: error)), not ScenarioLoadError")
            return []
        }
    }

    func testTutorialLoadsAsWritten() throws {
        let path = Self.packageRoot.appendingPathComponent("scenarios/tutorial.yaml").path
        let loaded = try ScenarioLoader.load(file: path)
        let s = loaded.scenario
        XCTAssertEqual(loaded.warnings, [])
        XCTAssertEqual(s.name, "tutorial")
        XCTAssertEqual(s.file, path)
        XCTAssertEqual(s.assumptions, [Assumption(name: "us-backstop", value: true)])
        XCTAssertEqual(s.capabilities.map(\.id), ["infantry-company", "fighter", "isr-drone"])
        XCTAssertEqual(s.capability("infantry-company")?.rotation, 3)
        XCTAssertEqual(s.capability("fighter")?.rotation, 1, "rotation defaults to 1")
        XCTAssertEqual(s.location("poland")?.personnelCapacity, 1000)
        XCTAssertEqual(s.location("poland")?.domainCapacity, [DomainCapacity(domain: .air, units: 12)])
        XCTAssertEqual(s.location("ukraine-west")?.name, "Western Ukraine")
        XCTAssertEqual(s.nations.map(\.id), ["uk", "france", "poland", "usa"])
        XCTAssertEqual(s.nation("france")?.budget, 300)
        XCTAssertEqual(s.nation("usa")?.reliability, 0.7)
        XCTAssertEqual(s.nation("uk")?.reliability, 1, "reliability defaults to 1")
        XCTAssertEqual(s.nation("poland")?.caveats.map { "\($0.domain):\($0.tag)" }, ["land:ukraine"])
        XCTAssertEqual(s.pledges.count, 8)
        let ukInfantry = try XCTUnwrap(s.nation("uk")?.pledges.first)
        XCTAssertEqual(ukInfantry.nation, "uk")
        XCTAssertEqual(ukInfantry.units, 6)
        XCTAssertEqual(ukInfantry.cost, 40)
        XCTAssertEqual(ukInfantry.readyDays, 30)
        XCTAssertNil(ukInfantry.locations)
        XCTAssertEqual(s.nation("usa")?.pledges.map(\.when), [["us-backstop"], ["us-backstop"]])
        let reassurance = try XCTUnwrap(s.requirement("reassurance"))
        XCTAssertEqual(reassurance.needs, [NeedFactor(capability: "infantry-company", factor: 1)])
        XCTAssertEqual(reassurance.at, ["ukraine"])
        XCTAssertEqual(reassurance.weight, 3)
        XCTAssertEqual(reassurance.withinDays, 60)
        XCTAssertNil(reassurance.minNations)
        XCTAssertEqual(s.requirement("air-policing")?.minNations, 2)
        XCTAssertEqual(s.requirement("surveillance")?.weight, 1, "weight defaults to 1")
        XCTAssertEqual(s.policies, Policies(maxPersonnelIn: [PersonnelCeiling(tag: "ukraine", personnel: 1000)],
                                            maxNationShare: 0.6, minNations: 3))
        XCTAssertEqual(s.objectives, [.coverage, .cost])
        XCTAssertEqual(s.options.map(\.id), ["in-ukraine", "over-the-horizon", "no-backstop"])
        XCTAssertEqual(s.options[1].policies.maxPersonnelIn, [PersonnelCeiling(tag: "ukraine", personnel: 0)])
        XCTAssertEqual(s.options[2].assumptions, [Assumption(name: "us-backstop", value: false)])
        XCTAssertEqual(s.options[2].objectives, [.coverage, .dependence(id: "usa"), .cost])
        XCTAssertNil(s.options[0].objectives, "an option without objectives inherits the scenario's")
        XCTAssertEqual(s.alternatives, AlternativesSpec(count: 1, within: 0.05))
    }

    func testOptionalFieldsTakeTheirDocumentedDefaults() throws {
        let s = try load("""
            format: forceplan/v1
            name: defaults
            capabilities:
              fighter: {domain: air}
            locations:
              poland: {}
            nations:
              uk:
                pledges:
                  - {capability: fighter, units: 4}
            requirements:
              - {id: air, needs: fighter, units: 2, at: [poland]}
            """).scenario
        XCTAssertEqual(s.description, "")
        XCTAssertEqual(s.capabilities, [Capability(id: "fighter", domain: .air, personnel: 0, rotation: 1,
                                                   source: SourceLocation(file: "test.yaml", line: 4, column: 3))])
        XCTAssertEqual(s.location("poland")?.name, "poland", "name defaults to the id")
        XCTAssertEqual(s.location("poland")?.tags, [])
        XCTAssertNil(s.location("poland")?.personnelCapacity)
        let uk = try XCTUnwrap(s.nation("uk"))
        XCTAssertEqual(uk.name, "uk")
        XCTAssertEqual(uk.reliability, 1)
        XCTAssertNil(uk.budget)
        XCTAssertEqual(uk.pledges[0].cost, 0)
        XCTAssertNil(uk.pledges[0].readyDays)
        XCTAssertNil(uk.pledges[0].locations, "no locations means anywhere")
        XCTAssertEqual(uk.pledges[0].when, [])
        let air = try XCTUnwrap(s.requirement("air"))
        XCTAssertEqual(air.name, "air")
        XCTAssertEqual(air.weight, 1)
        XCTAssertNil(air.withinDays)
        XCTAssertNil(air.minNations)
        XCTAssertEqual(s.policies, Policies())
        XCTAssertEqual(s.objectives, [.coverage, .cost])
        XCTAssertEqual(s.options, [])
        XCTAssertEqual(s.effectiveOptions.map(\.id), ["base"])
        XCTAssertEqual(s.alternatives, AlternativesSpec(count: 0, within: 0.05))
    }

    func testSourceMarksPointAtWhatTheyDescribe() throws {
        let s = try load("""
            format: forceplan/v1
            name: marks
            capabilities:
              fighter: {domain: air, personnel: 20}
            locations:
              poland: {tags: [neighbor]}
            nations:
              uk:
                caveats:
                  - {domain: land, tag: neighbor}
                pledges:
                  - {capability: fighter, units: 4}
            requirements:
              - id: air
                needs: fighter
                units: 2
                at: [poland]
            options:
              - id: a
            """).scenario
        func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: "test.yaml", line: line, column: column) }
        XCTAssertEqual(s.capabilities[0].source, at(4, 3))
        XCTAssertEqual(s.locations[0].source, at(6, 3))
        XCTAssertEqual(s.nations[0].source, at(8, 3))
        XCTAssertEqual(s.nations[0].caveats[0].source, at(10, 9))
        XCTAssertEqual(s.pledges[0].source, at(12, 9))
        XCTAssertEqual(s.requirements[0].source, at(14, 5))
        XCTAssertEqual(s.options[0].source, at(19, 5))
    }

    func testDiagnosticsPrintAsFileLineColumnMessage() {
        let place = SourceLocation(file: "s.yaml", line: 12, column: 7)
        XCTAssertEqual(Diagnostic(.error, file: "s.yaml", location: place, message: "bad").description, "s.yaml:12:7: bad")
        XCTAssertEqual(Diagnostic(.warning, file: "s.yaml", location: place, message: "odd").description,
                       "s.yaml:12:7: warning: odd")
        XCTAssertEqual(Diagnostic(file: "s.yaml", message: "no such file").description, "s.yaml: no such file")
        let error = ScenarioLoadError(diagnostics: [Diagnostic(file: "a", message: "x"), Diagnostic(file: "b", message: "y")])
        XCTAssertEqual(error.description, "a: x\nb: y")
    }

    func testEveryErrorInAFileIsReportedSortedByPosition() {
        let diagnostics = errors("""
            format: forceplan/v1
            name: many
            capabilities:
              fighter: {domain: air, personnel: -1, rotation: 0}
            nations:
              uk:
                pledges:
                  - {capability: figter, units: 2.5}
            """)
        XCTAssertEqual(diagnostics.map { "\($0.location!.line):\($0.location!.column)" }, ["4:37", "4:51", "8:22", "8:37"])
        XCTAssertEqual(diagnostics[2].message, "unknown capability 'figter'; did you mean 'fighter'?")
    }

    func testErrorsAreCappedWithACountOfTheRest() {
        var yaml = "format: forceplan/v1\nname: capped\ncapabilities:\n"
        for i in 0..<80 { yaml += "  c\(i): {domain: lnd}\n" }
        let diagnostics = errors(yaml)
        XCTAssertEqual(diagnostics.count, ScenarioLoader.maxErrors + 1)
        XCTAssertEqual(diagnostics.last?.message, "30 more errors not shown; fix the ones above first")
    }

    func testUnknownKeyListsTheAllowedKeysAtTheKey() {
        let diagnostics = errors("""
            format: forceplan/v1
            name: keys
            capabilities:
              fighter: {domain: air}
            nations:
              uk:
                pledges:
                  - capability: fighter
                    unitz: 4
            """)
        XCTAssertEqual(diagnostics.count, 1, "the typo is one error, not also 'units' missing")
        XCTAssertEqual(diagnostics[0].description,
                       "test.yaml:9:9: unknown key 'unitz' in pledge; allowed: id, capability, units, cost, ready_days, locations, when (did you mean 'units'?)")
    }

    func testARequirementNoPledgeCanServeIsAWarningNotAnError() throws {
        // uk may not put land units where the tag ukraine is (caveat), so nothing reaches kyiv.
        let loaded = try load("""
            format: forceplan/v1
            name: warn
            capabilities:
              company: {domain: land, personnel: 150}
            locations:
              kyiv: {tags: [ukraine]}
            nations:
              uk:
                caveats: [{domain: land, tag: ukraine}]
                pledges: [{capability: company, units: 4}]
            requirements:
              - {id: presence, needs: company, units: 1, at: [kyiv]}
            """)
        XCTAssertEqual(loaded.warnings.count, 1)
        XCTAssertEqual(loaded.warnings[0].severity, .warning)
        XCTAssertEqual(loaded.warnings[0].location?.line, 12)
        XCTAssertTrue(loaded.warnings[0].message.contains("requirement 'presence' can never be served"))
    }

    func testAssumptionsAndReadinessDoNotMakeARequirementUnservable() throws {
        let loaded = try load("""
            format: forceplan/v1
            name: conditional
            assumptions: {us-backstop: false}
            capabilities:
              fighter: {domain: air}
            locations:
              poland: {}
            nations:
              usa:
                pledges: [{capability: fighter, units: 4, ready_days: 90, when: us-backstop}]
            requirements:
              - {id: air, needs: fighter, units: 1, at: [poland], within_days: 10}
            """)
        XCTAssertEqual(loaded.warnings, [])
    }

    func testNearestSuggestionIsByEditDistance() {
        XCTAssertEqual(Suggestions.nearest(to: "minehuntr", in: ["fighter", "minehunter"]), "minehunter")
        XCTAssertEqual(Suggestions.nearest(to: "Fighter", in: ["fighter"]), "fighter")
        XCTAssertNil(Suggestions.nearest(to: "tank", in: ["fighter", "minehunter"]))
        XCTAssertEqual(Suggestions.distance("kitten", "sitting"), 3)
    }

    func testPlainNumbersFollowYAMLAndQuotedOnesAreRefused() {
        XCTAssertEqual(ScenarioDecoder.parseNumber("10_000"), 10000)
        XCTAssertEqual(ScenarioDecoder.parseNumber("6.5e2"), 650)
        XCTAssertEqual(ScenarioDecoder.parseNumber("-.5"), -0.5)
        XCTAssertEqual(ScenarioDecoder.parseNumber(".inf"), .infinity)
        XCTAssertTrue(ScenarioDecoder.parseNumber(".NaN")!.isNaN)
        XCTAssertNil(ScenarioDecoder.parseNumber("0x10"))
        XCTAssertNil(ScenarioDecoder.parseNumber("inf"))
        XCTAssertNil(ScenarioDecoder.parseNumber("1e"))
        XCTAssertNil(ScenarioDecoder.parseNumber("twelve"))
    }
}
