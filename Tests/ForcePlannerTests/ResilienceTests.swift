import XCTest
import ForcePlanner
import LinearModel

/// DESIGN.md's soft requirement `min_nations` and "Resilience: withdrawal-proof options",
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
}
