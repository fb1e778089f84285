import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import LinearModel
import XCTest

/// Each objective of docs/model.md, with values derived by hand.
final class ObjectiveTests: XCTestCase {
    /// Two ways to serve 2 units of land at either place: a's heavy infantry (300 each)
    /// or b's light (100 each, dearer).
    let twoWays = header + """
    nations:
      a: {groups: [nato], pledges: [{capability: inf, units: 2, cost: 1}]}
      b: {groups: [eu], pledges: [{capability: inf, units: 2, cost: 5}]}
      c: {groups: [eu], pledges: [{capability: jet, units: 4, cost: 1}]}
    requirements:
      - {id: r, needs: inf, units: 2, at: [ua-west, poland]}
      - {id: air, needs: jet, units: 2, at: [ua-west, poland]}

    """

    func testPersonnelObjective() throws {
        // coverage 1 first; then fewest personnel: 2 inf (200) + 2 jets (20) = 220, no
        // matter who. Then cost: a's inf (2) + c's jets (2) = 4.
        let r = try planFirst(twoWays + "objectives: [coverage, personnel, cost]\n")
        XCTAssertEqual(value(r, .personnel), 220, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 4, accuracy: 1e-9)
    }

    func testPersonnelInTagObjective() throws {
        // Everything can sit in Poland: footprint in ukraine 0 with coverage 1.
        let r = try planFirst(twoWays + "objectives: [coverage, personnel-in:ukraine]\n")
        XCTAssertEqual(value(r, .personnelIn(tag: "ukraine")), 0, accuracy: 1e-9)
        XCTAssertEqual(value(r, .coverage), 1, accuracy: 1e-9)
        XCTAssertTrue(r.plan?.assignments.allSatisfy { $0.location == "poland" } ?? false)
    }

    func testNationsObjectiveMaximisesContributors() throws {
        // coverage 1, then most nations: a and b share r (1 each), c flies: 3 nations.
        // Then cost: 1 + 5 + 2 = 8.
        let r = try planFirst(twoWays + "objectives: [coverage, nations, cost]\n")
        XCTAssertEqual(value(r, .nations), 3, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 8, accuracy: 1e-9)
    }

    func testDependenceOnNation() throws {
        // Least reliance on a: b serves r (2 units of a -> 0). Cost then 10 + 2 = 12.
        let r = try planFirst(twoWays + "objectives: [coverage, dependence:a, cost]\n")
        XCTAssertEqual(value(r, .dependence(id: "a")), 0, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 12, accuracy: 1e-9)
    }

    func testDependenceOnGroup() throws {
        // Group eu = b and c; the air need can only be met by c (2 units), r by a: 2.
        let r = try planFirst(twoWays + "objectives: [coverage, dependence:eu]\n")
        XCTAssertEqual(value(r, .dependence(id: "eu")), 2, accuracy: 1e-9)
    }

    func testCostFirstDeploysNothing() throws {
        // Minimising cost first: deploying nothing costs 0, coverage then 0.
        let r = try planFirst(twoWays + "objectives: [cost, coverage]\n")
        XCTAssertEqual(value(r, .cost), 0, accuracy: 1e-9)
        XCTAssertEqual(value(r, .coverage), 0, accuracy: 1e-9)
    }

    func testEveryObjectiveOfTheListIsReported() throws {
        let r = try planFirst(twoWays + "objectives: [coverage, cost, personnel, nations]\n")
        XCTAssertEqual(r.plan?.objectives.map(\.objective.description), ["coverage", "cost", "personnel", "nations"])
    }
}

/// Infeasible options are answers: the constraints that must give, named.
final class InfeasibilityTests: XCTestCase {
    func testRequirementMinNationsWithTooFewCandidates() throws {
        // Only a and b can serve r, min_nations 3: min_nations:r gives by 1.
        let report = try planAll(header + """
        nations:
          a: {pledges: [{capability: inf, units: 5}]}
          b: {pledges: [{capability: inf, units: 5}]}
        requirements:
          - {id: r, needs: inf, units: 2, at: [poland], min_nations: 3}
        options:
          - {id: strict}
        """)
        let r = try XCTUnwrap(report.options.first)
        XCTAssertEqual(r.status, .infeasible)
        XCTAssertEqual(r.conflicts.map(\.constraint), ["min_nations:r"])
        XCTAssertEqual(r.conflicts.first?.shortfall ?? 0, 1, accuracy: 1e-9)
        XCTAssertTrue(r.conflicts.first?.message.contains("only 2 nations can serve it") ?? false,
                      r.conflicts.first?.message ?? "")
    }

    func testCeilingAgainstMinNations() throws {
        // r is in Ukraine only and needs 2 nations; the ceiling 100 admits one unit of 100
        // personnel. Fewest constraints to give: one (either the ceiling by 100 or the
        // min_nations by 1); the smaller relative give is min_nations (1/2 < 100/100).
        let report = try planAll(header + """
        policies: {max_personnel_in: {ukraine: 100}}
        nations:
          a: {pledges: [{capability: inf, units: 5}]}
          b: {pledges: [{capability: inf, units: 5}]}
        requirements:
          - {id: r, needs: inf, units: 2, at: [ua-west], min_nations: 2}
        options:
          - {id: x}
          - {id: loose, policies: {max_personnel_in: {ukraine: 1000}}}
        """)
        XCTAssertEqual(report.options[0].status, .infeasible)
        XCTAssertEqual(report.options[0].conflicts.count, 1)
        XCTAssertEqual(report.options[1].status, .optimal, "the other options still solve")
        XCTAssertEqual(value(report.options[1], .coverage), 1, accuracy: 1e-9)
    }
}

extension InfeasibilityTests {
    func testMinimumNationsNamesWhatWouldHaveToGiveInstead() throws {
        // r needs 2 nations in Ukraine, the ceiling there is 0: min_nations:r gives by 2
        // (1 constraint, relative give 2/2 = 1, against the ceiling's 200/1). For it to
        // hold instead, the ceiling would need 2 units x 100 = 200 more personnel.
        let report = try planAll(header + """
        policies: {max_personnel_in: {ukraine: 0}}
        nations:
          a: {pledges: [{capability: inf, units: 5}]}
          b: {pledges: [{capability: inf, units: 5}]}
        requirements:
          - {id: r, needs: inf, units: 2, at: [ua-west], min_nations: 2}
        """)
        let c = try XCTUnwrap(report.options.first?.conflicts.first)
        XCTAssertEqual(c.constraint, "min_nations:r")
        XCTAssertEqual(c.shortfall, 2, accuracy: 1e-9)
        XCTAssertTrue(c.message.contains("max_personnel_in ukraine: 200 more personnel"), c.message)
    }
}

/// Near-optimal alternatives differ in who does what.
final class AlternativesTests: XCTestCase {
    func testAlternativesDifferInNations() throws {
        // Best: a serves r (cost 2). Within 100% of coverage... coverage is 1 for a, b or
        // c alone; each alternative swaps the serving nation: distance 1 from the best
        // (a|r given up), and the second gives up a pair of each plan before it.
        let report = try planAll(header + """
        nations:
          a: {pledges: [{capability: inf, units: 2, cost: 1}]}
          b: {pledges: [{capability: inf, units: 2, cost: 2}]}
          c: {pledges: [{capability: inf, units: 2, cost: 3}]}
        requirements:
          - {id: r, needs: inf, units: 2, at: [poland]}
        alternatives: {count: 2, within: 0}
        """, alternatives: true)
        let r = try XCTUnwrap(report.options.first)
        XCTAssertEqual(value(r, .cost), 2, accuracy: 1e-9)
        XCTAssertEqual(r.alternatives.count, 2)
        for alt in r.alternatives {
            XCTAssertGreaterThanOrEqual(alt.distance ?? 0, 1)
            XCTAssertEqual(alt.value(of: .coverage) ?? 0, 1, accuracy: 1e-9)
        }
        let firstSets = r.alternatives.map { Set($0.assignments.map(\.nation)) }
        XCTAssertNotEqual(firstSets[0], ["a"])
    }
}
