import CBCSolver
import ForceBench
import ForcePlanner
import ForceReports
import ForceScenario
import GLPKSolver
import LinearModel

/// The solver backends a standard planner can be built on.
///
/// One case per backend; each names the configurations it takes turns with (see
/// ``SolverPortfolio``). A new backend adds a case here and its solvers in
/// ``solvers``; `forceplan plan` and library callers then get it alike.
public enum SolverBackend: String, CaseIterable, Sendable {
    /// The default: GLPK's portfolio, then CBC as its last member. GLPK proves nearly every
    /// stage in its first 500 nodes, so CBC runs only on the few it has not proven after a
    /// round (500 + 500 nodes); there CBC's preprocessing and root cuts often prove what
    /// GLPK leaves open after 10,000 nodes. CBC gets no hint: the portfolio keeps the best plan
    /// of every turn itself, and CBC never takes a hint as a MIP start (a start ends its
    /// root cut loop early; docs/cbc-backend.md, "The hint"). Every member is limited by nodes, so the same input gives the same plan.
    case auto
    /// GLPK's branch-and-cut through its C API, as GLPK's portfolio of configurations
    /// (cuts with pseudocost branching, then Gomory cuts).
    case glpk
    /// CBC alone, with its own defaults (docs/cbc-backend.md).
    case cbc
    /// GLPK alone with GLPK's own defaults (no cuts, as `glpsol` runs an exported model
    /// without options): the reference for auditing a plan with `glpsol`. Weaker than
    /// ``glpk``: it proves fewer stages within the node limit.
    case glpkPlain = "glpk-plain"

    /// The backend's configurations in the order they take turns (``SolverPortfolio``:
    /// each gets a node budget per round, doubled every round, all turns of a stage sharing
    /// ``PlannerSettings/nodeLimit``; the first to prove the stage ends it).
    public var solvers: [any Solver] {
        switch self {
        case .auto: return GLPKSolver.portfolio + [CBCSolver(usesHint: false)]
        case .glpk: return GLPKSolver.portfolio
        case .cbc: return [CBCSolver()]
        case .glpkPlain: return [GLPKSolver()]
        }
    }

    /// The configurations, in turn order, of the alternatives' exact search for the
    /// farthest plan (``PlannerSettings/farthestPlanSolvers``); empty: ``solvers``.
    ///
    /// ``auto`` takes CBC first there, then GLPK with Gomory cuts: on that model (`max t`
    /// over binaries `used(n|r)`) CBC's root cuts prove the maximum in 0 to 14 nodes on every
    /// shipped scenario that needs the search, where both GLPK configurations stop at 100
    /// nodes without a proof (their cut bound, 24.2 where the maximum is 23, needs
    /// branching). GLPK with cuts and pseudocost branching is left out: on the four searches
    /// traced it found no plan apart in 100 nodes and took 2 to 4 times as long per node as
    /// the Gomory configuration (benchmarks/RESULTS.md, "Issue 22", "Alternatives within 5x").
    /// Same answers on every shipped scenario; 0.8 to 2.5 s less per search (release build).
    public var farthestPlanSolvers: [any Solver] {
        switch self {
        case .auto: return [CBCSolver(usesHint: false), GLPKSolver(options: .gomory)]
        case .glpk, .cbc, .glpkPlain: return []
        }
    }

    /// The configuration of the alternatives' clean-up stages
    /// (``PlannerSettings/alternativeStageSolver``); nil: the first of ``solvers``.
    ///
    /// ``auto`` takes GLPK with Gomory cuts there. A clean-up stage has 100 nodes and keeps
    /// its best plan when they run out, so a proof is rarely the point: the work per node is. The
    /// portfolio's first configuration spends its first nodes on pseudocost branching's
    /// strong-branching start and on four cut families; Gomory cuts with Driebeck-Tomlin
    /// branching does not. With the shadow's warm start it took the shipped scenarios'
    /// option sets from 6.1x, 5.9x and 7.2x their lexicographic solves (coalition-2025,
    /// poland-hosts-none, uk-withdraws) to 4.0x, 3.1x and 4.5x
    /// (benchmarks/RESULTS.md, "Issue 22", "Clean-up stages"). `--solver glpk` and
    /// `--solver cbc` are unchanged.
    public var alternativeStageSolver: (any Solver)? {
        switch self {
        case .auto: return GLPKSolver(options: .gomory)
        case .glpk, .cbc, .glpkPlain: return nil
        }
    }
}

extension Planner {
    /// The planner `forceplan plan` uses: `backend`'s portfolio of solver configurations
    /// with `settings`. Library callers that want the CLI's answers build their planner here.
    ///
    /// ```swift
    /// import ForcePlanner
    /// import StandardPlanner
    ///
    /// let loaded = try ScenarioLoader.load(file: "scenarios/tutorial.yaml")
    /// let report = Planner.standard(scenario: loaded.scenario).planAll()
    /// print(JSONReport.render(report), terminator: "")   // the bytes of `forceplan plan --format json`
    /// ```
    ///
    /// `settings.alternateSolvers`, `farthestPlanSolvers` and `alternativeStageSolver` are
    /// replaced by the backend's; everything else in `settings` is kept.
    public static func standard(scenario: Scenario, settings: PlannerSettings = PlannerSettings(),
                                backend: SolverBackend = .auto) -> Planner {
        var settings = settings
        let solvers = backend.solvers
        settings.alternateSolvers = Array(solvers.dropFirst())
        settings.farthestPlanSolvers = backend.farthestPlanSolvers
        settings.alternativeStageSolver = backend.alternativeStageSolver
        // Every backend has at least one configuration; GLPK's default is the fallback.
        return Planner(scenario: scenario, solver: solvers.first ?? GLPKSolver(), settings: settings)
    }
}
