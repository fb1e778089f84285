/// A place in a scenario file, for messages a planner can act on.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    /// 1-based line.
    public var line: Int
    /// 1-based column.
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `FILE:LINE:COL`
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}

/// The domain of a capability; capacities and caveats are stated per domain.
public enum Domain: String, Sendable, Hashable, CaseIterable, Codable, Comparable {
    case land, air, sea, intel, support

    public static func < (a: Domain, b: Domain) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// What one unit of a pledge is: `infantry-battalion: {domain: land, personnel: 650, rotation: 3}`.
public struct Capability: Sendable, Hashable {
    public var id: String
    public var domain: Domain
    /// Personnel per deployed unit.
    public var personnel: Double
    /// Pledged units tied up per deployed unit (>= 1, may be fractional).
    public var rotation: Double
    public var source: SourceLocation?

    public init(id: String, domain: Domain, personnel: Double = 0, rotation: Double = 1,
                source: SourceLocation? = nil) {
        self.id = id
        self.domain = domain
        self.personnel = personnel
        self.rotation = rotation
        self.source = source
    }
}

/// A place forces can be deployed to (or contribute from).
public struct Location: Sendable, Hashable {
    public var id: String
    public var name: String
    public var tags: [String]
    /// Ceiling on deployed personnel here; nil for none.
    public var personnelCapacity: Double?
    /// Ceiling on deployed units per domain, in file order.
    public var domainCapacity: [DomainCapacity]
    /// The nation whose territory this is (`host: poland`); nil for none. Its ``Nation/hosts``
    /// says whose forces may deploy here.
    public var host: String?
    public var source: SourceLocation?

    public init(id: String, name: String? = nil, tags: [String] = [], personnelCapacity: Double? = nil,
                domainCapacity: [DomainCapacity] = [], source: SourceLocation? = nil) {
        self.id = id
        self.name = name ?? id
        self.tags = tags
        self.personnelCapacity = personnelCapacity
        self.domainCapacity = domainCapacity
        self.source = source
    }
}

/// `capacity: {air: 48}`: at most 48 units of the air domain at a location.
public struct DomainCapacity: Sendable, Hashable {
    public var domain: Domain
    public var units: Double
    public init(domain: Domain, units: Double) {
        self.domain = domain
        self.units = units
    }
}

/// A forbidden (domain, location tag) pair of one nation: `{domain: land, tag: ukraine}`.
public struct Caveat: Sendable, Hashable {
    public var domain: Domain
    public var tag: String
    public var source: SourceLocation?
    public init(domain: Domain, tag: String, source: SourceLocation? = nil) {
        self.domain = domain
        self.tag = tag
        self.source = source
    }
}

/// What a nation offers of one capability.
public struct Pledge: Sendable, Hashable {
    /// The pledging nation's id.
    public var nation: String
    /// The pledge's own id, unique within its nation (optional): a variant addresses a
    /// pledge by its id when it has one, else by its capability.
    public var id: String?
    public var capability: String
    /// Units pledged (whole, >= 0).
    public var units: Double
    /// Cost per deployed unit.
    public var cost: Double
    /// Days until ready; nil means ready now.
    public var readyDays: Double?
    /// Location ids or tags it may deploy to; nil means anywhere.
    public var locations: [String]?
    /// Assumptions that must all be true for the pledge to exist.
    public var when: [String]
    public var source: SourceLocation?

    public init(nation: String, capability: String, units: Double, cost: Double = 0,
                readyDays: Double? = nil, locations: [String]? = nil, when: [String] = [],
                source: SourceLocation? = nil) {
        self.nation = nation
        self.capability = capability
        self.units = units
        self.cost = cost
        self.readyDays = readyDays
        self.locations = locations
        self.when = when
        self.source = source
    }
}

/// A coalition member and what it offers.
public struct Nation: Sendable, Hashable {
    public var id: String
    public var name: String
    public var groups: [String]
    /// Cap on this nation's total cost; nil for none. The common fund may pay part of it
    /// (see ``funds``).
    public var budget: Double?
    /// Money this nation puts into the coalition's common fund, in cost units; nil when
    /// the file does not say. The fund pays toward the cost of nations with a ``budget``.
    public var funds: Double?
    /// Chance the pledge is delivered, in [0, 1].
    public var reliability: Double
    public var caveats: [Caveat]
    public var pledges: [Pledge]
    /// Whose forces this nation accepts on the locations it hosts (`hosts:`); `.all` by default.
    public var hosts: HostPolicy = .all
    public var source: SourceLocation?

    public init(id: String, name: String? = nil, groups: [String] = [], budget: Double? = nil,
                funds: Double? = nil, reliability: Double = 1, caveats: [Caveat] = [], pledges: [Pledge] = [],
                source: SourceLocation? = nil) {
        self.id = id
        self.name = name ?? id
        self.groups = groups
        self.budget = budget
        self.funds = funds
        self.reliability = reliability
        self.caveats = caveats
        self.pledges = pledges
        self.source = source
    }
}

/// One capability's contribution to a requirement: units provided per unit deployed.
public struct NeedFactor: Sendable, Hashable {
    public var capability: String
    public var factor: Double
    public init(capability: String, factor: Double = 1) {
        self.capability = capability
        self.factor = factor
    }
}

/// A line of the statement of requirements.
public struct Requirement: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Capabilities that serve it, in file order; `needs: fighter` is `[fighter: 1]`.
    public var needs: [NeedFactor]
    /// How much is needed (whole, >= 0).
    public var units: Double
    /// Location ids or tags where it must be served.
    public var at: [String]
    /// Importance (> 0), default 1.
    public var weight: Double
    /// Only pledges ready within this many days (inclusive) count; nil for any.
    public var withinDays: Double?
    /// Hard: at least this many nations contribute; nil for none.
    public var minNations: Int?
    public var source: SourceLocation?

    public init(id: String, name: String? = nil, needs: [NeedFactor], units: Double, at: [String],
                weight: Double = 1, withinDays: Double? = nil, minNations: Int? = nil,
                source: SourceLocation? = nil) {
        self.id = id
        self.name = name ?? id
        self.needs = needs
        self.units = units
        self.at = at
        self.weight = weight
        self.withinDays = withinDays
        self.minNations = minNations
        self.source = source
    }
}

/// A personnel ceiling at all locations with a tag.
public struct PersonnelCeiling: Sendable, Hashable {
    public var tag: String
    public var personnel: Double
    public init(tag: String, personnel: Double) {
        self.tag = tag
        self.personnel = personnel
    }
}

/// Hard constraints. Every field is optional so that an option can override some and
/// inherit the rest (``merged(with:)``).
public struct Policies: Sendable, Hashable {
    /// Tag -> personnel ceiling, in file order.
    public var maxPersonnelIn: [PersonnelCeiling]
    /// No nation gives more than this share of deployed personnel, in (0, 1].
    public var maxNationShare: Double?
    /// At least this many nations contribute.
    public var minNations: Int?
    /// Cap on total cost.
    public var totalBudget: Double?

    public init(maxPersonnelIn: [PersonnelCeiling] = [], maxNationShare: Double? = nil,
                minNations: Int? = nil, totalBudget: Double? = nil) {
        self.maxPersonnelIn = maxPersonnelIn
        self.maxNationShare = maxNationShare
        self.minNations = minNations
        self.totalBudget = totalBudget
    }

    /// These policies with `override`'s set fields replacing them, `max_personnel_in` tag by tag.
    public func merged(with override: Policies) -> Policies {
        var result = self
        for ceiling in override.maxPersonnelIn {
            if let i = result.maxPersonnelIn.firstIndex(where: { $0.tag == ceiling.tag }) {
                result.maxPersonnelIn[i] = ceiling
            } else {
                result.maxPersonnelIn.append(ceiling)
            }
        }
        if let s = override.maxNationShare { result.maxNationShare = s }
        if let n = override.minNations { result.minNations = n }
        if let b = override.totalBudget { result.totalBudget = b }
        return result
    }
}

/// An objective by name, as written in `objectives:`.
public enum ObjectiveSpec: Sendable, Hashable, CustomStringConvertible {
    /// Maximise weighted coverage, in [0, 1].
    case coverage
    /// Minimise total cost.
    case cost
    /// Minimise total deployed personnel.
    case personnel
    /// Minimise personnel at locations with the tag.
    case personnelIn(tag: String)
    /// Maximise the number of contributing nations.
    case nations
    /// Minimise units given by a nation, or by the nations of a group.
    case dependence(id: String)

    /// Parses `coverage`, `personnel-in:ukraine`, `dependence:usa`, ...; nil when unknown.
    public init?(name: String) {
        switch name {
        case "coverage": self = .coverage
        case "cost": self = .cost
        case "personnel": self = .personnel
        case "nations": self = .nations
        default:
            if name.hasPrefix("personnel-in:") {
                let tag = String(name.dropFirst("personnel-in:".count))
                guard !tag.isEmpty else { return nil }
                self = .personnelIn(tag: tag)
            } else if name.hasPrefix("dependence:") {
                let id = String(name.dropFirst("dependence:".count))
                guard !id.isEmpty else { return nil }
                self = .dependence(id: id)
            } else {
                return nil
            }
        }
    }

    /// The name as written in scenario files and reports.
    public var description: String {
        switch self {
        case .coverage: return "coverage"
        case .cost: return "cost"
        case .personnel: return "personnel"
        case .personnelIn(let tag): return "personnel-in:\(tag)"
        case .nations: return "nations"
        case .dependence(let id): return "dependence:\(id)"
        }
    }

    /// True for objectives that are maximised.
    public var maximizes: Bool { self == .coverage || self == .nations }
}

/// A named assumption switch and its value.
public struct Assumption: Sendable, Hashable {
    public var name: String
    public var value: Bool
    public init(name: String, value: Bool) {
        self.name = name
        self.value = value
    }
}

/// One entry of the option set: the scenario with some overrides.
public struct Option: Sendable, Hashable {
    public var id: String
    public var name: String
    /// Merged key by key into the scenario's.
    public var assumptions: [Assumption]
    /// Merged key by key into the scenario's.
    public var policies: Policies
    /// Replaces the scenario's when set.
    public var objectives: [ObjectiveSpec]?
    /// Replaces the scenario's exclusions (none) when set.
    public var excludeNations: [String]?
    public var source: SourceLocation?

    public init(id: String, name: String? = nil, assumptions: [Assumption] = [],
                policies: Policies = Policies(), objectives: [ObjectiveSpec]? = nil,
                excludeNations: [String]? = nil, source: SourceLocation? = nil) {
        self.id = id
        self.name = name ?? id
        self.assumptions = assumptions
        self.policies = policies
        self.objectives = objectives
        self.excludeNations = excludeNations
        self.source = source
    }
}

/// `alternatives: {count: 2, within: 0.05}`.
public struct AlternativesSpec: Sendable, Hashable {
    /// Near-optimal alternatives per option.
    public var count: Int
    /// Relative tolerance on the first objective.
    public var within: Double
    public init(count: Int = 0, within: Double = 0.05) {
        self.count = count
        self.within = within
    }
}

/// A whole `forceplan/v1` scenario, validated: every reference resolves.
///
/// Maps keyed by id keep file order, so every listing built from a scenario is
/// deterministic.
public struct Scenario: Sendable, Hashable {
    public var name: String
    public var description: String
    public var assumptions: [Assumption]
    public var capabilities: [Capability]
    public var locations: [Location]
    public var nations: [Nation]
    public var requirements: [Requirement]
    public var policies: Policies
    /// Lexicographic order; default `[coverage, cost]`.
    public var objectives: [ObjectiveSpec]
    /// The option set; when the file has none, ``effectiveOptions`` holds one named `base`.
    public var options: [Option]
    public var alternatives: AlternativesSpec
    /// The file it was loaded from, if any.
    public var file: String?
    /// The files it extends (`extends:`), nearest first; empty for a scenario written in full.
    public var bases: [String] = []

    public init(name: String, description: String = "", assumptions: [Assumption] = [],
                capabilities: [Capability] = [], locations: [Location] = [], nations: [Nation] = [],
                requirements: [Requirement] = [], policies: Policies = Policies(),
                objectives: [ObjectiveSpec] = [.coverage, .cost], options: [Option] = [],
                alternatives: AlternativesSpec = AlternativesSpec(), file: String? = nil) {
        self.name = name
        self.description = description
        self.assumptions = assumptions
        self.capabilities = capabilities
        self.locations = locations
        self.nations = nations
        self.requirements = requirements
        self.policies = policies
        self.objectives = objectives
        self.options = options
        self.alternatives = alternatives
        self.file = file
    }

    /// The options to plan: the file's, or a single `base` option inheriting everything.
    public var effectiveOptions: [Option] {
        options.isEmpty ? [Option(id: "base", name: name)] : options
    }

    /// All pledges, nation by nation in file order.
    public var pledges: [Pledge] { nations.flatMap(\.pledges) }

    /// True when some nation says how much it puts into the common fund (even 0): plans
    /// then report the fund.
    public var hasFunds: Bool { nations.contains { $0.funds != nil } }

    public func capability(_ id: String) -> Capability? { capabilities.first { $0.id == id } }
    public func location(_ id: String) -> Location? { locations.first { $0.id == id } }
    public func nation(_ id: String) -> Nation? { nations.first { $0.id == id } }
    public func requirement(_ id: String) -> Requirement? { requirements.first { $0.id == id } }

    /// Every tag used by a location, sorted.
    public var tags: [String] { Array(Set(locations.flatMap(\.tags))).sorted() }
    /// Every group named by a nation, sorted.
    public var groups: [String] { Array(Set(nations.flatMap(\.groups))).sorted() }

    /// Location ids matching a list of ids or tags (a tag stands for every location with
    /// it), in file order.
    public func resolveLocations(_ idsOrTags: [String]) -> [Location] {
        let wanted = Set(idsOrTags)
        return locations.filter { wanted.contains($0.id) || !wanted.isDisjoint(with: $0.tags) }
    }
}

extension Scenario {
    /// `4 nations, 9 pledges, 3 requirements, 2 options`: what `forceplan validate` says of
    /// a valid file.
    public var counts: String {
        func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
        return [count(nations.count, "nation"), count(pledges.count, "pledge"),
                count(requirements.count, "requirement"), count(options.count, "option")]
            .joined(separator: ", ")
    }
}
