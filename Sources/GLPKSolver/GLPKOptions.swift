import CGLPK

/// GLPK-specific settings, on top of the solver-independent `SolveParameters`.
///
/// The defaults are GLPK's own, except that the cheap MIR and cover cuts are off as in
/// GLPK (turn them on for hard models):
///
/// ```swift
/// var options = GLPKOptions()
/// options.cuts = [.gomory, .mir]
/// options.proximitySearch = 5      // seconds of proximity search for a better incumbent
/// let solver = GLPKSolver(options: options)
/// ```
public struct GLPKOptions: Sendable, Hashable {
    /// Cutting-plane families `glp_intopt` may generate.
    public struct Cuts: OptionSet, Sendable, Hashable {
        /// The bits of the set.
        public let rawValue: Int
        /// Creates a set from its bits.
        public init(rawValue: Int) { self.rawValue = rawValue }
        /// Gomory's mixed-integer cuts (`gmi_cuts`).
        public static let gomory = Cuts(rawValue: 1)
        /// Mixed-integer rounding cuts (`mir_cuts`).
        public static let mir = Cuts(rawValue: 2)
        /// Mixed cover cuts (`cov_cuts`).
        public static let cover = Cuts(rawValue: 4)
        /// Clique cuts (`clq_cuts`).
        public static let clique = Cuts(rawValue: 8)
        /// All four families.
        public static let all: Cuts = [.gomory, .mir, .cover, .clique]
    }

    /// How `glp_intopt` picks the variable to branch on (`br_tech`).
    public enum Branching: Sendable, Hashable {
        /// First fractional variable (`GLP_BR_FFV`).
        case firstFractional
        /// Last fractional variable (`GLP_BR_LFV`).
        case lastFractional
        /// Most fractional variable (`GLP_BR_MFV`).
        case mostFractional
        /// Driebeck–Tomlin heuristic (`GLP_BR_DTH`, GLPK's default).
        case driebeckTomlin
        /// Hybrid pseudocost heuristic (`GLP_BR_PCH`).
        case pseudocost
    }

    /// How `glp_intopt` picks the next open node (`bt_tech`).
    public enum Backtracking: Sendable, Hashable {
        /// Depth-first search (`GLP_BT_DFS`).
        case depthFirst
        /// Breadth-first search (`GLP_BT_BFS`).
        case breadthFirst
        /// Best local bound (`GLP_BT_BLB`, GLPK's default).
        case bestLocalBound
        /// Best projection heuristic (`GLP_BT_BPH`).
        case bestProjection
    }

    /// Scaling applied before the simplex method (`glp_scale_prob`).
    public enum Scaling: Sendable, Hashable {
        /// No scaling.
        case none
        /// GLPK chooses (`GLP_SF_AUTO`, the default).
        case automatic
        /// Geometric mean scaling, then equilibration (`GLP_SF_GM | GLP_SF_EQ`).
        case geometricEquilibrium
    }

    /// Cut families to generate; none by default, as in GLPK.
    public var cuts: Cuts = []
    /// Run the feasibility pump heuristic (`fp_heur`).
    public var feasibilityPump: Bool = false
    /// Seconds of proximity search (`ps_heur`, `ps_tm_lim`) to improve incumbents; nil: off.
    public var proximitySearch: Double? = nil
    /// Simple rounding heuristic (`sr_heur`, on in GLPK).
    public var simpleRounding: Bool = true
    /// Branching rule.
    public var branching: Branching = .driebeckTomlin
    /// Backtracking rule.
    public var backtracking: Backtracking = .bestLocalBound
    /// Scaling before the simplex method.
    public var scaling: Scaling = .automatic
    /// Replace general integers by binaries in the MIP presolver (`binarize`).
    public var binarize: Bool = false
    /// Seconds between progress reports (`SolveParameters.progressHandler`).
    public var progressInterval: Double = 0.5
    /// Rounds of forceplan's root cut loop before branching (0: off). Each round solves
    /// the LP, generates cuts with GLPK's own generators (`rootCutFamilies`), adds the
    /// violated, well-scaled ones as rows and solves again; the loop stops early when a
    /// round finds no violated cut or moves the bound by less than `rootCutMinimumGain`.
    /// The search then runs on the strengthened problem (see `rootCutsReplacePresolver`).
    /// Cut rows never reach the solution or an exported model. The bound per round is in
    /// `GLPKSolveReport.rootBounds`. See docs/root-cuts.md.
    public var rootCutRounds: Int = 0
    /// The loop needs an LP basis of the model's own columns, so it cannot follow GLPK's
    /// MIP presolver. When the presolver would run (`SolveParameters.presolve` and no
    /// hint), the loop is skipped unless this is true, in which case the presolver is
    /// skipped instead. Off by default: on forceplan's 1,000-nation stage models the
    /// presolver matters more (benchmarks/RESULTS.md, "Root cut loop").
    public var rootCutsReplacePresolver: Bool = false
    /// Cut families of the root cut loop.
    public var rootCutFamilies: Cuts = .all
    /// At most this many cuts (the most violated relative to their norm) are added per round.
    public var rootCutsPerRound: Int = 200
    /// The loop stops after a round that moves the bound by less than this, relative to
    /// `max(1, |bound|)`.
    public var rootCutMinimumGain: Double = 1e-4
    /// Before solving a MILP, tighten coefficients of integer variables in one-sided rows
    /// whose activity bounds allow it (big-M tightening; exact: no integer point is cut
    /// off). See docs/root-cuts.md.
    public var coefficientStrengthening: Bool = false

    /// GLPK's defaults.
    public init() {}

    var scaleFlags: Int32 {
        switch scaling {
        case .none: return 0
        case .automatic: return GLP_SF_AUTO
        case .geometricEquilibrium: return GLP_SF_GM | GLP_SF_EQ
        }
    }

    var branchingTechnique: Int32 {
        switch branching {
        case .firstFractional: return GLP_BR_FFV
        case .lastFractional: return GLP_BR_LFV
        case .mostFractional: return GLP_BR_MFV
        case .driebeckTomlin: return GLP_BR_DTH
        case .pseudocost: return GLP_BR_PCH
        }
    }

    var backtrackingTechnique: Int32 {
        switch backtracking {
        case .depthFirst: return GLP_BT_DFS
        case .breadthFirst: return GLP_BT_BFS
        case .bestLocalBound: return GLP_BT_BLB
        case .bestProjection: return GLP_BT_BPH
        }
    }
}
