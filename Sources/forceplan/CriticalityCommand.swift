import ArgumentParser
import ForcePlanner
import ForceReports
import StandardPlanner

/// Output formats of the analysis commands.
enum AnalysisFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

struct CriticalityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "criticality",
        abstract: "Re-plan an option without each contributing nation: coverage and cost lost, ranked.",
        discussion: "Most critical first: coverage lost, then cost added. A single point of failure is a nation without which a requirement it serves falls below its need and no other nation can serve it. Exit code 1 when the option itself has no plan, 2 on bad input.")

    @Argument(help: "Scenario file.") var file: String
    @ArgumentParser.Option(name: .customLong("option"), help: "Option id (default: the first).") var optionID: String?
    @OptionGroup var whatIf: WhatIfFlags
    @OptionGroup var planning: PlanningOptions
    @ArgumentParser.Option(help: "text or json.") var format: AnalysisFormat = .text
    @OptionGroup var jobs: JobsOption

    func run() throws {
        let scenario = try CLI.load(file)
        let overrides = try whatIf.overrides(for: scenario)
        let report = try CLI.call {
            try Commands.criticality(scenario, option: optionID, overrides: overrides,
                                     settings: planning.settings(jobs: jobs.jobs))
        }
        CLI.write(format == .json ? CriticalityRendering.json(report) : CriticalityRendering.text(report))
        if report.baseline.plan == nil {
            CLI.printError("forceplan: option \(Unsolved.describe(report.baseline)): no plan, so no withdrawal to analyse")
            throw Exit.infeasible
        }
    }
}
