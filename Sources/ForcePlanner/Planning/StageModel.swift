import ForceScenario
import LinearModel

extension Planner {
    /// The model the planner solves at one stage of an option's lexicographic solve, for
    /// audit in other solvers (`forceplan export`). Stage 1 optimises the first objective;
    /// stage k adds "keep objective i within tolerance of its optimum" for every i < k,
    /// with the optima found by solving the earlier stages exactly as ``plan(_:index:of:)``
    /// does.
    ///
    /// - Throws: ``InputError`` when `stage` is out of range or an earlier stage has no
    ///   optimum (infeasible, stopped early).
    public func stageModel(_ option: Option, stage: Int = 1) throws -> Model {
        let resolved = ResolvedOption(option, of: scenario, overrides: settings.overrides)
        guard (1...resolved.objectives.count).contains(stage) else {
            throw InputError("stage \(stage) does not exist; option \(option.id) has \(resolved.objectives.count) objectives")
        }
        var context = SolveContext(planner: self, option: resolved, index: 1, count: 1, clock: Stopwatch())
        let result = context.lexicographic(Formulation(scenario: scenario, option: resolved), stopAt: stage)
        guard result.status == .optimal, let model = context.stageModel else {
            throw InputError("an earlier stage of option \(option.id) ended \(result.status.rawValue)"
                + (result.message.map { " (\($0))" } ?? "") + "; later stages have no model")
        }
        return model
    }
}
