extension GLPKOptions {
    /// All of GLPK's cuts with pseudocost branching: on forceplan's benchmark of random
    /// coalition scenarios the strongest single configuration (see benchmarks/RESULTS.md).
    public static var cutsAndPseudocost: GLPKOptions {
        var o = GLPKOptions()
        o.cuts = .all
        o.branching = .pseudocost
        return o
    }

    /// Gomory cuts with GLPK's default Driebeck-Tomlin branching: proves many of the cases
    /// that ``cutsAndPseudocost`` finds slow, and the other way round.
    public static var gomory: GLPKOptions {
        var o = GLPKOptions()
        o.cuts = [.gomory]
        return o
    }
}

// Neither preset turns on forceplan's root cut loop (`rootCutRounds`): measured on 100
// seeds x 4 options it proves no more options than GLPK's own cuts do, and it changes
// which of several equal optima a plan reports (benchmarks/RESULTS.md, "Root cut loop").

extension GLPKSolver {
    /// The configurations forceplan takes turns with on hard searches: the first is the
    /// planner's solver, the rest its alternates.
    public static var portfolio: [GLPKSolver] {
        [GLPKSolver(options: .cutsAndPseudocost), GLPKSolver(options: .gomory)]
    }
}
