import ArgumentParser
import ForceBench
import ForcePlanner
import ForceReports
import ForceScenario
import Foundation
import GLPKSolver
import LinearModel
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
    @OptionGroup var solverFlag: SolverFlag

    func run() throws {
        guard (lp == nil) != (mps == nil) else { throw CLI.fail("give exactly one of --lp FILE or --mps FILE") }
        let choice = try solverFlag.choice()
        let scenario = try CLI.load(file)
        let overrides = try whatIf.overrides(for: scenario)
        let option = try CLI.option(optionID, in: scenario)
        // Earlier stages are solved exactly as `plan` solves them.
        let planner = choice.planner(scenario, settings: PlannerSettings(overrides: overrides))
        let solver = GLPKSolver()
        let model: Model
        do { model = try planner.stageModel(option, stage: stage) } catch { throw CLI.fail("\(error)") }
        do {
            if let lp { try solver.export(model, format: .lp, to: lp) }
            if let mps { try solver.export(model, format: .mps, to: mps) }
        } catch {
            throw CLI.fail("cannot write the model: \(error)")
        }
    }
}
