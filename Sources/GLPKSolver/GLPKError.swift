import Foundation

/// A failure of GLPK itself (not of the model, which throws `ModelError`).
///
/// GLPK reports invalid calls and internal errors by aborting the process; GLPKSolver
/// traps them instead (see `docs/glpk-backend.md`), frees GLPK's environment on the
/// calling thread and throws ``internalError(operation:message:)``. The thread can solve
/// again right away.
///
/// ```swift
/// do { try solver.export(model, format: .lp, to: "/no/such/dir/m.lp") }
/// catch let error as GLPKError { print(error) }   // "GLPK could not write ..."
/// ```
public enum GLPKError: Error, Sendable, Hashable, CustomStringConvertible {
    /// GLPK raised an error during `operation` and was stopped before it could abort the
    /// process; `message` is what GLPK printed.
    case internalError(operation: String, message: String)
    /// Writing a model file failed (GLPK's writer returned non-zero).
    case writeFailed(path: String, message: String)
    /// `solve` or `export` was called on a thread already inside one (from a log or
    /// progress handler); GLPK's state is per thread and such calls cannot nest.
    case reentrantCall

    /// A one-line explanation naming the GLPK operation.
    public var description: String {
        switch self {
        case .internalError(let op, let msg):
            let text = msg.trimmingCharacters(in: .whitespacesAndNewlines)
            return "GLPK error in \(op): \(text.isEmpty ? "(no message)" : text)"
        case .writeFailed(let path, let msg):
            let text = msg.trimmingCharacters(in: .whitespacesAndNewlines)
            return "GLPK could not write \(path)\(text.isEmpty ? "" : ": \(text)")"
        case .reentrantCall:
            return "GLPKSolver called from inside a GLPK solve on the same thread (from a handler)"
        }
    }
}
