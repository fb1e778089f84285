import CCBCShim
import Foundation
import LinearModel

/// The CBC backend of ``LinearModel/Solver``: MILPs with CBC's branch-and-cut (its
/// preprocessing, cut generators and heuristics, as the `cbc` program runs them), LPs
/// with Clp. CBC 2.10 from Debian's `coinor-libcbc-dev`, through its C API.
///
/// ```swift
/// var model = Model()
/// let x = model.addVariable(name: "x", kind: .integer, lowerBound: 0, upperBound: 4)
/// let y = model.addVariable(name: "y", lowerBound: 0)
/// model.addConstraint(name: "cap", x + y, .lessEqual(5))
/// model.setObjective(.maximize, 3 * x + 2 * y)
/// var parameters = SolveParameters()
/// parameters.nodeLimit = 10_000
/// let result = try CBCSolver().solve(model, parameters: parameters)
/// // result.termination == .optimal, result.objectiveValue == 14
/// ```
///
/// **Parameters.** `timeLimit` (wall clock, CBC's `seconds` with `timeMode elapsed`),
/// `nodeLimit` (`maxNodes`), `relativeGap` (`ratioGap`), `objectiveStep` (CBC's cutoff
/// `increment`, a hair below the step), `presolve` (false turns CBC's MIP preprocessing
/// off), `hint` (a MIP start: CBC fixes its integer values and solves for the rest; it
/// drops a start that does not fit; none with ``usesHint`` false). LPs go to Clp without limits and without duals
/// (`rowDuals` and `reducedCosts` stay nil). `progressHandler` is not called.
/// `logHandler` receives one line per CBC message (its number and fields; the C API
/// gives no text), and CBC then also prints its log on standard output.
///
/// **Threads.** CBC 2.10's driver keeps parsing state in process-wide globals, so every
/// `solve` and `export` runs as one session under a process-wide lock: calls from many
/// threads are safe and run one at a time. Each session creates, loads, solves and frees
/// its own CBC model; nothing is kept between calls. A `timeLimit` counts the wait for
/// the lock: a solve queued behind others waits until its deadline at most (then
/// `.timeLimit`, "no time left"), and CBC gets only the time left when its turn comes.
///
/// **Errors.** Invalid models throw `ModelError` before CBC sees them. C++ exceptions of
/// CBC are caught in the shim (the model is freed) and thrown as `SolverError` (`.internalError`).
///
/// **Statuses.** `.optimal` only when CBC proved it (a complete search, or the objective
/// lattice) *and* its point satisfies the model: every answer is checked
/// against bounds, integrality and rows (1e-6, relative for large values) before it is
/// reported, and an answer that fails gives `.error`. Integer values are rounded to whole
/// numbers and the objective is recomputed from the point. Node- and time-limited
/// searches give `.stoppedEarly` and `.timeLimit` with the incumbent (if any) and the
/// best bound, and ``LinearModel/SolveResult/stoppedBy`` names the limit; a stop on the
/// requested `relativeGap` is `.stoppedEarly` (`.gap`) unless the lattice proves it.
///
/// - Complexity: loading is O(variables + constraints + nonzeros): the matrix goes to CBC
///   column-wise in one `Cbc_loadProblem`.
public struct CBCSolver: Solver {
    /// Whether ``LinearModel/SolveParameters/hint`` goes to CBC as a MIP start (true by
    /// default). False: the hint is checked (length, NaN) and then left out. A MIP start
    /// can hold CBC back: on seeded coalitions whose cost stages GLPK's portfolio cannot
    /// prove, CBC given the portfolio's near-optimal plan as its start stopped after 1,550
    /// nodes with a 7% gap, where CBC without a start proved the same stage at its root
    /// (benchmarks/RESULTS.md, "Issue 7 targets on the merged tree").
    public var usesHint: Bool

    /// A solver with CBC's defaults.
    ///
    /// ```swift
    /// let fallback = CBCSolver(usesHint: false)  // a portfolio member that starts afresh
    /// ```
    public init(usesHint: Bool = true) {
        self.usesHint = usesHint
    }

    /// "CBC" and the library's version, e.g. "CBC 2.10.8".
    public var name: String { "CBC " + String(cString: fp_cbc_version()) }

    /// Solves `model` (see the type's documentation for statuses and threads).
    ///
    /// - Throws: `ModelError` for invalid models; `SolverError` when CBC fails internally.
    public func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult {
        let started = Date()
        // One deadline for the whole call, on the shim's clock: validation, flattening and
        // the wait for CBC's process-wide lock all count against the time limit.
        let deadline = parameters.timeLimit.map { fp_cbc_clock() + $0 }
        try model.validate(for: parameters)
        let data = CBCProblemData(model)
        var result: SolveResult
        if data.matrix.integerBoundsConflict {
            result = SolveResult(termination: .infeasible,
                                 message: "an integer variable has no integer value within its bounds")
        } else if data.columnCount == 0 {
            result = Self.solveEmpty(data)
        } else {
            result = try solveLoaded(data, model, parameters, deadline: deadline)
        }
        result.solveTime = Date().timeIntervalSince(started)
        return result
    }

    /// No variables: every row reads 0, the objective is its constant.
    static func solveEmpty(_ data: CBCProblemData) -> SolveResult {
        for i in 0..<data.rowCount where data.rowLower[i] > 1e-9 || data.rowUpper[i] < -1e-9 {
            return SolveResult(termination: .infeasible,
                               message: "a constraint without variables excludes 0")
        }
        return SolveResult(termination: .optimal, primalStatus: .feasiblePoint, objectiveValue: data.objectiveConstant,
                           bestBound: data.objectiveConstant, values: [])
    }

    /// The command-line parameters of one session, but for the time limit: the shim sets
    /// that once the session holds CBC's lock, from the deadline (`fp_cbc_solve`).
    static func commandParameters(_ parameters: SolveParameters) -> [(String, String)] {
        var list: [(String, String)] = [("log", parameters.logHandler == nil ? "0" : "1")]
        if parameters.logHandler == nil { list.append(("slog", "0")) }
        if let limit = parameters.nodeLimit, limit > 0 { list.append(("maxNodes", String(min(limit, Int(Int32.max))))) }
        if let gap = parameters.relativeGap, gap.isFinite, gap > 0 { list.append(("ratioGap", String(gap))) }
        if let step = parameters.objectiveStep, step.isFinite, step > 0 {
            list.append(("increment", String(step * (1 - 1e-6))))
        }
        if !parameters.presolve { list.append(("preprocess", "off")) }
        return list
    }

    private func solveLoaded(_ data: CBCProblemData, _ model: Model, _ parameters: SolveParameters,
                             deadline: Double?) throws -> SolveResult {
        if let d = deadline, d - fp_cbc_clock() <= 0 { return Self.noTimeLeft }
        var hintIndex = [Int32](), hintValue = [Double]()
        if usesHint, let hint = parameters.hint, data.isInteger.contains(1) {
            for (j, v) in hint.enumerated() {
                hintIndex.append(Int32(j))
                hintValue.append(data.isInteger[j] != 0 ? v.rounded() : v)
            }
        }
        let session = try CBCSession.run(data, deadline: deadline, Self.commandParameters(parameters),
                                         startIndex: hintIndex, startValue: hintValue, log: parameters.logHandler)
        if session.outcome.no_time != 0 { return Self.noTimeLeft }
        var result = Self.result(session, data, step: parameters.objectiveStep, gapRequested: parameters.relativeGap)
        if result.termination == .infeasibleOrUnbounded {
            result = try decideUnbounded(data, parameters, deadline: deadline, otherwise: result)
        }
        if !hintIndex.isEmpty, session.outcome.mip != 0 {
            let note = "hint offered as a MIP start"
            result.message = result.message.map { "\($0); \(note)" } ?? note
        }
        return result
    }

    /// The relaxation is unbounded or (for an LP) Clp proved primal or dual infeasibility
    /// without saying which: solves the feasibility problem (zero objective) to decide.
    private func decideUnbounded(_ data: CBCProblemData, _ parameters: SolveParameters, deadline: Double?,
                                 otherwise: SolveResult) throws -> SolveResult {
        var feasibility = data
        feasibility.objective = [Double](repeating: 0, count: data.columnCount)
        if let d = deadline, d - fp_cbc_clock() <= 0 { return otherwise }
        var p = SolveParameters()
        p.nodeLimit = parameters.nodeLimit
        p.logHandler = parameters.logHandler
        let session = try CBCSession.run(feasibility, deadline: deadline, Self.commandParameters(p),
                                         startIndex: [], startValue: [], log: parameters.logHandler)
        let o = session.outcome
        if o.no_time != 0 { return otherwise }
        if o.has_solution != 0 && data.matrix.violation(of: session.values) == nil {
            return SolveResult(termination: .unbounded,
                               message: "feasible, and the LP relaxation is unbounded")
        }
        if o.proven_infeasible != 0 && o.has_solution == 0 {
            return SolveResult(termination: .infeasible,
                               message: "no point satisfies the constraints (the relaxation is unbounded)")
        }
        return otherwise
    }

    /// The deadline passed before CBC could start: spent in validation, or waiting for
    /// another thread's CBC session (CBC runs one at a time).
    static var noTimeLeft: SolveResult {
        var r = SolveResult(termination: .timeLimit, message: "no time left")
        r.stoppedBy = .time
        return r
    }
}
