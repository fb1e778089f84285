import ForcePlanner
import GLPKSolver
import LinearModel

/// The solver backends a standard planner can be built on.
///
/// One case per backend; each names the configurations it takes turns with (see
/// ``SolverPortfolio``). A new backend adds a case here and its solvers in
/// ``solvers``; `forceplan plan` and library callers then get it alike.
public enum SolverBackend: String, CaseIterable, Sendable {
    /// GLPK's branch-and-cut through its C API, as GLPK's portfolio of configurations
    /// (cuts with pseudocost branching, then Gomory cuts).
    case glpk

    /// The backend's configurations: the first is the planner's solver, the rest its
    /// alternates on hard stages.
    public var solvers: [any Solver] {
        switch self {
        case .glpk: return GLPKSolver.portfolio
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
    /// `settings.alternateSolvers` is replaced by the backend's alternates; everything else
    /// in `settings` is kept.
    public static func standard(scenario: Scenario, settings: PlannerSettings = PlannerSettings(),
                                backend: SolverBackend = .glpk) -> Planner {
        var settings = settings
        let solvers = backend.solvers
        settings.alternateSolvers = Array(solvers.dropFirst())
        // Every backend has at least one configuration; GLPK's default is the fallback.
        return Planner(scenario: scenario, solver: solvers.first ?? GLPKSolver(), settings: settings)
    }
}
