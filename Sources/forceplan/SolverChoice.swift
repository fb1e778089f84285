import ArgumentParser
import CBCSolver
import ForcePlanner

/// The backends `--solver` offers. `auto` (the default) is GLPK's portfolio with CBC as its
/// last member; `glpk` is GLPK's portfolio alone; `cbc` is CBC alone, with its own defaults.
/// The solvers of each are in ``SolverChoice/solvers`` (DefaultSolvers.swift).
enum SolverChoice: String, CaseIterable {
    case auto, glpk, cbc

    /// The planner for this backend.
    func planner(_ scenario: Scenario, settings: PlannerSettings) -> Planner {
        CLI.planner(scenario, settings: settings, solvers: solvers)
    }
}

/// `--solver auto|glpk|cbc`, shared by `plan` and `export`.
struct SolverFlag: ParsableArguments {
    @ArgumentParser.Option(name: .customLong("solver"),
                           help: "MILP solver: auto (default: GLPK, then CBC on stages GLPK has not proven), glpk or cbc.")
    var solver: String = SolverChoice.auto.rawValue

    /// The chosen backend; an unknown name exits with code 2 and a suggestion.
    func choice() throws -> SolverChoice {
        if let c = SolverChoice(rawValue: solver) { return c }
        let names = SolverChoice.allCases.map(\.rawValue)
        throw CLI.fail("--solver \(solver): unknown solver" + Suggest.hint(solver, among: names, noun: "solvers"))
    }
}
