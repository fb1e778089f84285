import ForceScenario
import Foundation

/// The worker pool: independent jobs on a few threads of their own, each thread taking the
/// next job when it finishes one (job times vary a hundredfold, so fixed slices would
/// leave threads idle).
///
/// Solver state that is per thread (GLPK's environment) stays on the thread that made
/// it: each job runs wholly on one thread. ``run(_:threads:_:)`` returns the results in
/// job order, so the outcome does not depend on which thread finished first; the bench
/// runner uses ``forEach(_:threads:_:)``, which can stop early.
///
/// ```swift
/// let squares = ParallelMap.run(10, threads: 2) { i in i * i }   // [0, 1, 4, ...]
/// ```
public enum ParallelMap {
    /// Stack of each pool thread. GLPK's branch-and-bound recurses; give it at least the
    /// main thread's room.
    static let stackSize = 16 << 20

    /// `body(0) ... body(count - 1)` on `threads` threads (at least 1; 1 runs them here, in
    /// order).
    public static func run<T: Sendable>(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        if min(max(1, threads), count) == 1 { return (0..<count).map(body) }
        let box = ResultBox<T>(count)
        forEach(count, threads: threads) { i in
            box.set(i, body(i))
            return true
        }
        return box.results()
    }

    /// Calls `body(i)` for `i` in `0..<count` on `min(threads, count)` threads of their own
    /// (at least one, even for one job), each taking the next `i` when it is free, and
    /// returns when every thread has stopped. Once a call returns false no thread takes a
    /// further job (calls under way finish).
    public static func forEach(_ count: Int, threads: Int, _ body: @escaping @Sendable (Int) -> Bool) {
        guard count > 0 else { return }
        let width = min(max(1, threads), count)
        let jobs = JobQueue(count)
        let done = DispatchSemaphore(value: 0)
        for _ in 0..<width {
            let thread = Thread {
                defer { done.signal() }
                while let i = jobs.next() {
                    if !body(i) { jobs.stop() }
                }
            }
            thread.stackSize = stackSize
            thread.start()
        }
        for _ in 0..<width { done.wait() }
    }
}

/// The next job to take, behind one lock.
private final class JobQueue: @unchecked Sendable {
    private let lock = NSLock()
    private let count: Int
    private var cursor = 0

    init(_ count: Int) { self.count = count }

    func next() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard cursor < count else { return nil }
        cursor += 1
        return cursor - 1
    }

    /// No further job is handed out.
    func stop() {
        lock.lock()
        cursor = count
        lock.unlock()
    }
}

/// Results by job index, behind one lock.
private final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [T?]

    init(_ count: Int) { values = [T?](repeating: nil, count: count) }

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
