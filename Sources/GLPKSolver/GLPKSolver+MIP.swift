import CGLPK
import CGLPKShim
import LinearModel

extension GLPKSolver {
    /// Solves a model with integer variables with `glp_intopt` and the shim's
    /// branch-and-bound callback (lattice stop, hint, progress; see `CGLPKShim.h`).
    func solveMIP(_ problem: GLPKProblem, _ model: Model, _ data: ProblemData, _ parameters: SolveParameters,
                  _ clock: SolveClock, rootBounds: inout [Double]) throws -> SolveResult {
        if data.matrix.integerBoundsConflict {
            return SolveResult(termination: .infeasible,
                               message: "an integer variable has no integer value within its bounds")
        }
        // The MIP presolver hands the search a transformed problem whose columns are not
        // the model's, so a hint can only be fed without it.
        // The root cut loop needs the LP basis of the model's own columns: it runs where the
        // presolver does not, or instead of it when the options say so.
        let presolverWanted = parameters.presolve && parameters.hint == nil
        let useRootCuts = options.rootCutRounds > 0 && (!presolverWanted || options.rootCutsReplacePresolver)
        let usePresolver = presolverWanted && !useRootCuts
        let rootCutsSkipped = options.rootCutRounds > 0 && !useRootCuts
        if !usePresolver {
            if let early = try solveRelaxation(problem, parameters, clock, columns: data.columnCount) {
                return early.termination == .infeasibleOrUnbounded
                    ? try decideUnbounded(problem, parameters, clock, otherwise: early) : early
            }
        }
        var rootReport: RootCutReport?
        if useRootCuts {
            let report = try runRootCuts(problem, parameters, clock)
            rootReport = report
            // The loop goes back to an optimal basis when a re-solve fails; should even
            // that fail, the relaxation (cuts included: they are valid) is solved again.
            if !report.lpOptimal,
               var early = try solveRelaxation(problem, parameters, clock, columns: data.columnCount) {
                rootBounds = report.bounds
                early.message = [early.message, report.note].compactMap { $0 }.joined(separator: "; ")
                return early
            }
        }

        var iocp = glp_iocp()
        glp_init_iocp(&iocp)
        iocp.msg_lev = Self.messageLevel(parameters)
        iocp.tm_lim = clock.remainingMilliseconds
        iocp.presolve = usePresolver ? GLP_ON : GLP_OFF
        iocp.mip_gap = max(0, parameters.relativeGap ?? 0)
        iocp.br_tech = options.branchingTechnique
        iocp.bt_tech = options.backtrackingTechnique
        iocp.gmi_cuts = options.cuts.contains(.gomory) ? GLP_ON : GLP_OFF
        iocp.mir_cuts = options.cuts.contains(.mir) ? GLP_ON : GLP_OFF
        iocp.cov_cuts = options.cuts.contains(.cover) ? GLP_ON : GLP_OFF
        iocp.clq_cuts = options.cuts.contains(.clique) ? GLP_ON : GLP_OFF
        iocp.fp_heur = options.feasibilityPump ? GLP_ON : GLP_OFF
        iocp.sr_heur = options.simpleRounding ? GLP_ON : GLP_OFF
        iocp.binarize = options.binarize ? GLP_ON : GLP_OFF
        if let seconds = options.proximitySearch, seconds > 0 {
            iocp.ps_heur = GLP_ON
            iocp.ps_tm_lim = Int32(min(seconds * 1000, Double(Int32.max)))
        }

        let step = parameters.objectiveStep.flatMap { $0.isFinite && $0 > 0 ? $0 : nil } ?? 0
        let n = data.columnCount
        let context = UnsafeMutablePointer<fp_mip_ctx>.allocate(capacity: 1)
        context.initialize(to: fp_mip_ctx())
        defer { context.deallocate() }
        context.pointee.step = step
        context.pointee.progress_interval = options.progressInterval
        context.pointee.no_global_stop = latticeGlobalStop ? 0 : 1
        context.pointee.invalid_call = invalidCallInCallbackForTesting ? 1 : 0
        context.pointee.node_limit = Self.nodeLimit(parameters)

        // The hint, 1-based as glp_ios_heur_sol wants; integer columns rounded, since GLPK
        // rejects a value like 2.9999999 for an integer column. GLPK checks nothing else,
        // so a hint that violates a bound or a row is not offered at all.
        var hint = [Double]()
        var hintNote: String?
        if let h = parameters.hint {
            let rounded = data.matrix.snappingIntegers(h)
            if let v = data.matrix.violation(of: rounded) {
                hintNote = "hint rejected: it violates the \(model.describe(v))"
            } else {
                hint = [0] + rounded
            }
        }
        var progressBox: Unmanaged<ProgressBox>?
        if let handler = parameters.progressHandler {
            let box = Unmanaged.passRetained(ProgressBox(handler))
            progressBox = box
            context.pointee.progress = progressTrampoline
            context.pointee.progress_info = box.toOpaque()
        }
        defer { progressBox?.release() }

        let rc = try hint.withUnsafeBufferPointer { h -> GLPKReturnCode in
            if !hint.isEmpty {
                context.pointee.hint = h.baseAddress
                context.pointee.hint_len = Int32(n)
            }
            return try problem.intopt(parameters: &iocp, context: context)
        }
        let mip = try problem.readMIP(columns: n)
        let c = context.pointee
        var result = Self.mipResult(rc: rc, status: mip.status, objective: mip.objective, values: mip.values,
                                    maximize: data.maximize, step: step,
                                    bound: c.has_bound != 0 ? c.bound : nil, latticeStop: c.lattice_stop != 0,
                                    nodeLimitStop: c.node_limit_stop != 0, nodes: Int(c.nodes))
        result.nodes = Int(c.nodes)
        result.iterations = Int(c.iterations)
        if c.pruned > 0 {
            let note = "objective lattice (step \(step)) cut off \(c.pruned) subproblem(s)"
            result.message = result.message.map { "\($0); \(note)" } ?? note
        }
        if result.termination == .infeasibleOrUnbounded {
            result = try decideUnbounded(problem, parameters, clock, otherwise: result)
        }
        if rootCutsSkipped {
            let note = "root cuts skipped: GLPK's MIP presolver runs (no hint; see rootCutsReplacePresolver)"
            result.message = result.message.map { "\($0); \(note)" } ?? note
        }
        if let report = rootReport {
            rootBounds = report.bounds
            result.message = result.message.map { "\($0); \(report.note)" } ?? report.note
        }
        if !hint.isEmpty { hintNote = Self.hintNote(context.pointee.hint_result) }
        if let note = hintNote {
            result.message = result.message.map { "\($0); \(note)" } ?? note
        }
        return result
    }

    /// `parameters.nodeLimit` for the shim: nil, zero and negative limits mean no limit
    /// (like a non-positive `objectiveStep`); limits beyond `Int32.max` are `Int32.max`.
    static func nodeLimit(_ parameters: SolveParameters) -> Int32 {
        guard let limit = parameters.nodeLimit, limit > 0 else { return 0 }
        return Int32(clamping: limit)
    }

    /// What became of the hint, for ``SolveResult/message``.
    static func hintNote(_ code: Int32) -> String {
        switch code {
        case 1: return "hint accepted as first incumbent"
        case 2: return "hint rejected by GLPK (no better than the incumbent)"
        case 3: return "hint not applicable to the presolved problem"
        default: return "hint not used (GLPK asked for no heuristic solution)"
        }
    }

    /// The relaxation is unbounded (or the presolver found no dual feasible solution): for
    /// rational data the MILP is then unbounded if it is feasible at all. Finds out by
    /// solving the feasibility problem (zero objective) within the remaining time; keeps
    /// `otherwise` when that does not settle it.
    private func decideUnbounded(_ problem: GLPKProblem, _ parameters: SolveParameters, _ clock: SolveClock,
                                 otherwise: SolveResult) throws -> SolveResult {
        guard !clock.expired else { return otherwise }
        try problem.clearObjective()
        var iocp = glp_iocp()
        glp_init_iocp(&iocp)
        iocp.msg_lev = Self.messageLevel(parameters)
        iocp.tm_lim = clock.remainingMilliseconds
        iocp.presolve = GLP_ON
        let context = UnsafeMutablePointer<fp_mip_ctx>.allocate(capacity: 1)
        context.initialize(to: fp_mip_ctx())
        defer { context.deallocate() }
        context.pointee.node_limit = Self.nodeLimit(parameters)  // a search of its own, same limit
        let rc = try problem.intopt(parameters: &iocp, context: context)
        let status = try problem.readMIP(columns: 0).status
        if rc == .noPrimalFeasibleSolution || (rc == .success && status == GLP_NOFEAS) {
            return SolveResult(termination: .infeasible,
                               message: "no integer point satisfies the constraints (the LP relaxation is unbounded)")
        }
        if status == GLP_OPT || status == GLP_FEAS {
            return SolveResult(termination: .unbounded,
                               message: "feasible, and the LP relaxation is unbounded")
        }
        return otherwise
    }

    /// Solves the LP relaxation (needed by `glp_intopt` without presolver). Returns a
    /// final result when the relaxation already settles the question.
    private func solveRelaxation(_ problem: GLPKProblem, _ parameters: SolveParameters,
                                 _ clock: SolveClock, columns: Int) throws -> SolveResult? {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = Self.messageLevel(parameters)
        parm.tm_lim = clock.remainingMilliseconds
        var rc = try problem.simplex(scaleFlags: options.scaleFlags, advancedBasis: true, parameters: parm)
        if rc == .invalidBasis || rc == .singularMatrix || rc == .illConditionedMatrix {
            parm.tm_lim = clock.remainingMilliseconds
            rc = try problem.simplex(scaleFlags: options.scaleFlags, advancedBasis: false, parameters: parm)
        }
        if rc == .timeLimit {
            var r = SolveResult(termination: .timeLimit, message: "LP relaxation: \(rc)")
            r.stoppedBy = .time
            return r
        }
        guard rc == .success else {
            return SolveResult(termination: .error, message: "LP relaxation: glp_simplex: \(rc)")
        }
        // The C reader writes every column: the buffer must hold them all.
        let s = try problem.readLP(rows: 0, columns: columns, duals: false)
        switch s.status {
        case GLP_OPT: return nil
        case GLP_NOFEAS: return SolveResult(termination: .infeasible)
        case GLP_UNBND:
            // Unbounded relaxation: the MILP is unbounded if feasible at all.
            return SolveResult(termination: .infeasibleOrUnbounded,
                               message: "the LP relaxation is unbounded")
        default:
            return SolveResult(termination: .error,
                               message: "LP relaxation finished with status \(s.status)")
        }
    }

    /// Maps `glp_intopt`'s return code and `glp_mip_status` to a result. The MIP status is
    /// read whatever the code: a time limit, a gap stop or a callback stop may leave an
    /// incumbent. `bound` is the best global bound the callback saw; `latticeStop` says
    /// the callback stopped the search because the objective lattice proved optimality;
    /// `nodeLimitStop` that it stopped after `nodes` subproblems (`SolveParameters.nodeLimit`).
    static func mipResult(rc: GLPKReturnCode, status: Int32, objective: Double, values: [Double],
                          maximize: Bool, step: Double, bound seenBound: Double?,
                          latticeStop: Bool, nodeLimitStop: Bool = false, nodes: Int = 0) -> SolveResult {
        let hasSolution = status == GLP_OPT || status == GLP_FEAS
        let incumbent: Double? = hasSolution ? objective : nil
        // Any bound seen is valid, but never better than the incumbent itself.
        var bound = seenBound
        if let b = bound, let z = incumbent { bound = maximize ? max(b, z) : min(b, z) }
        let latticeProof = incumbent.map { z in
            bound.map { fp_lattice_proves(maximize ? 1 : 0, z, $0, step) != 0 } ?? false
        } ?? false

        func result(_ t: TerminationReason, bestBound: Double?, message: String? = nil,
                    stoppedBy: SolveLimit? = nil) -> SolveResult {
            var r = SolveResult(termination: t, primalStatus: hasSolution ? .feasiblePoint : .noPoint, objectiveValue: incumbent,
                                bestBound: bestBound, values: hasSolution ? values : [], message: message)
            r.stoppedBy = stoppedBy
            return r
        }
        switch rc {
        case .success:
            if status == GLP_OPT { return result(.optimal, bestBound: objective) }
            if status == GLP_NOFEAS { return SolveResult(termination: .infeasible) }
            return result(.error, bestBound: bound, message: "glp_intopt finished with MIP status \(status)")
        case .noPrimalFeasibleSolution:
            return SolveResult(termination: .infeasible, message: rc.description)
        case .noDualFeasibleSolution:
            return SolveResult(termination: .infeasibleOrUnbounded,
                               message: "the LP relaxation is unbounded or infeasible (\(rc))")
        case .mipGapReached where latticeProof:
            return result(.optimal, bestBound: objective,
                          message: "relative gap reached, and no better solution on the objective lattice (step \(step))")
        case .mipGapReached:
            // A gap stop is not a proof: the incumbent may still be beaten.
            return result(.stoppedEarly, bestBound: bound,
                          message: "stopped within the requested relative gap; not proven optimal", stoppedBy: .gap)
        case .stoppedByApplication where latticeStop && hasSolution:
            return result(.optimal, bestBound: objective,
                          message: "no better solution on the objective lattice (step \(step); LP bound \(bound.map { "\($0)" } ?? "?"))")
        case .timeLimit where latticeProof:
            return result(.optimal, bestBound: objective,
                          message: "time limit, but no better solution on the objective lattice (step \(step))")
        case .timeLimit:
            return result(.timeLimit, bestBound: bound, message: rc.description, stoppedBy: .time)
        case .stoppedByApplication where nodeLimitStop && latticeProof:
            return result(.optimal, bestBound: objective,
                          message: "node limit, but no better solution on the objective lattice (step \(step))")
        case .stoppedByApplication where nodeLimitStop:
            return result(.stoppedEarly, bestBound: bound,
                          message: "node limit reached after \(nodes) subproblem(s)\(hasSolution ? "" : "; no integer solution found")",
                          stoppedBy: .nodes)
        case .stoppedByApplication:
            return result(.stoppedEarly, bestBound: bound, message: rc.description, stoppedBy: .interrupted)
        default:
            return result(.error, bestBound: bound, message: "glp_intopt: \(rc)")
        }
    }
}

final class ProgressBox {
    let handler: @Sendable (SolveProgress) -> Void
    init(_ handler: @escaping @Sendable (SolveProgress) -> Void) { self.handler = handler }
}

/// Called by the shim's callback inside `glp_intopt`; it must not (and cannot) call GLPK.
private let progressTrampoline: fp_progress_fn = { info, elapsed, hasIncumbent, incumbent, hasBound, bound, open in
    guard let info else { return }
    let inc: Double? = hasIncumbent != 0 ? incumbent : nil
    let b: Double? = hasBound != 0 ? bound : nil
    var gap: Double?
    if let inc, let b { gap = abs(inc - b) / max(1e-10, abs(inc)) }
    Unmanaged<ProgressBox>.fromOpaque(info).takeUnretainedValue()
        .handler(SolveProgress(elapsed: elapsed, incumbent: inc, bestBound: b, relativeGap: gap,
                               openNodes: Int(open)))
}
