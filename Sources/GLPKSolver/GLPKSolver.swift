import CGLPK
import CGLPKShim
import LinearModel

/// The GLPK backend of ``LinearModel/Solver``: LPs with the simplex method, MILPs with
/// GLPK's branch-and-cut (`glp_intopt`).
///
/// ```swift
/// var model = Model()
/// let x = model.addVariable(name: "x", kind: .integer, lowerBound: 0, upperBound: 4)
/// let y = model.addVariable(name: "y", lowerBound: 0)
/// model.addConstraint(name: "cap", x + y, .lessEqual(5))
/// model.setObjective(.maximize, 3 * x + 2 * y)
/// var parameters = SolveParameters()
/// parameters.timeLimit = 10
/// let result = try GLPKSolver().solve(model, parameters: parameters)
/// // result.termination == .optimal, result.objectiveValue == 14
/// ```
///
/// **Threads.** GLPK keeps its state per OS thread. Each `solve` and `export` is
/// self-contained on the calling thread: it creates a GLPK problem, loads the model, works
/// and deletes the problem before returning, and keeps nothing between calls. So calls are
/// safe concurrently from distinct threads. Never call them from a `logHandler` or
/// `progressHandler` (they run inside GLPK on the same thread): that throws
/// `SolverError` `.reentrantCall`.
///
/// **Errors.** Invalid models (NaN, infinite coefficients, inverted bounds, variables of
/// another model, a hint of the wrong length) throw `ModelError` before GLPK sees them.
/// GLPK's own internal errors, which would abort the process, are trapped in C and thrown
/// as `SolverError` (`.internalError`); the thread can solve again at once. Numerical failures of a solve
/// (`GLP_ESING`, `GLP_EFAIL`, ...) give a result with termination `.error` and a message.
///
/// **Statuses.** `.optimal` only when proven: a complete search, or the objective
/// lattice (`SolveParameters.objectiveStep`) shows that no better solution exists. A stop
/// at the requested relative gap is `.stoppedEarly` (`stoppedBy` `.gap`) unless the
/// lattice proves it. A time-limited MILP with an incumbent is `.timeLimit` with
/// a `.feasiblePoint` primal status, its objective and the best bound; one stopped by
/// `SolveParameters.nodeLimit` (subproblems taken up, the root included; nil, 0 or
/// negative: no limit) is `.stoppedEarly` likewise, and stops at the same node every run.
///
/// - Complexity: loading is O(variables + constraints + nonzeros): duplicate terms are
///   merged without sorting and the matrix goes to GLPK in one `glp_load_matrix`.
public struct GLPKSolver: Solver {
    /// GLPK-specific settings.
    public var options: GLPKOptions
    /// Tests only: the root cut loop makes an invalid GLPK call in this round (0: never).
    var invalidCallInRootCutRoundForTesting = 0
    /// Tests only: with an objective step, prune subproblems but never stop the whole
    /// search (to show that pruning alone completes it).
    var latticeGlobalStop = true
    /// Tests only: the branch-and-bound callback makes an invalid GLPK call.
    var invalidCallInCallbackForTesting = false
    /// Tests only: a solve of a model with this name makes an invalid GLPK call on the
    /// loaded problem, so the fault reaches callers through GLPK's real error path.
    var invalidCallForModelNamedForTesting: String?

    /// A solver with GLPK's defaults, or with `options`.
    public init(options: GLPKOptions = GLPKOptions()) {
        self.options = options
    }

    /// "GLPK" and the library's version, e.g. "GLPK 5.0".
    public var name: String { "GLPK " + String(cString: glp_version()) }

    /// Solves `model` on the calling thread.
    ///
    /// LPs: scaling, an advanced starting basis (or GLPK's LP presolver when
    /// `parameters.presolve`), primal simplex; duals and reduced costs when
    /// `parameters.wantDuals`. MILPs: `glp_intopt`, with its presolver when
    /// `parameters.presolve` and no hint is given; otherwise the LP relaxation is solved
    /// first with the simplex method. MILP results carry no duals.
    ///
    /// - Throws: `ModelError` for invalid models; `SolverError` when GLPK fails internally
    ///   or when called from inside a handler of another solve on the same thread.
    public func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult {
        try solveReporting(model, parameters: parameters).result
    }

    /// ``solve(_:parameters:)`` with the figures only GLPK measures (the root cut loop's
    /// bounds, coefficients strengthened) beside the solver-independent result.
    ///
    /// ```swift
    /// var options = GLPKOptions()
    /// options.rootCutRounds = 5
    /// let report = try GLPKSolver(options: options).solveReporting(model)
    /// print(report.result.termination, report.rootBounds)   // bound per round
    /// ```
    public func solveReporting(_ model: Model, parameters: SolveParameters = SolveParameters()) throws -> GLPKSolveReport {
        try model.validate(for: parameters)
        let clock = SolveClock(limit: parameters.timeLimit)
        var data = ProblemData(model)
        let strengthened = model.isMixedInteger && options.coefficientStrengthening
            ? data.strengthenCoefficients() : 0
        var rootBounds: [Double] = []
        var result = try GLPKSession.run(log: parameters.logHandler) { problem -> SolveResult in
            try problem.load(data)
            if let name = invalidCallForModelNamedForTesting, name == model.name {
                try problem.invalidCallForTesting()
            }
            if model.isMixedInteger {
                return try solveMIP(problem, model, data, parameters, clock, rootBounds: &rootBounds)
            }
            return try solveLP(problem, data, parameters, clock)
        }
        if strengthened > 0 {
            let note = "coefficient strengthening tightened \(strengthened) coefficient(s)"
            result.message = result.message.map { "\($0); \(note)" } ?? note
        }
        result.solveTime = clock.elapsed
        return GLPKSolveReport(result: result, rootBounds: rootBounds, strengthenedCoefficients: strengthened)
    }

    /// The `msg_lev` for `parameters`: GLPK is silent unless someone listens, then it says
    /// what glpsol says (`GLP_MSG_ALL`).
    static func messageLevel(_ parameters: SolveParameters) -> Int32 {
        parameters.logHandler == nil ? GLP_MSG_OFF : GLP_MSG_ALL
    }
}

/// A GLPK solve's result with what only GLPK measures (``GLPKSolver/solveReporting(_:parameters:)``).
public struct GLPKSolveReport: Sendable {
    /// The solver-independent result, as ``GLPKSolver/solve(_:parameters:)`` returns it.
    public var result: SolveResult
    /// The root LP bound before and after each round of the root cut loop
    /// (``GLPKOptions/rootCutRounds``): element 0 is the LP relaxation's objective, element
    /// k the bound after round k. Empty when no cut loop ran.
    public var rootBounds: [Double]
    /// Coefficients tightened by ``GLPKOptions/coefficientStrengthening`` (0 when off).
    public var strengthenedCoefficients: Int
}
