import Foundation

/// A failure of a solver backend itself, not of the model (an invalid model throws
/// ``ModelError`` before any backend sees it). Every backend throws this one type, so a
/// caller handles GLPK's and CBC's failures alike:
///
/// ```swift
/// do { try solver.export(model, format: .lp, to: "/no/such/dir/m.lp") }
/// catch let error as SolverError where error.code == .writeFailed { print(error) }
/// // "GLPK could not write /no/such/dir/m.lp: ..."
/// ```
///
/// Like swift-system's `Errno`, the kind of failure is a ``Code`` with one documented
/// static member per case; the backend, the operation and the backend's own words come
/// with it.
public struct SolverError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of a ``SolverError``.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The number of the kind (stable; for logs and tests).
        public let rawValue: Int
        /// Wraps a kind's number.
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// The backend raised an error inside ``SolverError/operation`` and was stopped
        /// before it could abort the process (GLPK's error hook) or unwind into Swift (a
        /// C++ exception of CBC); the backend's state was freed and the thread can solve
        /// again at once.
        public static let internalError = Code(rawValue: 1)
        /// Writing a model file to ``SolverError/path`` failed.
        public static let writeFailed = Code(rawValue: 2)
        /// `solve` or `export` was called on a thread already inside a solve of the same
        /// backend (from a log or progress handler); such calls cannot nest.
        public static let reentrantCall = Code(rawValue: 3)
        /// A solver made of others (a portfolio) was given none.
        public static let noSolver = Code(rawValue: 4)

        /// The member's name, e.g. `internalError`.
        public var description: String {
            switch self {
            case .internalError: return "internalError"
            case .writeFailed: return "writeFailed"
            case .reentrantCall: return "reentrantCall"
            case .noSolver: return "noSolver"
            default: return "SolverError.Code(\(rawValue))"
            }
        }
    }

    /// What kind of failure.
    public var code: Code
    /// The backend, as it names itself in messages: "GLPK", "CBC".
    public var solver: String
    /// The backend call that failed (``Code/internalError``), e.g. `glp_simplex`.
    public var operation: String?
    /// The file that could not be written (``Code/writeFailed``).
    public var path: String?
    /// What the backend said, trimmed; may be empty.
    public var message: String

    /// An error of `code` from `solver`.
    public init(_ code: Code, solver: String, operation: String? = nil, path: String? = nil, message: String = "") {
        self.code = code
        self.solver = solver
        self.operation = operation
        self.path = path
        self.message = message.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A one-line explanation naming the backend and its operation or file.
    public var description: String {
        switch code {
        case .internalError:
            return "\(solver) error in \(operation ?? "?"): \(message.isEmpty ? "(no message)" : message)"
        case .writeFailed:
            return "\(solver) could not write \(path ?? "?")\(message.isEmpty ? "" : ": \(message)")"
        case .reentrantCall:
            return "\(solver)Solver called from inside a \(solver) solve on the same thread (from a handler)"
        default:
            return "\(solver): \(code)\(message.isEmpty ? "" : ": \(message)")"
        }
    }
}
