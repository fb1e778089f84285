import CGLPK

/// A return code of `glp_simplex` or `glp_intopt` (and GLPK's other drivers).
///
/// Like swift-system's `Errno`, each code GLPK defines is a documented static member, so
/// results can be matched by name and printed with GLPK's meaning:
///
/// ```swift
/// if code == .timeLimit { print("stopped by the clock:", code) }
/// ```
public struct GLPKReturnCode: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
    /// The C value (`GLP_E...`, or 0 for success).
    public let rawValue: Int32

    /// Wraps a GLPK return code.
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// The call completed. The corresponding C value is `0`.
    public static let success = GLPKReturnCode(rawValue: 0)
    /// The starting basis is invalid. The corresponding C value is `GLP_EBADB`.
    public static let invalidBasis = GLPKReturnCode(rawValue: GLP_EBADB)
    /// The basis matrix is singular. The corresponding C value is `GLP_ESING`.
    public static let singularMatrix = GLPKReturnCode(rawValue: GLP_ESING)
    /// The basis matrix is ill-conditioned. The corresponding C value is `GLP_ECOND`.
    public static let illConditionedMatrix = GLPKReturnCode(rawValue: GLP_ECOND)
    /// A variable has invalid bounds (for instance `lower > upper`, or non-integer bounds
    /// of an integer column). The corresponding C value is `GLP_EBOUND`.
    public static let invalidBounds = GLPKReturnCode(rawValue: GLP_EBOUND)
    /// The solver failed. The corresponding C value is `GLP_EFAIL`.
    public static let solverFailed = GLPKReturnCode(rawValue: GLP_EFAIL)
    /// The objective lower limit was reached (dual simplex). The corresponding C value is
    /// `GLP_EOBJLL`.
    public static let objectiveLowerLimit = GLPKReturnCode(rawValue: GLP_EOBJLL)
    /// The objective upper limit was reached (dual simplex). The corresponding C value is
    /// `GLP_EOBJUL`.
    public static let objectiveUpperLimit = GLPKReturnCode(rawValue: GLP_EOBJUL)
    /// The iteration limit was exceeded. The corresponding C value is `GLP_EITLIM`.
    public static let iterationLimit = GLPKReturnCode(rawValue: GLP_EITLIM)
    /// The time limit was exceeded; a MIP may still have an incumbent. The corresponding C
    /// value is `GLP_ETMLIM`.
    public static let timeLimit = GLPKReturnCode(rawValue: GLP_ETMLIM)
    /// The presolver found no primal feasible solution. The corresponding C value is
    /// `GLP_ENOPFS`.
    public static let noPrimalFeasibleSolution = GLPKReturnCode(rawValue: GLP_ENOPFS)
    /// The presolver found no dual feasible solution (primal infeasible or unbounded). The
    /// corresponding C value is `GLP_ENODFS`.
    public static let noDualFeasibleSolution = GLPKReturnCode(rawValue: GLP_ENODFS)
    /// `glp_intopt` without presolver was not given an optimal LP basis. The corresponding
    /// C value is `GLP_EROOT`.
    public static let rootLPNotOptimal = GLPKReturnCode(rawValue: GLP_EROOT)
    /// The search was stopped by the application (`glp_ios_terminate`). The corresponding
    /// C value is `GLP_ESTOP`.
    public static let stoppedByApplication = GLPKReturnCode(rawValue: GLP_ESTOP)
    /// The relative MIP gap tolerance was reached. The corresponding C value is
    /// `GLP_EMIPGAP`.
    public static let mipGapReached = GLPKReturnCode(rawValue: GLP_EMIPGAP)
    /// No primal/dual feasible solution (interior point). The corresponding C value is
    /// `GLP_ENOFEAS`.
    public static let noFeasibleSolution = GLPKReturnCode(rawValue: GLP_ENOFEAS)
    /// No convergence (interior point). The corresponding C value is `GLP_ENOCVG`.
    public static let noConvergence = GLPKReturnCode(rawValue: GLP_ENOCVG)
    /// Numerical instability (interior point). The corresponding C value is `GLP_EINSTAB`.
    public static let numericalInstability = GLPKReturnCode(rawValue: GLP_EINSTAB)
    /// Invalid data. The corresponding C value is `GLP_EDATA`.
    public static let invalidData = GLPKReturnCode(rawValue: GLP_EDATA)
    /// A result is out of range. The corresponding C value is `GLP_ERANGE`.
    public static let resultOutOfRange = GLPKReturnCode(rawValue: GLP_ERANGE)

    /// The C name and GLPK's meaning, e.g. `GLP_ETMLIM (time limit exceeded)`.
    public var description: String {
        switch self {
        case .success: return "0 (success)"
        case .invalidBasis: return "GLP_EBADB (invalid basis)"
        case .singularMatrix: return "GLP_ESING (singular matrix)"
        case .illConditionedMatrix: return "GLP_ECOND (ill-conditioned matrix)"
        case .invalidBounds: return "GLP_EBOUND (invalid bounds)"
        case .solverFailed: return "GLP_EFAIL (solver failed)"
        case .objectiveLowerLimit: return "GLP_EOBJLL (objective lower limit reached)"
        case .objectiveUpperLimit: return "GLP_EOBJUL (objective upper limit reached)"
        case .iterationLimit: return "GLP_EITLIM (iteration limit exceeded)"
        case .timeLimit: return "GLP_ETMLIM (time limit exceeded)"
        case .noPrimalFeasibleSolution: return "GLP_ENOPFS (no primal feasible solution)"
        case .noDualFeasibleSolution: return "GLP_ENODFS (no dual feasible solution)"
        case .rootLPNotOptimal: return "GLP_EROOT (root LP optimum not provided)"
        case .stoppedByApplication: return "GLP_ESTOP (search terminated by application)"
        case .mipGapReached: return "GLP_EMIPGAP (relative MIP gap tolerance reached)"
        case .noFeasibleSolution: return "GLP_ENOFEAS (no primal/dual feasible solution)"
        case .noConvergence: return "GLP_ENOCVG (no convergence)"
        case .numericalInstability: return "GLP_EINSTAB (numerical instability)"
        case .invalidData: return "GLP_EDATA (invalid data)"
        case .resultOutOfRange: return "GLP_ERANGE (result out of range)"
        default: return "GLPK return code \(rawValue)"
        }
    }
}
