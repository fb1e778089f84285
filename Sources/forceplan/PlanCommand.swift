import ArgumentParser
import ForceBench
import ForcePlanner
import ForceReports
import ForceScenario
import Foundation
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
    @OptionGroup var solverFlag: SolverFlag
    @ArgumentParser.Option(name: .customLong("time-limit"), help: "Seconds per option (a safety net; see --node-limit).") var timeLimit: Double = 60
    @ArgumentParser.Option(name: .customLong("node-limit"),
                           help: "Branch-and-bound nodes per objective stage: the same input stops at the same plan on any machine.")
    var nodeLimit: Int = PlannerSettings.defaultNodeLimit
    @ArgumentParser.Option(help: "text, markdown, json or csv.") var format: ReportFormat = .text
    @Flag(help: "No progress display.") var quiet = false
    @Flag(name: .customLong("no-alternatives"), help: "Skip near-optimal alternatives.") var noAlternatives = false
    @Flag(name: .customLong("no-binding"), help: "Skip the search for binding caveats and policies.") var noBinding = false
    @ArgumentParser.Option(help: "Pledge outcomes to sample (nation reliabilities); 0 for none.") var samples: Int = 0
    @ArgumentParser.Option(help: "Seed of the sampled outcomes.") var seed: UInt64 = 1
    @ArgumentParser.Option(name: .customShort("j"),
                           help: "Re-plans of --samples at once, each on its own thread (same output for any N).") var jobs: Int = 1
    @ArgumentParser.Option(name: [.short, .customLong("output")],
                           help: "Write the report here (whole or not at all) instead of stdout.") var output: String?

    func run() throws {
        Interrupt.install()
        let solver = try solverFlag.choice()
        let scenario = try CLI.load(file)
        guard timeLimit.isFinite, timeLimit > 0 else { throw CLI.fail("--time-limit must be a positive number of seconds") }
        guard (0...Reliability.maxSamples).contains(samples) else {
            throw CLI.fail("--samples must be between 0 and \(Reliability.maxSamples), not \(samples)")
        }
        try CLI.checkJobs(jobs)
        if nodeLimit <= 0 { throw CLI.fail("--node-limit must be a positive number of nodes") }
        let overrides = try whatIf.overrides(for: scenario)
        let only = try optionID.map { [try CLI.option($0, in: scenario)] }
        var settings = PlannerSettings(timeLimit: timeLimit, overrides: overrides, alternatives: !noAlternatives,
                                       findBinding: !noBinding, progress: quiet ? nil : Progress.reporter())
        settings.nodeLimit = nodeLimit
        let planner = solver.planner(scenario, settings: settings)
        var report = only.map { planner.planAll($0) } ?? planner.planAll()
        if samples > 0 {
            for i in report.options.indices {
                report.options[i].reliability = Reliability.assess(planner, report.options[i], samples: samples, seed: seed,
                                                                      threads: jobs)
            }
        }
        Progress.clear()
        try CLI.emit(CLI.render(report, format), to: output)
        if !report.allSolved { throw Exit.infeasible }
    }
}
