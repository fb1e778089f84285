import ArgumentParser
import Foundation
import ForcePlanner
import GLPKSolver
import LinearModel

struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write an option's model (CPLEX LP or free MPS) for audit in other solvers.",
        discussion: "Stage K (default 1) is the model that optimises the K-th objective, with the earlier objectives kept at their optima.")

    @Argument(help: "Scenario file.") var file: String
    @ArgumentParser.Option(name: .customLong("option"), help: "Option id (default: the first).") var optionID: String?
    @ArgumentParser.Option(help: "Write CPLEX LP here.") var lp: String?
    @ArgumentParser.Option(help: "Write free MPS here.") var mps: String?
    @ArgumentParser.Option(help: "Lexicographic stage, from 1.") var stage: Int = 1
    @ArgumentParser.Option(name: .customLong("assume"), help: "Set an assumption: NAME=true|false (repeatable).") var assume: [String] = []
    @ArgumentParser.Option(name: .customLong("drop"), help: "Withdraw nations: ID[,ID...] (repeatable).") var drop: [String] = []

    func run() throws {
        guard (lp == nil) != (mps == nil) else { throw CLI.fail("give exactly one of --lp FILE or --mps FILE") }
        let scenario = try CLI.load(file)
        let overrides = try CLI.overrides(assume: assume, drop: drop, scenario: scenario)
        let options = scenario.effectiveOptions
        let option: ForcePlanner.Option
        if let id = optionID {
            guard let o = options.first(where: { $0.id == id }) else {
                throw CLI.fail("--option \(id): unknown option" + Suggest.hint(id, among: options.map(\.id), noun: "options"))
            }
            option = o
        } else {
            guard let o = options.first else { throw CLI.fail("the scenario has no options") }
            option = o
        }
        let solver = GLPKSolver()
        let planner = Planner(scenario: scenario, solver: solver, settings: PlannerSettings(overrides: overrides))
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
