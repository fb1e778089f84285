import ForcePlanner
import ForceReports
import ForceScenario
import Foundation

/// Everything a benchmark run needs before it starts: the scenario files found under the
/// given paths, each loaded and checked, the sweep loaded and checked against every
/// scenario, and the cases they make. Nothing runs until all of it is valid.
///
/// ```swift
/// let inputs = try BenchInputs.load(paths: ["scenarios/"], sweep: "sweeps/coalition-2025.yaml")
/// let mine = try Shard(parsing: "2/3").select(inputs.cases)
/// ```
public struct BenchInputs: Sendable {
    /// Scenario paths, canonical (``BenchCase/canonicalPath(_:in:)``) and sorted.
    public var files: [String]
    /// Each scenario by its canonical path.
    public var scenarios: [String: Scenario]
    public var sweep: Sweep?
    /// Every case, in shard order (``BenchCase/all(scenarios:sweep:)``).
    public var cases: [BenchCase]
    /// Warnings of the scenarios (legal but probably not meant).
    public var warnings: [Diagnostic]

    /// Finds, loads and checks the scenarios under `paths` and the sweep file. Case ids name
    /// scenarios relative to `directory` (the working directory by default).
    /// - Throws: ``BenchInputError`` with every problem found, each `FILE:LINE:COL: ...`
    ///   where it has a place.
    public static func load(paths: [String], sweep sweepFile: String?,
                            in directory: String = FileManager.default.currentDirectoryPath) throws(BenchInputError) -> BenchInputs {
        let files: [String]
        do { files = try BenchCase.scenarioFiles(paths, in: directory) } catch {
            throw BenchInputError(messages: ["\(error)"])
        }
        var sweep: Sweep?
        if let sweepFile {
            do { sweep = try SweepLoader.load(file: sweepFile) } catch {
                throw BenchInputError(messages: error.diagnostics.map(\.description))
            }
        }
        var scenarios: [String: Scenario] = [:]
        var warnings: [Diagnostic] = []
        var problems: [String] = []
        let here = FileManager.default.currentDirectoryPath
        for file in files {
            // Files are named relative to `directory`; messages keep that name when it is here.
            let onDisk = file.hasPrefix("/") || directory == here ? file : (directory as NSString).appendingPathComponent(file)
            do {
                let loaded = try ScenarioLoader.load(file: onDisk)
                warnings += loaded.warnings
                scenarios[file] = loaded.scenario
                if let sweep { problems += sweep.check(against: loaded.scenario, path: file).map(\.description) }
            } catch {
                problems += error.diagnostics.map(\.description)
            }
        }
        // A sweep name missing from several scenarios is reported once per scenario, not per case.
        var seen = Set<String>()
        problems = problems.filter { seen.insert($0).inserted }
        guard problems.isEmpty else { throw BenchInputError(messages: problems) }
        return BenchInputs(files: files, scenarios: scenarios, sweep: sweep,
                           cases: BenchCase.all(scenarios: files, sweep: sweep), warnings: warnings)
    }
}

/// Why a benchmark cannot start: every problem with its scenarios and sweep.
public struct BenchInputError: Error, Sendable, CustomStringConvertible {
    /// One message per problem, `FILE:LINE:COL: ...` where it has a place.
    public var messages: [String]
    public var description: String { messages.joined(separator: "\n") }
}
