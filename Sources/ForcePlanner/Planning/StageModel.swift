import LinearModel

extension Planner {
    /// The model the planner solves at one stage of an option's lexicographic solve, for
    /// audit in other solvers (`forceplan export`). Stage 1 optimises the first objective;
    /// stage k adds "keep objective i within tolerance of its optimum" for every i < k,
    /// with the optima found by solving the earlier stages.
    ///
    /// - Throws: ``InputError`` when `stage` is out of range or an earlier stage has no
    ///   optimum (infeasible, stopped early).
    public func stageModel(_ option: Option, stage: Int = 1) throws -> Model {
        let resolved = ResolvedOption(option, of: scenario, overrides: settings.overrides)
        guard (1...resolved.objectives.count).contains(stage) else {
            throw InputError("stage \(stage) does not exist; option \(option.id) has \(resolved.objectives.count) objectives")
        }
        let f = Formulation(scenario: scenario, option: resolved)
        var model = f.model
        let context = SolveContext(planner: self, option: resolved, index: 1, count: 1, clock: Stopwatch(), bestValues: nil)
        var hint: [Double]?
        for (k, objective) in resolved.objectives.enumerated() {
            model.setObjective(objective.maximizes ? .maximize : .minimize, f.expression(for: objective))
            if k + 1 == stage { return model }
            let solved = try portfolio.solve(model, parameters: context.parameters(
                stage: objective.description, step: f.objectiveStep(for: objective), hint: hint))
            guard solved.termination == .optimal, solved.hasSolution else {
                throw InputError("stage \(k + 1) (\(objective)) of option \(option.id) ended \(solved.termination.rawValue); later stages have no model")
            }
            let clean = f.cleanValues(solved.values)
            hint = clean
            let v = f.expression(for: objective).value(clean)
            SolveContext.keep(&model, f, objective, at: v, slack: SolveContext.tolerance(v), name: "keep(\(objective))")
        }
        return model
    }
}
