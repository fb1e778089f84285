import ForceScenario
import LinearModel

/// The Pareto frontier of two objectives, by the epsilon-constraint method: the price of a
/// political limit in what it costs elsewhere.
///
/// The ends come from two lexicographic solves, `x` first and `y` first. Between them,
/// `points` values `e` of `x` are spread evenly; for each, `x` is held no worse than `e`
/// while `y` is optimised, then `x` at that `y`, then the option's other objectives in
/// order (so each point is a whole plan, not just two numbers). Points that repeat
/// another's pair of values or that another point dominates are dropped; values of `e`
/// without a plan are listed in ``FrontierReport/skipped``.
///
/// ```swift
/// let planner = Planner(scenario: scenario, solver: GLPKSolver())
/// let report = try Frontier.trace(planner, option: scenario.effectiveOptions[0],
///                                 x: .personnelIn(tag: "ukraine"), y: .coverage, points: 5)
/// for p in report.points { print(p.value(of: .personnelIn(tag: "ukraine")) ?? 0, p.value(of: .coverage) ?? 0) }
/// ```
///
/// - Complexity: `points + 2` lexicographic solves of the option's model with one more row.
public enum Frontier {
    /// The most points a trace may ask for: each is a solve, and a typo such as
    /// `--points 1000000000` should fail at once, not run for days.
    public static let maxPoints = 1000

    /// Traces the frontier of `x` against `y` for `option`.
    /// - Throws: ``InputError`` when `x` and `y` are the same or `points` is not within
    ///   2...``maxPoints``.
    public static func trace(_ planner: Planner, option: Option, x: ObjectiveSpec, y: ObjectiveSpec,
                             points: Int) throws -> FrontierReport {
        guard x != y else { throw InputError("--x and --y must differ (both are \(x))") }
        guard (2...maxPoints).contains(points) else {
            throw InputError("--points must be between 2 and \(maxPoints), not \(points)")
        }
        var quiet = planner
        quiet.settings.alternatives = false
        quiet.settings.findBinding = false
        quiet.settings.progress = nil
        let base = ResolvedOption(option, of: planner.scenario, overrides: planner.settings.overrides)
        let rest = base.objectives.filter { $0 != x && $0 != y }
        var xFirst = base, yFirst = base
        xFirst.objectives = [x, y] + rest
        yFirst.objectives = [y, x] + rest
        var report = FrontierReport(scenario: planner.scenario, option: yFirst, x: x, y: y, points: [], skipped: [])

        let fx = Formulation(scenario: planner.scenario, option: xFirst)
        let fy = Formulation(scenario: planner.scenario, option: yFirst)
        let bestX = solve(quiet, fx)
        let bestY = solve(quiet, fy)
        guard let px = bestX.plan, let py = bestY.plan, let lo = px.value(of: x), let hi = py.value(of: x) else {
            report.skipped.append(FrontierSkip(epsilon: nil, status: bestY.plan == nil ? bestY.status : bestX.status,
                                               reason: "the option has no plan" + (bestY.message.map { ": \($0)" } ?? "")))
            return report
        }
        var found: [FrontierPoint] = []
        for i in 0..<points {
            // Evenly spaced from the best x to the x of the best y; the ends exactly.
            let e = i == 0 ? lo : i == points - 1 ? hi : lo + (hi - lo) * Double(i) / Double(points - 1)
            var f = fy
            let slack = SolveContext.tolerance(e)
            if x.maximizes {
                f.model.addConstraint(name: "epsilon(\(x))", fy.expression(for: x), .greaterEqual(e - slack))
            } else {
                f.model.addConstraint(name: "epsilon(\(x))", fy.expression(for: x), .lessEqual(e + slack))
            }
            let r = solve(quiet, f)
            guard let plan = r.plan else {
                report.skipped.append(FrontierSkip(epsilon: e, status: r.status,
                                                   reason: r.status == .infeasible ? "no plan with \(x) within \(e)"
                                                       : (r.message ?? "no plan")))
                continue
            }
            found.append(FrontierPoint(epsilon: e, result: r, objectives: ordered(plan, x: x, y: y)))
        }
        report.points = nonDominated(found, x: x, y: y)
        return report
    }

    /// The objectives by name, as written in scenario files and reports; nil when unknown.
    /// Tags and ids are checked against `scenario`.
    public static func objective(_ name: String, in scenario: Scenario) throws -> ObjectiveSpec {
        guard let o = ObjectiveSpec(name: name) else {
            throw InputError("unknown objective '\(name)'; expected coverage, cost, personnel, nations, "
                + "personnel-in:TAG or dependence:ID")
        }
        switch o {
        case .personnelIn(let tag) where !scenario.tags.contains(tag):
            throw InputError("\(name): unknown tag '\(tag)'" + Suggest.hint(tag, among: scenario.tags, noun: "tags"))
        case .dependence(let id) where !scenario.nations.contains(where: { $0.id == id }) && !scenario.groups.contains(id):
            let ids = scenario.nations.map(\.id) + scenario.groups
            throw InputError("\(name): unknown nation or group '\(id)'" + Suggest.hint(id, among: ids, noun: "nations and groups"))
        default:
            return o
        }
    }

    private static func solve(_ planner: Planner, _ f: Formulation) -> OptionResult {
        var context = SolveContext(planner: planner, option: f.option, index: 1, count: 1, clock: Stopwatch())
        var r = context.lexicographic(f)
        r.seconds = 0
        return r
    }

    /// x, then y, then the rest in the option's order.
    private static func ordered(_ plan: Plan, x: ObjectiveSpec, y: ObjectiveSpec) -> [ObjectiveValue] {
        let first = plan.objectives.filter { $0.objective == x } + plan.objectives.filter { $0.objective == y }
        return first + plan.objectives.filter { $0.objective != x && $0.objective != y }
    }

    /// Drops repeats and dominated points; keeps the order of `points`.
    static func nonDominated(_ points: [FrontierPoint], x: ObjectiveSpec, y: ObjectiveSpec) -> [FrontierPoint] {
        func better(_ o: ObjectiveSpec, _ a: Double, _ b: Double) -> Bool {
            o.maximizes ? a > b + SolveContext.tolerance(b) : a < b - SolveContext.tolerance(b)
        }
        func same(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= SolveContext.tolerance(b) }
        var kept: [FrontierPoint] = []
        for (i, p) in points.enumerated() {
            guard let px = p.value(of: x), let py = p.value(of: y) else { continue }
            let dominated = points.contains { q in
                guard let qx = q.value(of: x), let qy = q.value(of: y) else { return false }
                return (better(x, qx, px) && !better(y, py, qy)) || (better(y, qy, py) && !better(x, px, qx))
            }
            let repeated = points.prefix(i).contains { q in
                guard let qx = q.value(of: x), let qy = q.value(of: y) else { return false }
                return same(qx, px) && same(qy, py)
            }
            if !dominated && !repeated { kept.append(p) }
        }
        return kept
    }
}

/// One point of a frontier: the plan at one bound on `x`.
public struct FrontierPoint: Sendable {
    /// The bound on `x` it was found with.
    public var epsilon: Double
    /// The option's result at that bound (status, plan).
    public var result: OptionResult
    /// `x`, `y`, then the option's other objectives.
    public var objectives: [ObjectiveValue]

    /// The value of `objective` at this point.
    public func value(of objective: ObjectiveSpec) -> Double? {
        objectives.first { $0.objective == objective }?.value
    }
}

/// A bound on `x` that gave no plan (or the whole option, when `epsilon` is nil).
public struct FrontierSkip: Sendable, Hashable {
    public var epsilon: Double?
    public var status: PlanStatus
    public var reason: String
}

/// The frontier of `x` against `y` for one option.
public struct FrontierReport: Sendable {
    public var scenario: Scenario
    /// The option, with `y`, `x` and the rest as its objectives.
    public var option: ResolvedOption
    public var x: ObjectiveSpec
    public var y: ObjectiveSpec
    /// Non-dominated points in the order of their bounds, from the best `x`.
    public var points: [FrontierPoint]
    /// Bounds skipped, and why.
    public var skipped: [FrontierSkip]
}
