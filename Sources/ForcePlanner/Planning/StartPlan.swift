import ForceScenario
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
        return repaired(roundedDown(relaxed.values))
    }

    /// The assignment units of `raw` rounded down (within bounds), auxiliaries clean.
    func roundedDown(_ raw: [Double]) -> [Double] {
        var units = [Double](repeating: 0, count: model.variableCount)
        for a in assignments where raw.indices.contains(a.variable.index) {
            let ub = model.variables[a.variable.index].upperBound
            units[a.variable.index] = min(ub, max(0, (raw[a.variable.index] + 1e-6).rounded(.down)))
        }
        return cleanValues(units)
    }

    /// `values` (clean) made to satisfy every row, or why not.
    func repaired(_ start: [Double]) -> Result<[Double], StartPlanFailure> {
        let (v, unmet) = mended(start, takeAway: true, overLimits: false)
        if let row = unmet.first {
            let info = model.constraints[row]
            if Self.violates(info, v) == true {
                return .failure(StartPlanFailure(
                    reason: "rounding the LP relaxation breaks \(info.name), and taking units away does not mend it"))
            }
            return .failure(StartPlanFailure(
                reason: "\(info.name) cannot be met by adding single units to the rounded LP relaxation"))
        }
        if let (row, _) = firstViolation(v) {
            return .failure(StartPlanFailure(reason: "\(model.constraints[row].name) does not hold in the repaired plan"))
        }
        return .success(v)
    }

    /// Best effort at a plan that every row accepts, from clean values: (1) with
    /// `takeAway`, units taken away, one at a time, from the variable with the largest
    /// coefficient in a row over its limit; (2) single units added where a row (a
    /// minimum-nations rule) falls short, each keeping every row within its limit unless
    /// `overLimits`. Returns the values and the rows it could not mend, in row order.
    func mended(_ start: [Double], takeAway: Bool, overLimits: Bool) -> (values: [Double], unmet: [Int]) {
        var v = start
        let isAssignment = Set(assignments.map(\.variable.index))
        var moves = 0
        while takeAway, let (row, high) = firstViolation(v), high {
            let info = model.constraints[row]
            var pick: (index: Int, coefficient: Double)?
            for (x, c) in zip(info.expression.variables, info.expression.coefficients)
            where c > 0 && isAssignment.contains(x.index) && v[x.index] >= 1 {
                if pick.map({ c > $0.coefficient }) ?? true { pick = (x.index, c) }
            }
            guard let pick, moves < 1_000_000 else { return (v, [row]) }
            v[pick.index] -= 1
            v = cleanValues(v)
            moves += 1
        }
        var unmet: [Int] = []
        var tries = 0
        for (row, c) in model.constraints.enumerated() where Self.violates(c, v) == false {
            while Self.violates(model.constraints[row], v) == false {
                if !addNation(to: &v, shortRow: row, overLimits: overLimits, tries: &tries) {
                    unmet.append(row)
                    break
                }
            }
        }
        return (v, unmet)
    }

    /// Adds one unit of a nation not yet counted in the minimum-nations row `row` (a row
    /// over "contributes" or "serves" binaries), so that the row gains one; the first
    /// candidate (file order) after which no row is over its limit, or with `overLimits`
    /// simply the first. False when no candidate qualifies.
    ///
    /// - Complexity: per candidate, O(variables) to recompute the auxiliaries, plus the
    ///   rows of the variables that change (not every row).
    func addNation(to v: inout [Double], shortRow row: Int, overLimits: Bool, tries: inout Int) -> Bool {
        var counted: [Int: (nation: String, requirement: String?)] = [:]
        for (n, y) in nationContributes { counted[y.index] = (n, nil) }
        for (key, z) in nationServes {
            let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
            if parts.count == 2 { counted[z.index] = (parts[0], parts[1]) }
        }
        let rows = RowActivity(model, v)
        for x in model.constraints[row].expression.variables where v[x.index] < 0.5 {
            guard let who = counted[x.index] else { continue }
            for a in assignments where a.nation == who.nation && (who.requirement == nil || a.requirement == who.requirement) {
                let ub = model.variables[a.variable.index].upperBound
                guard v[a.variable.index] + 1 <= ub, tries < 20_000 else { continue }
                tries += 1
                var trial = v
                trial[a.variable.index] += 1
                trial = cleanValues(trial)
                if overLimits || !rows.overLimit(from: v, to: trial) {
                    v = trial
                    return true
                }
            }
        }
        return false
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
    func overAnyLimit(_ values: [Double]) -> Bool {
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

/// Row activities of a model at one point, to check a nearby point by the rows its
/// changed variables touch.
struct RowActivity {
    let model: Model
    let activity: [Double]
    /// Per variable: (row, coefficient) of its terms.
    let columns: [[(row: Int, coefficient: Double)]]

    init(_ model: Model, _ values: [Double]) {
        self.model = model
        var columns = [[(row: Int, coefficient: Double)]](repeating: [], count: model.variableCount)
        var activity = [Double](repeating: 0, count: model.constraintCount)
        for (i, c) in model.constraints.enumerated() {
            for (x, k) in zip(c.expression.variables, c.expression.coefficients) where columns.indices.contains(x.index) {
                columns[x.index].append((i, k))
                activity[i] += k * (values.indices.contains(x.index) ? values[x.index] : 0)
            }
        }
        self.columns = columns
        self.activity = activity
    }

    /// True when some row that the change from `old` (this point) to `new` touches is over
    /// its upper limit at `new`.
    func overLimit(from old: [Double], to new: [Double]) -> Bool {
        var changed: [Int: Double] = [:]
        for j in new.indices where j < old.count && j < columns.count && new[j] != old[j] {
            for (row, k) in columns[j] { changed[row, default: activity[row]] += k * (new[j] - old[j]) }
        }
        for (row, a) in changed {
            let upper = model.constraints[row].bounds.upper
            if upper.isFinite && a > upper + 1e-6 * max(1, abs(upper)) { return true }
        }
        return false
    }
}
