import LinearModel

extension SolveContext {
    /// Near-optimal plans that differ in who serves what.
    ///
    /// Each alternative keeps the first objective within `alternatives.within` (relative)
    /// of the optimum and maximises the smallest number of (nation, requirement) pairs of
    /// each earlier plan that it does without; then, at that difference, it optimises the
    /// option's objectives in order. Rewarding pairs given up, not pairs added, keeps the
    /// alternatives lean: a plan that merely adds every nation everywhere is not "different"
    /// in a way a planner can use. Each reports its distance: how many (nation,
    /// requirement) pairs serve in it or in the closest earlier plan but not in both.
    ///
    /// Every search has a node limit, so the result is reproducible.
    mutating func alternatives(_ f: Formulation, best: Plan) -> [Plan] {
        let spec = planner.scenario.alternatives
        guard spec.count > 0, let first = option.objectives.first, let v = best.value(of: first) else { return [] }
        var model = f.model
        let window = spec.within * abs(v) + Self.tolerance(v)
        Self.keep(&model, f, first, at: v, slack: window, name: "near-optimal")

        var groups: [String: [AssignmentVariable]] = [:]
        for a in f.assignments { groups["\(a.nation)|\(a.requirement)", default: []].append(a) }
        // used[n|r] = 1 whenever nation n serves requirement r (x <= ub * used, one row per
        // variable: much tighter than one big-M row). Created for earlier plans' pairs only.
        var used: [String: Variable] = [:]
        let t = model.addVariable(name: "given-up", kind: .continuous, lowerBound: 0)

        var plans = [best]
        var found: [Plan] = []
        var previousValues = bestValues
        for k in 1...spec.count {
            guard let previous = plans.last else { break }
            let pairs = Self.pairs(previous).sorted()
            var givenUp = LinearExpression()
            for key in pairs {
                let u: Variable
                if let existing = used[key] {
                    u = existing
                } else {
                    u = model.addVariable(name: "used(\(key))", kind: .binary)
                    used[key] = u
                    for a in groups[key] ?? [] {
                        let ub = f.model.variables[a.variable.index].upperBound
                        var e = LinearExpression(a.variable)
                        e.add(-max(1, ub), u)
                        model.addConstraint(name: "used(\(key),\(a.variable.index))", e, .lessEqual(0))
                    }
                }
                givenUp.constant += 1
                givenUp.add(-1, u)
            }
            givenUp.add(-1, t)
            model.addConstraint(name: "apart(\(k))", givenUp, .greaterEqual(0))
            model.setObjective(.maximize, LinearExpression(t))

            // The previous plan (giving up nothing) is feasible: a first incumbent.
            var hint: [Double]?
            if let pv = previousValues, pv.count <= model.variableCount {
                var h = pv + [Double](repeating: 0, count: model.variableCount - pv.count)
                for (key, u) in used {
                    let serves = (groups[key] ?? []).contains { h[$0.variable.index] >= 0.5 }
                    h[u.index] = serves ? 1 : 0
                }
                h[t.index] = 0
                hint = h
            }
            var farParameters = parameters(stage: "alternative \(k)", step: 1, hint: hint)
            farParameters.nodeLimit = Self.alternativeNodeLimit
            guard let far = try? planner.portfolio.solve(model, parameters: farParameters), far.hasSolution else { break }
            let apart = far.value(t).rounded()
            guard apart >= 1 else { break }
            var staged = model
            staged.addConstraint(name: "given-up(\(k))", LinearExpression(t), .greaterEqual(apart - 0.5))
            var values = far.values
            for objective in option.objectives {
                staged.setObjective(objective.maximizes ? .maximize : .minimize, f.expression(for: objective))
                var stageParameters = parameters(stage: "alternative \(k)", step: f.objectiveStep(for: objective),
                                                 hint: values)
                stageParameters.nodeLimit = Self.alternativeNodeLimit
                guard let r = try? planner.portfolio.solve(staged, parameters: stageParameters), r.hasSolution else { break }
                values = r.values
                let value = f.expression(for: objective).value(f.cleanValues(r.values))
                Self.keep(&staged, f, objective, at: value, slack: Self.tolerance(value), name: "keep-alt(\(objective))")
            }
            previousValues = values
            var plan = f.plan(from: f.cleanValues(values))
            let mine = Self.pairs(plan)
            plan.distance = plans.map { Self.pairs($0).symmetricDifference(mine).count }.min()
            if plan.distance == 0 { break }
            plans.append(plan)
            found.append(plan)
        }
        return found
    }

    /// Branch-and-bound nodes allowed per alternative solve.
    static let alternativeNodeLimit = 100

    /// The (nation, requirement) pairs that serve in a plan, as `nation|requirement`.
    static func pairs(_ plan: Plan) -> Set<String> {
        Set(plan.assignments.map { "\($0.nation)|\($0.requirement)" })
    }
}
