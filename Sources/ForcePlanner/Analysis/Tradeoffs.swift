import ForceScenario
import LinearModel

/// What one decision-matrix criterion could reach with the option's first objective held
/// at its optimum, and what that would do to the option's other objectives: "same coverage
/// with 7,600 in ukraine (-3,210) at cost 1,702 (+46)".
public struct Tradeoff: Sendable, Hashable {
    /// The criterion optimised (an objective the option does not list).
    public var criterion: ObjectiveSpec
    /// The option's first objective and the value held (within the lexicographic tolerance).
    public var held: ObjectiveValue
    /// `optimal` when the criterion's stage and every later one were proven; `feasible`
    /// when the node or time limit stopped a stage with a plan; otherwise no plan.
    public var status: PlanStatus
    /// The criterion's value in the option's plan.
    public var planValue: Double
    /// The criterion's value it could reach; nil without a plan.
    public var value: Double?
    /// The option's objectives after the first (the criterion left out), each in the
    /// option's plan and in the trade-off's plan, in the option's order.
    public var others: [TradeoffChange]
    /// For statuses other than `optimal`: what stopped the solve.
    public var message: String?

    public init(criterion: ObjectiveSpec, held: ObjectiveValue, status: PlanStatus, planValue: Double, value: Double?,
                others: [TradeoffChange], message: String?) {
        self.criterion = criterion
        self.held = held
        self.status = status
        self.planValue = planValue
        self.value = value
        self.others = others
        self.message = message
    }
}

/// One objective before and after a trade-off.
public struct TradeoffChange: Sendable, Hashable {
    public var objective: ObjectiveSpec
    /// In the option's plan.
    public var plan: Double
    /// In the trade-off's plan.
    public var value: Double

    public init(objective: ObjectiveSpec, plan: Double, value: Double) {
        self.objective = objective
        self.plan = plan
        self.value = value
    }
}

/// Trade-offs on each option's own terms (docs/analysis.md, "Trade-offs").
///
/// For each decision-matrix criterion the option does not list among its objectives, one
/// more lexicographic re-plan of the option's model: its first objective held within the
/// lexicographic tolerance of the plan's value, then the criterion optimised, then the
/// option's other objectives in order (so the trade-off's cost is the least at that value
/// of the criterion). Each stage runs under the planner's node and time limits; the
/// status says whether the value is proven.
///
/// The criteria, in this order: coverage, coverage by the timeline's first milestone,
/// cost, personnel in the scenario's most constrained tag (``footprintTag(_:)``),
/// contributing nations, and the worst single withdrawal.
///
/// ```swift
/// let result = planner.plan(scenario.effectiveOptions[0])
/// for t in Tradeoffs.assess(planner, result) { print(t.criterion, t.planValue, t.value ?? .nan) }
/// ```
public enum Tradeoffs {
    /// Branch-and-bound nodes per stage of a trade-off's re-plan (or the planner's limit,
    /// when lower): a trade-off is a question a leader asks on the side, not the plan, so
    /// it gets a tenth of the plan's default budget and says whether its value is proven.
    public static let nodeLimit = 1_000

    /// The location tag a leader watches most: the tag with the lowest `max_personnel_in`
    /// ceiling in the scenario's policies or any option's, ties by name; else the first
    /// `personnel-in:TAG` objective of the scenario or an option; nil when neither exists.
    public static func footprintTag(_ scenario: Scenario) -> String? {
        var ceilings: [String: Double] = [:]
        for c in scenario.policies.maxPersonnelIn + scenario.effectiveOptions.flatMap({ $0.policies.maxPersonnelIn }) {
            ceilings[c.tag] = min(ceilings[c.tag] ?? .infinity, c.personnel)
        }
        if let tight = ceilings.sorted(by: { ($0.value, $0.key) < ($1.value, $1.key) }).first { return tight.key }
        for o in scenario.objectives + scenario.effectiveOptions.flatMap({ $0.objectives ?? [] }) {
            if case .personnelIn(let tag) = o { return tag }
        }
        return nil
    }

    /// The decision-matrix criteria of `scenario` as objectives, in the order above.
    public static func criteria(_ scenario: Scenario) -> [ObjectiveSpec] {
        var list: [ObjectiveSpec] = [.coverage]
        if let first = scenario.timeline?.milestones.first { list.append(.coverageBy(day: first)) }
        list.append(.cost)
        if let tag = footprintTag(scenario) { list.append(.personnelIn(tag: tag)) }
        list += [.nations, .withdrawal]
        return list
    }

    /// The trade-offs of `result` (empty when it has no plan). `criteria` defaults to
    /// ``criteria(_:)``; those the option lists are skipped.
    public static func assess(_ planner: Planner, _ result: OptionResult, criteria: [ObjectiveSpec]? = nil) -> [Tradeoff] {
        guard let plan = result.plan, let first = result.option.objectives.first,
              let heldValue = plan.value(of: first) else { return [] }
        var quiet = planner
        quiet.settings.alternatives = false
        quiet.settings.findBinding = false
        quiet.settings.tradeoffs = false
        quiet.settings.progress = nil
        quiet.settings.stableBaselines = [:]
        quiet.settings.nodeLimit = min(planner.settings.nodeLimit ?? nodeLimit, nodeLimit)
        let list = (criteria ?? Self.criteria(planner.scenario)).filter { !result.option.objectives.contains($0) }
        return list.compactMap { c in
            guard let before = value(of: c, in: plan) else { return nil }
            return one(quiet, result.option, plan: plan, first: first, held: heldValue, criterion: c, before: before)
        }
    }

    /// A plan's value of `objective`: listed, or read from the plan; nil when it cannot be
    /// read (a dependence objective the option does not list).
    public static func value(of objective: ObjectiveSpec, in plan: Plan) -> Double? {
        if let v = plan.value(of: objective) { return v }
        switch objective {
        case .coverage: return nil
        case .cost: return plan.cost
        case .personnel: return plan.personnelTotal
        case .personnelIn(let tag): return plan.personnelByTag.first { $0.tag == tag }?.personnel ?? 0
        case .nations: return Double(plan.contributingNations.count)
        case .withdrawal: return plan.withdrawal?.worst?.coverage
        case .coverageBy(let day): return plan.buildup?.milestones.first { $0.day == day }?.coverage
        case .buildup: return plan.buildup?.mean
        case .dependence: return nil
        }
    }

    private static func one(_ planner: Planner, _ option: ResolvedOption, plan: Plan, first: ObjectiveSpec, held: Double,
                            criterion: ObjectiveSpec, before: Double) -> Tradeoff {
        let rest = option.objectives.dropFirst().filter { $0 != criterion }
        var built = option
        built.objectives = [first, criterion] + rest
        var f = Formulation(scenario: planner.scenario, option: built, lazyWithdrawal: planner.settings.lazyWithdrawal(option.id))
        SolveContext.keep(&f.model, f, first, at: held, slack: SolveContext.tolerance(held), name: "hold(\(first))")
        var staged = option
        staged.objectives = [criterion] + rest
        var context = SolveContext(planner: planner, option: staged, index: 1, count: 1, clock: Stopwatch())
        let r = context.lexicographic(f)
        var t = Tradeoff(criterion: criterion, held: ObjectiveValue(objective: first, value: held), status: r.status,
                         planValue: before, value: nil, others: [], message: r.status == .optimal ? nil : r.message)
        guard let p = r.plan else { return t }
        t.value = value(of: criterion, in: p)
        t.others = rest.compactMap { o in
            guard let a = value(of: o, in: plan), let b = value(of: o, in: p) else { return nil }
            return TradeoffChange(objective: o, plan: a, value: b)
        }
        return t
    }
}
