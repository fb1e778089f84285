import ForceBench
@testable import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// Every file under `scenarios/` validates, and the base case says what the facts say.
final class ShippedScenarioTests: XCTestCase {
    static var scenariosDirectory: URL {
        LoaderScenarioTests.packageRoot.appendingPathComponent("scenarios")
    }

    func load(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(file: Self.scenariosDirectory.appendingPathComponent(name).path).scenario
    }

    func testEveryShippedScenarioValidatesWithoutWarnings() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.scenariosDirectory.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertTrue(Set(["tutorial.yaml", "coalition-2025.yaml", "coalition-2025-no-backstop.yaml",
                           "coalition-2025-low-ceiling.yaml", "coalition-2025-uk-withdraws.yaml",
                           "coalition-2025-no-fund.yaml"]).isSubset(of: files))
        for file in files {
            do {
                let loaded = try ScenarioLoader.load(file: Self.scenariosDirectory.appendingPathComponent(file).path)
                XCTAssertEqual(loaded.warnings, [], file)
            } catch {
                XCTFail("\(file):\n\(error)")
            }
        }
    }

    func testTutorialIsSmall() throws {
        let s = try load("tutorial.yaml")
        XCTAssertEqual(s.nations.count, 4)
        XCTAssertEqual(s.requirements.count, 3)
    }

    func testBaseCaseHas37NationsAndTheUSBackstopAtAModestSize() throws {
        let s = try load("coalition-2025.yaml")
        XCTAssertEqual(s.nations.filter { $0.id != "usa" }.count, 37)
        XCTAssertTrue((80...120).contains(s.pledges.count), "\(s.pledges.count) pledges")
        XCTAssertTrue((10...14).contains(s.requirements.count), "\(s.requirements.count) requirements")
        XCTAssertEqual(Set(s.options.map(\.id)), ["reassurance", "over-the-horizon", "air-and-sea", "no-backstop"])
    }

    func testUSBackstopIsConditionalAndHasNoGroundTroops() throws {
        let s = try load("coalition-2025.yaml")
        let usa = try XCTUnwrap(s.nation("usa"))
        XCTAssertFalse(usa.pledges.isEmpty)
        for pledge in usa.pledges {
            XCTAssertTrue(pledge.when.contains("us-backstop"), pledge.capability)
            XCTAssertNotEqual(s.capability(pledge.capability)?.domain, .land, pledge.capability)
        }
        let noBackstop = try XCTUnwrap(s.options.first { $0.id == "no-backstop" })
        XCTAssertEqual(noBackstop.assumptions, [Assumption(name: "us-backstop", value: false)])
        XCTAssertEqual(noBackstop.objectives, [.coverage, .dependence(id: "usa"), .cost])
    }

    func testUKMinehuntersCannotReachTheBlackSea() throws {
        let s = try load("coalition-2025.yaml")
        let minehunters = try XCTUnwrap(s.nation("uk")?.pledges.first { $0.capability == "minehunter" })
        let reachable = s.resolveLocations(try XCTUnwrap(minehunters.locations))
        XCTAssertFalse(reachable.contains { $0.tags.contains("black-sea") })
        // Only the coastal states' minehunters may operate there.
        let blackSea = Set(s.nations.filter { nation in
            nation.pledges.contains { $0.capability == "minehunter" && $0.locations == ["black-sea"] }
        }.map(\.id))
        XCTAssertEqual(blackSea, ["romania", "turkey", "bulgaria"])
    }

    func testEveryWhatIfOfTheBaseCaseIsAVariantOfIt() throws {
        let base = Self.scenariosDirectory.appendingPathComponent("coalition-2025.yaml").path
        for name in Self.variants {
            XCTAssertEqual(try load(name).bases, [base], name)
        }
    }

    /// Each variant file equals the base case with its change made here, in Swift: an
    /// independent statement of what the file says, checked field by field (sources aside).
    func testVariantsDifferFromTheBaseCaseOnlyWhereTheySay() throws {
        let base = Self.comparable(try load("coalition-2025.yaml"))

        var noBackstop = base
        noBackstop.name = "coalition-2025-no-backstop"
        noBackstop.assumptions[0] = Assumption(name: "us-backstop", value: false)
        noBackstop.options.removeAll { $0.id == "no-backstop" }
        noBackstop.options.append(Option(id: "europe-spread", name: "Europe alone, spreading the load",
                                         objectives: [.coverage, .nations, .cost]))
        XCTAssertEqual(Self.comparable(try load("coalition-2025-no-backstop.yaml")), noBackstop)

        var low = base
        low.name = "coalition-2025-low-ceiling"
        low.policies.maxPersonnelIn = [PersonnelCeiling(tag: "ukraine", personnel: 5000)]
        XCTAssertEqual(Self.comparable(try load("coalition-2025-low-ceiling.yaml")), low)

        var ukWithdraws = base
        ukWithdraws.name = "coalition-2025-uk-withdraws"
        ukWithdraws.nations.removeAll { $0.id == "uk" }
        ukWithdraws.options[0].name = "Reassurance force in Ukraine, without the UK"
        XCTAssertEqual(Self.comparable(try load("coalition-2025-uk-withdraws.yaml")), ukWithdraws)

        var turkey = base
        turkey.name = "coalition-2025-turkey-closes-black-sea"
        let t = try XCTUnwrap(turkey.nations.firstIndex { $0.id == "turkey" })
        XCTAssertEqual(turkey.nations[t].pledges.count, 3)
        turkey.nations[t].pledges = []
        XCTAssertEqual(Self.comparable(try load("coalition-2025-turkey-closes-black-sea.yaml")), turkey)

        var plus25 = base
        plus25.name = "coalition-2025-requirements-plus-25"
        for i in plus25.requirements.indices {
            plus25.requirements[i].units = (plus25.requirements[i].units * 1.25).rounded(.up)
        }
        XCTAssertEqual(Self.comparable(try load("coalition-2025-requirements-plus-25.yaml")), plus25)
    }

    static let variants = ["coalition-2025-no-backstop.yaml", "coalition-2025-low-ceiling.yaml",
                           "coalition-2025-uk-withdraws.yaml", "coalition-2025-turkey-closes-black-sea.yaml",
                           "coalition-2025-requirements-plus-25.yaml", "coalition-2025-no-fund.yaml"]

    /// The scenario without source marks and file names, which differ between a variant
    /// and its base by construction.
    static func comparable(_ scenario: Scenario) -> Scenario {
        var s = scenario
        s.file = nil
        s.bases = []
        s.capabilities = s.capabilities.map { var c = $0; c.source = nil; return c }
        s.locations = s.locations.map { var l = $0; l.source = nil; return l }
        s.nations = s.nations.map(withoutSources)
        s.requirements = s.requirements.map { var r = $0; r.source = nil; return r }
        s.options = s.options.map { var o = $0; o.source = nil; return o }
        return s
    }

    func testJapanPaysRatherThanDeploysAndSaysWhereTheFigureComesFrom() throws {
        let s = try load("coalition-2025.yaml")
        XCTAssertEqual(s.nation("japan")?.funds, 100)
        // The fund has budgets to relax: the Black Sea coastal states'.
        XCTAssertEqual(s.nation("romania")?.budget, 20)
        XCTAssertEqual(s.nation("bulgaria")?.budget, 10)
        let text = try String(contentsOf: Self.scenariosDirectory.appendingPathComponent("coalition-2025.yaml"),
                              encoding: .utf8)
        let japan = try XCTUnwrap(text.range(of: "  japan:\n"))
        let block = String(text[japan.upperBound...].prefix(900))
        XCTAssertTrue(block.contains("facts.md") && block.contains("background article"), block)
    }

    func testNoFundVariantDiffersFromTheBaseOnlyInJapansMoney() throws {
        let base = try load("coalition-2025.yaml")
        let noFund = try load("coalition-2025-no-fund.yaml")
        var expected = base.nations.map(Self.withoutSources)
        let j = try XCTUnwrap(expected.firstIndex { $0.id == "japan" })
        expected[j].funds = 0
        XCTAssertEqual(noFund.nations.map(Self.withoutSources), expected)
        XCTAssertEqual(noFund.options.map(\.id), base.options.map(\.id))
        XCTAssertEqual(noFund.requirements.map(\.id), base.requirements.map(\.id))
        XCTAssertEqual(noFund.policies, base.policies)
        XCTAssertEqual(noFund.assumptions, base.assumptions)
    }

    func testWithoutJapansMoneyTheBlackSeaPatrolLosesTwoFrigates() throws {
        // Only the coastal states serve the Black Sea. Mine clearance needs 3 nations of the
        // only 3 that can (Romania, Türkiye, Bulgaria), so Romania (budget 20) and Bulgaria
        // (10) each keep a minehunter (8); then neither frigate (20, 18) fits its budget.
        // The patrol keeps Türkiye's 2 frigates and two patrol aircraft at 0.5 (Türkiye's,
        // the US's): 3 of 4. Weights sum to 25, the patrol's is 1: coverage 1 - 0.25/25 =
        // 0.99. With Japan's 100 the fund pays both frigates and every requirement is met.
        var results: [String: OptionResult] = [:]
        for file in ["coalition-2025.yaml", "coalition-2025-no-fund.yaml"] {
            let s = try load(file)
            let planner = portfolioPlanner(s, PlannerSettings(timeLimit: 120, alternatives: false, findBinding: false))
            results[file] = planner.plan(try XCTUnwrap(s.options.first { $0.id == "reassurance" }))
        }
        let base = try XCTUnwrap(results["coalition-2025.yaml"]), noFund = try XCTUnwrap(results["coalition-2025-no-fund.yaml"])
        let patrol = { (r: OptionResult) in r.plan?.coverage.first { $0.requirement == "black-sea-patrol" }?.fraction }
        XCTAssertEqual(value(base, .coverage), 1, accuracy: 1e-9)
        XCTAssertEqual(patrol(base), 1)
        XCTAssertEqual(base.plan?.fund?.available, 100)
        XCTAssertEqual(Set(base.plan?.fund?.paid.map(\.nation) ?? []), ["romania", "bulgaria"])
        XCTAssertEqual(value(noFund, .coverage), 0.99, accuracy: 1e-9)
        XCTAssertEqual(patrol(noFund), 0.75)
        XCTAssertEqual(noFund.plan?.fund?.used, 0)
    }

    /// A nation without source marks.
    static func withoutSources(_ nation: Nation) -> Nation {
        var n = nation
        n.source = nil
        n.caveats = n.caveats.map { var c = $0; c.source = nil; return c }
        n.pledges = n.pledges.map { var p = $0; p.source = nil; return p }
        return n
    }
}
