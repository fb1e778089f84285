import ForceScenario
import LinearModel

/// How likely a plan is to survive nations that do not deliver.
///
/// Each nation delivers all of its pledges with probability `reliability` (default 1),
/// independently of the others. Each of `samples` outcomes draws, nation by nation in
/// file order, whether it delivers (``SeededRandom`` from `seed`: the same seed gives
/// the same outcomes, for every option, so options are compared on the same draws). Per
/// outcome two coverages (fractions in [0, 1]):
/// - **as planned**: the plan as chosen, counting only the units of nations that
///   delivered;
/// - **re-planned**: the better of that and the best plan from the nations that
///   delivered (the option's hard constraints, the coverage stage only, node-limited).
///   Outcomes in which nobody fails keep the plan itself. Re-plans are shared between
///   outcomes in which the same nations fail.
///
/// ```swift
/// let result = planner.plan(option)
/// if let r = Reliability.assess(planner, result, samples: 1000, seed: 7) {
///     print(r.asPlanned.p10, r.replanned.p10)
/// }
/// ```
///
/// - Complexity: one coverage solve per distinct set of failed nations (at most
///   `samples`), spread over `threads`, plus O(samples x assignments).
public enum Reliability {
    /// Branch-and-bound nodes per re-plan.
    public static let replanNodeLimit = 2000

    /// The most outcomes `plan --samples` draws: enough for percentiles to a tenth of a
    /// point, and a typo such as `--samples 100000000000` fails at once instead of filling
    /// memory.
    public static let maxSamples = 1_000_000

    /// The outcomes of `result`'s plan; nil when it has no plan or `samples` is below 1.
    ///
    /// The outcomes are drawn first, in order; the distinct re-plans then run on `threads`
    /// threads (``ParallelMap``), so the result is the same for any number of threads.
    public static func assess(_ planner: Planner, _ result: OptionResult, samples: Int, seed: UInt64,
                              threads: Int = 1) -> ReliabilityResult? {
        guard let plan = result.plan, samples >= 1 else { return nil }
        let scenario = planner.scenario
        var rng = SeededRandom(seed: seed)
        // Per outcome: its coverage as planned, and the failed nations to re-plan without
        // (nil when none of them contributes to the plan).
        var outcomes: [(arrived: Double, failed: [String]?)] = []
        var toReplan: [[String]] = []
        var seen: Set<[String]> = []
        for _ in 0..<samples {
            var failed: [String] = []
            for n in scenario.nations {
                // 53 random bits: a uniform draw in [0, 1).
                let u = Double(rng.next() >> 11) / 9_007_199_254_740_992
                if u >= n.reliability { failed.append(n.id) }
            }
            let arrived = coverage(of: plan, without: Set(failed), in: scenario)
            let lost = failed.contains(where: plan.contributingNations.contains)
            outcomes.append((arrived, lost ? failed : nil))
            if lost, seen.insert(failed).inserted { toReplan.append(failed) }
        }
        let option = result.option, sets = toReplan
        let best = ParallelMap.run(sets.count, threads: threads) { i in
            replan(planner, option, without: sets[i])
        }
        var cache: [[String]: Double?] = [:]
        for (failed, b) in zip(sets, best) { cache[failed] = b }
        let full = plan.weightedCoverage(in: scenario)
        var asPlanned: [Double] = [], replanned: [Double] = []
        var withoutPlan = 0
        for o in outcomes {
            asPlanned.append(o.arrived)
            guard let failed = o.failed else {
                replanned.append(max(o.arrived, full))
                continue
            }
            let found = cache[failed] ?? nil
            if found == nil { withoutPlan += 1 }
            replanned.append(max(o.arrived, found ?? 0))
        }
        return ReliabilityResult(samples: samples, seed: seed, asPlanned: ReliabilitySummary(asPlanned),
                                 replanned: ReliabilitySummary(replanned), replansWithoutPlan: withoutPlan)
    }

    /// Coverage of `plan` counting only the units of nations not in `failed`.
    public static func coverage(of plan: Plan, without failed: Set<String>, in scenario: Scenario) -> Double {
        var provided: [String: Double] = [:]
        for a in plan.assignments where !failed.contains(a.nation) {
            let factor = scenario.requirement(a.requirement)?.needs.first { $0.capability == a.capability }?.factor ?? 0
            provided[a.requirement, default: 0] += Double(a.units) * factor
        }
        return coverage(of: plan, leaving: provided, in: scenario)
    }

    /// The weighted coverage of `provided` units per requirement (units only: a shortfall
    /// is what the units leave), never above `plan`'s own per requirement (a requirement
    /// below its `min_nations` counts 0 in the plan, and so with fewer units too). The one
    /// rule of "coverage left in place", for failed pledges here and for a single
    /// nation's withdrawal (``Formulation/withdrawalCoverage(of:)``).
    public static func coverage(of plan: Plan, leaving provided: [String: Double], in scenario: Scenario) -> Double {
        let total = scenario.requirements.reduce(0) { $0 + $1.weight }
        guard total > 0 else { return 1 }
        let own = Dictionary(plan.coverage.map { ($0.requirement, $0.fraction) }, uniquingKeysWith: { a, _ in a })
        var sum = 0.0
        for r in scenario.requirements {
            let units = r.units > 0 ? 1 - max(0, r.units - (provided[r.id] ?? 0)) / r.units : 1
            let fraction = min(own[r.id] ?? units, units)
            sum += r.weight * fraction
        }
        return sum / total
    }

    /// The best coverage without `failed`, or nil when no plan was found.
    private static func replan(_ planner: Planner, _ option: ResolvedOption, without failed: [String]) -> Double? {
        var o = option
        o.excludedNations = Array(Set(o.excludedNations + failed)).sorted()
        o.objectives = [.coverage]
        let f = Formulation(scenario: planner.scenario, option: o)
        var model = f.model
        f.holdArrivals(&model)
        model.setObjective(.maximize, f.expression(for: .coverage))
        var p = SolveParameters()
        p.objectiveStep = f.objectiveStep(for: .coverage)
        p.nodeLimit = replanNodeLimit
        p.wantDuals = false
        guard let r = try? planner.portfolio.solve(model, parameters: p), r.hasSolution else { return nil }
        return f.plan(from: f.cleanValues(r.values)).weightedCoverage(in: planner.scenario)
    }
}

/// Mean and percentiles of coverage over the sampled outcomes.
public struct ReliabilitySummary: Sendable, Hashable {
    public var mean: Double
    /// Nearest-rank percentiles: the `ceil(q x samples)`-th smallest value.
    public var p10: Double
    public var p50: Double
    public var p90: Double

    /// The summary of `values` (at least one).
    public init(_ values: [Double]) {
        let sorted = values.sorted()
        func rank(_ q: Double) -> Double { Percentile.nearestRank(q, of: sorted) ?? 0 }
        mean = sorted.isEmpty ? 0 : sorted.reduce(0, +) / Double(sorted.count)
        p10 = rank(0.1)
        p50 = rank(0.5)
        p90 = rank(0.9)
    }
}

/// One option's plan under sampled outcomes.
public struct ReliabilityResult: Sendable, Hashable {
    public var samples: Int
    public var seed: UInt64
    /// The plan as chosen, with what still arrives.
    public var asPlanned: ReliabilitySummary
    /// The better of that and a re-plan from what arrived.
    public var replanned: ReliabilitySummary
    /// Outcomes whose re-plan found no plan (hard constraints); they keep what arrived.
    public var replansWithoutPlan: Int
}
