/// What a solver reports while it works, for progress displays.
public struct SolveProgress: Sendable {
    /// Seconds since the solve started.
    public var elapsed: Double
    /// Best objective value found so far, if any.
    public var incumbent: Double?
    /// Best proven bound so far, if known.
    public var bestBound: Double?
    /// Relative gap between the two, if both are known.
    public var relativeGap: Double?
    /// Branch-and-bound nodes still open, if known.
    public var openNodes: Int?

    public init(elapsed: Double, incumbent: Double? = nil, bestBound: Double? = nil,
                relativeGap: Double? = nil, openNodes: Int? = nil) {
        self.elapsed = elapsed
        self.incumbent = incumbent
        self.bestBound = bestBound
        self.relativeGap = relativeGap
        self.openNodes = openNodes
    }
}

/// Parameters common to every solver (OR-Tools MathOpt's shape); a backend may offer more
/// of its own.
///
/// ```swift
/// var p = SolveParameters()
/// p.timeLimit = 30
/// p.objectiveStep = 1   // all integer plans have integral cost: stop within 1
/// ```
public struct SolveParameters: Sendable {
    /// Wall-clock limit in seconds; nil for none.
    public var timeLimit: Double?
    /// Relative MIP gap at which the solve stops; nil for the solver's default (0 for
    /// GLPK). A search stopped this way is ``TerminationReason/stoppedEarly`` (with
    /// ``SolveResult/stoppedBy`` `.gap`) unless the objective lattice proves its incumbent
    /// optimal: a gap is not a proof.
    public var relativeGap: Double?
    /// The objective of every integer-feasible solution lies on a lattice with this step
    /// (`value = offset + k * step`, k whole): the search may stop once no solution better
    /// by a whole step can exist. nil when unknown.
    public var objectiveStep: Double?
    /// Stop a MIP search after this many branch-and-bound nodes; nil for no limit. Unlike
    /// a time limit, the same model stops at the same place on any machine, so results
    /// stay reproducible. A search stopped this way reports ``TerminationReason/stoppedEarly``
    /// (with its incumbent, if any). Zero or less means no limit.
    public var nodeLimit: Int?
    /// Run the solver's presolver.
    public var presolve: Bool = true
    /// A feasible (or nearly feasible) point, one value per variable, offered as a first
    /// incumbent. Ignored when it violates the model.
    public var hint: [Double]?
    /// Receives the solver's log text (fragments, not always whole lines). nil: silent.
    public var logHandler: (@Sendable (String) -> Void)?
    /// Called now and then during a MIP search.
    public var progressHandler: (@Sendable (SolveProgress) -> Void)?
    /// Compute row duals and reduced costs for LPs (and the root LP of a MIP is not used).
    public var wantDuals: Bool = true

    public init() {}
}
