import Foundation
import LinearModel

/// A solver that hands every solve (model, parameters, result) to `record`, and otherwise is
/// `inner`: for tests that check which configuration ran, with which limits, and how it ended.
///
/// ```swift
/// let log = Recorded<Int?>()
/// let solver = RecordingSolver(inner: GLPKSolver()) { _, p, _ in log.append(p.nodeLimit) }
/// ```
public struct RecordingSolver: Solver {
    public let inner: any Solver
    let record: @Sendable (Model, SolveParameters, SolveResult) -> Void

    public init(inner: any Solver, record: @escaping @Sendable (Model, SolveParameters, SolveResult) -> Void) {
        self.inner = inner
        self.record = record
    }

    public var name: String { inner.name }

    public func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult {
        let r = try inner.solve(model, parameters: parameters)
        record(model, parameters, r)
        return r
    }

    public func export(_ model: Model, format: ModelFileFormat, to path: String) throws {
        try inner.export(model, format: format, to: path)
    }
}

/// Entries appended from any thread, read in the order they came.
public final class Recorded<Entry>: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: [Entry] = []
    public init() {}
    public var entries: [Entry] { lock.withLock { recorded } }
    public func append(_ e: Entry) { lock.withLock { recorded.append(e) } }
}
