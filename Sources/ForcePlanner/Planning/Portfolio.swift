import LinearModel

/// Solver configurations taken in turns, for searches that one configuration alone proves
/// slowly.
///
/// Branch-and-bound on these small models is fragile: one setting of cuts and branching
/// proves a case in a second that another has not proven after minutes, and the next case
/// is the other way round. The portfolio runs each solver for a number of nodes, passes
/// the best plan so far on as the next one's first incumbent, and doubles the node budget
/// after every round, until one of them proves optimality (or infeasibility) or the time
/// limit strikes. Node budgets, unlike time slices, keep the outcome reproducible.
public struct SolverPortfolio: Sendable {
    /// The configurations, tried in this order.
    public var solvers: [any Solver]
    /// Nodes for each solver in the first round; doubled every round.
    public var initialNodes: Int

    public init(_ solvers: [any Solver], initialNodes: Int = 500) {
        self.solvers = solvers
        self.initialNodes = initialNodes
    }

    /// Solves `model`; with a single solver this is just that solver's solve.
    public func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult {
        guard solvers.count > 1, parameters.nodeLimit == nil else {
            guard let only = solvers.first else {
                return SolveResult(termination: .error, hasSolution: false, message: "no solver configured")
            }
            return try only.solve(model, parameters: parameters)
        }
        var p = parameters
        var budget = max(1, initialNodes)
        var best: SolveResult?
        let clock = Stopwatch()
        var nodes = 0
        // Every turn's subproblems count, whichever turn ends the search.
        func counted(_ r: SolveResult) -> SolveResult {
            var r = r
            r.nodes = nodes
            return r
        }
        while true {
            for solver in solvers {
                p.nodeLimit = budget
                // One time limit for the whole portfolio, not one per turn.
                if let limit = parameters.timeLimit { p.timeLimit = max(0.01, limit - clock.elapsed) }
                if let b = best, b.hasSolution { p.hint = b.values }
                let r = try solver.solve(model, parameters: p)
                nodes += r.nodes ?? 0
                switch r.termination {
                case .stoppedEarly:
                    if r.hasSolution, better(r, than: best, sense: model.objective.sense) { best = r }
                    else if best == nil { best = r }
                case .timeLimit:
                    if r.hasSolution || best?.hasSolution != true { return counted(r) }
                    var kept = best ?? r
                    kept.termination = .timeLimit
                    return counted(kept)
                default:
                    return counted(r)
                }
            }
            let (doubled, overflow) = budget.multipliedReportingOverflow(by: 2)
            budget = overflow ? Int.max : doubled
        }
    }

    private func better(_ r: SolveResult, than best: SolveResult?, sense: ObjectiveSense) -> Bool {
        guard let b = best, b.hasSolution, let bo = b.objectiveValue else { return true }
        guard let ro = r.objectiveValue else { return false }
        return sense == .minimize ? ro < bo : ro > bo
    }
}
