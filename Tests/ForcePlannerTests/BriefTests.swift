import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// The leaders' briefing: a self-contained page, escaped, stable, and scored by hand.
final class BriefTests: XCTestCase {
    /// Two options with values chosen to score by hand.
    static let twoOptions = """
    {"scenario": "demo", "options": [
      {"id": "a", "name": "Alpha", "status": "optimal", "objectives": {"coverage": 1, "cost": 30},
       "coverage": {"r1": 1, "r2": 1},
       "assignments": [{"nation": "uk", "capability": "inf", "location": "kyiv", "requirement": "r1", "units": 2},
                       {"nation": "usa", "capability": "isr", "location": "home", "requirement": "r2", "units": 1}],
       "personnel": {"total": 300, "by_tag": {"neighbor": 0, "ukraine": 200}}, "cost": 30, "alternatives": []},
      {"id": "b", "name": "Bravo", "status": "optimal", "objectives": {"coverage": 0.5, "cost": 10},
       "coverage": {"r1": 0, "r2": 1},
       "assignments": [{"nation": "fr", "capability": "isr", "location": "home", "requirement": "r2", "units": 1}],
       "personnel": {"total": 100, "by_tag": {"neighbor": 100, "ukraine": 0}}, "cost": 10, "alternatives": []},
      {"id": "c", "name": "Charlie", "status": "infeasible", "objectives": {}, "coverage": {}, "assignments": [],
       "personnel": null, "cost": null,
       "conflicts": [{"constraint": "min_nations", "shortfall": 2, "message": "min_nations: 2 more nations needed"}],
       "alternatives": []}
    ]}
    """

    func testDecisionMatrixScoresEachCriterionBetweenWorstAndBest() throws {
        let brief = try Brief(json: JSONValue.parse(Self.twoOptions))
        let m = DecisionMatrix(brief)
        // Charlie is infeasible: screened out, not scored.
        XCTAssertEqual(m.options.map(\.id), ["a", "b"])
        XCTAssertEqual(brief.screenedOut.map(\.id), ["c"])
        func criterion(_ name: String) throws -> DecisionMatrix.Criterion {
            try XCTUnwrap(m.criteria.first { $0.name == name }, name)
        }
        // Coverage 1 vs 0.5 (more is better): a scores 1, b scores 0; a is best.
        let coverage = try criterion("Coverage")
        XCTAssertEqual(coverage.scores, [1, 0])
        XCTAssertEqual(coverage.best, [0])
        // Cost 30 vs 10 (less is better): (30 - 30) / (10 - 30) = 0 for a, 1 for b.
        let cost = try criterion("Cost")
        XCTAssertEqual(cost.scores, [0, 1])
        XCTAssertEqual(cost.best, [1])
        // Personnel in ukraine 200 vs 0, in neighbor states 0 vs 100.
        XCTAssertEqual(try criterion("Personnel in ukraine").values, [200, 0])
        XCTAssertEqual(try criterion("Personnel in neighbor states").values, [0, 100])
        // One nation each besides the backstop: uk + usa = 2, fr = 1; both tie on nothing.
        XCTAssertEqual(try criterion("Contributing nations").values, [2, 1])
        // Without a scenario, the backstop is the nation `usa`: 1 unit in a, none in b.
        XCTAssertEqual(try criterion("Units from the backstop").values, [1, 0])
        // No reliability sampled: no P10 column.
        XCTAssertNil(m.criteria.first { $0.name.hasPrefix("Coverage P10") })
    }

    func testPageHasTheSectionsInTheBriefingOrder() throws {
        let html = HTMLBrief.render(try Brief(json: JSONValue.parse(Self.twoOptions)))
        // Page 1 (bottom line, matrix, coverage chart without a timeline), the cards, then
        // the appendix (screened out first, personnel by tag, what every option shares).
        let order = ["<h1>", "id=\"bottom-line\"", "id=\"decision-matrix\"", "id=\"overview\"", "id=\"option-a\"",
                     "id=\"option-b\"", "id=\"screened-out\"", "id=\"personnel\"", "id=\"shared\""]
        var last = html.startIndex
        for marker in order {
            let range = try XCTUnwrap(html.range(of: marker, range: last..<html.endIndex), "\(marker) missing or out of order")
            last = range.upperBound
        }
        XCTAssertTrue(html.contains("min_nations: 2 more nations needed"))
        // Shortfalls are highlighted: Bravo covers r1 not at all.
        XCTAssertTrue(html.contains("<tr class=\"short\"><td>r1</td><td class=\"n\">0%"))
        // Every chart has a title for screen readers, axis labels and a legend.
        let charts = html.components(separatedBy: "<svg ").count - 1
        XCTAssertEqual(charts, 4, "coverage, personnel, and one contribution chart per planned option")
        XCTAssertEqual(html.components(separatedBy: "role=\"img\" aria-labelledby=").count - 1, charts)
        XCTAssertEqual(html.components(separatedBy: "class=\"axis-label\"").count - 1, 2 * charts)
        XCTAssertGreaterThanOrEqual(html.components(separatedBy: "class=\"legend\"").count - 1, charts)
    }

    /// What makes the page read on paper (issue 20): no SVG `<pattern>` (Chromium prints
    /// each use as a page-sized image), one fill per domain across every card, bars sorted
    /// by size, the coverage chart only where some option falls short, overlapping tags
    /// marked, a footnote per decision-matrix criterion.
    func testPageReadsOnPaper() throws {
        let brief = try Brief(json: JSONValue.parse(Self.twoOptions))
        let html = HTMLBrief.render(brief)
        XCTAssertFalse(html.contains("<pattern"))
        XCTAssertTrue(html.contains("Tags overlap: a location may carry several"))
        // Without a scenario every unit's domain is unknown: one series, the same in both cards.
        XCTAssertEqual(brief.domains, ["unknown"])
        // r1 is short in Bravo (0%), r2 is 100% in both: only r1 is charted.
        XCTAssertEqual(brief.requirementsShortSomewhere, ["r1"])
        XCTAssertTrue(html.contains("All 1 other requirements: 100% in every option."))
        // One footnote per criterion, numbered in the matrix's order.
        let m = DecisionMatrix(brief, footprintTag: brief.footprintTag)
        XCTAssertEqual(DecisionMatrix.footnotes(m, brief).count, m.criteria.count)
        XCTAssertTrue(html.contains("<sup>\(m.criteria.count)</sup>\u{a0}"))
        // Alpha's contributions: uk 2 units, usa 1 (no personnel per unit without a
        // scenario): the larger bar first.
        let card = try XCTUnwrap(html.components(separatedBy: "id=\"option-a\"").last)
        let uk = try XCTUnwrap(card.range(of: ">uk</tspan>")), usa = try XCTUnwrap(card.range(of: ">usa</tspan>"))
        XCTAssertLessThan(uk.lowerBound, usa.lowerBound)
        // The bottom line says what limits each option, and how it stands without a plan.
        XCTAssertTrue(html.contains("1 requirement short: r1 0%"))
        XCTAssertTrue(html.contains("no plan; must give: min_nations: 2 more nations needed"))
    }

    func testPageLoadsNothingFromTheNetwork() throws {
        let html = HTMLBrief.render(try Brief(json: JSONValue.parse(Self.twoOptions)))
        // The only URL is SVG's namespace name, which is never fetched.
        let urls = html.components(separatedBy: "http").count - 1
        XCTAssertEqual(urls, html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
        XCTAssertFalse(html.contains("<link"))
        XCTAssertFalse(html.contains("<script"))
        XCTAssertFalse(html.contains("@import"))
    }

    static let hostile = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>"]

    func testHostileStringsShowAsTextInHTMLAndSVG() throws {
        let (script, img) = (Self.hostile[0], Self.hostile[1])
        let yaml = """
        format: forceplan/v1
        name: "\(script)"
        description: '\(img)'
        capabilities:
          inf: {domain: land, personnel: 100}
        locations:
          kyiv: {name: '\(img)', tags: [ukraine]}
        nations:
          evil:
            name: "\(script)"
            pledges: [{capability: inf, units: 1, cost: 1}]
          worse:
            name: '\(img)'
            pledges: [{capability: inf, units: 1, cost: 2}]
        requirements:
          - {id: r1, name: "\(script)", needs: inf, units: 2, at: [kyiv]}
          - {id: r2, name: '\(img)', needs: inf, units: 1, at: [kyiv], min_nations: 2}
        options:
          - {id: a, name: "\(script)"}
          - {id: b, name: '\(img)', exclude_nations: [worse]}
        """
        let s = try scenario(yaml)
        let report = portfolioPlanner(s, PlannerSettings(timeLimit: 60, alternatives: false, findBinding: true)).planAll()
        let html = HTMLBrief.render(try Brief(json: JSONReport.value(report), scenario: s))
        XCTAssertFalse(html.contains("<script"), "a raw <script> tag reached the page")
        XCTAssertFalse(html.contains("<img"), "a raw <img> tag reached the page")
        // Every quote from a scenario string is an entity, so none closes an attribute.
        XCTAssertFalse(html.contains("\"&gt;&lt;img") || html.contains("\"><img"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"))
        // Also inside the charts' SVG text and titles.
        let svg = html.components(separatedBy: "<svg ").dropFirst().joined()
        XCTAssertTrue(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }

    func testFrontierIsChartedWithOnePointPerPlan() throws {
        var brief = try Brief(json: JSONValue.parse(Self.twoOptions))
        try brief.addFrontier(json: JSONValue.parse("""
            {"scenario": "demo", "option": "a", "x": "personnel-in:ukraine", "y": "coverage", "points": [
              {"objectives": {"personnel-in:ukraine": 0, "coverage": 0.5}},
              {"objectives": {"personnel-in:ukraine": 200, "coverage": 1}},
              {"objectives": {"personnel-in:ukraine": 100, "coverage": 0.8}}]}
            """))
        let html = HTMLBrief.render(brief)
        let section = try XCTUnwrap(html.components(separatedBy: "id=\"frontiers\"").last?.components(separatedBy: "</section>").first)
        XCTAssertEqual(section.components(separatedBy: "<circle cx=").count - 1, 3 + 1, "three points and the legend's marker")
        XCTAssertTrue(section.contains("<title id=\"frontier-0-title\">Option a: coverage against personnel-in:ukraine</title>"))
        // Joined in x order: 0, 100, 200 (x pixels increase along the polyline).
        let line = try XCTUnwrap(section.components(separatedBy: "points=\"").dropFirst().first?.components(separatedBy: "\"").first)
        let xs = line.split(separator: " ").compactMap { Double($0.split(separator: ",")[0]) }
        XCTAssertEqual(xs, xs.sorted())
        XCTAssertEqual(xs.count, 3)
        XCTAssertThrowsError(try brief.addFrontier(json: JSONValue.parse(#"{"scenario": "demo"}"#)))
    }

    /// Only `solo` has jets; `a` and `b` each offer the one infantry company needed. Without
    /// solo, air (weight 1 of 2) falls to 0: coverage lost 1/2, no substitute. Without
    /// whichever of a and b serves, the other does: nothing lost, so it is not listed. Cost
    /// without solo: 1 instead of 3, so -2.
    func testCriticalNationsListOnlyTheNationsWhoseLossCostsCoverage() throws {
        let s = try scenario(header + """
            nations:
              solo: {pledges: [{capability: jet, units: 2, cost: 1}]}
              a: {pledges: [{capability: inf, units: 1, cost: 1}]}
              b: {pledges: [{capability: inf, units: 1, cost: 1}]}
            requirements:
              - {id: air, needs: jet, units: 2, at: [poland]}
              - {id: ground, needs: inf, units: 1, at: [poland]}
            """)
        let planner = portfolioPlanner(s, PlannerSettings(timeLimit: 60, alternatives: false, findBinding: false))
        let report = planner.planAll()
        var brief = Brief(report)
        brief.addCriticality(Criticality.analyse(planner, option: try XCTUnwrap(s.effectiveOptions.first)))
        let critical = try XCTUnwrap(brief.options.first?.critical)
        XCTAssertEqual(critical.map(\.nation), ["solo"])
        XCTAssertEqual(critical.first?.coverageLost ?? .nan, 0.5, accuracy: 1e-9)
        XCTAssertEqual(critical.first?.singlePointOfFailure, true)
        // Left in place without solo (not re-planned): air 0, ground 1 -> 50%.
        XCTAssertTrue(HTMLBrief.render(brief).contains("<li>solo: coverage −50%, cost −2, 50% left in place — single point of failure</li>"))
    }

    func testSameInputGivesTheSameBytes() throws {
        let a = HTMLBrief.render(try Brief(json: JSONValue.parse(Self.twoOptions)))
        let b = HTMLBrief.render(try Brief(json: JSONValue.parse(Self.twoOptions)))
        XCTAssertEqual(a, b)
    }

    func testJSONReaderKeepsKeyOrderAndReportsWhereItFails() throws {
        let v = try JSONValue.parse(#"{"z": 1, "a": [true, null, "x\u00e9\n"], "m": {"k": -2.5e1}}"#)
        XCTAssertEqual(v.pairs?.map(\.0), ["z", "a", "m"])
        XCTAssertEqual(v["a"]?.array?[2].string, "xé\n")
        XCTAssertEqual(v["m"]?["k"]?.number, -25)
        // Round trip through the renderer the reports use.
        XCTAssertEqual(try JSONValue.parse(v.rendered()), v)
        XCTAssertThrowsError(try JSONValue.parse("{\n  \"a\": 1,\n  \"b\" 2\n}")) { error in
            let e = error as? JSONParseError
            XCTAssertEqual(e?.line, 3)
            XCTAssertEqual(e?.column, 7)
        }
        XCTAssertThrowsError(try JSONValue.parse(String(repeating: "[", count: 600)))
    }
}

