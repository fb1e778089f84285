import ArgumentParser
import CBCSolver
import ForcePlanner
import StandardPlanner

/// The backends `--solver` offers. GLPK (the default) runs as its portfolio of
/// configurations (`Planner.standard`); CBC runs alone, with its own defaults.
enum SolverChoice: String, CaseIterable {
    case glpk, cbc

    /// The planner for this backend.
    func planner(_ scenario: Scenario, settings: PlannerSettings) -> Planner {
        switch self {
        case .glpk: return Planner.standard(scenario: scenario, settings: settings)
        case .cbc: return Planner(scenario: scenario, solver: CBCSolver(), settings: settings)
        }
    }
}

/// `--solver glpk|cbc`, shared by `plan` and `export`.
struct SolverFlag: ParsableArguments {
    @ArgumentParser.Option(name: .customLong("solver"), help: "MILP solver: glpk (default) or cbc.")
    var solver: String = SolverChoice.glpk.rawValue

    /// The chosen backend; an unknown name exits with code 2 and a suggestion.
    func choice() throws -> SolverChoice {
        if let c = SolverChoice(rawValue: solver) { return c }
        let names = SolverChoice.allCases.map(\.rawValue)
        throw CLI.fail("--solver \(solver): unknown solver" + Suggest.hint(solver, among: names, noun: "solvers"))
    }
}
