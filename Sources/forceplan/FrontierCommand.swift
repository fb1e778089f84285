import ArgumentParser
import ForceBench
import ForcePlanner
import ForceReports
import ForceScenario

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
    @OptionGroup var solverFlag: SolverFlag
    @ArgumentParser.Option(help: "text or json.") var format: AnalysisFormat = .text
    @ArgumentParser.Option(name: .customLong("time-limit"), help: "Seconds per point.") var timeLimit: Double = 300

    func run() throws {
        let solver = try solverFlag.choice()
        let scenario = try CLI.load(file)
        guard timeLimit.isFinite, timeLimit > 0 else { throw CLI.fail("--time-limit must be a positive number of seconds") }
        let overrides = try whatIf.overrides(for: scenario)
        let option = try CLI.option(optionID, in: scenario)
        let report: FrontierReport
        do {
            let ox = try Frontier.objective(x, in: scenario), oy = try Frontier.objective(y, in: scenario)
            let settings = PlannerSettings(timeLimit: timeLimit, overrides: overrides, alternatives: false, findBinding: false)
            report = try Frontier.trace(solver.planner(scenario, settings: settings), option: option, x: ox, y: oy, points: points)
        } catch {
            throw CLI.fail("\(error)")
        }
        CLI.write(format == .json ? FrontierRendering.json(report) : FrontierRendering.text(report))
        if report.points.isEmpty { throw Exit.infeasible }
    }
}
