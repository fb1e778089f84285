import ForceScenario
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
public struct SolverPortfolio: Solver {
    /// The configurations, tried in this order.
    public var solvers: [any Solver]
    /// Nodes for each solver in the first round; doubled every round.
    public var initialNodes: Int
    /// Branch-and-bound nodes for all turns of one solve together, when the parameters
    /// give no node limit of their own; nil for none. The search then stops at the same
    /// place on any machine: ``TerminationReason/stoppedEarly``, ``SolveResult/stoppedBy``
    /// `.nodes`, with the best plan of all turns and the tightest bound any turn proved.
    public var nodeBudget: Int?

    public init(_ solvers: [any Solver], initialNodes: Int = 500, nodeBudget: Int? = nil) {
        self.solvers = solvers
        self.initialNodes = initialNodes
        self.nodeBudget = nodeBudget.flatMap { $0 > 0 ? $0 : nil }
    }

    /// The members' names in turn order, e.g. "GLPK 5.0, then GLPK 5.0, then CBC 2.10.8".
    public var name: String { solvers.map(\.name).joined(separator: ", then ") }

    /// Writes `model` with the first member's writer.
    public func export(_ model: Model, format: ModelFileFormat, to path: String) throws {
        guard let first = solvers.first else { throw SolverError(.noSolver, solver: "portfolio", message: "no solver configured") }
        try first.export(model, format: format, to: path)
    }

    /// Solves `model`; with a single solver this is just that solver's solve.
    ///
    /// The turns go on only while each ends at its own node budget: a turn stopped on the
    /// requested relative gap (or by the application) ends the search, so a gap with neither
    /// ``nodeBudget`` nor a time limit cannot loop.
    public func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult {
        guard solvers.count > 1, parameters.nodeLimit == nil else {
            guard let only = solvers.first else {
                return SolveResult(termination: .error, message: "no solver configured")
            }
            var p = parameters
            if p.nodeLimit == nil { p.nodeLimit = nodeBudget }
            return try only.solve(model, parameters: p)
        }
        var p = parameters
        var budget = max(1, initialNodes)
        var best: SolveResult?
        var bound: Double?
        var used = 0
        let clock = Stopwatch()
        var nodes = 0
        var iterations: Int?
        // Every turn's subproblems (and simplex iterations) count, whichever turn ends the search.
        func counted(_ r: SolveResult) -> SolveResult {
            var r = r
            r.nodes = nodes
            r.iterations = iterations
            return r
        }
        while true {
            for solver in solvers {
                var turn = budget
                if let total = nodeBudget { turn = min(turn, total - used) }
                p.nodeLimit = turn
                // One time limit for the whole portfolio, not one per turn.
                if let limit = parameters.timeLimit { p.timeLimit = max(0.01, limit - clock.elapsed) }
                if let b = best, b.primalStatus == .feasiblePoint { p.hint = b.values }
                let r = try solver.solve(model, parameters: p)
                nodes += r.nodes ?? 0
                if let i = r.iterations { iterations = (iterations ?? 0) + i }
                switch r.termination {
                case .stoppedEarly where r.stoppedBy != .nodes:
                    // Stopped on the requested gap (or by the application): the turn's answer
                    // is what was asked for, and another turn would stop there again. Only a
                    // turn stopped by its own node budget hands over to the next.
                    var kept = (better(r, than: best, sense: model.objective.sense) ? r : best) ?? r
                    kept.bestBound = clamp(tighter(bound, r.bestBound, sense: model.objective.sense), to: kept,
                                           sense: model.objective.sense)
                    kept.termination = .stoppedEarly
                    kept.stoppedBy = r.stoppedBy
                    kept.message = r.message
                    return counted(kept)
                case .stoppedEarly:
                    if r.primalStatus == .feasiblePoint, better(r, than: best, sense: model.objective.sense) { best = r }
                    else if best == nil { best = r }
                    bound = tighter(bound, r.bestBound, sense: model.objective.sense)
                    let (sum, overflow) = used.addingReportingOverflow(turn)
                    used = overflow ? Int.max : sum
                    if let total = nodeBudget, used >= total, var kept = best {
                        // Every turn searched the same model: each bound holds for all.
                        kept.bestBound = clamp(bound, to: kept, sense: model.objective.sense)
                        kept.termination = .stoppedEarly
                        kept.stoppedBy = .nodes
                        kept.message = "node limit: \(total) nodes over \(solvers.count) solver configurations"
                            + (kept.primalStatus == .feasiblePoint ? "" : "; no integer solution found")
                        return counted(kept)
                    }
                case .timeLimit:
                    var kept = r.primalStatus == .feasiblePoint || best?.primalStatus != .feasiblePoint ? r : (best ?? r)
                    kept.bestBound = clamp(tighter(bound, r.bestBound, sense: model.objective.sense), to: kept,
                                           sense: model.objective.sense)
                    kept.termination = .timeLimit
                    kept.stoppedBy = .time
                    return counted(kept)
                default:
                    return counted(r)
                }
            }
            let (doubled, overflow) = budget.multipliedReportingOverflow(by: 2)
            budget = overflow ? Int.max : doubled
        }
    }

    /// `bound` as a bound of `result`'s plan: never better than the plan itself.
    private func clamp(_ bound: Double?, to result: SolveResult, sense: ObjectiveSense) -> Double? {
        guard let b = bound else { return nil }
        guard result.primalStatus == .feasiblePoint, let z = result.objectiveValue else { return result.primalStatus == .feasiblePoint ? b : nil }
        return sense == .minimize ? min(b, z) : max(b, z)
    }

    /// The tighter of two bounds on the optimum (larger when minimising).
    private func tighter(_ a: Double?, _ b: Double?, sense: ObjectiveSense) -> Double? {
        guard let a else { return b }
        guard let b else { return a }
        return sense == .minimize ? max(a, b) : min(a, b)
    }

    private func better(_ r: SolveResult, than best: SolveResult?, sense: ObjectiveSense) -> Bool {
        guard let b = best, b.primalStatus == .feasiblePoint, let bo = b.objectiveValue else { return true }
        guard let ro = r.objectiveValue else { return false }
        return sense == .minimize ? ro < bo : ro > bo
    }
}
