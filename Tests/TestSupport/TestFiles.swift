import Foundation

/// Files and folders the tests of more than one target write.
public enum TestFiles {
    /// A fresh empty directory under the temporary directory.
    public static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("forceplan-test-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes ``TestScenarios/stableBase`` as `base.yaml` and ``TestScenarios/stableVariant``
    /// as `dearer.yaml` into `directory` (the stable re-plan's case, planned by both the
    /// library's and the CLI's tests).
    public static func writeStablePair(in directory: URL) throws {
        try TestScenarios.stableBase.write(to: directory.appendingPathComponent("base.yaml"), atomically: true, encoding: .utf8)
        try TestScenarios.stableVariant.write(to: directory.appendingPathComponent("dearer.yaml"), atomically: true, encoding: .utf8)
    }
}
