import ForceScenario

/// What an option loses when one contributing nation (or one that pays into the common
/// fund) withdraws: the option re-planned
/// without it, with the option's own objectives, compared with the plan that has it.
///
/// Nations are ranked by coverage lost, then by cost added (a re-plan that is infeasible
/// without the nation ranks first: the option cannot be planned at all). A nation is a
/// **single point of failure** when some requirement it serves in the plan falls below
/// its need without it and no other nation can serve that requirement at all (no pledge
/// of anyone else has the capability, the place, the readiness and the assumptions), or
/// too few others remain for the requirement's `min_nations`.
///
/// ```swift
/// let planner = Planner(scenario: scenario, solver: GLPKSolver())
/// let report = Criticality.analyse(planner, option: scenario.effectiveOptions[0], threads: 2)
/// for n in report.nations {
///     print(n.nation, n.coverageLost ?? 1, n.singlePointOfFailure ? "single point of failure" : "")
/// }
/// ```
///
/// - Complexity: one lexicographic solve per contributing nation, plus the baseline. The
///   re-plans are independent and run on `threads` threads (GLPK keeps its state per
///   thread); the result does not depend on the number of threads.
public enum Criticality {
    /// Re-plans `option` without each of its contributing nations in turn.
    ///
    /// Alternatives and the binding search are skipped; the planner's other settings
    /// (time limit, what-if overrides, solvers) apply to every re-plan.
    public static func analyse(_ planner: Planner, option: Option, threads: Int = 1) -> CriticalityReport {
        var quiet = planner
        quiet.settings.alternatives = false
        quiet.settings.findBinding = false
        quiet.settings.progress = nil
        let baseline = quiet.plan(option)
        let scenario = planner.scenario
        guard let base = baseline.plan else {
            return CriticalityReport(scenario: scenario, baseline: baseline, nations: [])
        }
        // Nations whose money reaches the common fund matter as much as those who deploy:
        // dropping one takes its funds with it (docs/model.md, the common fund).
        let excluded = Set(baseline.option.excludedNations)
        let funders = scenario.nations.filter { ($0.funds ?? 0) > 0 && !excluded.contains($0.id) }.map(\.id)
        let nations = base.contributingNations + funders.filter { !base.contributingNations.contains($0) }
        let planner = quiet
        let replans = ParallelMap.run(nations.count, threads: threads) { i -> OptionResult in
            var without = planner
            without.settings.overrides.dropNations.append(nations[i])
            return without.plan(option)
        }
        var out: [NationCriticality] = []
        for (nation, r) in zip(nations, replans) {
            out.append(assess(nation, r, base: base, option: option, planner: planner))
        }
        let order = Dictionary(scenario.nations.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        out.sort { a, b in
            let ka = (a.coverageLost ?? .infinity, a.costAdded ?? .infinity)
            let kb = (b.coverageLost ?? .infinity, b.costAdded ?? .infinity)
            if abs(ka.0 - kb.0) > 1e-9 { return ka.0 > kb.0 }
            if abs(ka.1 - kb.1) > 1e-9 { return ka.1 > kb.1 }
            return (order[a.nation] ?? 0) < (order[b.nation] ?? 0)
        }
        return CriticalityReport(scenario: scenario, baseline: baseline, nations: out)
    }

    private static func assess(_ nation: String, _ r: OptionResult, base: Plan, option: Option,
                               planner: Planner) -> NationCriticality {
        let scenario = planner.scenario
        let before = base.weightedCoverage(in: scenario)
        var n = NationCriticality(nation: nation, status: r.status, coverage: nil, coverageLost: nil, cost: nil,
                                  costAdded: nil, falls: [], unsubstituted: [], conflicts: r.conflicts.map(\.constraint))
        // Requirements nobody else can serve: the formulation without the nation has no
        // variable for them (it applies caveats, places, readiness, assumptions).
        var others = planner.settings.overrides
        others.dropNations.append(nation)
        let formulation = Formulation(scenario: scenario,
                                      option: ResolvedOption(option, of: scenario, overrides: others))
        let servable = Set(formulation.assignments.map(\.requirement))
        let served = Set(base.assignments.filter { $0.nation == nation }.map(\.requirement))
        // Also those whose `min_nations` the remaining candidates can no longer reach.
        let short = Set(formulation.hardConstraints.filter {
            $0.kind == .requirementMinNations && Double($0.candidates ?? 0) < $0.limit
        }.map(\.subject))
        for c in base.coverage where served.contains(c.requirement) && c.needed > 0
            && (!servable.contains(c.requirement) || short.contains(c.requirement)) {
            n.unsubstituted.append(c.requirement)
        }
        guard let plan = r.plan else { return n }
        let after = plan.weightedCoverage(in: scenario)
        n.coverage = after
        n.coverageLost = max(0, before - after)
        n.cost = plan.cost
        n.costAdded = plan.cost - base.cost
        for (b, a) in zip(base.coverage, plan.coverage) where a.fraction < b.fraction - 1e-9 {
            n.falls.append(RequirementFall(requirement: b.requirement, before: b.fraction, after: a.fraction))
        }
        return n
    }
}

/// One requirement's coverage before and after a withdrawal.
public struct RequirementFall: Sendable, Hashable {
    public var requirement: String
    /// Coverage fraction with the nation.
    public var before: Double
    /// Coverage fraction without it.
    public var after: Double
}

/// One contributing nation's withdrawal.
public struct NationCriticality: Sendable, Hashable {
    public var nation: String
    /// How the re-plan without the nation ended.
    public var status: PlanStatus
    /// Coverage without the nation (nil without a plan).
    public var coverage: Double?
    /// Coverage with it minus coverage without it (nil without a plan).
    public var coverageLost: Double?
    /// Cost without the nation (nil without a plan).
    public var cost: Double?
    /// Cost without it minus cost with it; negative when the re-plan is cheaper (it
    /// covers less). nil without a plan.
    public var costAdded: Double?
    /// Requirements whose coverage falls, in file order.
    public var falls: [RequirementFall]
    /// Requirements the nation serves that no other nation can serve at all, or for which
    /// too few other nations remain to meet their `min_nations`.
    public var unsubstituted: [String]
    /// When the option cannot be planned without the nation: the hard constraints that
    /// would have to give (by name).
    public var conflicts: [String]
    /// True when some requirement falls below its need without the nation and nobody
    /// else can serve it.
    public var singlePointOfFailure: Bool { !unsubstituted.isEmpty }
}

/// Every contributing nation's withdrawal from one option, most critical first.
public struct CriticalityReport: Sendable {
    public var scenario: Scenario
    /// The option planned with every nation.
    public var baseline: OptionResult
    /// Ranked: coverage lost, then cost added, then file order; infeasible re-plans first.
    public var nations: [NationCriticality]
}
