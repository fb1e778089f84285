import LinearModel

extension SolveContext {
    /// Near-optimal plans that differ in who serves what.
    ///
    /// Each alternative keeps the first objective within `alternatives.within` (relative)
    /// of the optimum, maximises its smallest distance to the plans before it (distance:
    /// how many (nation, requirement) pairs serve in one plan but not the other), and then,
    /// at that distance, optimises the option's objectives in order.
    mutating func alternatives(_ f: Formulation, best: Plan) -> [Plan] {
        let spec = planner.scenario.alternatives
        guard spec.count > 0, let first = option.objectives.first, let v = best.value(of: first) else { return [] }
        var model = f.model
        let window = spec.within * abs(v) + Self.tolerance(v)
        Self.keep(&model, f, first, at: v, slack: window, name: "near-optimal")

        // u[n|r] = 1 exactly when nation n serves requirement r.
        var groups: [String: [AssignmentVariable]] = [:]
        var order: [String] = []
        for a in f.assignments {
            let key = "\(a.nation)|\(a.requirement)"
            if groups[key] == nil { order.append(key) }
            groups[key, default: []].append(a)
        }
        var serves: [String: Variable] = [:]
        for key in order {
            guard let vars = groups[key] else { continue }
            let u = model.addVariable(name: "pair(\(key))", kind: .binary)
            serves[key] = u
            let sum = LinearExpression(terms: vars.map { (1.0, $0.variable) })
            model.addConstraint(name: "pair-on(\(key))", sum - u, .greaterEqual(0))
            // One link per variable (x <= ub * u) is much tighter than one big-M row.
            for a in vars {
                let ub = f.model.variables[a.variable.index].upperBound
                var e = LinearExpression(a.variable)
                e.add(-max(1, ub), u)
                model.addConstraint(name: "pair-off(\(key),\(a.variable.index))", e, .lessEqual(0))
            }
        }
        let t = model.addVariable(name: "distance", kind: .continuous, lowerBound: 0, upperBound: Double(order.count))

        var plans = [best]
        var found: [Plan] = []
        for k in 1...spec.count {
            guard let previous = plans.last else { break }
            let pairs = Self.pairs(previous)
            var d = LinearExpression()
            for key in order {
                guard let u = serves[key] else { continue }
                if pairs.contains(key) { d.constant += 1; d.add(-1, u) } else { d.add(1, u) }
            }
            d.add(-1, t)
            model.addConstraint(name: "apart(\(k))", d, .greaterEqual(0))
            model.setObjective(.maximize, LinearExpression(t))
            // Maximising a Hamming distance has a weak relaxation and many equal optima;
            // a node limit keeps the search short and, unlike a time limit, reproducible.
            var farParameters = parameters(stage: "alternative \(k)", step: 1, hint: nil)
            farParameters.nodeLimit = Self.alternativeNodeLimit
            guard let far = try? planner.portfolio.solve(model, parameters: farParameters), far.hasSolution else { break }
            let distance = far.value(t).rounded()
            guard distance >= 1 else { break }
            var staged = model
            staged.addConstraint(name: "distance(\(k))", LinearExpression(t), .greaterEqual(distance - 0.5))
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
    static let alternativeNodeLimit = 2_000

    /// The (nation, requirement) pairs that serve in a plan, as `nation|requirement`.
    static func pairs(_ plan: Plan) -> Set<String> {
        Set(plan.assignments.map { "\($0.nation)|\($0.requirement)" })
    }
}
