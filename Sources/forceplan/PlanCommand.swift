import ArgumentParser
import ForcePlanner

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "plan", abstract: "Plan the options of a scenario.")
    @Argument(help: "Scenario file.") var file: String
    func run() throws {}
}
