import ForceScenario
import Foundation

/// Runs independent jobs on a few threads of their own and returns their results in job
/// order, so the outcome does not depend on which thread finished first.
///
/// Solver state that is per thread (GLPK's environment) stays on the thread that made
/// it: each job runs wholly on one thread.
///
/// ```swift
/// let squares = ParallelMap.run(10, threads: 2) { i in i * i }   // [0, 1, 4, ...]
/// ```
public enum ParallelMap {
    /// `body(0) ... body(count - 1)` on `threads` threads (at least 1; 1 runs them here, in
    /// order).
    public static func run<T: Sendable>(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let width = min(max(1, threads), count)
        if width == 1 { return (0..<count).map(body) }
        let box = ResultBox<T>(count)
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<width {
            let thread = Thread {
                defer { done.signal() }
                while let i = box.next() { box.set(i, body(i)) }
            }
            // GLPK's branch-and-bound recurses; give it the main thread's room.
            thread.stackSize = 8 << 20
            thread.start()
        }
        for _ in 0..<width { done.wait() }
        return box.results()
    }
}

/// Results by job index, and the next job to take, behind one lock.
private final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [T?]
    private var cursor = 0

    init(_ count: Int) { values = [T?](repeating: nil, count: count) }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard cursor < values.count else { return nil }
        cursor += 1
        return cursor - 1
    }

    func set(_ i: Int, _ value: T) {
        lock.lock()
        values[i] = value
        lock.unlock()
    }

    func results() -> [T] {
        lock.lock()
        defer { lock.unlock() }
        return values.compactMap { $0 }
    }
}
