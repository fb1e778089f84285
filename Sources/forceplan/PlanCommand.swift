import ArgumentParser
import Foundation
import ForcePlanner
import StandardPlanner

/// Output formats of `plan`.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json, csv
}

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Plan the options of a scenario.",
        discussion: "Exit code 0 when every option solved, 1 when some option is infeasible or stopped without a plan, 2 on bad input.")

    @Argument(help: "Scenario file.") var file: String
    @ArgumentParser.Option(name: .customLong("option"), help: "Plan only this option.") var optionID: String?
    @OptionGroup var whatIf: WhatIfFlags
    @ArgumentParser.Option(name: .customLong("time-limit"), help: "Seconds per option.") var timeLimit: Double = 300
    @ArgumentParser.Option(help: "text, markdown, json or csv.") var format: ReportFormat = .text
    @Flag(help: "No progress display.") var quiet = false
    @Flag(name: .customLong("no-alternatives"), help: "Skip near-optimal alternatives.") var noAlternatives = false
    @Flag(name: .customLong("no-binding"), help: "Skip the search for binding caveats and policies.") var noBinding = false
    @ArgumentParser.Option(name: .customLong("node-limit"),
                           help: "Branch-and-bound nodes per solve (a reproducible work limit).") var nodeLimit: Int?
    @ArgumentParser.Option(name: [.short, .customLong("output")],
                           help: "Write the report here (whole or not at all) instead of stdout.") var output: String?

    func run() throws {
        Interrupt.install()
        let scenario = try CLI.load(file)
        guard timeLimit.isFinite, timeLimit > 0 else { throw CLI.fail("--time-limit must be a positive number of seconds") }
        if let nodeLimit, nodeLimit < 1 { throw CLI.fail("--node-limit must be a positive number of nodes") }
        let overrides = try whatIf.overrides(for: scenario)
        let only = try optionID.map { [try CLI.option($0, in: scenario)] }
        let settings = PlannerSettings(timeLimit: timeLimit, overrides: overrides, alternatives: !noAlternatives,
                                       findBinding: !noBinding, progress: quiet ? nil : Progress.reporter())
        var planner = Planner.standard(scenario: scenario, settings: settings)
        planner.settings.nodeLimit = nodeLimit
        let report = only.map { planner.planAll($0) } ?? planner.planAll()
        Progress.clear()
        try CLI.emit(CLI.render(report, format), to: output)
        if !report.allSolved { throw Exit.infeasible }
    }
}
