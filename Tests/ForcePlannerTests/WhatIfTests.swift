import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import GLPKSolver
import XCTest

/// `WhatIf`: variants planned against a baseline, deltas, and what-if overrides.
final class WhatIfTests: XCTestCase {
    static func load(_ name: String) throws -> Scenario {
        try ScenarioLoader.load(file: LoaderScenarioTests.packageRoot.appendingPathComponent("scenarios/\(name)").path).scenario
    }

    /// A planner as `forceplan whatif --no-alternatives --no-binding` builds it.
    static let fast: @Sendable (Scenario, PlanningOverrides) -> Planner = { scenario, overrides in
        portfolioPlanner(scenario, PlannerSettings(timeLimit: 120, overrides: overrides, alternatives: false, findBinding: false))
    }

    func objectiveValues(_ report: PlanReport) -> [String: [String: Double]] {
        var out: [String: [String: Double]] = [:]
        for r in report.options {
            out[r.option.id] = Dictionary(uniqueKeysWithValues: (r.plan?.objectives ?? []).map { ($0.objective.description, $0.value) })
        }
        return out
    }

    // MARK: Must hold

    func testRemovingANationInAVariantGivesTheObjectivesOfTheBaseWithThatNationDropped() throws {
        let base = try Self.load("tutorial.yaml")
        let variant = try Self.load("tutorial-uk-withdraws.yaml")
        let dropped = try PlanningOverrides.parse(assume: [], drop: ["uk"], for: base)
        let whatIf = try WhatIf.run(base: base, variants: [ScenarioVariant(variant, of: base),
                                                           ScenarioVariant(base: base, overrides: dropped)], planner: Self.fast)
        let (removed, flagged) = (whatIf.variants[0].report, whatIf.variants[1].report)
        XCTAssertEqual(removed.options.map(\.status), flagged.options.map(\.status))
        XCTAssertEqual(objectiveValues(removed), objectiveValues(flagged))
        XCTAssertEqual(removed.options.map(\.status), [.optimal, .optimal, .infeasible],
                       "no-backstop needs 3 nations; without the UK and the US only France and Poland are left")
    }

    func testTheUKWithdrawsVariantGivesTheObjectivesOfTheBaseCaseWithDropUK() throws {
        let base = try Self.load("coalition-2025.yaml")
        let variant = try Self.load("coalition-2025-uk-withdraws.yaml")
        let dropped = try PlanningOverrides.parse(assume: [], drop: ["uk"], for: base)
        let removed = Self.fast(variant, PlanningOverrides()).planAll()
        let flagged = Self.fast(base, dropped).planAll()
        // Every option solves but resilient: without the UK, no plan keeps 90% whatever one
        // more nation withdraws (France's withdrawal leaves at most 86.3%); the same either way.
        XCTAssertEqual(removed.options.map(\.status), [.optimal, .optimal, .optimal, .optimal, .infeasible])
        XCTAssertEqual(flagged.options.map(\.status), removed.options.map(\.status))
        XCTAssertEqual(objectiveValues(removed), objectiveValues(flagged))
        XCTAssertEqual(removed.options.last?.conflicts.map(\.message), flagged.options.last?.conflicts.map(\.message))
    }

    // MARK: Deltas

    func testDeltasAreVariantMinusBaselineWithNationsThatLeft() throws {
        let base = try Self.load("tutorial.yaml")
        let whatIf = try WhatIf.run(base: base, variants: [ScenarioVariant(try Self.load("tutorial-uk-withdraws.yaml"), of: base)],
                                    options: ["in-ukraine"], planner: Self.fast)
        let delta = try XCTUnwrap(whatIf.variants[0].deltas.first)
        XCTAssertEqual(delta.option, "in-ukraine")
        // Without the UK only France's 3 companies (rotation 3, ready in 45 <= 60 days) serve
        // the reassurance need of 3: one deploys, coverage 1/3 where the baseline had 1.
        // Weighted (3, 2, 1): (3 * 1/3 + 2 + 1) / 6 = 2/3, down from 1.
        XCTAssertEqual(delta.coverage.map(\.name), ["air-policing", "reassurance", "surveillance"])
        XCTAssertEqual(delta.coverage.map(\.delta), [0, -0.666666667, 0])
        let objectives = Dictionary(uniqueKeysWithValues: delta.objectives.map { ($0.name, $0.delta) })
        XCTAssertEqual(objectives["coverage"], -0.333333333)
        let before = try XCTUnwrap(whatIf.baseline.options.first?.plan?.cost)
        let after = try XCTUnwrap(whatIf.variants[0].report.options.first?.plan?.cost)
        XCTAssertEqual(objectives["cost"], after - before)
        XCTAssertEqual(delta.nationsLeft, ["uk"])
        XCTAssertEqual(delta.nationsJoined, [])
    }

    func testTheBaseIsPlannedOnceHoweverManyVariants() throws {
        let base = try Self.load("tutorial.yaml")
        let variant = try Self.load("tutorial-uk-withdraws.yaml")
        let calls = Counter()
        let whatIf = try WhatIf.run(base: base, variants: Array(repeating: ScenarioVariant(variant, of: base), count: 3),
                                    options: ["in-ukraine"]) { scenario, overrides in
            calls.add(scenario.name)
            return Self.fast(scenario, overrides)
        }
        XCTAssertEqual(calls.names, ["tutorial", "tutorial-uk-withdraws", "tutorial-uk-withdraws", "tutorial-uk-withdraws"])
        XCTAssertEqual(whatIf.baseline.options.count, 1)
    }

    func testTheResultIsTheSameForAnyNumberOfThreads() throws {
        let base = try Self.load("tutorial.yaml")
        let variants = [ScenarioVariant(try Self.load("tutorial-uk-withdraws.yaml"), of: base),
                        ScenarioVariant(base: base, overrides: try PlanningOverrides.parse(assume: ["us-backstop=false"], drop: [], for: base))]
        let one = WhatIfReport.json(try WhatIf.run(base: base, variants: variants, jobs: 1, planner: Self.fast))
        let three = WhatIfReport.json(try WhatIf.run(base: base, variants: variants, jobs: 3, planner: Self.fast))
        XCTAssertEqual(one, three)
    }

    func testAnOptionMissingFromAVariantIsAnInputError() throws {
        let base = try Self.load("coalition-2025.yaml")
        let variant = ScenarioVariant(try Self.load("coalition-2025-no-backstop.yaml"), of: base)
        XCTAssertThrowsError(try WhatIf.run(base: base, variants: [variant], options: ["no-backstop"], planner: Self.fast)) { error in
            XCTAssertTrue("\(error)".contains("variant 'coalition-2025-no-backstop' has no option 'no-backstop'"), "\(error)")
        }
    }

    // MARK: Overrides

    static let small = header + """
    assumptions: {us-backstop: true}
    nations:
      a: {pledges: [{capability: inf, units: 6, cost: 10}]}
      b: {pledges: [{capability: inf, units: 2, cost: 1, when: us-backstop}]}
    requirements:
      - {id: r, needs: inf, units: 4, at: [poland]}
    options:
      - {id: with-b, assumptions: {us-backstop: true}}

    """

    func testAFlagOverridesAnOptionThatSetsTheSameAssumption() throws {
        let s = try scenario(Self.small)
        let overrides = try PlanningOverrides.parse(assume: ["us-backstop=false"], drop: [], for: s)
        let r = try XCTUnwrap(Self.fast(s, overrides).planAll().options.first)
        // b's cheap pledge holds only when us-backstop; the flag wins over the option's true,
        // so a alone covers the 4 units at 10 each.
        XCTAssertEqual(value(r, .cost), 40)
        XCTAssertEqual(r.plan?.contributingNations, ["a"])
        let unforced = try XCTUnwrap(Self.fast(s, PlanningOverrides()).planAll().options.first)
        XCTAssertEqual(value(unforced, .cost), 2 * 1 + 2 * 10, "with b: its 2 units at 1, then 2 of a's at 10")
    }

    func testScalingRequirementsMultipliesEveryRequirementsUnits() throws {
        let s = try scenario(Self.small)
        var overrides = PlanningOverrides()
        overrides.requirementScale = 1.25
        let r = try XCTUnwrap(Self.fast(s, overrides).planAll().options.first)
        // 4 x 1.25 = 5 units: b's 2 at 1 and 3 of a's at 10; a and b have 8, so full coverage.
        XCTAssertEqual(value(r, .coverage), 1)
        XCTAssertEqual(value(r, .cost), 32)
        XCTAssertEqual(r.plan?.coverage.first?.needed, 5)
        overrides.requirementScale = 2.5
        let short = try XCTUnwrap(Self.fast(s, overrides).planAll().options.first)
        // 10 units needed, 8 pledged: coverage 8/10.
        XCTAssertEqual(value(short, .coverage), 0.8, accuracy: 1e-9)
    }

    func testABadScaleIsAnInputError() {
        for text in ["0", "-1", "abc", "nan", "inf", "1e9"] {
            XCTAssertThrowsError(try PlanningOverrides.requirementScale(text), text)
        }
        XCTAssertEqual(try PlanningOverrides.requirementScale("1.25"), 1.25)
    }

    // MARK: Changes

    func testAVariantWithSeveralChangesListsEachOnItsOwnLine() throws {
        let base = try Self.load("tutorial.yaml")
        var overrides = try PlanningOverrides.parse(assume: [], drop: ["uk"], for: base)
        overrides.requirementScale = 1.25
        let whatIf = try WhatIf.run(base: base, variants: [ScenarioVariant(base: base, overrides: overrides)], planner: Self.fast)
        let name = try XCTUnwrap(whatIf.variants.first).variant.name
        XCTAssertTrue(WhatIfReport.text(whatIf).contains(
            "  \(name):\n    --drop uk (every option)\n    --scale-requirements 1.25 (every requirement's units)\n"))
        XCTAssertTrue(WhatIfReport.markdown(whatIf).contains(
            "- \(MarkdownReport.escape(name)):\n  - --drop uk (every option)\n  - --scale-requirements 1.25 (every requirement's units)\n"))
    }

    func testChangesSayWhatEachShippedVariantChanges() throws {
        let base = try Self.load("coalition-2025.yaml")
        XCTAssertEqual(try Self.load("coalition-2025-low-ceiling.yaml").changes(from: base),
                       ["policy max_personnel_in ukraine: 30,000 -> 5,000"])
        XCTAssertEqual(try Self.load("coalition-2025-no-backstop.yaml").changes(from: base),
                       ["assumption us-backstop: true -> false", "added option europe-spread", "removed option no-backstop"])
        XCTAssertEqual(try Self.load("coalition-2025-uk-withdraws.yaml").changes(from: base),
                       ["removed nation uk", "option reassurance: name 'Reassurance force in Ukraine' -> 'Reassurance force in Ukraine, without the UK'"])
        XCTAssertEqual(try Self.load("coalition-2025-turkey-closes-black-sea.yaml").changes(from: base),
                       ["turkey: removed pledge minehunter", "turkey: removed pledge frigate", "turkey: removed pledge maritime-patrol-aircraft"])
        XCTAssertEqual(try Self.load("coalition-2025-no-fund.yaml").changes(from: base), ["japan: funds 100 -> 0"])
        let plus = try Self.load("coalition-2025-requirements-plus-25.yaml").changes(from: base)
        XCTAssertEqual(plus.count, 14)
        XCTAssertEqual(plus.first, "requirement reassurance-force: units 12 -> 15")
        XCTAssertEqual(ScenarioVariant.describe({ var o = PlanningOverrides(dropNations: ["uk"]); o.requirementScale = 1.25; return o }()),
                       ["--drop uk (every option)", "--scale-requirements 1.25 (every requirement's units)"])
    }
}

/// Names recorded from several threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [String] = []
    func add(_ name: String) { lock.lock(); recorded.append(name); lock.unlock() }
    var names: [String] { lock.lock(); defer { lock.unlock() }; return recorded }
}
