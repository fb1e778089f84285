import Dispatch
import Foundation

/// Ctrl-C (SIGINT) for the commands that plan: exit code 130 and no half-written output.
///
/// ``install()`` routes SIGINT to a handler on its own queue, so it runs even while the
/// main thread is inside a GLPK solve. The handler removes every temporary file that
/// ``OutputFile`` has not yet renamed into place, clears the progress line and exits
/// with 130 (128 + SIGINT), the shell's code for an interrupted command.
enum Interrupt {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var pending: Set<String> = []
    nonisolated(unsafe) private static var source: DispatchSourceSignal?
    nonisolated(unsafe) private static var hooks: [@Sendable () -> Void] = []
    private static let queue = DispatchQueue(label: "forceplan.interrupt")

    /// Installs the handler (once; later calls do nothing).
    static func install() {
        lock.lock()
        defer { lock.unlock() }
        guard source == nil else { return }
        signal(SIGINT, SIG_IGN)   // the dispatch source, not the default action, handles it
        let s = DispatchSource.makeSignalSource(signal: SIGINT, queue: queue)
        s.setEventHandler { interrupted() }
        s.resume()
        source = s
    }

    /// Runs `body` with `path` registered as a temporary file to remove on SIGINT; the
    /// registration ends with `body`. `body` runs under the lock, so an interrupt either
    /// comes before it (and removes `path`) or after it (and finds the work done).
    static func whileTracking<T>(_ path: String, _ body: () throws -> T) rethrows -> T {
        lock.lock()
        pending.insert(path)
        defer {
            pending.remove(path)
            lock.unlock()
        }
        return try body()
    }

    /// Runs `hook` on SIGINT, before the exit (in the order added): a command finishes its
    /// output there (`bench` ends its progress line and closes the results file, which
    /// waits for a line being written). Hooks must not wait on the main thread.
    static func beforeExit(_ hook: @escaping @Sendable () -> Void) {
        lock.lock()
        hooks.append(hook)
        lock.unlock()
    }

    /// Registers `path` for removal on SIGINT until ``untrack(_:)``.
    static func track(_ path: String) {
        lock.lock()
        pending.insert(path)
        lock.unlock()
    }

    static func untrack(_ path: String) {
        lock.lock()
        pending.remove(path)
        lock.unlock()
    }

    private static func interrupted() {
        lock.lock()   // waits for a rename in progress; the main thread never waits on us
        for path in pending { unlink(path) }
        if isatty(STDERR_FILENO) != 0 {
            FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        }
        for hook in hooks { hook() }
        FileHandle.standardError.write(Data("forceplan: interrupted\n".utf8))
        _exit(Exit.interrupted.rawValue)
    }
}
