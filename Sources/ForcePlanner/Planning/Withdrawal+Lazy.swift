import ForceScenario
import LinearModel

extension PlannerSettings {
    /// Whether option `id` is solved with lazy withdrawal rows: as ``lazyWithdrawalRows``
    /// says, except under a stable re-plan (`whatif --stable`), whose stage adds variables
    /// of its own to the stage model: that option takes the full family.
    func lazyWithdrawal(_ id: String) -> Bool {
        lazyWithdrawalRows && stableBaselines[id] == nil
    }
}

/// How many nations' withdrawal rows a lazy solve added, against the full family.
public struct WithdrawalRowStats: Sendable, Hashable {
    /// Nations whose rows were added (lazily, or all of them when built in full).
    public var nationsWithRows: Int
    /// Nations the full family has rows for (every nation that can deploy).
    public var fullFamily: Int
    /// Solves over all stages (more than the stages when rows were added).
    public var solves: Int
}

extension SolveContext {
    /// Solves one lexicographic stage; with lazy withdrawal rows (``Formulation/lazyWithdrawal``)
    /// it repeats: solve, find the nations whose withdrawal leaves less than the bound in
    /// force (`w` itself once the `withdrawal` objective is being or has been optimised,
    /// else the policy's alpha), add their rows to the formulation and the stage model,
    /// solve again, until no nation breaks it. The result is the full model's: the plan
    /// satisfies every row of the full family, and each solve optimises over a relaxation.
    mutating func solveStage(_ model: inout Model, _ f: inout Formulation, stage k: Int,
                             parameters: SolveParameters) throws -> SolveResult {
        var p = parameters
        var rounds = 0
        while true {
            if let h = p.hint, h.count != model.variableCount { p.hint = f.cleanValues(h) }
            let solved = try planner.portfolio.solve(model, parameters: p)
            withdrawalSolves += 1
            guard f.lazyWithdrawal, let w = f.withdrawalWorst, solved.hasSolution,
                  solved.values.count == model.variableCount, model.variableCount == f.model.variableCount
            else { return solved }
            let objectiveStage = option.objectives.firstIndex(of: .withdrawal)
            let bound: Double
            if let j = objectiveStage, k >= j {
                bound = solved.values[w.index]
            } else if let alpha = option.policies.withdrawalCoverage {
                bound = alpha
            } else {
                return solved
            }
            let plan = f.plan(from: f.cleanValues(solved.values))
            let have = Set(f.withdrawalNations)
            let broken = (plan.withdrawal?.byNation ?? [])
                .filter { !have.contains($0.nation) && $0.coverage < bound - 1e-7 }
                .map(\.nation)
            guard !broken.isEmpty else { return solved }
            if let n = solved.nodes { nodes = (nodes ?? 0) + n }
            // After a few rounds that keep finding new nations, the rest of the family comes
            // at once: each round is a whole MIP solve (benchmarks/RESULTS.md).
            rounds += 1
            let adding = rounds > Self.lazyWithdrawalRounds ? f.withdrawalCandidates : broken
            var stage: Model? = model
            f.addWithdrawalRows(for: adding, also: &stage)
            if let stage { model = stage }
            p.hint = nil
            p.timeLimit = remaining
        }
    }

    /// Rounds of lazy withdrawal rows per stage before the rest of the family is added.
    static let lazyWithdrawalRounds = 3

    /// For an option infeasible only because of its `withdrawal_coverage`: plans it
    /// without the policy, maximising the worst withdrawal, and names the nation and the
    /// shortfall ("withdrawal_coverage: without turkiye: 71% < 80%"). nil when the option
    /// has no such policy or is infeasible without it too.
    mutating func explainWithdrawalShortfall() -> [Conflict]? {
        guard let alpha = option.policies.withdrawalCoverage else { return nil }
        var o = option
        o.policies.withdrawalCoverage = nil
        o.objectives = [.withdrawal]
        var context = SolveContext(planner: planner, option: o, index: index, count: count, clock: clock)
        let f = Formulation(scenario: planner.scenario, option: o, lazyWithdrawal: planner.settings.lazyWithdrawal(o.id))
        let r = context.lexicographic(f)
        guard let plan = r.plan, let worst = plan.withdrawal?.worst else { return nil }
        let best = plan.value(of: .withdrawal) ?? worst.coverage
        let proven = r.status == .optimal
        let message = "withdrawal_coverage: without \(worst.nation): \(NumberFormat.percent(best)) < "
            + "\(NumberFormat.percent(alpha))" + (proven ? " (the most any plan keeps)" : " (the most found; not proven)")
        return [Conflict(constraint: "withdrawal_coverage", shortfall: max(0, alpha - best), message: message)]
    }
}

extension Formulation {
    /// Why a repaired start plan does not do for an option with `withdrawal_coverage`:
    /// with lazy rows the model may not hold every nation's row yet, so the plan is
    /// checked against the policy itself. nil when it keeps the policy (or there is none).
    func withdrawalStartFailure(_ values: [Double]) -> StartPlanFailure? {
        guard let alpha = option.policies.withdrawalCoverage,
              let worst = plan(from: values).withdrawal?.worst, worst.coverage < alpha - 1e-9 else { return nil }
        return StartPlanFailure(reason: "the repaired start plan keeps \(NumberFormat.percent(worst.coverage)) without "
            + "\(worst.nation), below withdrawal_coverage \(NumberFormat.percent(alpha))")
    }
}
