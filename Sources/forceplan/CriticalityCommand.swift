import ArgumentParser
import ForceBench
import ForcePlanner
import ForceReports
import ForceScenario

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
    @OptionGroup var solverFlag: SolverFlag
    @ArgumentParser.Option(help: "text or json.") var format: AnalysisFormat = .text
    @ArgumentParser.Option(name: .customShort("j"), help: "Re-plans at once, each on its own thread.") var jobs: Int = 1
    @ArgumentParser.Option(name: .customLong("time-limit"), help: "Seconds per re-plan.") var timeLimit: Double = 300

    func run() throws {
        let solver = try solverFlag.choice()
        let scenario = try CLI.load(file)
        try CLI.checkJobs(jobs)
        guard timeLimit.isFinite, timeLimit > 0 else { throw CLI.fail("--time-limit must be a positive number of seconds") }
        let overrides = try whatIf.overrides(for: scenario)
        let option = try CLI.option(optionID, in: scenario)
        let settings = PlannerSettings(timeLimit: timeLimit, overrides: overrides, alternatives: false, findBinding: false)
        let report = Criticality.analyse(solver.planner(scenario, settings: settings), option: option, threads: jobs)
        CLI.write(format == .json ? CriticalityRendering.json(report) : CriticalityRendering.text(report))
        if report.baseline.plan == nil { throw Exit.infeasible }
    }
}
