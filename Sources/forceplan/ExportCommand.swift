import ArgumentParser
import ForcePlanner
import StandardPlanner

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an option's model (CPLEX LP or free MPS) for audit in other solvers.",
        discussion: "Stage K (default 1) is the model that optimises the K-th objective, with the earlier objectives kept at their optima, as --solver found them. The file is written by GLPK's writer whatever the solver.")

    @Argument(help: "Scenario file.") var file: String
    @ArgumentParser.Option(name: .customLong("option"), help: "Option id (default: the first).") var optionID: String?
    @ArgumentParser.Option(help: "Write CPLEX LP here.") var lp: String?
    @ArgumentParser.Option(help: "Write free MPS here.") var mps: String?
    @ArgumentParser.Option(help: "Lexicographic stage, from 1.") var stage: Int = 1
    @OptionGroup var whatIf: WhatIfFlags
    @OptionGroup var planning: PlanningOptions

    func validate() throws {
        guard (lp == nil) != (mps == nil) else { throw ValidationError("give exactly one of --lp FILE or --mps FILE") }
    }

    func run() throws {
        let scenario = try CLI.load(file)
        let overrides = try whatIf.overrides(for: scenario)
        let text = try CLI.call {
            try Commands.export(scenario, option: optionID, stage: stage, format: lp != nil ? .lp : .mps,
                                overrides: overrides, settings: planning.settings())
        }
        try CLI.emit(text, to: lp ?? mps)
    }
}
