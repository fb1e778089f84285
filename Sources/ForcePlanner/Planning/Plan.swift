import ForceScenario

/// How an option's solve ended, as reported to planners (docs/model.md's `status`).
public enum PlanStatus: String, Sendable, Hashable, Codable {
    /// Every objective stage was proven optimal.
    case optimal
    /// Stopped early by a limit (nodes, time) with a plan that satisfies every hard
    /// constraint but is not proven optimal; see the gap and the message.
    case feasible
    /// The hard constraints cannot hold together; see the conflicts.
    case infeasible
    /// Stopped by a limit (nodes, time) before any plan was found, and no start plan
    /// could be made either; the message says which limit and why.
    case timeLimit = "time-limit"
    /// The solver failed.
    case error
}

/// Units of one pledge deployed at one location for one requirement.
public struct Assignment: Sendable, Hashable {
    public var nation: String
    public var capability: String
    public var location: String
    public var requirement: String
    public var units: Int
    /// Personnel of these units.
    public var personnel: Double
    /// Cost of these units.
    public var cost: Double
}

/// How well one requirement is served.
public struct RequirementCoverage: Sendable, Hashable {
    public var requirement: String
    /// Units needed.
    public var needed: Double
    /// Units provided (needs factors applied).
    public var provided: Double
    /// `max(0, needed - provided)`.
    public var shortfall: Double
    /// `1 - shortfall / needed` (1 when nothing is needed).
    public var fraction: Double
    /// Nations contributing to it, in file order.
    public var nations: [String]
    /// The requirement's `min_nations` (nations required), nil without one. With fewer
    /// nations serving it the requirement counts 0 (see ``belowMinNations``).
    public var minNations: Int? = nil

    /// True when fewer nations serve the requirement than its `min_nations` asks and it
    /// is needed: it then counts 0 whatever units it has.
    public var belowMinNations: Bool {
        guard let m = minNations, needed > 0 else { return false }
        return nations.count < m
    }
}

/// The value an objective takes in a plan.
public struct ObjectiveValue: Sendable, Hashable {
    public var objective: ObjectiveSpec
    public var value: Double
}

/// A hard constraint that had to give for an infeasible option to have a plan.
public struct Conflict: Sendable, Hashable {
    /// The constraint's name, e.g. `max_personnel_in:ukraine`, `min_nations:reassurance-west`.
    public var constraint: String
    /// By how much it had to give, in its own unit.
    public var shortfall: Double
    /// What a planner reads: "max_personnel_in ukraine: 4,200 more personnel needed".
    public var message: String
}

/// A caveat or policy that costs the option something: relaxing it would improve the
/// first objective.
public struct BindingConstraint: Sendable, Hashable {
    /// `caveat:fr:land:ukraine`, `max_personnel_in:ukraine`, `total_budget`, ...
    public var constraint: String
    /// The first objective's value with the constraint lifted.
    public var relaxedValue: Double
    /// How much the first objective improves (positive).
    public var improvement: Double
    public var message: String
}

/// A force configuration in the planner's terms, computed from the integer plan itself.
public struct Plan: Sendable, Hashable {
    public var assignments: [Assignment]
    /// Every objective of the option's list, in order.
    public var objectives: [ObjectiveValue]
    /// Per requirement, in file order.
    public var coverage: [RequirementCoverage]
    public var personnelTotal: Double
    /// Personnel at locations with each tag, by tag (sorted; every tag listed).
    public var personnelByTag: [(tag: String, personnel: Double)]
    public var cost: Double
    /// Cost per contributing nation, in file order.
    public var costByNation: [(nation: String, cost: Double)]
    /// Nations deploying at least one unit, in file order.
    public var contributingNations: [String]
    /// For alternatives: the fewest (nation, requirement) serving pairs of any earlier plan
    /// that this one does without ("pairs given up"), the measure the search maximised.
    public var distance: Int?
    /// The common fund in this plan; nil when no nation of the scenario has `funds`.
    public var fund: FundUse? = nil
    /// For alternatives: true when no plan in the window is farther (the maximum was proven).
    public var distanceProven: Bool?
    /// What each single nation's withdrawal leaves in place (docs/model.md, resilience).
    public var withdrawal: WithdrawalCoverage? = nil
    /// The build-up by milestone; nil when the scenario has no timeline.
    public var buildup: Buildup? = nil

    /// The value of `objective`, if it is in the list.
    public func value(of objective: ObjectiveSpec) -> Double? {
        objectives.first { $0.objective == objective }?.value
    }

    public static func == (a: Plan, b: Plan) -> Bool {
        a.assignments == b.assignments && a.objectives == b.objectives && a.distance == b.distance
    }

    public func hash(into h: inout Hasher) {
        h.combine(assignments)
        h.combine(objectives)
    }
}

/// The common fund in a plan: what there was, what was used, and whose deployments it
/// paid for.
///
/// ```swift
/// if let fund = plan.fund {
///     print("fund \(fund.used) of \(fund.available)", fund.paid.map(\.nation))
/// }
/// ```
public struct FundUse: Sendable, Hashable {
    /// `F`: the funds of the nations taking part in the option.
    public var available: Double
    /// The sum of ``paid``.
    public var used: Double
    /// Per nation with a budget that the plan takes beyond it, in file order: the amount
    /// the fund pays, which is that overspend (the canonical, least payment; the model
    /// admits others).
    public var paid: [(nation: String, amount: Double)]

    public init(available: Double, used: Double, paid: [(nation: String, amount: Double)]) {
        self.available = available
        self.used = used
        self.paid = paid
    }

    public static func == (a: FundUse, b: FundUse) -> Bool {
        a.available == b.available && a.used == b.used
            && a.paid.map(\.nation) == b.paid.map(\.nation) && a.paid.map(\.amount) == b.paid.map(\.amount)
    }

    public func hash(into h: inout Hasher) {
        h.combine(available)
        h.combine(used)
        for p in paid {
            h.combine(p.nation)
            h.combine(p.amount)
        }
    }
}

/// The outcome of planning one option.
public struct OptionResult: Sendable {
    public var option: ResolvedOption
    public var status: PlanStatus
    /// The plan (nil when infeasible, or stopped without one).
    public var plan: Plan?
    /// For `feasible`: relative gap between the plan and the best bound proven on the
    /// stage that stopped; nil when no bound is known (docs/statuses.md).
    public var gap: Double?
    /// For infeasible options: the hard constraints that had to give.
    public var conflicts: [Conflict]
    /// Near-optimal alternatives, each with its distance.
    public var alternatives: [Plan]
    /// Caveats and policies that bind.
    public var binding: [BindingConstraint]
    /// Wall-clock seconds for this option.
    public var seconds: Double
    /// For `feasible`, `time-limit` and `error`: what happened (which limit stopped the
    /// search, where the plan comes from, the solver's message).
    public var message: String?
    /// Alternatives the scenario asks for (0 when none were searched for).
    public var alternativesRequested = 0
    /// Why fewer alternatives than requested were found; nil when none are missing.
    public var alternativesMissing: MissingAlternatives?
    /// The plan under sampled pledge outcomes (`plan --samples N`); nil when not asked.
    public var reliability: ReliabilityResult?
    /// Size of the option's model (the first stage's), once it was built.
    public var modelSize: ModelSize? = nil
    /// Branch-and-bound subproblems over the lexicographic stages, when the solver counts them.
    public var nodes: Int? = nil
    /// With `withdrawal_coverage` or `withdrawal`: the nations whose rows the solve needed.
    public var withdrawalRows: WithdrawalRowStats? = nil
    /// Trade-offs on the option's own terms (``Tradeoffs``); empty when not computed.
    public var tradeoffs: [Tradeoff] = []
}

/// The outcome of planning a scenario: one result per option, in file order.
public struct PlanReport: Sendable {
    public var scenario: Scenario
    public var options: [OptionResult]

    public init(scenario: Scenario, options: [OptionResult]) {
        self.scenario = scenario
        self.options = options
    }

    /// True when every option has a proven-optimal or time-limited plan.
    public var allSolved: Bool {
        options.allSatisfy { $0.status == .optimal || $0.status == .feasible }
    }
}

extension Plan {
    /// docs/model.md's coverage objective computed from the plan, `sum(weight x fraction) /
    /// sum(weight)` over the requirements in file order, whether or not the option lists
    /// `coverage` (1 when no requirement has weight).
    public func weightedCoverage(in scenario: Scenario) -> Double {
        let weights = Dictionary(scenario.requirements.map { ($0.id, $0.weight) }, uniquingKeysWith: { a, _ in a })
        return Self.weightedMean(coverage.map { ($0.requirement, $0.fraction) }, weight: { weights[$0] }) ?? 1
    }
}
