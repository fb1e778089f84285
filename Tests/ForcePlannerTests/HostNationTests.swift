@testable import ForcePlanner
import Foundation
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import LinearModel
import XCTest

/// docs/model.md, "Host nations": `host` on locations, `hosts` on nations, a filter on which
/// assignments exist, kept when the host is excluded, part of the binding search.
final class HostNationTests: XCTestCase {
    /// rzeszow is Poland's (hosts: none: only Polish units), constanta Romania's (hosts:
    /// [nato]: NATO members' units); home has no host.
    static let yaml = """
    format: forceplan/v1
    name: hosts
    capabilities:
      inf: {domain: land, personnel: 100}
    locations:
      rzeszow: {tags: [neighbor], host: poland}
      constanta: {tags: [neighbor], host: romania}
    nations:
      poland: {groups: [nato], hosts: none, pledges: [{capability: inf, units: 1, cost: 5}]}
      romania: {groups: [nato], hosts: [nato]}
      uk: {groups: [nato], pledges: [{capability: inf, units: 4, cost: 1}]}
      japan: {groups: [asia], pledges: [{capability: inf, units: 4, cost: 1}]}
    requirements:
      - {id: rz, needs: inf, units: 3, at: [rzeszow]}
      - {id: ct, needs: inf, units: 3, at: [constanta]}
    options:
      - id: all
      - {id: without-poland, exclude_nations: [poland]}

    """

    /// Variables: Poland at rzeszow (its own) and at constanta (NATO), the UK at constanta
    /// only (Poland takes no foreign forces), Japan nowhere (not NATO, not Polish): 3.
    /// Plan: rz gets Poland's 1 unit of 3, ct the UK's 3 of 3: coverage (1/3 + 1) / 2 = 2/3;
    /// cost 1 * 5 + 3 * 1 = 8.
    func testHostsFilterWhichAssignmentsExist() throws {
        let s = try scenario(Self.yaml)
        XCTAssertEqual(s.location("rzeszow")?.host, "poland")
        XCTAssertEqual(s.nation("romania")?.hosts, .only(["nato"]))
        let option = try XCTUnwrap(s.effectiveOptions.first)
        let f = Formulation(scenario: s, option: ResolvedOption(option, of: s, overrides: PlanningOverrides()))
        XCTAssertEqual(f.assignments.map { "\($0.nation)@\($0.location)" }.sorted(),
                       ["poland@constanta", "poland@rzeszow", "uk@constanta"])
        let r = try planFirst(Self.yaml)
        XCTAssertEqual(r.status, .optimal)
        XCTAssertEqual(value(r, .coverage), 2.0 / 3, accuracy: 1e-9)
        XCTAssertEqual(value(r, .cost), 8, accuracy: 1e-9)
    }

    /// Without Poland's forces, rzeszow is still Poland's and still takes no foreign units:
    /// rz gets nothing, ct the UK's 3: coverage (0 + 1) / 2 = 0.5.
    func testAHostsRuleHoldsWhenTheHostIsExcluded() throws {
        let report = try planAll(Self.yaml)
        let r = try XCTUnwrap(report.options.first { $0.option.id == "without-poland" })
        XCTAssertEqual(value(r, .coverage), 0.5, accuracy: 1e-9)
        XCTAssertEqual(r.plan?.assignments.map(\.location), ["constanta"])
    }

    /// Letting Poland host everyone opens rzeszow to the UK and Japan: rz 3 (Japan's or the
    /// UK's), ct 3: coverage 100%. Romania's rule does not bind (ct is full already).
    func testTheBindingSearchLiftsEachHostRestriction() throws {
        let r = try planFirst(Self.yaml, binding: true)
        let hosts = r.binding.filter { $0.constraint.hasPrefix("hosts:") }
        XCTAssertEqual(hosts.map(\.constraint), ["hosts:poland"])
        XCTAssertEqual(hosts.first?.relaxedValue ?? 0, 1, accuracy: 1e-9)
        XCTAssertEqual(hosts.first?.message, "letting poland host every nation's forces would bring coverage to 100%")
        XCTAssertEqual(try scenario(Self.yaml).restrictingHosts.map(\.id), ["poland", "romania"])
        XCTAssertEqual(HostNote.line(try scenario(Self.yaml)), "Hosts restricting foreign forces: poland (hosts: none), romania (hosts: [nato])\n")
    }

    /// `plan --format json` names the restricting hosts as the text does, and follows
    /// docs/plan.schema.json; a scenario whose hosts accept everyone has no such key.
    func testTheJSONReportNamesTheRestrictingHosts() throws {
        let text = JSONReport.render(PlanReport(scenario: try scenario(Self.yaml), options: []))
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let hosts = try XCTUnwrap(object["restricting_hosts"] as? [[String: Any]])
        XCTAssertEqual(hosts.map { $0["nation"] as? String }, ["poland", "romania"])
        XCTAssertEqual(hosts.first?["hosts"] as? String, "none")
        XCTAssertEqual(hosts.last?["hosts"] as? [String], ["nato"])
        let schema = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: JSONReportTests.root
            .appendingPathComponent("docs/plan.schema.json"))) as? [String: Any])
        XCTAssertEqual(JSONSchemaCheck(root: schema).errors(object, schema), [])
        XCTAssertEqual(JSONSchemaCheck(root: schema).errors(object.merging(["restricting_hosts": [["nation": "poland", "hosts": 3]]]) { $1 }, schema),
                       ["$.restricting_hosts[0].hosts: not of type [\"string\", \"array\"]"])
        let open = Self.yaml.replacingOccurrences(of: "hosts: none, ", with: "").replacingOccurrences(of: "hosts: [nato]", with: "pledges: []")
        XCTAssertFalse(JSONReport.value(PlanReport(scenario: try scenario(open), options: [])).rendered().contains("restricting_hosts"))
    }

    /// Two locations with the same tags and no capacity, but different hosts, keep their own
    /// variables (2, not 1): they are not interchangeable.
    func testLocationsWithDifferentHostsDoNotMerge() throws {
        let yaml = Self.yaml.replacingOccurrences(of: "hosts: none, ", with: "").replacingOccurrences(of: "hosts: [nato]", with: "pledges: []")
            .replacingOccurrences(of: "  - {id: ct, needs: inf, units: 3, at: [constanta]}\n", with: "")
            .replacingOccurrences(of: "at: [rzeszow]", with: "at: [neighbor]")
        let s = try scenario(yaml)
        let option = try XCTUnwrap(s.effectiveOptions.first)
        let f = Formulation(scenario: s, option: ResolvedOption(option, of: s, overrides: PlanningOverrides()))
        let uk = f.assignments.filter { $0.nation == "uk" }
        XCTAssertEqual(uk.map(\.interchangeable), [["rzeszow"], ["constanta"]])
        // Control: without hosts the two merge into one variable.
        let plain = try scenario(yaml.replacingOccurrences(of: ", host: poland", with: "").replacingOccurrences(of: ", host: romania", with: ""))
        let g = Formulation(scenario: plain, option: ResolvedOption(try XCTUnwrap(plain.effectiveOptions.first), of: plain, overrides: PlanningOverrides()))
        XCTAssertEqual(g.assignments.filter { $0.nation == "uk" }.map(\.interchangeable), [["rzeszow", "constanta"]])
    }

    func testUnknownHostsAreErrorsWithSuggestions() throws {
        let bad = Self.yaml.replacingOccurrences(of: "host: poland", with: "host: polnd")
            .replacingOccurrences(of: "hosts: [nato]", with: "hosts: [natoo]")
            .replacingOccurrences(of: "hosts: none", with: "hosts: some")
        XCTAssertThrowsError(try ScenarioLoader.load(yaml: bad, file: "h.yaml")) { error in
            let messages = (error as? ScenarioLoadError)?.diagnostics.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0): \($0.message)" } ?? []
            XCTAssertEqual(messages, [
                "6:37: unknown nation 'polnd'; did you mean 'poland'?",
                "9:35: expected all, none or a list of nation or group ids for nation 'poland' hosts, found 'some'; write e.g. hosts: all, hosts: none, or hosts: [nato, uk]",
                "10:37: unknown nation or group 'natoo'; did you mean 'nato'?",
            ])
        }
    }

    /// The shipped one-line variant: Poland takes no foreign forces.
    func testThePolandHostsNoneVariantChangesOneField() throws {
        let root = packageRoot.appendingPathComponent("scenarios")
        let base = try ScenarioLoader.load(file: root.appendingPathComponent("coalition-2025.yaml").path).scenario
        let variant = try ScenarioLoader.load(file: root.appendingPathComponent("coalition-2025-poland-hosts-none.yaml").path).scenario
        XCTAssertEqual(variant.changes(from: base), ["poland: hosts all -> none"])
        XCTAssertEqual(base.location("rzeszow")?.host, "poland")
        XCTAssertEqual(variant.restrictingHosts.map(\.id), ["poland"])
    }

    /// whatif names the hosts that restrict, per scenario compared.
    func testWhatIfNamesRestrictingHosts() throws {
        let base = try WhatIfTests.load("coalition-2025.yaml")
        let variant = try WhatIfTests.load("coalition-2025-poland-hosts-none.yaml")
        let whatIf = try WhatIf.run(base: base, variants: [ScenarioVariant(variant, of: base)], options: ["over-the-horizon"],
                                    planner: WhatIfTests.fast)
        let text = WhatIfReport.text(whatIf)
        XCTAssertTrue(text.contains("  coalition-2025-poland-hosts-none: hosts restricting foreign forces: poland (hosts: none)\n"), text)
        XCTAssertFalse(text.contains("  baseline: hosts restricting"), text)
    }
}
