import ForcePlanTestSupport
import Foundation
import XCTest

/// Runs the built `forceplan` as a child process, as a planner would from a shell.
enum ForcePlanCLI {
    /// The built `forceplan` next to the test bundle; nil when it was not built.
    static var executable: URL? {
        var dir = Bundle.main.bundleURL
        for _ in 0..<3 {
            let candidate = dir.appendingPathComponent("forceplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            dir = dir.deletingLastPathComponent()
        }
        for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
            let candidate = bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("forceplan")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// The package root: the working directory of every run.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A process ready to run `forceplan arguments` in the package root, with its stdout and
    /// stderr piped; `environment`, when given, replaces the inherited one.
    static func process(_ arguments: [String], environment: [String: String]? = nil) throws
        -> (Process, stdout: Pipe, stderr: Pipe) {
        let executable = try XCTUnwrap(ForcePlanCLI.executable, "forceplan was not built next to the tests")
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        return (process, out, err)
    }

    /// Runs `forceplan arguments` to the end.
    static func run(_ arguments: [String], environment: [String: String]? = nil) throws
        -> (status: Int32, stdout: String, stderr: String) {
        let (process, out, err) = try process(arguments, environment: environment)
        try process.run()
        // Read both pipes at once, so that neither can fill up and stall the child.
        let errData = DataBox()
        let reader = Thread { errData.data = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !errData.done { usleep(1000) }
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self),
                String(decoding: errData.data, as: UTF8.self))
    }

    /// A fresh empty directory under the temporary directory.
    static func temporaryDirectory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory
            .appendingPathComponent("forceplan-test-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    /// Writes `yaml` to a file in a fresh temporary directory and returns its path.
    static func scenarioFile(_ yaml: String, name: String = "scenario.yaml") throws -> String {
        let url = try temporaryDirectory().appendingPathComponent(name)
        try yaml.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }
}

final class DataBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored = Data()
    private var finished = false
    var data: Data {
        get { lock.lock(); defer { lock.unlock() }; return stored }
        set { lock.lock(); stored = newValue; finished = true; lock.unlock() }
    }
    var done: Bool { lock.lock(); defer { lock.unlock() }; return finished }
}
