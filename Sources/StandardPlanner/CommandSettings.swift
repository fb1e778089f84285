import ForcePlanner
import ForceScenario

/// What every command that plans shares: the solver, the limits, the threads and what to
/// compute besides the plans. One default for each, for every command.
///
/// ```swift
/// var settings = CommandSettings()
/// settings.nodeLimit = 2000
/// let report = try Commands.plan(scenario, settings: settings)
/// ```
public struct CommandSettings: Sendable {
    /// The solver backend (``SolverBackend/auto``: GLPK's portfolio, then CBC).
    public var backend: SolverBackend = .auto
    /// Seconds per option (a safety net; ``nodeLimit`` decides where a search stops).
    public var timeLimit: Double = PlannerSettings.defaultTimeLimit
    /// Branch-and-bound nodes per objective stage: the same input stops at the same plan.
    public var nodeLimit: Int = PlannerSettings.defaultNodeLimit
    /// Threads for the commands that solve independent models at once (1 ... 256).
    public var jobs: Int = 1
    /// Near-optimal alternatives, where the command computes them.
    public var alternatives = true
    /// The search for binding caveats and policies, where the command does it.
    public var findBinding = true
    /// Trade-offs on each option's own terms (``Tradeoffs``), where the command plans;
    /// nil: as ``findBinding``, so the analyses and benchmarks that skip one skip both.
    public var tradeoffs: Bool? = nil
    /// Called now and then during long solves.
    public var progress: (@Sendable (PlanningProgress) -> Void)?

    public init(backend: SolverBackend = .auto, timeLimit: Double = PlannerSettings.defaultTimeLimit,
                nodeLimit: Int = PlannerSettings.defaultNodeLimit, jobs: Int = 1,
                alternatives: Bool = true, findBinding: Bool = true,
                progress: (@Sendable (PlanningProgress) -> Void)? = nil) {
        self.backend = backend
        self.timeLimit = timeLimit
        self.nodeLimit = nodeLimit
        self.jobs = jobs
        self.alternatives = alternatives
        self.findBinding = findBinding
        self.progress = progress
    }

    /// Throws an ``InputError`` naming the first setting out of its range, and the range.
    public func validate() throws {
        try PlannerSettings.checkTimeLimit(timeLimit)
        try PlannerSettings.checkNodeLimit(nodeLimit)
        try PlannerSettings.checkJobs(jobs)
    }

    /// The planner settings of one plan with `overrides`.
    public func plannerSettings(_ overrides: PlanningOverrides = PlanningOverrides()) -> PlannerSettings {
        var s = PlannerSettings(timeLimit: timeLimit, overrides: overrides, alternatives: alternatives,
                                findBinding: findBinding, tradeoffs: tradeoffs, progress: progress)
        s.nodeLimit = nodeLimit
        return s
    }

    /// The standard planner of `scenario` with `overrides` on ``backend``.
    public func planner(_ scenario: Scenario, _ overrides: PlanningOverrides = PlanningOverrides()) -> Planner {
        Planner.standard(scenario: scenario, settings: plannerSettings(overrides), backend: backend)
    }

    /// These settings for an analysis that re-plans one option many times: no
    /// alternatives, no binding search.
    var analysis: CommandSettings {
        var s = self
        s.alternatives = false
        s.findBinding = false
        s.tradeoffs = false
        return s
    }
}
