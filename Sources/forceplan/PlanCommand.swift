import ArgumentParser
import ForcePlanner
import ForceReports
import ForceScenario
import Foundation
import StandardPlanner

/// Output formats of `plan`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, csv
}

/// How much `plan --format text` prints after the bottom line.
enum DetailLevel: String, ExpressibleByArgument, CaseIterable {
    case summary, full
    var library: TextDetail { self == .summary ? .summary : .full }
}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the options of a scenario.",
        discussion: "Exit code 0 when every option solved, 1 when some option is infeasible or stopped without a plan, 2 on bad input.")

    @Argument(help: "Scenario file.") var file: String
    @ArgumentParser.Option(name: .customLong("option"), help: "Plan only this option.") var optionID: String?
    @OptionGroup var whatIf: WhatIfFlags
    @OptionGroup var planning: PlanningOptions
    @ArgumentParser.Option(help: "text, markdown, json or csv.") var format: ReportFormat = .text
    @ArgumentParser.Option(help: "Text only: summary (the bottom line and a few lines per option) or full (every table).")
    var detail: DetailLevel = .full
    @Flag(help: "No progress display.") var quiet = false
    @OptionGroup var search: SearchFlags
    @ArgumentParser.Option(help: "Pledge outcomes to sample (nation reliabilities); 0 for none.") var samples: Int = 0
    @ArgumentParser.Option(help: "Seed of the sampled outcomes.") var seed: UInt64 = 1
    @OptionGroup var jobs: JobsOption
    @ArgumentParser.Option(name: [.short, .customLong("output")],
                           help: "Write the report here (whole or not at all) instead of stdout.") var output: String?

    func run() throws {
        Interrupt.install()
        let scenario = try CLI.load(file)
        let overrides = try whatIf.overrides(for: scenario)
        let settings = planning.settings(jobs: jobs.jobs, search: search, progress: quiet ? nil : Progress.reporter())
        let report = try CLI.call {
            try Commands.plan(scenario, options: optionID.map { [$0] } ?? [], overrides: overrides,
                              samples: samples, seed: seed, settings: settings)
        }
        Progress.clear()
        try CLI.emit(CLI.render(report, format, detail: detail.library), to: output)
        if !report.allSolved {
            CLI.printError("forceplan: " + (Unsolved.line(report) ?? "some option has no plan"))
            throw Exit.infeasible
        }
    }
}
