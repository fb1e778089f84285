/// Why a solve stopped.
public enum TerminationReason: String, Sendable, Hashable, Codable {
    /// The solver proved the solution optimal (within the requested gap or step).
    case optimal
    /// No point satisfies the constraints.
    case infeasible
    /// The objective improves without limit.
    case unbounded
    /// Infeasible or unbounded; the solver did not tell which.
    case infeasibleOrUnbounded
    /// The time limit struck; see ``SolveResult/primalStatus`` for an incumbent.
    case timeLimit
    /// Stopped by a callback or another limit with an incumbent that is not proven optimal.
    case stoppedEarly
    /// The solver failed (numerical trouble, internal error).
    case error
}

/// What a result holds of a primal point (MathOptInterface's `PrimalStatus`), read after
/// the termination: a solve stopped by a limit may or may not hold one.
public enum PrimalStatus: String, Sendable, Hashable, Codable {
    /// ``SolveResult/values`` hold a point that satisfies every bound and constraint
    /// (within tolerances) and, for a MIP, the integrality: the optimum for
    /// ``TerminationReason/optimal``, else the best point found (an incumbent).
    case feasiblePoint
    /// No point: ``SolveResult/values`` is empty (infeasible, unbounded, stopped before a
    /// point was found, or an error).
    case noPoint
}

/// The outcome of a solve, read in order: termination, then the primal status (whether a
/// point exists), then its values (JuMP's shape).
public struct SolveResult: Sendable {
    public var termination: TerminationReason
    /// Whether ``values`` hold a feasible point.
    public var primalStatus: PrimalStatus
    /// Shorthand for `primalStatus == .feasiblePoint`.
    public var hasSolution: Bool { primalStatus == .feasiblePoint }
    /// Objective value of the solution, when there is one.
    public var objectiveValue: Double?
    /// Best proven bound on the optimum (MIP), when known.
    public var bestBound: Double?
    /// One value per variable, by variable index; empty without a solution.
    public var values: [Double]
    /// One dual value per constraint (LPs only); nil when not computed.
    public var rowDuals: [Double]?
    /// One reduced cost per variable (LPs only); nil when not computed.
    public var reducedCosts: [Double]?
    /// Wall-clock seconds spent in the solver.
    public var solveTime: Double
    /// A solver message for ``TerminationReason/error`` and unusual stops.
    public var message: String?
    /// Branch-and-bound nodes (subproblems) the MIP search took up, when the backend counts
    /// them; nil for LPs and unknown counts.
    public var nodes: Int?
    /// Simplex iterations the solve spent (LP relaxations of every subproblem together),
    /// when the backend counts them; a measure of work, like ``nodes`` deterministic.
    /// GLPK counts every LP of its search, the root relaxation included; CBC's count
    /// (`Cbc_getIterationCount`) leaves out its root work: 0 for a model it proves there.
    public var iterations: Int?
    /// Which limit stopped the search, for ``TerminationReason/timeLimit`` and
    /// ``TerminationReason/stoppedEarly``; nil when the search ran to its end.
    public var stoppedBy: SolveLimit?

    /// A result; without a `primalStatus`, one without a point.
    public init(termination: TerminationReason, primalStatus: PrimalStatus = .noPoint, objectiveValue: Double? = nil,
                bestBound: Double? = nil, values: [Double] = [], rowDuals: [Double]? = nil,
                reducedCosts: [Double]? = nil, solveTime: Double = 0, message: String? = nil) {
        self.termination = termination
        self.primalStatus = primalStatus
        self.objectiveValue = objectiveValue
        self.bestBound = bestBound
        self.values = values
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.solveTime = solveTime
        self.message = message
    }

    /// Relative gap `|objective - bound| / max(1e-10, |objective|)`, when both are known.
    public var relativeGap: Double? {
        guard let o = objectiveValue, let b = bestBound, primalStatus == .feasiblePoint else { return nil }
        return abs(o - b) / max(1e-10, abs(o))
    }

    /// Value of `variable` in the solution (0 without one).
    public func value(_ variable: Variable) -> Double {
        values.indices.contains(variable.index) ? values[variable.index] : 0
    }

    /// Value of `expression` in the solution.
    public func value(_ expression: LinearExpression) -> Double {
        expression.value(values)
    }
}
