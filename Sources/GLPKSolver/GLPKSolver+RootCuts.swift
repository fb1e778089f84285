import CGLPK
import CGLPKShim
import Foundation
import LinearModel

/// What the root cut loop did, for ``GLPKSolveReport/rootBounds`` and the message.
struct RootCutReport {
    var bounds: [Double] = []
    var rounds = 0
    /// Cuts added by family: Gomory, MIR, cover, clique.
    var cuts: [Int] = [0, 0, 0, 0]
    var cutRows = 0
    var rejected = 0
    var stop: Int32 = 0
    var lpOptimal = true
    var seconds = 0.0

    var note: String {
        let total = cuts.reduce(0, +)
        let why: String
        switch stop {
        case Int32(FP_RC_STOP_NO_CUT): why = "no violated cut"
        case Int32(FP_RC_STOP_NO_GAIN): why = "bound gain below threshold"
        case Int32(FP_RC_STOP_LP_FAILED): why = "an LP re-solve failed (its cuts taken out)"
        case Int32(FP_RC_STOP_TIME): why = "time limit"
        case Int32(FP_RC_STOP_NO_LP): why = "no optimal LP"
        default: why = "round limit"
        }
        var s = "root cuts: \(rounds) round(s), \(total) cut(s) (gomory \(cuts[0]), mir \(cuts[1]), "
            + "cover \(cuts[2]), clique \(cuts[3])), \(cutRows) kept"
        if let first = bounds.first, let last = bounds.last {
            s += ", bound \(first) -> \(last)"
        }
        return s + String(format: " in %.2f s", seconds) + "; stopped: \(why)"
    }
}

extension GLPKSolver {
    /// The `FP_CUT_*` bits of `cuts`.
    static func cutFamilyBits(_ cuts: GLPKOptions.Cuts) -> Int32 {
        var bits: Int32 = 0
        if cuts.contains(.gomory) { bits |= Int32(FP_CUT_GMI) }
        if cuts.contains(.mir) { bits |= Int32(FP_CUT_MIR) }
        if cuts.contains(.cover) { bits |= Int32(FP_CUT_COV) }
        if cuts.contains(.clique) { bits |= Int32(FP_CUT_CLQ) }
        return bits
    }

    /// Runs `options.rootCutRounds` rounds of the shim's cut loop on `problem`, whose LP
    /// relaxation has just been solved to optimality (simplex, no presolver). Cut rows stay
    /// in `problem` for the search that follows.
    func runRootCuts(_ problem: GLPKProblem, _ parameters: SolveParameters, _ clock: SolveClock) throws -> RootCutReport {
        let rounds = max(0, options.rootCutRounds)
        let start = clock.elapsed
        var bounds = [Double](repeating: 0, count: rounds + 1)
        var c = fp_rootcut_ctx()
        c.max_rounds = Int32(clamping: rounds)
        c.families = Self.cutFamilyBits(options.rootCutFamilies)
        c.max_cuts = Int32(clamping: max(1, options.rootCutsPerRound))
        c.min_efficacy = 1e-5
        c.min_gain = max(0, options.rootCutMinimumGain)
        c.max_range = 1e6
        c.min_coef = 1e-7
        c.time_ms = parameters.timeLimit == nil ? 0 : Double(clock.remainingMilliseconds)
        c.msg_lev = Self.messageLevel(parameters)
        c.bounds_cap = Int32(bounds.count)
        c.trap_in_round = Int32(clamping: invalidCallInRootCutRoundForTesting)
        try bounds.withUnsafeMutableBufferPointer { b in
            c.bounds = b.baseAddress   // never empty: rounds + 1 >= 1
            try problem.rootCuts(&c)
            c.bounds = nil
        }
        var report = RootCutReport()
        report.bounds = Array(bounds.prefix(Int(c.n_bounds)))
        report.rounds = Int(c.rounds)
        report.cuts = [Int(c.cuts.0), Int(c.cuts.1), Int(c.cuts.2), Int(c.cuts.3)]
        report.cutRows = Int(c.cut_rows)
        report.rejected = Int(c.rejected)
        report.stop = c.stop
        report.lpOptimal = c.lp_status == GLP_OPT
        report.seconds = clock.elapsed - start
        return report
    }
}
