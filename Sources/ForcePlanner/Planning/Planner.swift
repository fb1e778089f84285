import ForceScenario
import Foundation
import LinearModel

/// Where a long solve is, for progress displays.
public struct PlanningProgress: Sendable {
    /// 1-based index of the option being planned, and how many there are.
    public var optionIndex: Int
    public var optionCount: Int
    public var optionID: String
    /// "coverage", "cost", "alternative 1", "explaining infeasibility", ...
    public var stage: String
    /// Seconds since this option started.
    public var elapsed: Double
    /// The solver's current relative gap, when known.
    public var gap: Double?
    /// True once the stage is proven optimal (then ``gap`` is 0).
    public var proven: Bool = false
}

/// Settings for ``Planner``.
public struct PlannerSettings: Sendable {
    /// Wall-clock limit per option in seconds (all stages together); nil for none. A safety
    /// net: where it strikes depends on the machine, so prefer ``nodeLimit``.
    public var timeLimit: Double?
    /// Branch-and-bound nodes per objective stage (all solver configurations together);
    /// nil for none. The same input stops at the same plan on any machine; an option so
    /// stopped reports `feasible` with its gap, and its message names the limit.
    public var nodeLimit: Int? = PlannerSettings.defaultNodeLimit
    /// The default ``nodeLimit``: on 100 seeded coalitions of 12 to 60 nations x 4 options
    /// it keeps every option within seconds; GLPK's portfolio alone leaves 4 options
    /// unproven (gaps of 0.1% to 7.5%), and with CBC as its last member (the CLI's default)
    /// every option is proven (benchmarks/RESULTS.md, "Linear model size and bounded effort"
    /// and "Issue 7 targets on the merged tree"). Measured again against work (issue 22,
    /// "Node limit against work"): no proven stage of those seeds, of seeds 101 to 120 or of
    /// 200-nation coalitions takes more than 1,002 nodes, and the one stage known to stop
    /// here (withdrawal at 37 nations) has a stalled bound, so a larger or work-scaled
    /// limit would change no result.
    public static let defaultNodeLimit = 10_000
    /// What-if overrides applied to every option.
    public var overrides: PlanningOverrides
    /// Compute near-optimal alternatives as the scenario asks (`alternatives:`).
    public var alternatives: Bool
    /// Find the caveats and policies that bind (one extra solve per candidate).
    public var findBinding: Bool
    /// Trade-offs on each option's own terms (``Tradeoffs``: one more lexicographic re-plan
    /// per decision-matrix criterion the option does not list). Follows ``findBinding``
    /// unless set, so analyses that re-plan many times skip both.
    public var tradeoffs: Bool
    /// Offer each stage's solver the previous stage's plan as a first incumbent.
    public var warmStart: Bool = true
    /// Offer the first stage's solver the repaired start plan (``Formulation/startPlan(objective:solver:parameters:)``)
    /// as a first incumbent. Off: the start plan is made only when the first stage stops
    /// without a plan of its own (GLPK turns its presolver off for a hint).
    public var startPlanHint: Bool = false
    /// Further solver configurations to take turns with the planner's solver on hard
    /// stages (see ``SolverPortfolio``); empty: the planner's solver alone.
    public var alternateSolvers: [any Solver] = []
    /// The configurations the alternatives' search for the farthest plan takes turns with,
    /// in this order (``SolveContext/farthestPlanSearch``); empty: the planner's solver,
    /// then ``alternateSolvers``, as every other stage.
    public var farthestPlanSolvers: [any Solver] = []
    /// The configuration of the alternatives' clean-up stages: the option's objectives in
    /// order at a found distance, ``SolveContext/alternativeNodeLimit`` nodes each, each
    /// warm-started from the plan before (``SolveContext/alternativeStages``). Nil: the
    /// planner's solver, as every other stage.
    public var alternativeStageSolver: (any Solver)?
    /// Add the withdrawal rows (`w <= coverage without n`) of the lexicographic solve
    /// lazily, as plans break them; off: the full family from the start (same result).
    public var lazyWithdrawalRows: Bool = true
    /// Option id -> the baseline plan a stable re-plan stays close to (`whatif --stable`):
    /// each option with one gets a stage right after its first objective that minimises the
    /// units moved from that plan (``UnitsMoved``). Empty: plain planning.
    public var stableBaselines: [String: Plan] = [:]
    /// Called now and then during long solves.
    public var progress: (@Sendable (PlanningProgress) -> Void)?

    public init(timeLimit: Double? = nil, overrides: PlanningOverrides = PlanningOverrides(),
                alternatives: Bool = true, findBinding: Bool = true, tradeoffs: Bool? = nil,
                progress: (@Sendable (PlanningProgress) -> Void)? = nil) {
        self.timeLimit = timeLimit
        self.overrides = overrides
        self.alternatives = alternatives
        self.findBinding = findBinding
        self.tradeoffs = tradeoffs ?? findBinding
        self.progress = progress
    }
}

/// Plans the options of a scenario: builds each option's model, solves it
/// lexicographically, and reads the plan back in the planner's terms.
///
/// ```swift
/// let loaded = try ScenarioLoader.load(file: "scenarios/tutorial.yaml")
/// let planner = Planner(scenario: loaded.scenario, solver: GLPKSolver())
/// let report = planner.planAll()
/// for result in report.options {
///     print(result.option.id, result.status, result.plan?.value(of: .coverage) ?? 0)
/// }
/// ```
public struct Planner: Sendable {
    public var scenario: Scenario
    public var solver: any Solver
    public var settings: PlannerSettings

    public init(scenario: Scenario, solver: any Solver, settings: PlannerSettings = PlannerSettings()) {
        self.scenario = scenario
        self.solver = solver
        self.settings = settings
    }

    /// The planner's solver followed by ``PlannerSettings/alternateSolvers``.
    public var portfolio: SolverPortfolio {
        SolverPortfolio([solver] + settings.alternateSolvers, nodeBudget: settings.nodeLimit)
    }

    /// Plans every option in file order.
    public func planAll() -> PlanReport {
        planAll(scenario.effectiveOptions)
    }

    /// Plans one option.
    public func plan(_ option: Option, index: Int = 1, of count: Int = 1) -> OptionResult {
        let resolved = ResolvedOption(option, of: scenario, overrides: settings.overrides)
        let clock = Stopwatch()
        let solved = Formulation(scenario: scenario, option: resolved, lazyWithdrawal: settings.lazyWithdrawal(option.id))
        var context = SolveContext(planner: self, option: resolved, index: index, count: count, clock: clock)
        var result = context.lexicographic(solved)
        result.modelSize = ModelSize(solved.model)
        result.nodes = context.nodes
        result.withdrawalRows = context.withdrawalRowStats
        if result.status == .infeasible {
            result.conflicts = context.explainWithdrawalShortfall() ?? context.explainInfeasibility()
        }
        // The side searches take the full withdrawal family (exact without a lazy loop).
        let formulation = solved.lazyWithdrawal && solved.withdrawalWorst != nil
            ? Formulation(scenario: scenario, option: resolved) : solved
        if let plan = result.plan, result.status == .optimal || result.status == .feasible {
            if settings.alternatives && scenario.alternatives.count > 0 {
                let search = context.alternatives(formulation, best: plan)
                result.alternatives = search.plans
                result.alternativesRequested = scenario.alternatives.count
                result.alternativesMissing = search.missing
            }
            if settings.findBinding {
                result.binding = context.bindingConstraints(formulation, best: plan)
                result.binding += context.timelineBinding(formulation, best: plan)
            }
            if settings.tradeoffs { result.tradeoffs = Tradeoffs.assess(self, result) }
        }
        result.seconds = clock.elapsed
        return result
    }
}

/// Wall-clock time since creation.
struct Stopwatch: Sendable {
    let start = DispatchTime.now().uptimeNanoseconds
    var elapsed: Double { Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9 }
}

/// One option's solves, sharing its clock and progress reporting.
struct SolveContext {
    let planner: Planner
    let option: ResolvedOption
    let index: Int
    let count: Int
    let clock: Stopwatch
    /// The optimal plan's values (clean), once ``lexicographic(_:stopAt:)`` has found it.
    var bestValues: [Double]?
    /// The model of the stage ``lexicographic(_:stopAt:)`` stopped at.
    var stageModel: Model?
    /// The first stage's start plan, once made (see ``startPlan(_:)``).
    var start: Result<[Double], StartPlanFailure>?
    /// Branch-and-bound subproblems of the stages solved so far, when the solver counts them.
    var nodes: Int?
    /// Solves so far, and the withdrawal rows of the last formulation solved.
    var withdrawalSolves = 0
    var withdrawalRowStats: WithdrawalRowStats?
    /// The deviation variables of a stable stage, once added (``stableStage``).
    var stable: StableDeviations?

    var remaining: Double? {
        planner.settings.timeLimit.map { max(0.05, $0 - clock.elapsed) }
    }

    func parameters(stage: String, step: Double?, hint: [Double]?) -> SolveParameters {
        var p = SolveParameters()
        p.timeLimit = remaining
        p.objectiveStep = step
        p.hint = hint
        p.wantDuals = false
        if let report = planner.settings.progress {
            let (i, n, id) = (index, count, option.id)
            let clock = self.clock
            report(PlanningProgress(optionIndex: i, optionCount: n, optionID: id, stage: stage,
                                    elapsed: clock.elapsed, gap: nil))
            p.progressHandler = { progress in
                report(PlanningProgress(optionIndex: i, optionCount: n, optionID: id, stage: stage,
                                        elapsed: clock.elapsed, gap: progress.relativeGap))
            }
        }
        return p
    }

    /// Tolerance kept on an optimised objective value `v` in later stages.
    static func tolerance(_ v: Double) -> Double { max(1e-6, 1e-6 * abs(v)) }

    /// Adds "keep `objective` within `slack` of `value`" to `model`.
    static func keep(_ model: inout Model, _ f: Formulation, _ objective: ObjectiveSpec, at value: Double,
                     slack: Double, name: String) {
        // Full coverage kept within a tolerance finer than coverage's lattice step means
        // no shortfall at all: fixing every shortfall at 0 states that directly and leaves
        // plain covering rows, a much tighter relaxation than one aggregated row.
        if objective == .coverage, value >= 1 - 1e-12, let step = f.objectiveStep(for: .coverage), step > slack {
            for s in f.shortfalls.values { model.setBounds(s, lower: 0, upper: 0) }
            return
        }
        let e = f.expression(for: objective)
        if objective.maximizes {
            model.addConstraint(name: name, e, .greaterEqual(value - slack))
        } else {
            model.addConstraint(name: name, e, .lessEqual(value + slack))
        }
    }

    /// Optimises the option's objectives in order, each kept within tolerance of its
    /// optimum while the next is optimised.
    ///
    /// With `stopAt` (1-based), it stops before solving that stage and leaves the stage's
    /// model in ``stageModel``, for audit (`forceplan export`).
    mutating func lexicographic(_ f: Formulation, stopAt: Int? = nil) -> OptionResult {
        var result = OptionResult(option: option, status: .optimal, plan: nil, gap: nil, conflicts: [],
                                  alternatives: [], binding: [], seconds: 0, message: nil)
        var f = f
        var model = f.model
        var values: [Double]?
        defer {
            if f.withdrawalWorst != nil {
                withdrawalRowStats = WithdrawalRowStats(nationsWithRows: f.withdrawalNations.count,
                                                        fullFamily: f.withdrawalCandidates.count, solves: withdrawalSolves)
            }
        }
        // Before the first timed objective, arrivals are held at 0 (see ``Formulation/holdArrivals(_:)``).
        let firstTimed = option.objectives.firstIndex(where: \.isTimed) ?? option.objectives.count
        if firstTimed > 0 { f.holdArrivals(&model) }
        for (k, objective) in option.objectives.enumerated() {
            if k == firstTimed && k > 0 { f.releaseArrivals(&model) }
            model.setObjective(objective.maximizes ? .maximize : .minimize, f.expression(for: objective))
            if k + 1 == stopAt {
                stageModel = model
                return result
            }
            let firstHint = k == 0 && planner.settings.startPlanHint ? try? startPlan(f).get() : nil
            let stageHint = (hint(values) ?? firstHint).map { k < firstTimed ? f.withoutArrivals($0) : $0 }
            let params = parameters(stage: objective.description, step: f.objectiveStep(for: objective),
                                    hint: planner.settings.warmStart ? stageHint : nil)
            let solved: SolveResult
            do {
                solved = try solveStage(&model, &f, stage: k, parameters: params)
                if let n = solved.nodes { nodes = (nodes ?? 0) + n }
            } catch {
                result.status = .error
                result.message = "\(error)"
                return result
            }
            switch solved.termination {
            case .optimal:
                reportProven(objective.description)
            case .infeasible, .infeasibleOrUnbounded:
                if k == 0 {
                    result.status = .infeasible
                } else {
                    result.status = .error
                    result.message = "stage \(objective) became infeasible after fixing earlier objectives"
                }
                return result
            case .timeLimit, .stoppedEarly:
                return stopped(f, stage: k, solved: solved, earlier: values, result: result)
            case .unbounded, .error:
                result.status = .error
                result.message = solved.message ?? "solver failed while optimising \(objective)"
                return result
            }
            let clean = f.cleanValues(solved.values)
            values = clean
            if k + 1 < option.objectives.count {
                let v = f.expression(for: objective).value(clean)
                Self.keep(&model, f, objective, at: v, slack: Self.tolerance(v), name: "keep(\(objective))")
            }
            if k == 0, let baseline = planner.settings.stableBaselines[option.id],
               !stableStage(f, baseline: baseline, first: objective, model: &model, values: &values, result: &result) {
                return result
            }
        }
        if let values { result.plan = f.plan(from: values) }
        bestValues = values
        return result
    }
}
