import ForceBench
@testable import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import GLPKSolver
import LinearModel
import XCTest

/// The common fund (docs/model.md): money relaxes national budgets, never the total, and
/// never counts as contributing. Expected values are derived by hand beside each test.
final class FundTests: XCTestCase {
    /// The issue's case. Alpha: budget 10, 4 fighters at 5. Bravo: 1 fighter at 9, no
    /// budget. Japan: funds 10, nothing else. Need: 4 fighters.
    static func handCase(policies: String = "") -> String {
        """
        format: forceplan/v1
        name: fund
        capabilities:
          fighter: {domain: air, personnel: 20}
        locations:
          poland: {tags: [neighbor]}
        nations:
          alpha:
            budget: 10
            pledges: [{capability: fighter, units: 4, cost: 5}]
          bravo:
            pledges: [{capability: fighter, units: 1, cost: 9}]
          japan:
            funds: 10
        requirements:
          - {id: air, needs: fighter, units: 4, at: [poland]}
        \(policies)
        """
    }

    func units(_ r: OptionResult, _ nation: String) -> Int {
        r.plan?.assignments.filter { $0.nation == nation }.reduce(0) { $0 + $1.units } ?? -1
    }

    /// `whatif --drop japan`: the money goes with Japan. Baseline alpha 4 (coverage 1, cost
    /// 20); without the fund alpha 2 + bravo 1 (coverage 3/4, cost 19): deltas -0.25 and -1,
    /// bravo joins, and Japan, which deploys nothing either way, neither joins nor leaves.
    func testWhatIfDroppingJapanLosesItsMoney() throws {
        let base = try scenario(Self.handCase())
        let variant = ScenarioVariant(base: base, overrides: try PlanningOverrides.parse(assume: [], drop: ["japan"], for: base))
        let result = try WhatIf.run(base: base, variants: [variant]) { s, o in
            portfolioPlanner(s, PlannerSettings(timeLimit: 60, overrides: o, alternatives: false, findBinding: false))
        }
        let delta = try XCTUnwrap(result.variants.first?.deltas.first)
        XCTAssertEqual(delta.objectives.first { $0.name == "coverage" }?.delta ?? .nan, -0.25, accuracy: 1e-9)
        XCTAssertEqual(delta.objectives.first { $0.name == "cost" }?.delta ?? .nan, -1, accuracy: 1e-9)
        XCTAssertEqual(delta.nationsJoined + delta.nationsLeft, ["bravo"], "bravo joins; japan deployed nothing")
        XCTAssertEqual(result.variants.first?.report.options.first?.plan?.fund?.available, 0)
    }

    /// Criticality ranks Japan, which deploys nothing, by what its money buys: without it
    /// coverage falls from 1 to 3/4 (alpha 2 + bravo 1), so Japan loses 0.25 and alpha, whose
    /// loss leaves bravo's 1 fighter (1/4), loses 0.75; bravo is unused and loses nothing.
    func testCriticalityRanksAFunderByWhatItsMoneyBuys() throws {
        let s = try scenario(Self.handCase())
        let planner = portfolioPlanner(s, PlannerSettings(timeLimit: 60, alternatives: false, findBinding: false))
        let report = Criticality.analyse(planner, option: try XCTUnwrap(s.effectiveOptions.first))
        XCTAssertEqual(report.nations.map(\.nation), ["alpha", "japan"])
        XCTAssertEqual(report.nations.map { $0.coverageLost ?? .nan }, [0.75, 0.25])
    }

    func testFundPaysForAlphasFourFighters() throws {
        // Alpha's 4 fighters cost 20, 10 over its budget; Japan's 10 pays exactly that.
        // Coverage 4/4 = 1 at cost 20 (alpha 4 is cheaper than alpha 3 + bravo 1 = 24).
        let r = try planFirst(Self.handCase())
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(value(r, .coverage), 1, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 20, accuracy: 1e-9)
        XCTAssertEqual(units(r, "alpha"), 4)
        XCTAssertEqual(units(r, "bravo"), 0)
        let fund = try XCTUnwrap(r.plan?.fund)
        XCTAssertEqual(fund.available, 10)
        XCTAssertEqual(fund.used, 10, accuracy: 1e-9)
        XCTAssertEqual(fund.paid.map(\.nation), ["alpha"])
        XCTAssertEqual(fund.paid.first?.amount ?? 0, 10, accuracy: 1e-9)
    }

    func testDroppingJapanTakesItsMoney() throws {
        // Without the fund alpha can pay for 2 fighters (10); bravo adds 1: 3/4 = 0.75 at
        // cost 10 + 9 = 19.
        let report = try planAll(Self.handCase(), overrides: PlanningOverrides(dropNations: ["japan"]))
        let r = try XCTUnwrap(report.options.first)
        XCTAssertEqual(value(r, .coverage), 0.75, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 19, accuracy: 1e-9)
        XCTAssertEqual(units(r, "alpha"), 2)
        XCTAssertEqual(units(r, "bravo"), 1)
        XCTAssertEqual(r.plan?.fund?.available, 0)
        XCTAssertEqual(r.plan?.fund?.paid.isEmpty, true)
    }

    func testExcludingJapanInAnOptionTakesItsMoneyToo() throws {
        // The same as dropping it: 0.75 at 19, and no fund.
        let r = try planFirst(Self.handCase(policies: "options: [{id: alone, exclude_nations: [japan]}]"))
        XCTAssertEqual(value(r, .coverage), 0.75, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 19, accuracy: 1e-9)
        XCTAssertEqual(r.plan?.fund?.available, 0)
    }

    func testTotalBudgetCapsTotalCostHoweverPaid() throws {
        // Total cost <= 15: alpha 3 (15, the fund pays 5) gives 3/4; alpha 1 + bravo 1
        // (14) only 2/4. So 0.75 at cost 15.
        let r = try planFirst(Self.handCase(policies: "policies: {total_budget: 15}"))
        XCTAssertEqual(value(r, .coverage), 0.75, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 15, accuracy: 1e-9)
        XCTAssertEqual(r.plan?.fund?.paid.first?.amount ?? 0, 5, accuracy: 1e-9)
    }

    func testPaymentIsTheOverspendNotWhatTheFundCouldGive() throws {
        // Japan gives 100; alpha's plan costs 20, 10 over budget: the fund reports 10 used,
        // however much more the model would allow it to pay.
        let yaml = Self.handCase().replacingOccurrences(of: "funds: 10", with: "funds: 100")
        let r = try planFirst(yaml)
        XCTAssertEqual(r.plan?.fund?.available, 100)
        XCTAssertEqual(r.plan?.fund?.used ?? 0, 10, accuracy: 1e-9)
        XCTAssertEqual(r.plan?.fund?.paid.first?.amount ?? 0, 10, accuracy: 1e-9)
    }

    func testMoneyAloneDoesNotCountAsContributing() throws {
        // Three nations must contribute; Japan gives money only, so only alpha and bravo
        // can: infeasible, and min_nations is what gives (2 candidates of 3).
        let r = try planFirst(Self.handCase(policies: "policies: {min_nations: 3}"))
        XCTAssertEqual(r.status, .infeasible)
        XCTAssertEqual(r.conflicts.map(\.constraint), ["min_nations"])
        XCTAssertTrue(r.conflicts.first?.message.contains("only 2 nations can contribute at all") == true,
                      "\(r.conflicts)")
        // Maximising nations: alpha and bravo (2), not Japan.
        let counted = try planFirst(Self.handCase(policies: "objectives: [nations, coverage]"))
        XCTAssertEqual(value(counted, .nations), 2, accuracy: 1e-9)
        XCTAssertEqual(counted.plan?.contributingNations, ["alpha", "bravo"])
    }

    func testScenarioWithoutFundsReportsNoFund() throws {
        let yaml = Self.handCase().replacingOccurrences(of: "    funds: 10\n", with: "")
        let r = try planFirst(yaml)
        XCTAssertNil(r.plan?.fund)
        XCTAssertEqual(value(r, .coverage), 0.75, accuracy: 1e-9)
        let report = try planAll(yaml)
        XCTAssertFalse(JSONReport.render(report).contains("\"fund\":"))
    }

    /// Two budget-capped nations, so the fund is a row of its own. Alpha: budget 10, 4
    /// fighters at 5. Charlie: budget 6, 2 fighters at 6. Japan: 10. Need 6.
    static let twoPayers = """
    format: forceplan/v1
    name: two-payers
    capabilities:
      fighter: {domain: air, personnel: 20}
    locations:
      poland: {tags: [neighbor]}
    nations:
      alpha:
        budget: 10
        pledges: [{capability: fighter, units: 4, cost: 5}]
      charlie:
        budget: 6
        pledges: [{capability: fighter, units: 2, cost: 6}]
      japan:
        funds: 10
    requirements:
      - {id: air, needs: fighter, units: 6, at: [poland]}
    """

    func testFundIsOneRowAndOneVariablePerBudgetNation() throws {
        let s = try scenario(Self.twoPayers)
        let option = ResolvedOption(try XCTUnwrap(s.effectiveOptions.first), of: s)
        let f = Formulation(scenario: s, option: option)
        XCTAssertEqual(f.fundAvailable, 10)
        XCTAssertEqual(Set(f.fundPayments.keys), ["alpha", "charlie"])
        XCTAssertEqual(f.model.constraints.filter { $0.name == "fund" }.count, 1)
        XCTAssertEqual(f.hardConstraints.filter { $0.kind == .fund }.map(\.limit), [10])
    }

    func testFundSharedBetweenTwoBudgetNations() throws {
        // Overspends: alpha 4 -> 10, charlie 2 -> 6; together 16 > 10. Alpha 4 + charlie 1
        // needs 10 + 0: 5 fighters; alpha 3 + charlie 2 needs 5 + 6 = 11: too much. So 5/6
        // at cost 20 + 6 = 26, the fund paying alpha 10.
        let r = try planFirst(Self.twoPayers)
        XCTAssertEqual(value(r, .coverage), 5.0 / 6, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 26, accuracy: 1e-9)
        XCTAssertEqual(r.plan?.fund?.paid.map(\.nation), ["alpha"])
        XCTAssertEqual(r.plan?.fund?.used ?? 0, 10, accuracy: 1e-9)
    }

    func testWithoutTheMoneyTheFundBinds() throws {
        // Dropping Japan leaves 0.75 (see above); either alpha's budget lifted or an
        // unlimited fund restores alpha's 4 fighters: coverage 1.
        let report = try planAll(Self.handCase(), binding: true, overrides: PlanningOverrides(dropNations: ["japan"]))
        let binding = try XCTUnwrap(report.options.first?.binding)
        XCTAssertEqual(binding.map(\.constraint), ["budget:alpha", "fund"])
        for b in binding { XCTAssertEqual(b.relaxedValue, 1, accuracy: 1e-9) }
        XCTAssertEqual(binding.last?.message, "a common fund without limit would bring coverage to 100%")
    }

    func testInfeasibilityNamesTheFundWhenItRunsShort() throws {
        // Both nations must serve (min_nations 2); each fighter costs 5 against a budget of
        // 0, so the fund must pay 10 and holds 5. Fewest constraints giving: one. Least
        // give relative to its limit: min_nations by 1 of 2 (0.5), before the fund by 5 of
        // 5 (1) or a budget by 5 of 0 (5). For min_nations to hold instead, the fund gives 5.
        let r = try planFirst("""
        format: forceplan/v1
        name: short
        capabilities:
          fighter: {domain: air, personnel: 20}
        locations:
          poland: {tags: [neighbor]}
        nations:
          alpha: {budget: 0, pledges: [{capability: fighter, units: 1, cost: 5}]}
          bravo: {budget: 0, pledges: [{capability: fighter, units: 1, cost: 5}]}
          japan: {funds: 5}
        requirements:
          - {id: air, needs: fighter, units: 2, at: [poland], min_nations: 2}
        """)
        XCTAssertEqual(r.status, .infeasible)
        XCTAssertEqual(r.conflicts.map(\.constraint), ["min_nations:air"])
        let message = r.conflicts.first?.message ?? ""
        XCTAssertTrue(message.contains("for it to hold instead: common fund: 5 more needed than the 5 its members give"),
                      message)
    }

    func testTextAndMarkdownSayWhomTheFundPaid() throws {
        let report = try planAll(Self.handCase())
        XCTAssertTrue(TextReport.render(report).contains("common fund: 10 of 10 used, paying for alpha 10"))
        let md = MarkdownReport.render(report)
        XCTAssertTrue(md.contains("Common fund: 10 of 10 used, paying for alpha 10."), md)
    }

    func testJSONCarriesTheFundAndFollowsTheSchema() throws {
        let report = try planAll(Self.handCase())
        let output = try JSONSerialization.jsonObject(with: Data(JSONReport.render(report).utf8))
        let option = try XCTUnwrap(((output as? [String: Any])?["options"] as? [[String: Any]])?.first)
        let fund = try XCTUnwrap(option["fund"] as? [String: Any])
        XCTAssertEqual(fund["available"] as? Double, 10)
        XCTAssertEqual(fund["used"] as? Double, 10)
        XCTAssertEqual(fund["paid"] as? [String: Double], ["alpha": 10])
        let schemaData = try Data(contentsOf: JSONReportTests.root.appendingPathComponent("docs/plan.schema.json"))
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        XCTAssertEqual(JSONSchemaCheck(root: schema).errors(output, schema), [])
    }

    // MARK: Loading

    /// The error text for `japan`'s entry written as `entry` (its second line is line 14).
    func loadError(japan entry: String) -> String {
        let yaml = Self.handCase().replacingOccurrences(of: "  japan:\n    funds: 10\n", with: entry)
        do {
            _ = try ScenarioLoader.load(yaml: yaml, file: "s.yaml")
            return "loaded"
        } catch let error as ScenarioLoadError {
            return error.description
        } catch {
            return "\(error)"
        }
    }

    func testNegativeFundsArePreciseErrors() {
        XCTAssertEqual(loadError(japan: "  japan:\n    funds: -5\n"),
                       "s.yaml:14:12: invalid nation 'japan' funds -5; expected a number >= 0")
    }

    func testFundsThatAreNotANumberArePreciseErrors() {
        XCTAssertEqual(loadError(japan: "  japan:\n    funds: lots\n"),
                       "s.yaml:14:12: nation 'japan' funds must be a number >= 0, found 'lots'")
    }

    func testFundsOnAPledgeSayWhereTheyBelong() {
        XCTAssertEqual(loadError(japan: "  japan:\n    pledges: [{capability: fighter, units: 1, funds: 10}]\n"),
                       "s.yaml:14:47: 'funds' is not a key of pledge: it belongs to a nation, beside 'budget' "
                       + "(e.g. nations: {japan: {funds: 200}})")
    }

    func testNationsWithFundsAndNoPledgesOrWithNeitherLoad() throws {
        let s = try scenario(Self.handCase())
        XCTAssertEqual(s.nation("japan")?.funds, 10)
        XCTAssertEqual(s.nation("japan")?.pledges, [])
        XCTAssertNil(s.nation("alpha")?.funds)
        XCTAssertTrue(s.hasFunds)
    }

    func testFundsSurviveTheScenarioWriter() throws {
        let s = try scenario(Self.handCase())
        let again = try ScenarioLoader.load(yaml: ScenarioWriter.yaml(s), file: "written.yaml").scenario
        XCTAssertEqual(again.nations.map(\.funds), [nil, nil, 10])
        XCTAssertEqual(again.nations.map(\.budget), [10, nil, nil])
    }

    // MARK: Export

    /// glpsol's objective for an exported model ("Objective:  obj = 26 (MINimum)").
    func glpsolObjective(_ file: String, mps: Bool, maximize: Bool) throws -> Double {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("glpsol-\(UUID().uuidString).txt").path
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("glpsol-\(UUID().uuidString).log").path
        defer {
            try? FileManager.default.removeItem(atPath: report)
            try? FileManager.default.removeItem(atPath: log)
        }
        // glpsol's progress chatter goes to a file of its own, the report to another.
        XCTAssertTrue(FileManager.default.createFile(atPath: log, contents: nil))
        let chatter = try FileHandle(forWritingTo: URL(fileURLWithPath: log))
        defer { try? chatter.close() }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        p.arguments = (mps ? ["--freemps", file] : ["--lp", file]) + (maximize ? ["--max"] : []) + ["-o", report]
        p.standardOutput = chatter
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "glpsol failed on \(file)")
        let text = try String(contentsOfFile: report, encoding: .utf8)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        let value = try XCTUnwrap(line.split(separator: "=").dropFirst().first?.split(separator: " ").first)
        return try XCTUnwrap(Double(value))
    }

    func testExportedStagesSolveToTheSameValuesInGlpsol() throws {
        // Stage 1 maximises coverage (5/6, see testFundSharedBetweenTwoBudgetNations); stage
        // 2 keeps it and minimises cost (26). Both exports, both stages, agree in glpsol.
        let s = try scenario(Self.twoPayers)
        let planner = portfolioPlanner(s)
        let option = try XCTUnwrap(s.effectiveOptions.first)
        for (stage, expected) in [(1, 5.0 / 6), (2, 26.0)] {
            let model = try planner.stageModel(option, stage: stage)
            let lp = try GLPKSolver.exportText(model, format: .lp)
            XCTAssertTrue(lp.contains("fund:"), "the fund row is exported")
            for mps in [false, true] {
                let path = FileManager.default.temporaryDirectory
                    .appendingPathComponent("fund-\(UUID().uuidString).\(mps ? "mps" : "lp")").path
                defer { try? FileManager.default.removeItem(atPath: path) }
                try GLPKSolver().export(model, format: mps ? .mps : .lp, to: path)
                let v = try glpsolObjective(path, mps: mps, maximize: model.objective.sense == .maximize)
                XCTAssertEqual(v, expected, accuracy: 1e-6, "stage \(stage), \(mps ? "MPS" : "LP")")
            }
        }
    }
}
