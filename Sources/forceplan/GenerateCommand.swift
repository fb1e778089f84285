import ArgumentParser
import ForceBench
import ForcePlanner
import ForceReports
import ForceScenario
import Foundation

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Write a random but plausible scenario (for benchmarks); the same seed gives the same file.")

    @ArgumentParser.Option(help: "Number of nations (besides the US backstop).") var nations: Int = 20
    @ArgumentParser.Option(help: "Random seed.") var seed: UInt64 = 1
    @ArgumentParser.Option(name: [.short, .customLong("output")], help: "Output file (default: stdout).") var output: String?

    func run() throws {
        try CLI.emit(try CLI.call { try RandomScenario.yaml(nations: nations, seed: seed) }, to: output)
    }
}
