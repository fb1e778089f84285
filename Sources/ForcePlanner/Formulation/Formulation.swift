import ForceScenario
import LinearModel

/// One decision variable `x[p, l, r]`: units of a pledge deployed at a location for a
/// requirement.
public struct AssignmentVariable: Sendable, Hashable {
    public var variable: Variable
    /// Index into ``Formulation/pledges``.
    public var pledge: Int
    public var nation: String
    public var capability: String
    /// The location reported for this variable. Locations that no constraint or objective
    /// can tell apart (no capacity, same tags) share one variable; this is the first of
    /// them in file order, and ``interchangeable`` lists all of them.
    public var location: String
    public var interchangeable: [String]
    public var requirement: String
    /// Units provided to the requirement per unit deployed.
    public var factor: Double
    public var personnel: Double
    public var cost: Double
    public var domain: Domain
}

/// A pledge with its place in the scenario.
public struct PledgeRef: Sendable, Hashable {
    public var pledge: Pledge
    /// Position among its nation's pledges, from 0.
    public var indexInNation: Int
    /// Deployable units: `floor(units / rotation)`.
    public var deployable: Double
}

/// A hard constraint of the plan, kept so that infeasible options can be explained.
public struct HardConstraint: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case locationPersonnel, locationDomain, maxPersonnelIn, nationShare
        case nationBudget, totalBudget, minNations, requirementMinNations
        /// The common fund: `sum of g_n <= F`.
        case fund
    }
    public var kind: Kind
    /// Stable name, e.g. `max_personnel_in:ukraine`, `min_nations:reassurance-west`.
    public var name: String
    /// The subject: a location, tag, nation or requirement id ("" for scenario-wide).
    public var subject: String
    /// Right-hand side as written (ceiling, budget or required count).
    public var limit: Double
    /// Unit of the limit for messages ("personnel", "units", "nations", "cost").
    public var unit: String
    /// The model row.
    public var constraint: Constraint
    /// Elastic slack (only in a relaxed formulation).
    public var slack: Variable?
    /// For minimum-nation rules: how many nations could ever take part.
    public var candidates: Int?
}

/// The MILP of one option, exactly as docs/model.md's "The model" states it, with the maps
/// needed to read a solution back in the planner's terms.
///
/// Variables exist only where a pledge can serve a requirement at a location (no dense
/// index space); binaries only where nations are counted.
///
/// - Complexity: O(pledges x requirements x locations) to enumerate candidate variables,
///   linear in the number of nonzeros after that.
public struct Formulation: Sendable {
    public let scenario: Scenario
    public let option: ResolvedOption
    public internal(set) var model: Model
    public internal(set) var assignments: [AssignmentVariable] = []
    public internal(set) var pledges: [PledgeRef] = []
    /// Shortfall variable per requirement id (absent when nothing can serve it).
    public internal(set) var shortfalls: [String: Variable] = [:]
    /// Units of shortfall per unit of the shortfall variable, per requirement id. When a
    /// requirement's units and needs factors are all multiples of some `g` (1 for whole
    /// numbers), every plan's shortfall is too, so the variable counts steps of `g` and
    /// is integer: the coverage row becomes all-integer, which GLPK's cuts can use.
    public var shortfallScale: [String: Double] { shortfallSteps.mapValues(\.value) }
    /// The same steps as exact rationals (for ``ObjectiveLattice``).
    var shortfallSteps: [String: Rational] = [:]
    /// "Nation contributes" binaries (only when nations are counted scenario-wide).
    public internal(set) var nationContributes: [String: Variable] = [:]
    /// "Nation serves requirement" binaries, keyed `nation|requirement` (only for
    /// requirements with `min_nations`).
    public internal(set) var nationServes: [String: Variable] = [:]
    public internal(set) var hardConstraints: [HardConstraint] = []
    /// `F`: the common fund, the funds of the nations not excluded (0 without funds).
    public internal(set) var fundAvailable: Double = 0
    /// The fund's payment `g_n` toward each budget-capped nation's cost, by nation id:
    /// only where the fund holds money and the nation could spend beyond its budget.
    public internal(set) var fundPayments: [String: Variable] = [:]
    /// Total deployed personnel `T` (one defining row), present only with a
    /// `max_nation_share` rule, whose per-nation rows read `personnel(n) - s * T <= 0`.
    public internal(set) var totalPersonnel: Variable?

    /// Builds the model of `option`.
    /// - Parameter relaxed: give every hard constraint that can conflict an elastic slack
    ///   (for explaining infeasibility); derived bounds are then left out too.
    public init(scenario: Scenario, option: ResolvedOption, relaxed: Bool = false) {
        let scenario = scenario.scalingRequirements(by: option.requirementScale)
        self.scenario = scenario
        self.option = option
        self.model = Model(name: "\(scenario.name)-\(option.id)")
        var builder = FormulationBuilder(scenario: scenario, option: option, relaxed: relaxed)
        builder.build(into: &self)
    }

    /// Sum of weights of all requirements (the coverage denominator).
    public var totalWeight: Double { scenario.requirements.reduce(0) { $0 + $1.weight } }

    /// The expression of an objective in model variables (coverage in [0, 1]).
    public func expression(for objective: ObjectiveSpec) -> LinearExpression {
        var e = LinearExpression()
        switch objective {
        case .coverage:
            let w = totalWeight
            guard w > 0 else { return LinearExpression(constant: 1) }
            e.constant = 1
            for r in scenario.requirements where r.units > 0 {
                let a = r.weight / (w * r.units)
                if let s = shortfalls[r.id] {
                    e.add(-a * (shortfallSteps[r.id]?.value ?? 1), s)
                } else {
                    e.constant -= a * r.units
                }
            }
        case .cost:
            for a in assignments where a.cost != 0 { e.add(a.cost, a.variable) }
        case .personnel:
            for a in assignments where a.personnel != 0 { e.add(a.personnel, a.variable) }
        case .personnelIn(let tag):
            let tagged = Set(scenario.locations.filter { $0.tags.contains(tag) }.map(\.id))
            for a in assignments where a.personnel != 0 && tagged.contains(a.location) {
                e.add(a.personnel, a.variable)
            }
        case .nations:
            for n in scenario.nations {
                if let y = nationContributes[n.id] { e.add(1, y) }
            }
        case .dependence(let id):
            let members = dependenceNations(id)
            for a in assignments where members.contains(a.nation) { e.add(1, a.variable) }
        }
        return e
    }

    /// The nations named by `dependence:ID`: the nation ID, or else the members of group ID.
    public func dependenceNations(_ id: String) -> Set<String> {
        if scenario.nations.contains(where: { $0.id == id }) { return [id] }
        return Set(scenario.nations.filter { $0.groups.contains(id) }.map(\.id))
    }

    /// The step of the lattice on which the objective's value lies for every integer plan,
    /// when it can be derived (see ``ObjectiveLattice``).
    public func objectiveStep(for objective: ObjectiveSpec) -> Double? {
        ObjectiveLattice.step(for: objective, in: self)
    }
}
