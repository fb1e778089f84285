/// A failure of CBC itself (not of the model, which throws `ModelError`).
///
/// ```swift
/// do { try CBCSolver().export(model, format: .lp, to: "/no/such/dir/m.lp") }
/// catch let error as CBCError { print(error) }   // "CBC could not write ..."
/// ```
public enum CBCError: Error, Sendable, Hashable, CustomStringConvertible {
    /// CBC threw a C++ exception during `operation`; it was caught in the shim, the model
    /// was freed, and the process goes on.
    case internalError(operation: String, message: String)
    /// Writing a model file failed.
    case writeFailed(path: String, message: String)
    /// `solve` or `export` was called from a log handler of a CBC solve on the same thread.
    case reentrantCall

    /// A one-line explanation.
    public var description: String {
        switch self {
        case .internalError(let op, let msg): return "CBC error in \(op): \(msg)"
        case .writeFailed(let path, let msg): return "CBC could not write \(path): \(msg)"
        case .reentrantCall: return "CBCSolver called from inside a CBC solve on the same thread (from a handler)"
        }
    }
}
