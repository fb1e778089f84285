import ForcePlanner
import ForceScenario
import Foundation

/// What the leaders' briefing shows, read from `plan` or `whatif` JSON.
///
/// The briefing has one source of truth: the JSON contract of `plan --format json`
/// (and `whatif --format json`). A live run renders its report to that JSON first, and
/// `brief --from plan.json` reads the saved file, so both pages are the same bytes.
/// The scenario, when given, adds what the JSON does not carry: nation and requirement
/// names, capability domains and personnel, groups, assumptions, the date of the data.
///
/// ```swift
/// let report = Planner(scenario: scenario, solver: solver).planAll()
/// let brief = try Brief(json: JSONReport.value(report), scenario: scenario)
/// let html = HTMLBrief.render(brief)
/// ```
public struct Brief: Sendable {
    public var scenario: String
    public var description: String
    /// The date of the data, as the scenario states it (`as_of`), if it does.
    public var asOf: String?
    /// The assumptions in force for the whole run, in file order.
    public var assumptions: [(name: String, value: Bool)]
    /// The options of the baseline, in the JSON's order.
    public var options: [BriefOption]
    /// What-if variants, each planned over the same options.
    public var variants: [BriefVariant]
    /// Names, domains and weights the scenario gives (empty without a scenario).
    public var context: BriefContext
    /// Pareto frontiers computed for some options (`forceplan frontier` JSON).
    public var frontiers: [BriefFrontier] = []

    /// Adds what ``Criticality/analyse(_:option:threads:)`` found for one option: the
    /// nations whose withdrawal loses coverage (or leaves no plan), most critical first.
    public mutating func addCriticality(_ report: CriticalityReport) {
        guard let i = options.firstIndex(where: { $0.id == report.baseline.option.id }) else { return }
        options[i].critical = report.nations
            .filter { ($0.coverageLost ?? 1) > 1e-9 || $0.singlePointOfFailure }
            .map { n in
                var c = BriefOption.CriticalNation(nation: n.nation, coverageLost: n.coverageLost, costAdded: n.costAdded,
                                                   singlePointOfFailure: n.singlePointOfFailure)
                c.leftInPlace = n.leftInPlace
                return c
            }
    }

    /// Adds a frontier from `frontier --format json` output:
    /// `{"scenario", "option", "x", "y", "points": [{"objectives": {...}, ...}]}`.
    public mutating func addFrontier(json: JSONValue) throws {
        guard let x = json["x"]?.string, let y = json["y"]?.string, let points = json["points"]?.array else {
            throw BriefError("expected frontier JSON: an object with \"x\", \"y\" and \"points\"")
        }
        let pairs: [(x: Double, y: Double)] = points.compactMap { p in
            guard let vx = p["objectives"]?[x]?.number, let vy = p["objectives"]?[y]?.number else { return nil }
            return (vx, vy)
        }
        frontiers.append(BriefFrontier(option: json["option"]?.string ?? "", x: x, y: y, points: pairs))
    }

    /// Reads `plan` JSON (`{"scenario", "options"}`) or `whatif` JSON
    /// (`{"scenario", "baseline", "variants"}`).
    public init(json: JSONValue, scenario: Scenario? = nil) throws {
        guard let name = json["scenario"]?.string else {
            throw BriefError("expected plan or whatif JSON: an object with a \"scenario\" name")
        }
        self.scenario = name
        description = scenario?.description.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        asOf = nil
        assumptions = scenario?.assumptions.map { ($0.name, $0.value) } ?? []
        var context = BriefContext(scenario)
        if context.costUnit == nil { context.costUnit = (json["baseline"] ?? json)["cost_unit"]?.string }
        self.context = context
        if let baseline = json["baseline"] {
            options = try Self.options(in: baseline, context: context)
            variants = try (json["variants"]?.array ?? []).map { v in
                guard let plan = v["plan"] else { throw BriefError("a whatif variant has no \"plan\"") }
                var variant = BriefVariant(name: v["name"]?.string ?? "variant",
                                           changes: (v["changes"]?.array ?? []).compactMap(\.string),
                                           options: try Self.options(in: plan, context: context))
                for (option, delta) in v["delta"]?.pairs ?? [] {
                    if let moved = delta["units_moved"]?.number { variant.unitsMoved[option] = Int(moved) }
                }
                return variant
            }
        } else {
            options = try Self.options(in: json, context: context)
            variants = []
        }
        annotateResilience(scenario)
    }

    /// The brief of a live run: its JSON report read back with its scenario.
    public init(_ report: PlanReport) {
        let json = JSONReport.value(report)
        let context = BriefContext(report.scenario)
        scenario = report.scenario.name
        description = report.scenario.description.trimmingCharacters(in: .whitespacesAndNewlines)
        asOf = nil
        assumptions = report.scenario.assumptions.map { ($0.name, $0.value) }
        self.context = context
        options = (json["options"]?.array ?? []).map { BriefOption(json: $0, context: context) }
        variants = []
        annotateResilience(report.scenario)
    }

    static func options(in plan: JSONValue, context: BriefContext) throws -> [BriefOption] {
        guard let items = plan["options"]?.array else {
            throw BriefError("expected an \"options\" list in the plan JSON")
        }
        return items.map { BriefOption(json: $0, context: context) }
    }

    /// Options that have a plan (optimal or stopped early with one).
    public var planned: [BriefOption] { options.filter { $0.hasPlan } }
    /// Options screened out: infeasible, or without a plan.
    public var screenedOut: [BriefOption] { options.filter { !$0.hasPlan } }
}

/// A JSON file that is not plan or whatif output.
public struct BriefError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// What a scenario adds to the JSON: names, domains, personnel per unit, weights, groups.
public struct BriefContext: Sendable {
    public var nationNames: [String: String] = [:]
    public var nationGroups: [String: [String]] = [:]
    public var requirementNames: [String: String] = [:]
    public var requirementWeights: [String: Double] = [:]
    public var capabilityDomains: [String: String] = [:]
    public var capabilityPersonnel: [String: Double] = [:]
    /// The scenario's `cost_unit` (or the JSON's), printed after costs; nil for none.
    public var costUnit: String?
    /// The scenario's most constrained location tag (``Tradeoffs/footprintTag(_:)``); nil
    /// without a scenario or a tag.
    public var footprintTag: String?
    /// Tags with a `max_personnel_in` ceiling in the scenario or any option.
    public var cappedTags: Set<String> = []
    /// The policy keys the scenario or any option sets (`min_nations`, `withdrawal_coverage`, ...).
    public var policyKeys: Set<String> = []

    init(_ scenario: Scenario?) {
        guard let s = scenario else { return }
        costUnit = s.costUnit
        footprintTag = Tradeoffs.footprintTag(s)
        cappedTags = Set((s.policies.maxPersonnelIn + s.effectiveOptions.flatMap { $0.policies.maxPersonnelIn }).map(\.tag))
        for p in [s.policies] + s.effectiveOptions.map(\.policies) {
            if p.minNations != nil { policyKeys.insert("min_nations") }
            if p.withdrawalCoverage != nil { policyKeys.insert("withdrawal_coverage") }
            if p.maxNationShare != nil { policyKeys.insert("max_nation_share") }
        }
        for n in s.nations { nationNames[n.id] = n.name; nationGroups[n.id] = n.groups }
        for r in s.requirements { requirementNames[r.id] = r.name; requirementWeights[r.id] = r.weight }
        for c in s.capabilities { capabilityDomains[c.id] = c.domain.rawValue; capabilityPersonnel[c.id] = c.personnel }
    }

    /// Domains in the scenario format's order, then any unknown label.
    static let domainOrder = ["land", "air", "sea", "intel", "support"]

    func domain(of capability: String) -> String { capabilityDomains[capability] ?? "unknown" }
    func nationName(_ id: String) -> String { nationNames[id] ?? id }
    func requirementName(_ id: String) -> String { requirementNames[id] ?? id }

    /// Nations whose units count as dependence on the backstop: the scenario's nations in
    /// group `backstop`, or else a nation with id `usa`.
    func isBackstop(_ nation: String) -> Bool {
        if nationGroups.values.contains(where: { $0.contains("backstop") }) {
            return nationGroups[nation]?.contains("backstop") ?? false
        }
        return nation == "usa"
    }
}

/// One option as the briefing shows it.
public struct BriefOption: Sendable {
    public struct Assignment: Sendable, Hashable {
        public var nation, capability, location, requirement: String
        public var units: Double
    }
    public struct Note: Sendable, Hashable {
        public var constraint: String
        public var amount: Double?
        public var message: String
    }
    public struct Alternative: Sendable {
        /// Pairs given up (see docs/plan.schema.json), and whether that maximum was proven.
        public var distance: Double?
        public var distanceProven: Bool?
        public var objectives: [(name: String, value: Double)]

        /// `distance 4: pairs given up, maximum proven`.
        public var distanceText: String? {
            distance.map { PlanSentences.distance($0, proven: distanceProven == true) }
        }
    }

    public var id: String
    public var name: String
    public var status: String
    public var gap: Double?
    public var message: String?
    public var objectives: [(name: String, value: Double)]
    public var coverage: [(requirement: String, fraction: Double)]
    public var assignments: [Assignment]
    public var personnelTotal: Double?
    public var personnelByTag: [(tag: String, personnel: Double)]
    public var cost: Double?
    /// Binding caveats and policies, with what lifting each gains (`amount`).
    public var binding: [Note]
    /// For infeasible options: the constraints that had to give (`amount` = shortfall).
    public var conflicts: [Note]
    public var alternatives: [Alternative]
    /// Coverage P10 as planned, when reliability was sampled.
    public var coverageP10: Double?
    /// The one-line summary of sampled pledge reliability, when sampled.
    public var reliabilityLine: String?
    /// `Alternatives: 1 found, 1 missing: reason (proven).`, when fewer were found than asked.
    public var alternativesMissingLine: String?
    /// Critical nations, most critical first, when computed (``Brief/addCriticality(_:)``).
    public var critical: [CriticalNation] = []
    /// Requirements with a `min_nations`: nations required and serving in the plan.
    public var minNations: [(requirement: String, required: Int, serving: Int)] = []
    /// The worst single withdrawal: the nation and the coverage its units' absence leaves
    /// in place (not re-planned); nil when the plan JSON has none.
    public var worstWithdrawal: (nation: String, coverage: Double)?
    /// For an option with `withdrawal_coverage`: what that costs against the baseline
    /// option (the first planned one without the policy).
    public var resilienceCostLine: String?
    /// The build-up by milestone, when the scenario has a timeline.
    public var buildup: BriefBuildup? = nil
    /// The option's trade-offs (``PlanSentences/tradeoff(held:heldValue:criterion:criterionName:others:status:message:costUnit:)``),
    /// one sentence each; empty when the plan JSON has none.
    public var tradeoffLines: [String] = []

    /// A nation whose withdrawal costs the option coverage.
    public struct CriticalNation: Sendable, Hashable {
        public var nation: String
        /// Coverage lost without it; nil when the option has no plan without it.
        public var coverageLost: Double?
        public var costAdded: Double?
        /// Some requirement it serves falls short with no substitute.
        public var singlePointOfFailure: Bool
        /// Coverage the plan's units left in place give without it, not re-planned.
        public var leftInPlace: Double? = nil
    }
    /// Per nation, personnel deployed (or units, when the scenario is unknown), by domain.
    public var contributions: [(nation: String, byDomain: [(domain: String, amount: Double)])]
    /// Units given by the backstop's nations.
    public var backstopUnits: Double
    /// The common fund, when the scenario has one: what its members give, what the plan
    /// uses, and toward whose deployments (one of the possible payments; see ``FundUse``).
    public var fund: (available: Double, used: Double, paid: [(nation: String, amount: Double)])?

    public var hasPlan: Bool { personnelTotal != nil && (status == "optimal" || status == "feasible") }

    /// `common fund: 72 of 100 used, paying for romania 56, bulgaria 16`, when there is a fund.
    public func fundLine(_ context: BriefContext) -> String? {
        guard let fund else { return nil }
        return PlanSentences.fund(available: fund.available, used: fund.used,
                                  paid: fund.paid.map { (context.nationName($0.nation), $0.amount) })
    }

    public func objective(_ name: String) -> Double? { objectives.first { $0.name == name }?.value }
    public func personnel(in tag: String) -> Double? {
        guard hasPlan else { return nil }
        return personnelByTag.first { $0.tag == tag }?.personnel ?? 0
    }
    /// Nations deploying at least one unit, in first-appearance order.
    public var nations: [String] {
        var seen = Set<String>()
        return assignments.map(\.nation).filter { seen.insert($0).inserted }
    }

    init(json o: JSONValue, context: BriefContext) {
        func numbers(_ v: JSONValue?) -> [(String, Double)] {
            (v?.pairs ?? []).compactMap { k, v in v.number.map { (k, $0) } }
        }
        func notes(_ key: String, amount: String) -> [Note] {
            (o[key]?.array ?? []).map {
                Note(constraint: $0["constraint"]?.string ?? "", amount: $0[amount]?.number,
                     message: $0["message"]?.string ?? "")
            }
        }
        id = o["id"]?.string ?? "?"
        name = o["name"]?.string ?? id
        status = o["status"]?.string ?? "error"
        gap = o["gap"]?.number
        message = o["message"]?.string
        objectives = numbers(o["objectives"]).map { (name: $0.0, value: $0.1) }
        coverage = numbers(o["coverage"]).map { (requirement: $0.0, fraction: $0.1) }
        assignments = (o["assignments"]?.array ?? []).map {
            Assignment(nation: $0["nation"]?.string ?? "", capability: $0["capability"]?.string ?? "",
                       location: $0["location"]?.string ?? "", requirement: $0["requirement"]?.string ?? "",
                       units: $0["units"]?.number ?? 0)
        }
        personnelTotal = o["personnel"]?["total"]?.number
        personnelByTag = numbers(o["personnel"]?["by_tag"]).map { (tag: $0.0, personnel: $0.1) }
        cost = o["cost"]?.number
        binding = notes("binding", amount: "improvement")
        conflicts = notes("conflicts", amount: "shortfall")
        alternatives = (o["alternatives"]?.array ?? []).map {
            Alternative(distance: $0["distance"]?.number, distanceProven: $0["distance_proven"]?.bool, objectives: numbers($0["objectives"]).map { (name: $0.0, value: $0.1) })
        }
        if let f = o["fund"], let available = f["available"]?.number, let used = f["used"]?.number {
            fund = (available, used, numbers(f["paid"]).map { (nation: $0.0, amount: $0.1) })
        }
        coverageP10 = o["reliability"]?["as_planned"]?["p10"]?.number
        buildup = BriefBuildup(json: o["buildup"])
        if let r = o["reliability"], let samples = r["samples"]?.number, let seed = r["seed"]?.number {
            func spread(_ v: JSONValue?) -> PlanSentences.CoverageSpread {
                func at(_ k: String) -> Double { v?[k]?.number ?? .nan }
                return PlanSentences.CoverageSpread(mean: at("mean"), p10: at("p10"), p50: at("p50"), p90: at("p90"))
            }
            reliabilityLine = PlanSentences.reliability(samples: samples, seed: JSONValue.format(seed),
                                                        asPlanned: spread(r["as_planned"]), replanned: spread(r["replanned"]))
        }
        if let m = o["alternatives_missing"], let count = m["count"]?.number {
            let found = o["alternatives_found"]?.number ?? Double(alternatives.count)
            alternativesMissingLine = PlanSentences.alternativesMissing(found: found, missing: count, reason: m["reason"]?.string ?? "",
                                                                        proven: m["proven"]?.bool == true)
        }

        var byNation: [String: [String: Double]] = [:]
        var backstop = 0.0
        for a in assignments {
            let amount = context.capabilityPersonnel[a.capability].map { $0 * a.units } ?? a.units
            byNation[a.nation, default: [:]][context.domain(of: a.capability), default: 0] += amount
            if context.isBackstop(a.nation) { backstop += a.units }
        }
        backstopUnits = backstop
        var seen = Set<String>()
        let order = assignments.map(\.nation).filter { seen.insert($0).inserted }
        contributions = order.map { n in
            let d = byNation[n] ?? [:]
            let known = BriefContext.domainOrder.filter { d[$0] != nil }
            let other = d.keys.filter { !BriefContext.domainOrder.contains($0) }.sorted()
            return (nation: n, byDomain: (known + other).map { (domain: $0, amount: d[$0] ?? 0) })
        }
        readResilience(o)
        readTradeoffs(o, costUnit: context.costUnit)
    }
}

/// A Pareto frontier of one option: the non-dominated (x, y) objective pairs.
public struct BriefFrontier: Sendable {
    public var option: String
    public var x: String
    public var y: String
    public var points: [(x: Double, y: Double)]
}

/// One what-if variant: its name, what it changes, and its options' outcomes.
public struct BriefVariant: Sendable {
    public var name: String
    public var changes: [String]
    public var options: [BriefOption]
    /// Option id -> units moved from the baseline plan (whatif's `units_moved`), for the
    /// options both have with a plan.
    public var unitsMoved: [String: Int] = [:]

    public init(name: String, changes: [String], options: [BriefOption]) {
        self.name = name
        self.changes = changes
        self.options = options
    }
}
