extension GLPKOptions {
    /// All of GLPK's cuts with pseudocost branching: on forceplan's benchmark of random
    /// coalition scenarios the strongest single configuration (see benchmarks/RESULTS.md).
    /// With 10 rounds of the root cut loop where no MIP presolver runs (measured on 100
    /// seeds x 4 options: one or two options more proven in three runs of four, never fewer).
    public static var cutsAndPseudocost: GLPKOptions {
        var o = GLPKOptions()
        o.cuts = .all
        o.branching = .pseudocost
        o.rootCutRounds = 10
        return o
    }

    /// Gomory cuts with GLPK's default Driebeck-Tomlin branching: proves many of the cases
    /// that ``cutsAndPseudocost`` finds slow, and the other way round. With the root cut
    /// loop like ``cutsAndPseudocost``.
    public static var gomory: GLPKOptions {
        var o = GLPKOptions()
        o.cuts = [.gomory]
        o.rootCutRounds = 10
        return o
    }
}

extension GLPKSolver {
    /// The configurations forceplan takes turns with on hard searches: the first is the
    /// planner's solver, the rest its alternates.
    public static var portfolio: [GLPKSolver] {
        [GLPKSolver(options: .cutsAndPseudocost), GLPKSolver(options: .gomory)]
    }
}
