import ForceScenario
import LinearModel

/// Units moved between two plans (`whatif`, DESIGN.md "Commands": `--stable`): the sum over
/// (nation, capability, location, requirement) of |units in one - units in the other|.
public enum UnitsMoved {
    /// What one unit count is kept per.
    public struct Key: Hashable, Sendable {
        public var nation: String
        public var capability: String
        public var location: String
        public var requirement: String
    }

    /// A plan's units per key, summed over its pledges.
    public static func units(_ plan: Plan) -> [Key: Int] {
        var out: [Key: Int] = [:]
        for a in plan.assignments {
            out[Key(nation: a.nation, capability: a.capability, location: a.location, requirement: a.requirement), default: 0] += a.units
        }
        return out
    }

    /// Units moved from `baseline` to `plan`.
    ///
    /// ```swift
    /// let moved = UnitsMoved.between(baselinePlan, variantPlan)   // 0 for the same plan
    /// ```
    public static func between(_ baseline: Plan, _ plan: Plan) -> Int {
        let a = units(baseline), b = units(plan)
        var total = 0
        for (key, u) in a { total += abs((b[key] ?? 0) - u) }
        for (key, u) in b where a[key] == nil { total += u }
        return total
    }
}

/// The deviation variables of a stable stage, to complete a plan's values into a hint for
/// the stages after it.
struct StableDeviations {
    /// Per key with variables in the model: the deviation variable, the assignment variables
    /// of the key, and the baseline's units.
    var terms: [(deviation: Variable, units: [Variable], baseline: Double)]
    /// Variables of the model the deviations were added to.
    var variableCount: Int

    /// `values` (a formulation's clean values) with each deviation set to |units - baseline|.
    func completed(_ values: [Double]) -> [Double] {
        var h = values + [Double](repeating: 0, count: max(0, variableCount - values.count))
        for t in terms where t.deviation.index < h.count {
            let u = t.units.reduce(0.0) { $0 + ($1.index < values.count ? values[$1.index] : 0) }
            h[t.deviation.index] = abs(u - t.baseline)
        }
        return h
    }
}

extension SolveContext {
    /// `values` completed for the current stage model (deviation variables of a stable
    /// stage included), as a hint.
    func hint(_ values: [Double]?) -> [Double]? {
        guard let values else { return nil }
        return stable?.completed(values) ?? values
    }

    /// The stage `whatif --stable` adds right after the first objective: minimise the units
    /// moved from `baseline` (the baseline option's plan), linearised with one continuous
    /// deviation `d >= |sum of x - baseline units|` per (nation, capability, location,
    /// requirement); then keep it within tolerance for the stages after it. `model` already
    /// keeps the first objective. False when the option's result must be returned as it is.
    mutating func stableStage(_ f: Formulation, baseline: Plan, first objective: ObjectiveSpec,
                              model: inout Model, values: inout [Double]?, result: inout OptionResult) -> Bool {
        guard let current = values else { return true }
        if option.objectives.count == 1 {
            let v = f.expression(for: objective).value(current)
            Self.keep(&model, f, objective, at: v, slack: Self.tolerance(v), name: "keep(\(objective))")
        }
        let before = UnitsMoved.units(baseline)
        var order: [UnitsMoved.Key] = []
        var groups: [UnitsMoved.Key: [Variable]] = [:]
        for a in f.assignments {
            let key = UnitsMoved.Key(nation: a.nation, capability: a.capability, location: a.location, requirement: a.requirement)
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(a.variable)
        }
        var moved = LinearExpression()
        var terms: [(deviation: Variable, units: [Variable], baseline: Double)] = []
        for key in order {
            let b = Double(before[key] ?? 0)
            let units = groups[key] ?? []
            let name = "\(key.nation),\(key.capability),\(key.location),\(key.requirement)"
            let d = model.addVariable(name: "moved(\(name))", kind: .continuous, lowerBound: 0)
            var up = LinearExpression(d), down = LinearExpression(d)
            for x in units {
                up.add(-1, x)
                down.add(1, x)
            }
            model.addConstraint(name: "moved-up(\(name))", up, .greaterEqual(-b))
            model.addConstraint(name: "moved-down(\(name))", down, .greaterEqual(b))
            moved.add(1, d)
            terms.append((d, units, b))
        }
        stable = StableDeviations(terms: terms, variableCount: model.variableCount)
        model.setObjective(.minimize, moved)
        let params = parameters(stage: "units moved", step: nil, hint: planner.settings.warmStart ? hint(current) : nil)
        let solved: SolveResult
        do {
            solved = try planner.portfolio.solve(model, parameters: params)
            if let n = solved.nodes { nodes = (nodes ?? 0) + n }
        } catch {
            result.status = .error
            result.message = "\(error)"
            return false
        }
        switch solved.termination {
        case .optimal:
            reportProven("units moved")
        case .timeLimit, .stoppedEarly:
            // The first objective's plan satisfies this stage's model: keep the best found.
            result.status = .feasible
            result.gap = solved.hasSolution ? solved.relativeGap : nil
            result.message = "stopped at a limit while minimising the units moved from the baseline plan ("
                + "\(objective) proven optimal)" + (solved.hasSolution ? "" : "; the plan is the \(objective) stage's")
        case .infeasible, .infeasibleOrUnbounded, .unbounded, .error:
            result.status = .error
            result.message = solved.message ?? "the units-moved stage failed after fixing \(objective)"
            return false
        }
        if solved.hasSolution { values = f.cleanValues(solved.values) }
        guard let chosen = values else { return true }
        let v = moved.value(stable?.completed(chosen) ?? chosen)
        model.addConstraint(name: "keep(units-moved)", moved, .lessEqual(v + Self.tolerance(v)))
        return true
    }
}
