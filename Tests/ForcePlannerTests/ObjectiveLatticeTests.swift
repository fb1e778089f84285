import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import GLPKSolver
import LinearModel
import XCTest

/// The lattice steps that let GLPK stop early: a wrong (too coarse) step would report a
/// wrong optimum, so each is checked against a hand computation.
final class ObjectiveLatticeTests: XCTestCase {
    func formulation(_ yaml: String) throws -> Formulation {
        let s = try scenario(yaml)
        return Formulation(scenario: s, option: ResolvedOption(s.effectiveOptions[0], of: s))
    }

    func testCostStepIsTheGcdOfPledgeCosts() throws {
        // Costs 6, 9 and 7.5: gcd(6, 9, 7.5) = gcd(12, 18, 15) / 2 = 3 / 2 = 1.5.
        let f = try formulation(header + """
        nations:
          a: {pledges: [{capability: inf, units: 2, cost: 6}, {capability: jet, units: 2, cost: 9}]}
          b: {pledges: [{capability: inf, units: 2, cost: 7.5}]}
        requirements:
          - {id: r, needs: inf, units: 2, at: [poland]}
          - {id: s, needs: jet, units: 2, at: [poland]}
        """)
        XCTAssertEqual(try XCTUnwrap(f.objectiveStep(for: .cost)), 1.5, accuracy: 1e-12)
        // Personnel 100 (inf) and 10 (jet): gcd 10. Nations and dependence: 1.
        XCTAssertEqual(try XCTUnwrap(f.objectiveStep(for: .personnel)), 10, accuracy: 1e-12)
        XCTAssertEqual(f.objectiveStep(for: .nations), 1)
    }

    func testCoverageStep() throws {
        // W = 3 + 1 = 4. r: units 4, factors {1} -> g = 1, step 3 * 1 / (4 * 4) = 3/16.
        // s: units 3, factors {1, 0.5} -> g = 0.5, step 1 * 0.5 / (4 * 3) = 1/24.
        // gcd(3/16, 1/24) = gcd(3, 1) / lcm(16, 24) = 1/48.
        let f = try formulation("""
        format: forceplan/v1
        name: lattice
        capabilities:
          inf: {domain: land, personnel: 100}
          jet: {domain: air, personnel: 10}
          old-jet: {domain: air, personnel: 10}
        locations:
          poland: {tags: [neighbor]}
        nations:
          a: {pledges: [{capability: inf, units: 5}, {capability: jet, units: 1}, {capability: old-jet, units: 3}]}
        requirements:
          - {id: r, needs: inf, units: 4, at: [poland], weight: 3}
          - {id: s, needs: {jet: 1, old-jet: 0.5}, units: 3, at: [poland]}
        """)
        XCTAssertEqual(try XCTUnwrap(f.objectiveStep(for: .coverage)), 1.0 / 48.0, accuracy: 1e-12)
        // The shortfall of s counts half units: 3 units = 6 steps.
        XCTAssertEqual(f.shortfallScale["s"], 0.5)
        XCTAssertEqual(f.shortfallScale["r"], 1)
    }

    func testPortfolioProvesAndKeepsTheTimeLimit() throws {
        // Cover 17 with small (3 each, cost 4) and big (5 each, cost 6): min 4a + 6b with
        // 3a + 5b >= 17. b = 0: a = 6, 24; b = 1: a = 4, 22; b = 2: a = 3, 24; b = 3:
        // a = 1, 22; b = 4: 24. Optimum 22.
        let s = try scenario("""
        format: forceplan/v1
        name: cover
        capabilities:
          small: {domain: land, personnel: 1}
          big: {domain: land, personnel: 1}
        locations:
          poland: {tags: [neighbor]}
        nations:
          a: {pledges: [{capability: small, units: 10, cost: 4}, {capability: big, units: 10, cost: 6}]}
        requirements:
          - {id: r, needs: {small: 3, big: 5}, units: 17, at: [poland]}
        """)
        let settings = PlannerSettings(timeLimit: 30, alternatives: false, findBinding: false)
        let r = portfolioPlanner(s, settings).planAll()
        let option = try XCTUnwrap(r.options.first)
        // `optimal` is proven, so the search ended before the time limit.
        XCTAssertEqual(option.status, .optimal)
        XCTAssertEqual(value(option, .cost), 22, accuracy: 1e-9)
    }
}
