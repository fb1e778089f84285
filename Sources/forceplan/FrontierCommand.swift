import ArgumentParser
import ForcePlanner
import ForceReports
import StandardPlanner

struct FrontierCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frontier",
        abstract: "The Pareto frontier of two objectives (epsilon-constraint), e.g. personnel in Ukraine against coverage.",
        discussion: "Each objective keeps its sense (coverage and nations maximised, the others minimised). Up to N points spread over the range of x; repeated and dominated points are dropped, bounds without a plan are listed. Exit code 1 when the option has no plan, 2 on bad input.")

    @Argument(help: "Scenario file.") var file: String
    @ArgumentParser.Option(help: "Objective on the x axis, e.g. personnel-in:ukraine.") var x: String
    @ArgumentParser.Option(help: "Objective on the y axis, e.g. coverage.") var y: String
    @ArgumentParser.Option(help: "Points asked for (at least 2).") var points: Int = 5
    @ArgumentParser.Option(name: .customLong("option"), help: "Option id (default: the first).") var optionID: String?
    @OptionGroup var whatIf: WhatIfFlags
    @OptionGroup var planning: PlanningOptions
    @ArgumentParser.Option(help: "text or json.") var format: AnalysisFormat = .text

    func run() throws {
        let scenario = try CLI.load(file)
        let overrides = try whatIf.overrides(for: scenario)
        let report = try CLI.call {
            try Commands.frontier(scenario, option: optionID, x: x, y: y, points: points, overrides: overrides,
                                  settings: planning.settings())
        }
        CLI.write(format == .json ? FrontierRendering.json(report) : FrontierRendering.text(report))
        if report.points.isEmpty {
            CLI.printError("forceplan: no point of the frontier has a plan (option \(report.option.id) is infeasible or stopped without a plan at every point)")
            throw Exit.infeasible
        }
    }
}
