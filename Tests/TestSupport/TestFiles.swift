import Foundation

/// Files and folders the tests of more than one target write.
public enum TestFiles {
    /// A fresh empty directory under the temporary directory, removed with everything in it
    /// when the test process exits.
    public static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("forceplan-test-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        created.add(dir)
        return dir
    }

    /// The directories ``temporaryDirectory()`` made, removed at exit (XCTest ends the test
    /// process with `exit`, which runs the handler).
    private static let created = CreatedDirectories()

    private final class CreatedDirectories: @unchecked Sendable {
        private let lock = NSLock()
        private var urls: [URL] = []
        private var registered = false

        func add(_ url: URL) {
            lock.lock()
            defer { lock.unlock() }
            urls.append(url)
            if !registered {
                registered = true
                atexit { TestFiles.created.removeAll() }
            }
        }

        func removeAll() {
            lock.lock()
            let all = urls
            urls = []
            lock.unlock()
            for url in all { try? FileManager.default.removeItem(at: url) }
        }
    }

    /// Writes ``TestScenarios/stableBase`` as `base.yaml` and ``TestScenarios/stableVariant``
    /// as `dearer.yaml` into `directory` (the stable re-plan's case, planned by both the
    /// library's and the CLI's tests).
    public static func writeStablePair(in directory: URL) throws {
        try TestScenarios.stableBase.write(to: directory.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        try TestScenarios.stableVariant.write(to: directory.appendingPathComponent("dearer.yaml"), atomically: true, encoding: .utf8)
    }
}
