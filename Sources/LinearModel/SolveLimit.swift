/// The limit that stopped a search before it proved its answer (OR-Tools MathOpt's
/// `Limit`).
///
/// ```swift
/// var p = SolveParameters()
/// p.nodeLimit = 1_000
/// let r = try solver.solve(model, parameters: p)
/// if r.termination == .stoppedEarly, r.stoppedBy == .nodes {
///     // same model, same place: reproducible on any machine
/// }
/// ```
public enum SolveLimit: String, Sendable, Hashable, Codable {
    /// ``SolveParameters/timeLimit`` (wall clock: where it strikes depends on the machine).
    case time
    /// ``SolveParameters/nodeLimit`` (work: the same model stops at the same node).
    case nodes
    /// ``SolveParameters/relativeGap``: the incumbent is within the requested gap, not
    /// proven optimal.
    case gap
    /// A callback or the application asked the search to stop.
    case interrupted
}
