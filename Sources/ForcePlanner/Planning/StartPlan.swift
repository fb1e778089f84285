import LinearModel

/// Why no start plan could be made (docs/statuses.md).
public struct StartPlanFailure: Error, Sendable, Hashable {
    /// What a planner reads, e.g. "the LP relaxation is infeasible".
    public var reason: String
}

extension Formulation {
    /// A plan that satisfies every hard constraint, found without branch-and-bound: the
    /// LP relaxation of the model (optimising `objective`) rounded down, then repaired.
    ///
    /// Rounding down keeps every `<=` row whose terms are non-negative (supply, capacity,
    /// ceilings, budgets). Repair then (1) takes units away, one at a time, from the
    /// variable with the largest coefficient in a row still over its limit (a nation's
    /// share row loses its own units first, which always lowers its share), and (2) adds
    /// single units from nations not yet counted where a minimum-nations rule falls short,
    /// keeping only additions after which every row holds. Auxiliary variables (shortfalls,
    /// counting binaries, total personnel) always take the values the units imply.
    ///
    /// ```swift
    /// let f = Formulation(scenario: s, option: o)
    /// if case .success(let values) = f.startPlan(objective: .coverage, solver: GLPKSolver()) {
    ///     let plan = f.plan(from: values)
    /// }
    /// ```
    ///
    /// - Complexity: one LP solve, then O(nonzeros) per unit moved.
    public func startPlan(objective: ObjectiveSpec? = nil, solver: any Solver,
                          parameters: SolveParameters = SolveParameters()) -> Result<[Double], StartPlanFailure> {
        var lp = model.relaxingIntegrality()
        if let objective = objective ?? option.objectives.first {
            lp.setObjective(objective.maximizes ? .maximize : .minimize, expression(for: objective))
        }
        var p = parameters
        p.hint = nil
        p.nodeLimit = nil
        p.wantDuals = false
        let relaxed: SolveResult
        do { relaxed = try solver.solve(lp, parameters: p) } catch {
            return .failure(StartPlanFailure(reason: "the LP relaxation failed: \(error)"))
        }
        guard relaxed.hasSolution else {
            switch relaxed.termination {
            case .infeasible, .infeasibleOrUnbounded:
                return .failure(StartPlanFailure(reason: "the LP relaxation is infeasible, so no plan exists"))
            default:
                return .failure(StartPlanFailure(
                    reason: "the LP relaxation ended \(relaxed.termination.rawValue) without a solution"))
            }
        }
        var units = [Double](repeating: 0, count: model.variableCount)
        for a in assignments where relaxed.values.indices.contains(a.variable.index) {
            units[a.variable.index] = (relaxed.values[a.variable.index] + 1e-6).rounded(.down)
        }
        return repaired(cleanValues(units))
    }

    /// `values` (clean) made to satisfy every row, or why not.
    func repaired(_ start: [Double]) -> Result<[Double], StartPlanFailure> {
        var v = start
        let isAssignment = Set(assignments.map(\.variable.index))
        // (1) Take units away where a row is over its limit.
        var moves = 0
        while let (row, high) = firstViolation(v), high {
            let info = model.constraints[row]
            var pick: (index: Int, coefficient: Double)?
            for (x, c) in zip(info.expression.variables, info.expression.coefficients)
            where c > 0 && isAssignment.contains(x.index) && v[x.index] >= 1 {
                if pick.map({ c > $0.coefficient }) ?? true { pick = (x.index, c) }
            }
            guard let pick, moves < 1_000_000 else {
                return .failure(StartPlanFailure(reason: "rounding the LP relaxation breaks \(info.name), and taking units away does not mend it"))
            }
            v[pick.index] -= 1
            v = cleanValues(v)
            moves += 1
        }
        // (2) Add units where a minimum-nations rule falls short.
        var counted: [Int: (nation: String, requirement: String?)] = [:]
        for (n, y) in nationContributes { counted[y.index] = (n, nil) }
        for (key, z) in nationServes {
            let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
            if parts.count == 2 { counted[z.index] = (parts[0], parts[1]) }
        }
        var tries = 0
        while let (row, high) = firstViolation(v) {
            let info = model.constraints[row]
            guard !high else {
                return .failure(StartPlanFailure(reason: "\(info.name) is over its limit in the repaired plan"))
            }
            var mended = false
            search: for x in info.expression.variables where v[x.index] < 0.5 {
                guard let who = counted[x.index] else { continue }
                for a in assignments where a.nation == who.nation && (who.requirement == nil || a.requirement == who.requirement) {
                    let ub = model.variables[a.variable.index].upperBound
                    guard v[a.variable.index] + 1 <= ub, tries < 20_000 else { continue }
                    tries += 1
                    var trial = v
                    trial[a.variable.index] += 1
                    trial = cleanValues(trial)
                    // The nation now counts (the row gains 1); keep it if nothing is over a limit.
                    if !overAnyLimit(trial) {
                        v = trial
                        mended = true
                        break search
                    }
                }
            }
            guard mended else {
                return .failure(StartPlanFailure(
                    reason: "\(info.name) cannot be met by adding single units to the rounded LP relaxation"))
            }
        }
        return .success(v)
    }

    /// The first row (in model order) that `values` violate, and whether it is over its
    /// upper limit (or else under its lower one).
    func firstViolation(_ values: [Double]) -> (row: Int, high: Bool)? {
        for (i, c) in model.constraints.enumerated() {
            if let high = Self.violates(c, values) { return (i, high) }
        }
        return nil
    }

    /// True when some row is over its upper limit at `values`.
    private func overAnyLimit(_ values: [Double]) -> Bool {
        model.constraints.contains { Self.violates($0, values) == true }
    }

    /// nil when `c` holds at `values`; true when over its upper bound, false when under
    /// its lower one.
    static func violates(_ c: ConstraintInfo, _ values: [Double]) -> Bool? {
        let a = c.expression.value(values)
        let upper = c.bounds.upper, lower = c.bounds.lower
        if upper.isFinite && a > upper + 1e-6 * max(1, abs(upper)) { return true }
        if lower.isFinite && a < lower - 1e-6 * max(1, abs(lower)) { return false }
        return nil
    }
}
