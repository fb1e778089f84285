import ForceScenario
import LinearModel

/// What a plan has in place by each milestone of the timeline, and the lift and reception
/// it takes to get it there (docs/model.md, "Time").
///
/// ```swift
/// if let b = plan.buildup {
///     for m in b.milestones { print("D+\(m.day)", m.coverage, m.liftUsed, m.liftCapacity) }
///     print(b.afterLast, "units arrive after the last milestone")
/// }
/// ```
public struct Buildup: Sendable, Hashable {
    /// One per milestone, in order.
    public var milestones: [MilestoneState]
    /// Weighted coverage with every deployed unit arrived (the plan at full strength).
    public var fullStrength: Double = 1
    /// Units deployed in the plan that have not arrived by the last milestone.
    public var afterLast: Int
    /// Those units by nation, in file order.
    public var afterLastByNation: [NationArrival]
    /// The lift pools in force, in file order.
    public var pools: [String]

    /// The mean of the milestone coverages (the `buildup` objective).
    public var mean: Double {
        milestones.isEmpty ? 0 : milestones.reduce(0) { $0 + $1.coverage } / Double(milestones.count)
    }

    public init(milestones: [MilestoneState], afterLast: Int, afterLastByNation: [NationArrival], pools: [String]) {
        self.milestones = milestones
        self.afterLast = afterLast
        self.afterLastByNation = afterLastByNation
        self.pools = pools
    }
}

/// The state at one milestone, and the period that ends with it.
public struct MilestoneState: Sendable, Hashable {
    /// D+`day`.
    public var day: Int
    /// The period's days, "D+0-7".
    public var period: String
    /// Weighted coverage by units arrived by this milestone, in [0, 1].
    public var coverage: Double
    /// Per requirement (file order): units provided by arrived units, and the fraction.
    public var requirements: [MilestoneRequirement]
    /// Lifted personnel arriving in the period, and what the lift pools can move in it.
    public var liftUsed: Double
    public var liftCapacity: Double
    /// True when no further lifted unit of the model would fit in the period's lift.
    public var liftFull: Bool
    /// Units arriving in the period, by nation in file order.
    public var arrivals: [NationArrival]
    /// Locations with a reception limit that receive anything in the period, in file order.
    public var reception: [ReceptionUse]
}

/// Coverage of one requirement at a milestone.
public struct MilestoneRequirement: Sendable, Hashable {
    public var requirement: String
    public var provided: Double
    public var fraction: Double
}

/// Units of one nation arriving in a period (or after the last milestone).
public struct NationArrival: Sendable, Hashable {
    public var nation: String
    public var units: Int
    public var personnel: Double
}

/// Lifted personnel received at a location in a period, against its limit.
public struct ReceptionUse: Sendable, Hashable {
    public var location: String
    public var used: Double
    public var capacity: Double
    /// True when no further lifted unit of the model would fit.
    public var full: Bool
}

extension MilestoneState {
    /// "lift is full in D+0-7: 5,600 of 5,600", or nil when the lift is not full.
    public var liftMessage: String? {
        guard liftFull else { return nil }
        return "lift is full in \(period): \(NumberFormat.readable(liftUsed)) of \(NumberFormat.readable(liftCapacity))"
    }

    /// "reception at rzeszow is full in D+0-7: 8,400 of 8,400", one per full location.
    public var receptionMessages: [String] {
        reception.filter(\.full).map {
            "reception at \($0.location) is full in \(period): \(NumberFormat.readable($0.used)) of \(NumberFormat.readable($0.capacity))"
        }
    }
}

extension Formulation {
    /// Sets arrivals, `arrived[r,k]` and `s[r,k]` in clean values `v` from `raw`: each
    /// arrival rounded (down unless within 1e-4 of a whole number, so lift and reception
    /// rows keep holding) and kept within what the plan deploys; then the **earliest-arrival
    /// reading**: period by period, units not yet arrived are moved in as early as their
    /// readiness, the lift and the reception left over allow (in the order the variables
    /// were made). That only adds arrivals within every row, so coverage by every milestone
    /// can only rise and every other objective is unchanged: an optimal plan stays optimal,
    /// and a plan handed to the next stage as a first incumbent starts near the best
    /// build-up. The rest (`arrived`, `s[r,k]`) is as implied.
    func cleanArrivals(_ v: inout [Double], raw: [Double]) {
        guard let t = timeline else { return }
        var remaining: [Int: Double] = [:]
        let periods = t.timeline.milestones.count
        var liftLeft = (0..<periods).map { t.liftCapacity($0) }
        var receptionLeft: [String: [Double]] = [:]
        for (l, perDay) in t.reception {
            receptionLeft[l] = (0..<periods).map { perDay * Double(t.timeline.periodLength($0)) }
        }
        for arrival in t.arrivals {
            let a = assignments[arrival.assignment]
            let left = remaining[arrival.assignment] ?? v[a.variable.index]
            let r = raw.indices.contains(arrival.variable.index) ? raw[arrival.variable.index] : 0
            // MIP solvers return integers within their tolerance (CBC: 2.9999990 for 3); an
            // LP relaxation's fractions (start plans) are rounded down, keeping lift rows.
            var value = abs(r - r.rounded()) < 1e-4 ? r.rounded() : r.rounded(.down)
            value = min(max(0, value), left, model.variables[arrival.variable.index].upperBound)
            v[arrival.variable.index] = value
            remaining[arrival.assignment] = left - value
            if arrival.lifted && a.personnel > 0 {
                liftLeft[arrival.period] -= value * a.personnel
                receptionLeft[a.location]?[arrival.period] -= value * a.personnel
            }
        }
        for i in t.byPeriod {
            let arrival = t.arrivals[i]
            let a = assignments[arrival.assignment]
            let k = arrival.period
            var add = min(remaining[arrival.assignment] ?? 0,
                          model.variables[arrival.variable.index].upperBound - v[arrival.variable.index])
            if arrival.lifted && a.personnel > 0 {
                add = min(add, FormulationBuilder.floorUnits(max(0, liftLeft[k]) / a.personnel))
                if let rec = receptionLeft[a.location]?[k] { add = min(add, FormulationBuilder.floorUnits(max(0, rec) / a.personnel)) }
            }
            guard add >= 1 else { continue }
            v[arrival.variable.index] += add
            remaining[arrival.assignment, default: 0] -= add
            if arrival.lifted && a.personnel > 0 {
                liftLeft[k] -= add * a.personnel
                receptionLeft[a.location]?[k] -= add * a.personnel
            }
        }
        var provided: [String: [Double]] = [:]
        for arrival in t.arrivals {
            let a = assignments[arrival.assignment]
            provided[a.requirement, default: [Double](repeating: 0, count: periods)][arrival.period] +=
                v[arrival.variable.index] * a.factor
        }
        for r in scenario.requirements {
            guard let arrived = t.arrived[r.id], let short = t.shortfalls[r.id] else { continue }
            let step = shortfallSteps[r.id]?.value ?? 1
            var sum = 0.0
            for k in 0..<min(periods, arrived.count, short.count) {
                sum += provided[r.id]?[k] ?? 0
                let integral = model.variables[short[k].index].kind != .continuous
                v[arrived[k].index] = integral ? (sum / step).rounded() : sum / step
                let steps = max(0, r.units - sum) / step
                v[short[k].index] = integral ? (steps - 1e-9).rounded(.up) : steps
            }
        }
    }

    /// The build-up of the plan in clean `values`. Requirements in `notCounting` (below
    /// their `min_nations` at full strength) count 0 by every milestone, however many of
    /// their nations have arrived.
    func buildup(from values: [Double], notCounting: Set<String> = []) -> Buildup? {
        guard let t = timeline else { return nil }
        let periods = t.timeline.milestones.count
        func value(_ v: Variable) -> Double { values.indices.contains(v.index) ? values[v.index] : 0 }
        var provided = [[String: Double]](repeating: [:], count: periods)
        var unitsIn = [[String: Double]](repeating: [:], count: periods)
        var personnelIn = [[String: Double]](repeating: [:], count: periods)
        var lifted = [Double](repeating: 0, count: periods)
        var received = [[String: Double]](repeating: [:], count: periods)
        var smallestLifted = [Double](repeating: .infinity, count: periods)
        var smallestAt = [[String: Double]](repeating: [:], count: periods)
        var arrivedOf: [Int: Double] = [:]
        for arrival in t.arrivals {
            let a = assignments[arrival.assignment]
            let k = arrival.period
            if arrival.lifted && a.personnel > 0 {
                smallestLifted[k] = min(smallestLifted[k], a.personnel)
                if t.reception[a.location] != nil {
                    smallestAt[k][a.location] = min(smallestAt[k][a.location] ?? .infinity, a.personnel)
                }
            }
            let u = value(arrival.variable)
            guard u >= 0.5 else { continue }
            arrivedOf[arrival.assignment, default: 0] += u
            provided[k][a.requirement, default: 0] += u * a.factor
            unitsIn[k][a.nation, default: 0] += u
            personnelIn[k][a.nation, default: 0] += u * a.personnel
            if arrival.lifted {
                lifted[k] += u * a.personnel
                if t.reception[a.location] != nil { received[k][a.location, default: 0] += u * a.personnel }
            }
        }
        let w = totalWeight
        var cumulative: [String: Double] = [:]
        var states: [MilestoneState] = []
        for k in 0..<periods {
            for (r, p) in provided[k] { cumulative[r, default: 0] += p }
            var reqs: [MilestoneRequirement] = []
            var weighted = 0.0
            for r in scenario.requirements {
                let p = cumulative[r.id] ?? 0
                let short = notCounting.contains(r.id) ? r.units : max(0, r.units - p)
                let fraction = r.units > 0 ? 1 - short / r.units : 1
                reqs.append(MilestoneRequirement(requirement: r.id, provided: p, fraction: fraction))
                weighted += r.weight * fraction
            }
            let capacity = t.liftCapacity(k)
            let len = Double(t.timeline.periodLength(k))
            var reception: [ReceptionUse] = []
            for l in scenario.locations {
                guard let perDay = t.reception[l.id], let used = received[k][l.id], used > 0 else { continue }
                let cap = perDay * len
                reception.append(ReceptionUse(location: l.id, used: used, capacity: cap,
                                              full: cap - used < (smallestAt[k][l.id] ?? .infinity) - 1e-9))
            }
            states.append(MilestoneState(
                day: t.timeline.milestones[k], period: t.timeline.periodName(k),
                coverage: w > 0 ? weighted / w : 1, requirements: reqs, liftUsed: lifted[k], liftCapacity: capacity,
                liftFull: lifted[k] > 0 && capacity - lifted[k] < smallestLifted[k] - 1e-9,
                arrivals: scenario.nations.compactMap { n in
                    guard let u = unitsIn[k][n.id], u >= 0.5 else { return nil }
                    return NationArrival(nation: n.id, units: Int(u.rounded()), personnel: personnelIn[k][n.id] ?? 0)
                },
                reception: reception))
        }
        var lateUnits: [String: Double] = [:]
        var latePersonnel: [String: Double] = [:]
        for (ai, a) in assignments.enumerated() {
            let late = value(a.variable) - (arrivedOf[ai] ?? 0)
            guard late >= 0.5 else { continue }
            lateUnits[a.nation, default: 0] += late
            latePersonnel[a.nation, default: 0] += late * a.personnel
        }
        let byNation = scenario.nations.compactMap { n -> NationArrival? in
            guard let u = lateUnits[n.id] else { return nil }
            return NationArrival(nation: n.id, units: Int(u.rounded()), personnel: latePersonnel[n.id] ?? 0)
        }
        var full = Buildup(milestones: states, afterLast: byNation.reduce(0) { $0 + $1.units },
                           afterLastByNation: byNation, pools: t.pools)
        var deployed: [String: Double] = [:]
        for a in assignments { deployed[a.requirement, default: 0] += value(a.variable) * a.factor }
        var weighted = 0.0
        for r in scenario.requirements {
            weighted += r.weight * (r.units > 0 ? 1 - max(0, r.units - (deployed[r.id] ?? 0)) / r.units : 1)
        }
        full.fullStrength = w > 0 ? weighted / w : 1
        return full
    }
}

extension Formulation {
    /// Holds every arrival at 0 in `model` (a copy of ``model``), for the lexicographic
    /// stages before the first timed objective. Exact: arrivals appear in no other
    /// objective and in no row but their own, and all-zero arrivals are feasible with
    /// every plan, so these stages have the same optima over `x`; the solver is spared
    /// thousands of integer variables that cannot change the objective. No-op without a
    /// timeline.
    /// Rows a caller added after the formulation was built (a frontier's bound on a timed
    /// objective) may name arrivals: then nothing is held.
    public func holdArrivals(_ model: inout Model) {
        guard let t = timeline else { return }
        if model.constraintCount > t.rowsEnd {
            var timed = Set(t.arrivals.map(\.variable.index))
            for vs in t.arrived.values { for v in vs { timed.insert(v.index) } }
            for vs in t.shortfalls.values { for v in vs { timed.insert(v.index) } }
            for row in model.constraints[t.rowsEnd...] where row.expression.variables.contains(where: { timed.contains($0.index) }) {
                return
            }
        }
        for a in t.arrivals { model.setBounds(a.variable, lower: 0, upper: 0) }
    }

    /// Restores the arrivals' bounds after ``holdArrivals(_:)``.
    public func releaseArrivals(_ model: inout Model) {
        guard let t = timeline else { return }
        for a in t.arrivals { model.setBounds(a.variable, lower: 0, upper: self.model.variables[a.variable.index].upperBound) }
    }

    /// Clean `values` with nothing arrived: arrivals 0, `arrived[r,k]` 0, `s[r,k]` the whole
    /// need (a feasible point of a model whose arrivals are held, for hints).
    public func withoutArrivals(_ values: [Double]) -> [Double] {
        guard let t = timeline else { return values }
        var v = values
        for a in t.arrivals where v.indices.contains(a.variable.index) { v[a.variable.index] = 0 }
        for r in scenario.requirements {
            for p in t.arrived[r.id] ?? [] where v.indices.contains(p.index) { v[p.index] = 0 }
            for s in t.shortfalls[r.id] ?? [] where v.indices.contains(s.index) {
                let step = shortfallSteps[r.id]?.value ?? 1
                let steps = r.units / step
                v[s.index] = model.variables[s.index].kind == .continuous ? steps : (steps - 1e-9).rounded(.up)
            }
        }
        return v
    }
}
