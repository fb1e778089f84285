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
    /// The time limit struck; see ``SolveResult/hasSolution`` for an incumbent.
    case timeLimit
    /// Stopped by a callback or another limit with an incumbent that is not proven optimal.
    case stoppedEarly
    /// The solver failed (numerical trouble, internal error).
    case error
}

/// The outcome of a solve, read in order: termination, then whether a solution exists,
/// then its values (JuMP's shape).
public struct SolveResult: Sendable {
    public var termination: TerminationReason
    /// True when ``values`` hold a primal solution that satisfies the constraints (within
    /// tolerances) and, for a MIP, the integrality.
    public var hasSolution: Bool
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
    /// Branch-and-bound subproblems the solver took up (MIPs), when it counts them.
    public var nodes: Int?

    public init(termination: TerminationReason, hasSolution: Bool, objectiveValue: Double? = nil,
                bestBound: Double? = nil, values: [Double] = [], rowDuals: [Double]? = nil,
                reducedCosts: [Double]? = nil, solveTime: Double = 0, message: String? = nil) {
        self.termination = termination
        self.hasSolution = hasSolution
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
        guard let o = objectiveValue, let b = bestBound, hasSolution else { return nil }
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

/// Formats a solver can write a model in, for audit in other solvers.
public enum ModelFileFormat: String, Sendable, CaseIterable {
    /// CPLEX LP format.
    case lp
    /// Free MPS format.
    case mps
}

/// A MILP solver backend. ForcePlanner speaks only to this protocol, so a second backend
/// (CBC, HiGHS) needs no change elsewhere.
public protocol Solver: Sendable {
    /// A short name for reports ("GLPK 5.0").
    var name: String { get }
    /// Solves `model`. Invalid models throw ``ModelError``; solver failures are reported as
    /// ``TerminationReason/error`` or thrown, never as a crash.
    func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult
    /// Writes `model` to `path` in `format`.
    func export(_ model: Model, format: ModelFileFormat, to path: String) throws
}

extension Solver {
    /// Solves with default parameters.
    public func solve(_ model: Model) throws -> SolveResult {
        try solve(model, parameters: SolveParameters())
    }
}
