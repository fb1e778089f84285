import ForceScenario
import LinearModel

/// One arrival variable `a[p,l,r,k]`: units of an assignment that arrive in period `k`.
public struct ArrivalVariable: Sendable, Hashable {
    public var variable: Variable
    /// Index into ``Formulation/assignments``.
    public var assignment: Int
    /// 0-based period: the days `(m_{k-1}, m_k]`.
    public var period: Int
    /// True when the units take strategic lift (neither self-deploying nor going to a
    /// location with `needs_lift: false`).
    public var lifted: Bool
}

/// The build-up part of an option's model (docs/model.md, "Time: the build-up to D+N").
///
/// With milestones `m_1 < ... < m_K` (and `m_0 = 0`), period `k` is `(m_{k-1}, m_k]`:
/// - `a[p,l,r,k] >= 0` integer, only where the pledge is ready by `m_k`;
/// - `sum_k a[p,l,r,k] <= x[p,l,r]` (`arrive(...)`);
/// - lifted personnel arriving in period `k` is at most `L * len_k` (`lift(k)`), `L` the
///   sum of the pools in force;
/// - a location with `reception_per_day R` receives at most `R * len_k` lifted personnel
///   in period `k` (`reception(l,k)`);
/// - coverage by milestone `k`: `arrived[r,k] = arrived[r,k-1] + sum f a[.,.,r,k]`
///   (`arrived(r,k)`; one variable per requirement and milestone, so that each arrival
///   appears in one coverage row instead of every later one: nonzeros grow linearly with
///   the milestones) and `arrived[r,k] + s[r,k] >= u_r` (`cover(r,k)`), `0 <= s[r,k] <= u_r`.
///   Both count in the requirement's shortfall step `g_r` when it has one (then they are
///   integer, like `s_r`).
public struct TimelineModel: Sendable {
    public let timeline: Timeline
    /// `L`, personnel per day over the pools in force.
    public var liftPerDay: Double
    /// The pools in force (their `when` holds, their nation takes part), in file order.
    public var pools: [String]
    public var arrivals: [ArrivalVariable] = []
    /// `arrived[r,k]` per requirement id, one per milestone.
    public var arrived: [String: [Variable]] = [:]
    /// `s[r,k]` per requirement id, one per milestone.
    public var shortfalls: [String: [Variable]] = [:]
    /// Personnel per day each location with a reception limit receives, by location id.
    public var reception: [String: Double] = [:]
    /// Lift rows per period (nil where no row was needed).
    public var liftRows: [Constraint?] = []
    /// Reception rows, keyed `location|period`.
    public var receptionRows: [String: Constraint] = [:]
    /// Indices into ``arrivals`` ordered by period, then as made (for the earliest-arrival
    /// reading of a plan, ``Formulation/cleanValues(_:)``).
    public var byPeriod: [Int] = []
    /// The model's row count once the timeline's rows were added (rows after it were added
    /// by a caller, e.g. a frontier's bound on `coverage-by:D`).
    public var rowsEnd = 0

    /// Lift capacity of period `k` (0-based), in personnel.
    public func liftCapacity(_ k: Int) -> Double { liftPerDay * Double(timeline.periodLength(k)) }
}

extension FormulationBuilder {
    /// The pools in force for the option, and their personnel per day.
    static func activePools(_ timeline: Timeline, option: ResolvedOption) -> (ids: [String], perDay: Double) {
        let excluded = Set(option.excludedNations)
        var ids: [String] = []
        var sum = 0.0
        for pool in timeline.lift where pool.when.allSatisfy(option.holds) {
            if let n = pool.nation, excluded.contains(n) { continue }
            ids.append(pool.id)
            sum += pool.personnelPerDay * option.liftScale
        }
        return (ids, sum)
    }

    mutating func addTimeline(_ f: inout Formulation) {
        guard let timeline = scenario.timeline, !timeline.milestones.isEmpty else { return }
        let (ids, perDay) = Self.activePools(timeline, option: option)
        var t = TimelineModel(timeline: timeline, liftPerDay: perDay, pools: ids)
        let periods = timeline.milestones.count
        var capsByID: [String: Capability] = [:]
        for c in scenario.capabilities where capsByID[c.id] == nil { capsByID[c.id] = c }
        var locs: [String: Location] = [:]
        for l in scenario.locations where locs[l.id] == nil { locs[l.id] = l }
        for l in scenario.locations { if let r = l.receptionPerDay, t.reception[l.id] == nil { t.reception[l.id] = r } }

        // Arrivals, and each assignment's link row.
        var liftTerms = [LinearExpression](repeating: LinearExpression(), count: periods)
        var receptionTerms: [String: [LinearExpression]] = [:]
        var newByRequirement: [String: [LinearExpression]] = [:]
        for (ai, a) in f.assignments.enumerated() {
            let ub = f.model.variables[a.variable.index].upperBound
            guard ub >= 1 else { continue }
            let ready = f.pledges[a.pledge].pledge.readyDays ?? 0
            let location = locs[a.location]
            let lifted = !(capsByID[a.capability]?.deploysItself ?? false) && (location?.needsLift ?? true)
            let xName = f.model.variables[a.variable.index].name
            let inner = xName.hasPrefix("x(") && xName.hasSuffix(")") ? String(xName.dropFirst(2).dropLast()) : xName
            var link = LinearExpression()
            for k in 0..<periods where ready <= Double(timeline.milestones[k]) + 1e-9 {
                var bound = ub
                let len = Double(timeline.periodLength(k))
                if lifted && a.personnel > 0 {
                    bound = min(bound, Self.floorUnits(perDay * len / a.personnel))
                    if let r = location?.receptionPerDay { bound = min(bound, Self.floorUnits(r * len / a.personnel)) }
                }
                guard bound >= 1 else { continue }
                let v = f.model.addVariable(name: "a(\(inner),\(k + 1))", kind: .integer, lowerBound: 0, upperBound: bound)
                t.arrivals.append(ArrivalVariable(variable: v, assignment: ai, period: k, lifted: lifted))
                link.add(1, v)
                if lifted && a.personnel > 0 {
                    liftTerms[k].add(a.personnel, v)
                    if location?.receptionPerDay != nil {
                        receptionTerms[a.location, default: [LinearExpression](repeating: LinearExpression(), count: periods)][k]
                            .add(a.personnel, v)
                    }
                }
                if a.factor != 0 {
                    newByRequirement[a.requirement, default: [LinearExpression](repeating: LinearExpression(), count: periods)][k]
                        .add(a.factor, v)
                }
            }
            guard link.termCount > 0 else { continue }
            link.add(-1, a.variable)
            f.model.addConstraint(name: "arrive(\(inner))", link, .lessEqual(0))
        }

        // Lift per period, then reception per location and period (file order).
        for k in 0..<periods {
            let e = liftTerms[k]
            t.liftRows.append(e.termCount > 1
                ? f.model.addConstraint(name: "lift(\(k + 1))", e, .lessEqual(t.liftCapacity(k))) : nil)
        }
        for l in scenario.locations {
            guard let terms = receptionTerms[l.id], let r = l.receptionPerDay else { continue }
            for k in 0..<periods where terms[k].termCount > 1 {
                let c = f.model.addConstraint(name: "reception(\(l.id),\(k + 1))", terms[k],
                                              .lessEqual(r * Double(timeline.periodLength(k))))
                t.receptionRows["\(l.id)|\(k)"] = c
            }
        }

        // Coverage by each milestone.
        for r in scenario.requirements where r.units > 0 {
            guard let s = f.shortfalls[r.id] else { continue }
            let sInfo = f.model.variables[s.index]
            let step = f.shortfallSteps[r.id]?.value ?? 1
            let integral = sInfo.kind != .continuous
            let new = newByRequirement[r.id] ?? [LinearExpression](repeating: LinearExpression(), count: periods)
            var arrivedVars: [Variable] = []
            var shortVars: [Variable] = []
            for k in 0..<periods {
                let p = f.model.addVariable(name: "arrived(\(r.id),\(k + 1))", kind: integral ? .integer : .continuous,
                                            lowerBound: 0)
                // step * arrived[r,k] - step * arrived[r,k-1] - sum f a[.,k] = 0
                var chain = LinearExpression()
                chain.add(step, p)
                if let previous = arrivedVars.last { chain.add(-step, previous) }
                for (v, c) in zip(new[k].variables, new[k].coefficients) { chain.add(-c, v) }
                f.model.addConstraint(name: "arrived(\(r.id),\(k + 1))", chain, .equal(0))
                // A requirement that can never count (fewer nations than its min_nations
                // can serve it) has its shortfall fixed at the whole need, by every milestone too.
                let sk = f.model.addVariable(name: "shortfall(\(r.id),\(k + 1))", kind: sInfo.kind,
                                             lowerBound: sInfo.lowerBound, upperBound: sInfo.upperBound)
                var cover = LinearExpression()
                cover.add(step, p)
                cover.add(step, sk)
                f.model.addConstraint(name: "cover(\(r.id),\(k + 1))", cover, .greaterEqual(r.units))
                if let b = f.requirementCounts[r.id] {
                    // Counts by a milestone only when it counts at full strength:
                    // step s[r,k] + u_r b_r >= u_r.
                    var counted = LinearExpression()
                    counted.add(step, sk)
                    counted.add(r.units, b)
                    f.model.addConstraint(name: "cover-min-nations(\(r.id),\(k + 1))", counted, .greaterEqual(r.units))
                }
                arrivedVars.append(p)
                shortVars.append(sk)
            }
            t.arrived[r.id] = arrivedVars
            t.shortfalls[r.id] = shortVars
        }
        t.rowsEnd = f.model.constraintCount
        t.byPeriod = t.arrivals.indices.sorted { (t.arrivals[$0].period, $0) < (t.arrivals[$1].period, $1) }
        f.timeline = t
    }
}

extension Formulation {
    /// Coverage by milestone `k` (0-based) in model variables, as ``expression(for:)``
    /// gives coverage; nil `k` (no such milestone, or no timeline) counts nothing arrived.
    func milestoneCoverage(_ k: Int?) -> LinearExpression {
        var e = LinearExpression()
        let w = totalWeight
        guard w > 0 else { return LinearExpression(constant: 1) }
        e.constant = 1
        for r in scenario.requirements where r.units > 0 {
            let a = r.weight / (w * r.units)
            if let k, let s = timeline?.shortfalls[r.id]?[k] {
                e.add(-a * (shortfallSteps[r.id]?.value ?? 1), s)
            } else {
                e.constant -= a * r.units
            }
        }
        return e
    }

    /// The mean of the milestone coverages.
    func buildupExpression() -> LinearExpression {
        let count = timeline?.timeline.milestones.count ?? 0
        guard count > 0 else { return milestoneCoverage(nil) }
        var e = LinearExpression()
        for k in 0..<count {
            let m = milestoneCoverage(k)
            e.constant += m.constant / Double(count)
            for (v, c) in zip(m.variables, m.coefficients) { e.add(c / Double(count), v) }
        }
        return e
    }
}

extension ObjectiveLattice {
    /// Coverage's lattice step as a rational (see ``step(for:in:)``).
    static func coverageStep(in f: Formulation) -> Rational? {
        guard let total = Rational(f.totalWeight), total.num > 0 else { return nil }
        var steps: [Rational] = []
        for r in f.scenario.requirements where f.shortfalls[r.id] != nil {
            guard let g = f.shortfallSteps[r.id], let w = Rational(r.weight), let u = Rational(r.units),
                  let step = w.times(g)?.divided(by: total)?.divided(by: u)
            else { return nil }
            steps.append(step)
        }
        return Rational.gcd(steps)
    }
}
