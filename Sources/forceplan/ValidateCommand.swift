import ArgumentParser
import ForceBench
import ForcePlanner
import ForceReports
import ForceScenario
import Foundation

/// `forceplan validate FILE...`: one summary line per valid file on stdout; warnings and
/// errors as `FILE:LINE:COL: message` on stderr. Exit 0 when every file is valid, 2 otherwise.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check scenario files; errors as FILE:LINE:COL: message.")
    @Argument(help: "Scenario files.") var files: [String]

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one scenario file, e.g. forceplan validate scenarios/tutorial.yaml") }
    }

    func run() throws {
        var allValid = true
        for file in files {
            do {
                let loaded = try ScenarioLoader.load(file: file)
                loaded.warnings.forEach { CLI.printError($0.description) }
                print("\(file): ok: \(loaded.scenario.counts)")
            } catch {
                allValid = false
                CLI.printError(error.description)
            }
        }
        if !allValid { throw Exit.badInput }
    }
}
