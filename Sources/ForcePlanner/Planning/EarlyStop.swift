import ForceScenario
import LinearModel

/// What an option reports when a stage's search stops at a limit (docs/statuses.md): the
/// best plan it has, with the gap when a bound is known, and which limit stopped it.
extension SolveContext {
    /// The result of an option whose stage `k` (0-based) stopped at a limit.
    ///
    /// The plan is, in order: the stage's own incumbent; the earlier stage's plan (it
    /// satisfies this stage's model, whose extra rows only keep earlier optima); for the
    /// first stage, a repaired start plan (``Formulation/startPlan(solver:)``). The gap is
    /// measured between that plan's value and the best bound the search proved, and is nil
    /// (unknown) without a bound. Without any plan the status is `time-limit`.
    mutating func stopped(_ f: Formulation, stage k: Int, solved: SolveResult, earlier values: [Double]?,
                          result: OptionResult) -> OptionResult {
        var result = result
        let objectives = option.objectives
        guard objectives.indices.contains(k) else { return result }
        let objective = objectives[k]
        var plan: [Double]?
        var source = ""
        var noStart: String?
        if solved.hasSolution {
            plan = f.cleanValues(solved.values)
        } else if let values {
            plan = values
            source = "; the plan is stage \(k)'s (\(objectives[k - 1]))"
        } else {
            switch startPlan(f) {
            case .success(let start):
                plan = start
                source = "; the plan is the repaired start plan, not the search's"
            case .failure(let why):
                noStart = why.reason
            }
        }
        // A backend that does not say which limit: a time-limit termination is the clock.
        let limit = limitText(solved.stoppedBy ?? (solved.termination == .timeLimit ? .time : nil))
        var message = "stopped by \(limit) while optimising \(objective)"
        if k > 0 { message += " (" + objectives[..<k].map(\.description).joined(separator: ", ") + " proven optimal)" }
        if let plan {
            result.status = .feasible
            result.plan = f.plan(from: plan)
            let value = f.expression(for: objective).value(plan)
            result.gap = Self.gap(value: value, bound: solved.bestBound, maximize: objective.maximizes)
            if result.gap == nil { message += "; gap unknown (no bound proven)" }
            message += source
        } else {
            result.status = .timeLimit
            result.gap = nil
            message += "; no plan found" + (noStart.map { "; no start plan either: \($0)" } ?? "")
        }
        result.message = message
        return result
    }

    /// The option's start plan, made once: the LP relaxation of the first stage rounded
    /// down and repaired. The LP has the planner's time limit of its own.
    mutating func startPlan(_ f: Formulation) -> Result<[Double], StartPlanFailure> {
        if let start { return start }
        var p = parameters(stage: "start plan", step: nil, hint: nil)
        p.timeLimit = planner.settings.timeLimit
        let made = f.startPlan(solver: planner.solver, parameters: p)
        start = made
        return made
    }

    /// The limit in a planner's words, with its setting (no timing: the same input gives
    /// the same words).
    func limitText(_ limit: SolveLimit?) -> String {
        switch limit {
        case .nodes:
            if let n = planner.settings.nodeLimit {
                return "the node limit (\(NumberFormat.readable(Double(n))) node\(n == 1 ? "" : "s") per stage)"
            }
            return "the node limit"
        case .time:
            if let t = planner.settings.timeLimit {
                return "the time limit (\(NumberFormat.readable(t)) s per option)"
            }
            return "the time limit"
        case .gap: return "the requested relative gap"
        case .interrupted: return "an interruption"
        case nil: return "a solver limit"
        }
    }

    /// Relative gap between a plan's `value` and a proven `bound` on the optimum:
    /// `|bound - value| / max(1e-10, |value|)`, never negative; nil without a bound.
    static func gap(value: Double, bound: Double?, maximize: Bool) -> Double? {
        guard let b = bound, b.isFinite, value.isFinite else { return nil }
        let room = maximize ? b - value : value - b
        return max(0, room) / max(1e-10, abs(value))
    }

    /// Tells the progress display that a stage is proven optimal.
    func reportProven(_ stage: String) {
        guard let report = planner.settings.progress else { return }
        var p = PlanningProgress(optionIndex: index, optionCount: count, optionID: option.id, stage: stage,
                                 elapsed: clock.elapsed, gap: 0)
        p.proven = true
        report(p)
    }
}
