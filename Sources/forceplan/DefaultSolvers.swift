import CBCSolver
import GLPKSolver
import LinearModel

extension SolverChoice {
    /// The solver configurations of this choice in the order they take turns
    /// (``SolverPortfolio``: each gets a node budget per round, doubled every round, all
    /// turns of a stage sharing `--node-limit`; the first to prove the stage ends it).
    ///
    /// - `auto`: GLPK's two configurations, then CBC. GLPK proves nearly every stage in
    ///   its first 500 nodes, so CBC runs only on the few it has not proven after a round
    ///   (500 + 500 nodes); there CBC's preprocessing and cuts often prove at the root
    ///   what GLPK leaves open after 10,000 nodes. CBC gets no hint: given the portfolio's
    ///   plan as a MIP start it proved less (benchmarks/RESULTS.md, "Issue 7 targets on
    ///   the merged tree"). Every member is limited by nodes, so the same input gives the
    ///   same plan; the time limit is only a safety net.
    /// - `glpk`: GLPK's two configurations alone.
    /// - `cbc`: CBC alone.
    var solvers: [any Solver] {
        switch self {
        case .auto: return GLPKSolver.portfolio + [CBCSolver(usesHint: false)]
        case .glpk: return GLPKSolver.portfolio
        case .cbc: return [CBCSolver()]
        }
    }
}
