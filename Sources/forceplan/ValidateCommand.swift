import ArgumentParser
import ForcePlanner

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate", abstract: "Check scenario files; errors as FILE:LINE:COL: message.")
    @Argument(help: "Scenario files.") var files: [String]
    func run() throws {}
}
