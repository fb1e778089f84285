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
