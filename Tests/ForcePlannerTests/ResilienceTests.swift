import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import LinearModel
import StandardPlanner
import XCTest

/// docs/model.md's soft requirement `min_nations` and "Resilience: withdrawal-proof options",
/// each expected value derived by hand in the comment beside it.
final class ResilienceTests: XCTestCase {
    /// hold needs 2 units in Ukraine from 2 nations; the ceiling there (100 personnel)
    /// admits one infantry unit, so hold can never count. air (2 jets from b) is planned.
    static let belowMinNations = header + """
    policies: {max_personnel_in: {ukraine: 100}}
    nations:
      a: {pledges: [{capability: inf, units: 5, cost: 1}]}
      c: {pledges: [{capability: inf, units: 5, cost: 1}]}
      b: {pledges: [{capability: jet, units: 2, cost: 1}]}
    requirements:
      - {id: hold, needs: inf, units: 2, at: [ua-west], min_nations: 2}
      - {id: air, needs: jet, units: 2, at: [poland]}
    """

    func testRequirementBelowItsMinNationsCountsZeroWhileTheRestIsPlanned() throws {
        // Not infeasible (the rule is soft): coverage (0 + 1) / 2 = 0.5; units on hold
        // would count for nothing, so the cheapest plan leaves it empty: cost 2 (b's jets).
        // Binding: without the ceiling both nations serve hold -> 100%; without hold's
        // min_nations one unit gives 1/2 -> (0.5 + 1) / 2 = 75%.
        let r = try planFirst(Self.belowMinNations, binding: true)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(value(r, .coverage), 0.5, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 2, accuracy: 1e-9)
        let hold = try XCTUnwrap(r.plan?.coverage.first)
        XCTAssertEqual(hold.fraction, 0, accuracy: 1e-12)
        XCTAssertEqual(hold.minNations, 2)
        XCTAssertTrue(hold.belowMinNations)
        XCTAssertEqual(hold.minNationsNote, "counts 0: covered only with 2 nations; 0 serve it in this plan")
        let binding = Dictionary(r.binding.map { ($0.constraint, $0.relaxedValue) }, uniquingKeysWith: { a, _ in a })
        XCTAssertEqual(binding["max_personnel_in:ukraine"] ?? 0, 1, accuracy: 1e-9)
        XCTAssertEqual(binding["min_nations:hold"] ?? 0, 0.75, accuracy: 1e-9)
    }

    func testIntegerPlanBelowMinNationsCountsZero() throws {
        // The same rule when coverage is read from an integer plan: one unit of a on hold
        // (1 of 2, one nation of 2 required) counts 0, shortfall 2; air with b's 2 jets
        // counts 1. Coverage 0.5, cost 1 + 2 = 3.
        let s = try scenario(Self.belowMinNations)
        let f = Formulation(scenario: s, option: ResolvedOption(try XCTUnwrap(s.effectiveOptions.first), of: s))
        var units = [Double](repeating: 0, count: f.model.variableCount)
        for a in f.assignments where a.nation == "a" || a.nation == "b" {
            units[a.variable.index] = a.nation == "a" ? 1 : 2
        }
        let values = f.cleanValues(units)
        let plan = f.plan(from: values)
        XCTAssertEqual(plan.coverage.map(\.fraction), [0, 1])
        XCTAssertEqual(plan.coverage.first?.provided, 1)
        XCTAssertEqual(plan.coverage.first?.shortfall, 2)
        XCTAssertEqual(plan.weightedCoverage(in: s), 0.5, accuracy: 1e-12)
        XCTAssertEqual(plan.cost, 3, accuracy: 1e-12)
        // The clean values satisfy the model (b_r = 0, s_r = whole need) and read the same.
        XCTAssertEqual(f.expression(for: .coverage).value(values), 0.5, accuracy: 1e-12)
        XCTAssertNil(f.firstViolationForTesting(values))
    }

    func testReportsSayWhyARequirementCountsZero() throws {
        let report = try planAll(Self.belowMinNations)
        XCTAssertTrue(TextReport.render(report).contains("hold counts 0: covered only with 2 nations; 0 serve it in this plan"))
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(JSONReport.render(report).utf8)) as? [String: Any])
        let option = try XCTUnwrap((json["options"] as? [[String: Any]])?.first)
        let m = try XCTUnwrap((option["min_nations"] as? [String: Any])?["hold"] as? [String: Any])
        XCTAssertEqual(m["required"] as? Double, 2)
        XCTAssertEqual(m["serving"] as? Double, 0)
        let s = try scenario(Self.belowMinNations)
        let md = MarkdownBrief.render(try Brief(json: JSONReport.value(report), scenario: s))
        XCTAssertTrue(md.contains("hold counts 0: covered only with 2 nations; 0 serve it in this plan."), md)
    }

    /// a pledges 2 infantry at 1, b 1 at 3; r needs 2 in Poland.
    static let redundancy = header + """
    nations:
      a: {pledges: [{capability: inf, units: 2, cost: 1}]}
      b: {pledges: [{capability: inf, units: 1, cost: 3}]}
    requirements:
      - {id: r, needs: inf, units: 2, at: [poland]}
    options:
      - {id: base}
      - {id: resilient, policies: {withdrawal_coverage: 0.5}}
      - {id: too-much, policies: {withdrawal_coverage: 0.8}}
    """

    func testWithdrawalPolicyForcesRedundancy() throws {
        // base: a's 2 units, cost 2; without a nothing is left: worst withdrawal 0 (a).
        // resilient: whoever leaves, 1 of 2 units must stay: a 1 + b 1, cost 1 + 3 = 4
        // (a 2 + b 1 costs 5): the policy costs 4 - 2 = 2; worst 0.5 (a, first in file).
        let report = try planAll(Self.redundancy)
        let base = report.options[0], resilient = report.options[1]
        XCTAssertEqual(value(base, .cost), 2, accuracy: 1e-9)
        XCTAssertEqual(base.plan?.withdrawal?.worst?.nation, "a")
        XCTAssertEqual(base.plan?.withdrawal?.worst?.coverage ?? -1, 0, accuracy: 1e-12)
        XCTAssertEqual(resilient.status, .optimal)
        XCTAssertEqual(value(resilient, .coverage), 1, accuracy: 1e-9)
        XCTAssertEqual(value(resilient, .cost) - value(base, .cost), 2, accuracy: 1e-9)
        XCTAssertEqual(resilient.plan?.withdrawal?.worst?.nation, "a")
        XCTAssertEqual(resilient.plan?.withdrawal?.worst?.coverage ?? -1, 0.5, accuracy: 1e-12)
    }

    func testBriefShowsWhatResilienceCostsAgainstTheBaseline() throws {
        // From testWithdrawalPolicyForcesRedundancy: base 2, resilient 4 (+2); worst
        // withdrawals 50% against 0%. The decision matrix scores the worst withdrawal.
        let s = try scenario(Self.redundancy)
        let report = portfolioPlanner(s, PlannerSettings(alternatives: false, findBinding: false)).planAll()
        let brief = Brief(report)
        let md = MarkdownBrief.render(brief)
        XCTAssertTrue(md.contains("Surviving any one withdrawal with 50% left costs +2 against base (4 against 2); "
            + "its worst single withdrawal leaves 50%, against 0%."), md)
        let matrix = DecisionMatrix(brief)
        let row = try XCTUnwrap(matrix.criteria.first { $0.name == DecisionMatrix.withdrawalCriterion })
        XCTAssertEqual(row.values.map { $0 ?? -1 }, [0, 0.5])
        XCTAssertEqual(row.best, [1])
    }

    func testUnreachableWithdrawalPolicyNamesTheNationAndShortfall() throws {
        // 0.8 would need 2 units left without a, but b has 1: the best any plan keeps is
        // 1/2 (without a), short by 0.3.
        let r = try planAll(Self.redundancy).options[2]
        XCTAssertEqual(r.status, .infeasible)
        let c = try XCTUnwrap(r.conflicts.first)
        XCTAssertEqual(c.constraint, "withdrawal_coverage")
        XCTAssertEqual(c.shortfall, 0.3, accuracy: 1e-9)
        XCTAssertTrue(c.message.hasPrefix("withdrawal_coverage: without a: 50% < 80%"), c.message)
    }

    /// r1 (weight 2) needs 2 infantry, r2 (weight 1) 2 jets; a pledges 2 infantry and 1
    /// jet, b 1 infantry, c 2 jets.
    static let smallWithdrawal = TestScenarios.smallWithdrawal

    func testWithdrawalObjectiveOnASmallCase() throws {
        // Without a, at most b's 1 infantry (r1 1/2) and c's 2 jets (r2 1) remain:
        // (2 x 1/2 + 1) / 3 = 2/3, a bound no plan beats. a 1 + b 1 infantry and c's 2
        // jets reach it: without a, r1 1/2 and r2 1: 2/3; without b, the same; without c,
        // r1 1 and r2 0: (2 + 0) / 3 = 2/3. Full coverage needs 2 infantry and 2 jets, 4
        // units at 1 each: cost 4, which this plan has.
        let r = try planFirst(Self.smallWithdrawal)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(value(r, .withdrawal), 2.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(value(r, .coverage), 1, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 4, accuracy: 1e-9)
        XCTAssertEqual(r.plan?.withdrawal?.worst?.coverage ?? -1, 2.0 / 3, accuracy: 1e-9)
    }

    /// The lazy rows give the full family's values, on seeded generated scenarios.
    func testLazyWithdrawalRowsEqualTheFullFamily() throws {
        var fewer = 0
        for seed in [UInt64(3), 11, 29] {
            var s = RandomScenario.make(nations: 8, seed: seed)
            s.options = [Option(id: "resilient", objectives: [.coverage, .withdrawal, .cost])]
            var settings = PlannerSettings(alternatives: false, findBinding: false)
            let lazy = portfolioPlanner(s, settings).planAll().options[0]
            settings.lazyWithdrawalRows = false
            let full = portfolioPlanner(s, settings).planAll().options[0]
            XCTAssertEqual(lazy.status, .optimal, "seed \(seed)")
            XCTAssertEqual(full.status, .optimal, "seed \(seed)")
            for o in [ObjectiveSpec.coverage, .withdrawal, .cost] {
                XCTAssertEqual(value(lazy, o), value(full, o), accuracy: 1e-6 * max(1, abs(value(full, o))),
                               "seed \(seed) \(o)")
            }
            let stats = try XCTUnwrap(lazy.withdrawalRows)
            XCTAssertLessThanOrEqual(stats.nationsWithRows, stats.fullFamily)
            XCTAssertEqual(full.withdrawalRows?.nationsWithRows, full.withdrawalRows?.fullFamily)
            fewer += stats.nationsWithRows < stats.fullFamily ? 1 : 0
            // The policy at 90% of that optimum, under [coverage, cost]: the same either way.
            s.options = [Option(id: "policy", policies: Policies(withdrawalCoverage: 0.9 * value(full, .withdrawal)))]
            settings.lazyWithdrawalRows = true
            let lazyPolicy = portfolioPlanner(s, settings).planAll().options[0]
            settings.lazyWithdrawalRows = false
            let fullPolicy = portfolioPlanner(s, settings).planAll().options[0]
            XCTAssertEqual(lazyPolicy.status, fullPolicy.status, "seed \(seed)")
            for o in [ObjectiveSpec.coverage, .cost] {
                XCTAssertEqual(value(lazyPolicy, o), value(fullPolicy, o), accuracy: 1e-6 * max(1, abs(value(fullPolicy, o))),
                               "seed \(seed) policy \(o)")
            }
            let worst = lazyPolicy.plan?.withdrawal?.worst?.coverage ?? -1
            XCTAssertGreaterThanOrEqual(worst, 0.9 * value(full, .withdrawal) - 1e-9, "seed \(seed)")
        }
        // Laziness shows: some seed needed fewer nations' rows than the full family.
        XCTAssertGreaterThan(fewer, 0)
    }

    func testBadWithdrawalCoverageAndObjectiveNameTheirPlace() throws {
        let yaml = """
        format: forceplan/v1
        name: x
        policies: {withdrawal_coverage: 1.5}
        objectives: [withdrawl]
        """
        do {
            _ = try ScenarioLoader.load(yaml: yaml, file: "bad.yaml")
            XCTFail("loaded a withdrawal_coverage above 1")
        } catch let error as ScenarioLoadError {
            XCTAssertEqual(error.diagnostics.map(\.description), [
                "bad.yaml:3:33: invalid withdrawal_coverage 1.5; expected a number above 0 and at most 1 (e.g. 0.4)",
                "bad.yaml:4:14: unknown objective 'withdrawl' (allowed: coverage, cost, personnel, nations, withdrawal, "
                    + "personnel-in:TAG, dependence:ID, coverage-by:D, buildup)",
            ])
        }
    }
}
