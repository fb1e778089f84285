import ArgumentParser
import ForceBench
import ForcePlanner
import ForceReports
import ForceScenario
import StandardPlanner

extension SolverBackend {
    /// The planner `forceplan` builds on this backend (``Planner/standard(scenario:settings:backend:)``).
    func planner(_ scenario: Scenario, settings: PlannerSettings) -> Planner {
        Planner.standard(scenario: scenario, settings: settings, backend: self)
    }
}

/// `--solver auto|glpk|cbc|glpk-plain`, shared by every command that plans.
struct SolverFlag: ParsableArguments {
    @ArgumentParser.Option(name: .customLong("solver"),
                           help: "MILP solver: auto (default: GLPK, then CBC on stages GLPK has not proven), glpk, cbc, or glpk-plain (GLPK's defaults, as glpsol runs).")
    var solver: String = SolverBackend.auto.rawValue

    /// The chosen backend; an unknown name exits with code 2 and a suggestion.
    func choice() throws -> SolverBackend {
        if let c = SolverBackend(rawValue: solver) { return c }
        let names = SolverBackend.allCases.map(\.rawValue)
        throw CLI.fail("--solver \(solver): unknown solver" + Suggest.hint(solver, among: names, noun: "solvers"))
    }
}
