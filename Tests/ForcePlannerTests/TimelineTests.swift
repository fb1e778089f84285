import Foundation
import XCTest
@testable import ForcePlanner
@testable import ForceScenario
import ForceReports
import ForceBench
import ForcePlanTestSupport
import CBCSolver
import LinearModel

/// The build-up to D+N (docs/model.md, "Time"), on small scenarios whose answers are derived
/// by hand in the comments, and cross-checked with glpsol on exported stage models.
final class TimelineTests: XCTestCase {
    /// 20 infantry (100 personnel each) wanted at a front that needs lift; one pool moves
    /// 100 personnel a day; milestones D+7 and D+14.
    static let liftLimited = TimelineCases.liftLimited

    /// Lift-limited over two milestones. The plan deploys all 20 (coverage 1, cost 20).
    /// Period D+0-7 lasts 7 days: 7 x 100 = 700 personnel = 7 units; D+7-14 another 7.
    /// coverage-by:7 = 7/20 = 0.35; coverage-by:14 = 14/20 = 0.7;
    /// buildup = (0.35 + 0.7) / 2 = 0.525 (appended: the option names no timed objective);
    /// 20 - 14 = 6 units arrive after D+14; both periods' lift is full (700 of 700).
    func testLiftLimitedBuildupOverTwoMilestones() throws {
        let r = try planFirst(Self.liftLimited)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(r.option.objectives, [.coverage, .cost, .buildup])
        XCTAssertEqual(value(r, .coverage), 1, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 20, accuracy: 1e-9)
        XCTAssertEqual(value(r, .buildup), 0.525, accuracy: 1e-9)
        let b = try XCTUnwrap(r.plan?.buildup)
        XCTAssertEqual(b.milestones.map(\.day), [7, 14])
        XCTAssertEqual(b.milestones[0].coverage, 0.35, accuracy: 1e-9)
        XCTAssertEqual(b.milestones[1].coverage, 0.7, accuracy: 1e-9)
        XCTAssertEqual(b.milestones.map(\.liftUsed), [700, 700])
        XCTAssertEqual(b.milestones.map(\.liftCapacity), [700, 700])
        XCTAssertEqual(b.milestones[0].liftMessage, "lift is full in D+0-7: 700 of 700")
        XCTAssertEqual(b.milestones[0].arrivals, [NationArrival(nation: "a", units: 7, personnel: 700)])
        XCTAssertEqual(b.afterLast, 6)
        XCTAssertEqual(b.pools, ["airlift"])
    }

    /// A second pool of 100 a day, the United States': 200 a day moves 14 units by D+7 and
    /// the last 6 by D+14: coverage-by:7 = 14/20 = 0.7, coverage-by:14 = 1, buildup 0.85.
    /// `--drop usa` takes the US pool away (back to 0.525), and so does the assumption
    /// `us-backstop: false` under the pool's `when`.
    func testAPoolLeavesWithItsNationAndItsAssumption() throws {
        let yaml = Self.liftLimited + "\n    - {id: us-airlift, personnel_per_day: 100, when: us-backstop, nation: usa}\n"
        let with = try planFirst(yaml)
        XCTAssertEqual(value(with, .buildup), 0.85, accuracy: 1e-9)
        XCTAssertEqual(with.plan?.buildup?.pools, ["airlift", "us-airlift"])
        let dropped = try XCTUnwrap(try planAll(yaml, overrides: PlanningOverrides(dropNations: ["usa"])).options.first)
        XCTAssertEqual(value(dropped, .buildup), 0.525, accuracy: 1e-9)
        XCTAssertEqual(dropped.plan?.buildup?.pools, ["airlift"])
        let noBackstop = try XCTUnwrap(try planAll(yaml, overrides: PlanningOverrides(
            assumptions: [Assumption(name: "us-backstop", value: false)])).options.first)
        XCTAssertEqual(value(noBackstop, .buildup), 0.525, accuracy: 1e-9)
    }

    /// Reception limits one location; self-deploying aircraft and a home location need no
    /// lift. Milestones D+10, D+20; lift 40 a day (400 per period); rzeszow receives 30 a
    /// day (300 per period). Nation a: 8 infantry (100), 4 jets (air, 10, self-deploying),
    /// 3 trainers (support, 50) at home (needs_lift: false). Needs: 8 inf and 4 jets at
    /// rzeszow, 3 trainers at home, weights 1.
    /// - jets and trainers arrive in D+0-10, using neither lift nor reception (lifted, the
    ///   jets' 40 personnel would cost rzeszow's reception a battalion: 340 > 300);
    /// - infantry: 3 per period by reception (300 of 300), though lift could take 4 (400):
    ///   3 by D+10, 6 by D+20, 2 after.
    /// coverage-by:10 = (3/8 + 1 + 1) / 3 = 2.375 / 3; coverage-by:20 = (6/8 + 2) / 3 =
    /// 2.75 / 3; buildup = (2.375 + 2.75) / 6 = 5.125 / 6.
    func testReceptionLimitsOneLocationWhileAircraftAndHomeNeedNoLift() throws {
        let r = try planFirst(Self.receptionScenario)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(value(r, .coverage), 1, accuracy: 1e-9)
        XCTAssertEqual(value(r, .buildup), 5.125 / 6, accuracy: 1e-9)
        let b = try XCTUnwrap(r.plan?.buildup)
        XCTAssertEqual(b.milestones[0].coverage, 2.375 / 3, accuracy: 1e-9)
        XCTAssertEqual(b.milestones[1].coverage, 2.75 / 3, accuracy: 1e-9)
        XCTAssertEqual(b.milestones.map(\.liftUsed), [300, 300])
        XCTAssertEqual(b.milestones.map(\.liftFull), [false, false])
        XCTAssertEqual(b.milestones[0].reception, [ReceptionUse(location: "rzeszow", used: 300, capacity: 300, full: true)])
        XCTAssertEqual(b.milestones[0].receptionMessages, ["reception at rzeszow is full in D+0-10: 300 of 300"])
        // 3 inf + 4 jets + 3 trainers arrive first: 10 units, 300 + 40 + 150 personnel.
        XCTAssertEqual(b.milestones[0].arrivals, [NationArrival(nation: "a", units: 10, personnel: 490)])
        XCTAssertEqual(b.afterLast, 2)
    }

    static let receptionScenario = TimelineCases.reception

    /// The binding search on the reception scenario lifts rzeszow's reception (full in
    /// both periods; the lift is not full): without it the lift's 400 a period moves 4
    /// infantry by D+10, so coverage by D+10 rises from 2.375 / 3 to (4/8 + 2) / 3 = 2.5 / 3
    /// (79.2% to 83.3%). On the lift-limited scenario, lifting the lift brings all 20 by
    /// D+7: 35% to 100%.
    func testBindingSearchLiftsReceptionAndLift() throws {
        let r = try planFirst(Self.receptionScenario, binding: true)
        XCTAssertEqual(r.binding.map(\.constraint), ["reception:rzeszow"])
        XCTAssertEqual(r.binding.first?.relaxedValue ?? 0, 2.5 / 3, accuracy: 1e-9)
        XCTAssertEqual(r.binding.first?.message, "lifting reception:rzeszow would bring coverage by D+10 to 83.3% (from 79.2%)")
        let lift = try planFirst(Self.liftLimited, binding: true)
        XCTAssertEqual(lift.binding.map(\.message), ["lifting the lift limit would bring coverage by D+7 to 100% (from 35%)"])
    }

    /// A pledge ready after the first milestone. Four jets wanted at poland (self-deploying,
    /// so no lift is involved); a offers 4 ready on day 10 at 1 each, b 4 ready now at 5.
    /// - [coverage, cost] (+ buildup): a's 4 (cost 4); they can arrive in D+7-14 only:
    ///   coverage-by:7 = 0, coverage-by:14 = 1, buildup 0.5.
    /// - [coverage-by:7, cost]: only b is there by D+7: coverage-by:7 = 1 at cost 20.
    /// - [coverage-by:14, cost]: a's are there by D+14: coverage-by:14 = 1 at cost 4.
    /// - [buildup, cost]: b's 4 by D+7 give 1 at both milestones: buildup 1, cost 20.
    func testAPledgeReadyAfterTheFirstMilestoneAndEachCoverageBy() throws {
        let report = try planAll(TimelineCases.lateReady + """
            options:
              - {id: steady}
              - {id: by7, objectives: [coverage-by:7, cost]}
              - {id: by14, objectives: [coverage-by:14, cost]}
              - {id: fast, objectives: [buildup, cost]}
            """)
        let r = Dictionary(uniqueKeysWithValues: report.options.map { ($0.option.id, $0) })
        let steady = try XCTUnwrap(r["steady"]), by7 = try XCTUnwrap(r["by7"])
        let by14 = try XCTUnwrap(r["by14"]), fast = try XCTUnwrap(r["fast"])
        for o in [steady, by7, by14, fast] { XCTAssertEqual(o.status, .optimal, o.option.id) }
        XCTAssertEqual(value(steady, .cost), 4, accuracy: 1e-9)
        XCTAssertEqual(value(steady, .buildup), 0.5, accuracy: 1e-9)
        XCTAssertEqual(steady.plan?.buildup?.milestones.map(\.coverage), [0, 1])
        XCTAssertEqual(by7.option.objectives, [.coverageBy(day: 7), .cost])
        XCTAssertEqual(value(by7, .coverageBy(day: 7)), 1, accuracy: 1e-9)
        XCTAssertEqual(value(by7, .cost), 20, accuracy: 1e-9)
        XCTAssertEqual(value(by14, .coverageBy(day: 14)), 1, accuracy: 1e-9)
        XCTAssertEqual(value(by14, .cost), 4, accuracy: 1e-9)
        XCTAssertEqual(value(fast, .buildup), 1, accuracy: 1e-9)
        XCTAssertEqual(value(fast, .cost), 20, accuracy: 1e-9)
    }

    /// Arrival variables exist only where the pledge is ready by the period's end, and the
    /// model grows linearly: per assignment, one arrival per period it can arrive in and
    /// one link row; per period one lift row; per requirement and milestone two rows.
    func testArrivalVariablesOnlyWhereReady() throws {
        let s = try scenario(header + """
            nations:
              a: {pledges: [{capability: inf, units: 4, cost: 1, ready_days: 10}]}
              b: {pledges: [{capability: inf, units: 4, cost: 1}]}
            requirements:
              - {id: r, needs: inf, units: 4, at: [poland]}
            timeline:
              milestones: [7, 14, 30]
              lift: [{id: airlift, personnel_per_day: 1000}]
            """)
        let option = try XCTUnwrap(s.effectiveOptions.first)
        let f = Formulation(scenario: s, option: ResolvedOption(option, of: s))
        let t = try XCTUnwrap(f.timeline)
        // a: periods 2 and 3 (ready day 10 > 7); b: all three.
        XCTAssertEqual(t.arrivals.map { "\(f.assignments[$0.assignment].nation)\($0.period + 1)" },
                       ["a2", "a3", "b1", "b2", "b3"])
        XCTAssertEqual(f.model.constraints.filter { $0.name.hasPrefix("arrive(") }.count, 2)
        XCTAssertEqual(f.model.constraints.filter { $0.name.hasPrefix("lift(") }.map(\.name), ["lift(2)", "lift(3)"])
        XCTAssertEqual(f.model.constraints.filter { $0.name.hasPrefix("cover(r,") }.count, 3)
    }

    /// With a timeline, a location with a reception limit keeps its own variable, and one
    /// with `needs_lift: false` does not merge with one that needs lift; without a timeline
    /// neither field tells locations apart.
    func testReceptionAndLiftNeedKeepLocationsApart() throws {
        let body = """
            format: forceplan/v1
            name: merge
            capabilities: {inf: {domain: land, personnel: 100}}
            locations:
              a: {tags: [neighbor]}
              b: {tags: [neighbor], reception_per_day: 100}
              c: {tags: [neighbor], needs_lift: false}
              d: {tags: [neighbor]}
            nations: {x: {pledges: [{capability: inf, units: 4}]}}
            requirements: [{id: r, needs: inf, units: 4, at: [neighbor]}]
            """
        for (yaml, want) in [(body, [["a", "b", "c", "d"]]),
                             (body + "\ntimeline: {milestones: [7]}\n", [["a", "d"], ["b"], ["c"]])] {
            let s = try scenario(yaml)
            let option = try XCTUnwrap(s.effectiveOptions.first)
            let f = Formulation(scenario: s, option: ResolvedOption(option, of: s))
            XCTAssertEqual(f.assignments.map(\.interchangeable), want)
        }
    }

    /// JSON of a build-up (the reception scenario's shape: lift, reception, late units)
    /// follows docs/plan.schema.json, with "cost_unit" at the top.
    func testBuildupJSONFollowsTheSchema() throws {
        let report = try planAll(Self.liftLimited.replacingOccurrences(
            of: "name: lift-limited\n", with: "name: lift-limited\ncost_unit: M EUR\n"), alternatives: true, binding: true)
        let text = JSONReport.render(report)
        XCTAssertTrue(text.contains("\"cost_unit\": \"M EUR\""), text)
        XCTAssertTrue(text.contains("\"after_last\": 6"), text)
        let root = packageRoot
        let schemaData = try Data(contentsOf: root.appendingPathComponent("docs/plan.schema.json"))
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(with: schemaData) as? [String: Any])
        let output = try JSONSerialization.jsonObject(with: Data(text.utf8))
        XCTAssertEqual(JSONSchemaCheck(root: schema).errors(output, schema), [])
        let md = MarkdownReport.render(report)
        XCTAssertTrue(md.contains("- By D+7: 35% covered (units in place: a 7); lift is full in D+0-7: 700 of 700."), md)
        let txt = TextReport.render(report)
        XCTAssertTrue(txt.contains("  6 units arrive after D+14: a 6\n"), txt)
        XCTAssertTrue(txt.contains("cost 20 M EUR"), txt)
    }

    /// The shipped coalition has a timeline (D+7, 14, 30, 60); every option is proven with
    /// build-up last, the US pool flies only where the backstop holds, and the no-US-lift
    /// variant has the European pool alone.
    func testShippedCoalitionBuildsUp() throws {
        let root = packageRoot
        for (file, usLift) in [("coalition-2025.yaml", true), ("coalition-2025-no-us-lift.yaml", false)] {
            let s = try ScenarioLoader.load(file: root.appendingPathComponent("scenarios/\(file)").path).scenario
            XCTAssertEqual(s.timeline?.milestones, [7, 14, 30, 60])
            XCTAssertEqual(s.costUnit, "M EUR per year")
            let report = portfolioPlanner(s, PlannerSettings(timeLimit: 120, alternatives: false, findBinding: false)).planAll()
            for r in report.options {
                XCTAssertEqual(r.status, .optimal, "\(file) \(r.option.id)")
                XCTAssertEqual(r.option.objectives.last, .buildup)
                let pools = r.plan?.buildup?.pools ?? []
                let backstop = r.option.holds("us-backstop")
                XCTAssertEqual(pools, usLift && backstop ? ["european-airlift", "us-airlift"] : ["european-airlift"],
                               "\(file) \(r.option.id)")
            }
        }
    }

    /// The brief's first page has the build-up chart (before the overview charts), with
    /// the milestones marked and each option's coverage by them; the option card says
    /// what is there by each milestone.
    func testBriefShowsTheBuildupChartAndCardLines() throws {
        let report = try planAll(Self.liftLimited)
        let html = HTMLBrief.render(Brief(report))
        let chart = try XCTUnwrap(html.range(of: "<section id=\"buildup\">"))
        let overview = try XCTUnwrap(html.range(of: "<section id=\"overview\">"))
        XCTAssertLessThan(chart.lowerBound, overview.lowerBound)
        for text in [">D+7</text>", ">D+14</text>", "base: lift-limited, D+7: 35%", "base: lift-limited, D+14: 70%",
                     "base: lift-limited, full strength: 100%",
                     "<li>By D+7: 35% covered (units in place: a 7); lift is full in D+0-7: 700 of 700.</li>",
                     "<li>At full strength: 100%; 6 units arrive after D+14.</li>"] {
            XCTAssertTrue(html.contains(text), text)
        }
        // Without a timeline there is no build-up section.
        let steady = try planAll(header + """
            nations: {a: {pledges: [{capability: inf, units: 2}]}}
            requirements: [{id: r, needs: inf, units: 2, at: [poland]}]
            """)
        XCTAssertFalse(HTMLBrief.render(Brief(steady)).contains("id=\"buildup\""))
    }

    /// `whatif --drop usa` on the two-pool scenario: the US pool goes, so coverage by D+7
    /// falls from 0.7 to 0.35 and by D+14 from 1 to 0.7 (see the pools test); the delta's
    /// build-up says so, the table has a row per milestone, and the JSON follows the schema.
    func testWhatIfShowsBuildupDeltas() throws {
        let base = try scenario(Self.liftLimited + "\n    - {id: us-airlift, personnel_per_day: 100, when: us-backstop, nation: usa}\n")
        let variant = ScenarioVariant(base: base, overrides: try PlanningOverrides.parse(assume: [], drop: ["usa"], for: base))
        let result = try WhatIf.run(base: base, variants: [variant]) { s, o in
            portfolioPlanner(s, PlannerSettings(timeLimit: 60, overrides: o, alternatives: false, findBinding: false))
        }
        let v = try XCTUnwrap(result.variants.first)
        let b = try XCTUnwrap(result.baseline.options.first?.plan), p = try XCTUnwrap(v.report.options.first?.plan)
        let deltas = WhatIf.buildupDeltas(baseline: b, variant: p)
        XCTAssertEqual(deltas.map(\.name), ["D+7", "D+14"])
        XCTAssertEqual(deltas[0].delta, -0.35, accuracy: 1e-9)
        XCTAssertEqual(deltas[1].delta, -0.3, accuracy: 1e-9)
        let text = WhatIfReport.text(result)
        XCTAssertTrue(text.contains("build-up: by D+7 70% -> 35%, by D+14 100% -> 70%"), text)
        XCTAssertTrue(text.contains("coverage by D+7"), text)
        let root = packageRoot.appendingPathComponent("docs")
        let schema = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.appendingPathComponent("whatif.schema.json"))) as? [String: Any])
        let plan = try XCTUnwrap(try JSONSerialization.jsonObject(
            with: Data(contentsOf: root.appendingPathComponent("plan.schema.json"))) as? [String: Any])
        let output = try JSONSerialization.jsonObject(with: Data(WhatIfReport.json(result).utf8))
        var check = JSONSchemaCheck(root: schema)
        check.documents["plan.schema.json"] = plan
        XCTAssertEqual(check.errors(output, schema), [])
    }

    /// `frontier --x cost --y coverage-by:7` on the late-ready case: by D+7 only b's jets
    /// (5 each) are there, so each 5 of cost buys a quarter of the need by D+7: the
    /// frontier is (5, 25%), (10, 50%), (15, 75%), (20, 100%). `coverage-by:9` is refused:
    /// 9 is not a milestone.
    func testFrontierTakesCoverageByOnEitherAxis() throws {
        let s = try scenario(TimelineCases.lateReady)
        let y = try Frontier.objective("coverage-by:7", in: s)
        XCTAssertEqual(y, .coverageBy(day: 7))
        XCTAssertThrowsError(try Frontier.objective("coverage-by:9", in: s))
        let planner = portfolioPlanner(s, PlannerSettings(timeLimit: 60, alternatives: false, findBinding: false))
        let report = try Frontier.trace(planner, option: try XCTUnwrap(s.effectiveOptions.first), x: .cost, y: y, points: 5)
        let pairs = report.points.compactMap { p in p.value(of: .cost).flatMap { c in p.value(of: y).map { [c, $0] } } }
        XCTAssertEqual(pairs, [[5, 0.25], [10, 0.5], [15, 0.75], [20, 1]])
        // The other way round, coverage-by:7 on x: the same plans, and nothing at all (0%,
        // cost 0) is on this frontier too, since cost is now minimised at each coverage.
        let flipped = try Frontier.trace(planner, option: try XCTUnwrap(s.effectiveOptions.first), x: y, y: .cost, points: 5)
        XCTAssertEqual(Set(flipped.points.compactMap { $0.value(of: .cost) }), [0, 5, 10, 15, 20])
    }

    /// A sweep's `lift: [0.5, 1, 2]` scales every pool. On the lift-limited scenario (100 a
    /// day, 7-day periods): 50 a day moves 3 units a period (350 / 100), so coverage by D+7
    /// is 3/20 and by D+14 6/20, buildup 0.225; 100 a day gives 0.525 (above); 200 a day
    /// moves 14 then the last 6: 0.7 and 1, buildup 0.85. A negative factor is refused.
    func testSweepScalesTheLift() throws {
        let sweep = try SweepLoader.load(yaml: """
            format: forceplan-sweep/v1
            name: lift
            product: {lift: [0.5, 1, 2]}
            """, file: "sweep.yaml")
        XCTAssertEqual(sweep.variations.map(\.canonical), ["lift=0.5", "lift=1", "lift=2"])
        let s = try scenario(Self.liftLimited)
        let values = try sweep.variations.map { v -> Double in
            let settings = PlannerSettings(timeLimit: 60, overrides: v.overrides, alternatives: false, findBinding: false)
            let r = try XCTUnwrap(portfolioPlanner(s, settings).planAll().options.first)
            return value(r, .buildup)
        }
        XCTAssertEqual(values[0], 0.225, accuracy: 1e-9)
        XCTAssertEqual(values[1], 0.525, accuracy: 1e-9)
        XCTAssertEqual(values[2], 0.85, accuracy: 1e-9)
        XCTAssertThrowsError(try SweepLoader.load(yaml: """
            format: forceplan-sweep/v1
            name: lift
            cases: [{lift: -1}]
            """, file: "sweep.yaml")) { error in
            XCTAssertTrue("\(error)".contains("sweep.yaml:3:16: invalid lift -1; expected a factor from 0 to 1000"), "\(error)")
        }
    }

    /// Linear in size: with 4 milestones, rows, columns and nonzeros of every option's
    /// model stay within (milestones + 1) = 5 times those of the same scenario without a
    /// timeline, at 50 and 200 nations; and the generated file round-trips through the
    /// writer.
    func testModelGrowsAtMostWithMilestonesPlusOne() throws {
        for nations in [50, 200] {
            let plain = RandomScenario.make(nations: nations, seed: 3)
            let timed = RandomScenario.withTimeline(plain)
            let again = try ScenarioLoader.load(yaml: ScenarioWriter.yaml(timed), file: "written.yaml").scenario
            XCTAssertEqual(again.timeline?.milestones, [7, 14, 30, 60])
            XCTAssertEqual(again.timeline?.lift, timed.timeline?.lift.map { var p = $0; p.source = again.timeline?.lift.first { $0.id == p.id }?.source; return p })
            XCTAssertEqual(again.locations.map(\.receptionPerDay), timed.locations.map(\.receptionPerDay))
            for option in plain.effectiveOptions {
                let before = ModelSize(Formulation(scenario: plain, option: ResolvedOption(option, of: plain)).model)
                let after = ModelSize(Formulation(scenario: timed, option: ResolvedOption(option, of: timed)).model)
                XCTAssertGreaterThan(after.variables, before.variables)
                XCTAssertLessThanOrEqual(after.variables, 5 * before.variables, "\(nations) \(option.id)")
                XCTAssertLessThanOrEqual(after.constraints, 5 * before.constraints, "\(nations) \(option.id)")
                XCTAssertLessThanOrEqual(after.nonzeros, 5 * before.nonzeros, "\(nations) \(option.id)")
            }
        }
    }

    /// CBC, warm-started from the cost stage's plan as the planner does, reaches the
    /// build-up optimum of coalition-2025's reassurance option that glpsol and the cbc
    /// program prove on the exported stage model (`forceplan export ... --stage 3`):
    /// 0.72125. With CBC's objective sense set to maximise it returned the start, 0.70458,
    /// as optimal; the CBC shim now minimises the negated objective.
    func testCBCProvesTheBuildupThatGlpsolProves() throws {
        let s = try ScenarioLoader.load(file: packageRoot
            .appendingPathComponent("scenarios/coalition-2025.yaml").path).scenario
        let settings = PlannerSettings(timeLimit: 120, alternatives: false, findBinding: false)
        let r = Planner(scenario: s, solver: CBCSolver(), settings: settings).plan(try XCTUnwrap(s.options.first))
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(value(r, .buildup), 0.72125, accuracy: 1e-9)
    }
}
