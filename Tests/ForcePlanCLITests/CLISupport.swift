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

    /// Runs any program to its end in the package root: its status, stdout and stderr.
    /// stderr goes through a file in `scratch`, so a chatty child (Chromium) can never block
    /// on a full pipe while stdout is read.
    static func runProgram(_ executable: URL, _ arguments: [String], scratch: URL) throws
        -> (status: Int32, stdout: Data, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = root
        let errFile = scratch.appendingPathComponent("stderr-\(UUID().uuidString).txt")
        _ = FileManager.default.createFile(atPath: errFile.path, contents: nil)
        let err = try FileHandle(forWritingTo: errFile)
        defer { try? err.close(); try? FileManager.default.removeItem(at: errFile) }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let stderrData = (try? Data(contentsOf: errFile)) ?? Data()
        return (process.terminationStatus, stdout, String(decoding: stderrData, as: UTF8.self))
    }

    /// A program from Debian's packages (`chromium`, `pdftotext`, ...), or nil when it is
    /// not installed.
    static func systemTool(_ name: String) -> URL? {
        for dir in ["/usr/bin", "/usr/local/bin", "/bin"] {
            let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return nil
    }

    /// glpsol's optimal objective for a CPLEX LP file (GLPK's own reader and solver,
    /// outside forceplan; its report goes to a file beside the model, never /dev/null); nil
    /// when glpsol is missing. The solve must be INTEGER OPTIMAL.
    static func glpsolObjective(_ lpPath: String) throws -> Double? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/glpsol") else { return nil }
        let output = lpPath + ".sol"
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        process.arguments = ["--lp", lpPath, "-o", output]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0)
        let text = try String(contentsOfFile: output, encoding: .utf8)
        XCTAssertTrue(text.contains("Status:     INTEGER OPTIMAL"), text)
        // "Objective:  obj = 257 (MINimum)"
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        let afterEquals = try XCTUnwrap(line.split(separator: "=").last)
        return Double(try XCTUnwrap(afterEquals.split(separator: " ").first))
    }

    /// Writes `yaml` to a file in a fresh temporary directory and returns its path.
    static func scenarioFile(_ yaml: String, name: String = "scenario.yaml") throws -> String {
        let url = try TestFiles.temporaryDirectory().appendingPathComponent(name)
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
