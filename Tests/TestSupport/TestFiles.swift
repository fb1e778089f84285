import Foundation

/// Files and folders the tests of more than one target write.
public enum TestFiles {
    /// A fresh empty directory under the temporary directory, removed with everything in it
    /// when the test process exits.
    public static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("forceplan-test-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        created.append(dir)
        return dir
    }

    /// The directories ``temporaryDirectory()`` made, removed at exit (XCTest ends the test
    /// process with `exit`, which runs the handler). The handler is registered when the
    /// first directory is made (a static is initialised once, on first use).
    private static let created: Recorded<URL> = {
        atexit { TestFiles.created.entries.forEach { try? FileManager.default.removeItem(at: $0) } }
        return Recorded<URL>()
    }()

    /// Writes ``TestScenarios/stableBase`` as `base.yaml` and ``TestScenarios/stableVariant``
    /// as `dearer.yaml` into `directory` (the stable re-plan's case, planned by both the
    /// library's and the CLI's tests).
    public static func writeStablePair(in directory: URL) throws {
        try TestScenarios.stableBase.write(to: directory.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        try TestScenarios.stableVariant.write(to: directory.appendingPathComponent("dearer.yaml"), atomically: true, encoding: .utf8)
    }
}
