import ForceScenario

/// The lattice on which an objective's values lie for every integer plan.
///
/// GLPK has only a relative MIP gap, so on these small models it often finds the best plan
/// quickly and then branches for minutes on a gap smaller than any real difference. But
/// forceplan knows the data: costs are multiples of their greatest common divisor, nation
/// counts are whole, and coverage moves in steps set by weights, units and needs factors.
/// No plan can beat the incumbent by less than one step, so the search may stop as soon as
/// the bound shows it cannot win a whole step (``SolveParameters/objectiveStep``).
///
/// Coverage: with tight shortfalls `s_r = max(0, u_r - sum f x)`, each `s_r` is a multiple
/// of `g_r = gcd(u_r, factors serving r)` (0 is one too), and coverage is
/// `1 - sum (w_r / (W u_r)) s_r`; so its values are multiples of
/// `gcd_r(w_r g_r / (W u_r))` away from 1.
public enum ObjectiveLattice {
    /// The step, or nil when the data are not (small) rationals.
    public static func step(for objective: ObjectiveSpec, in f: Formulation) -> Double? {
        switch objective {
        case .nations, .dependence:
            return 1
        case .cost:
            return gcd(f.assignments.map(\.cost))
        case .personnel:
            return gcd(f.assignments.map(\.personnel))
        case .personnelIn(let tag):
            let tagged = Set(f.scenario.locations.filter { $0.tags.contains(tag) }.map(\.id))
            return gcd(f.assignments.filter { tagged.contains($0.location) }.map(\.personnel))
        case .coverageBy:
            return coverageStep(in: f)?.value
        case .buildup:
            let k = f.timeline?.timeline.milestones.count ?? 0
            guard k > 0, let c = coverageStep(in: f) else { return nil }
            return c.divided(by: Rational(num: k, den: 1))?.value
        case .coverage, .withdrawal:
            // Withdrawal coverages lie on coverage's lattice: each left(n,r) is a tight
            // shortfall or the plan's own, multiples of g_r too.
            // g_r is the shortfall step the formulation already derived (shortfallSteps):
            // a requirement whose shortfall has no step leaves coverage without a lattice.
            return coverageStep(in: f)?.value
        }
    }

    private static func gcd(_ values: [Double]) -> Double? {
        let nonzero = values.filter { $0 != 0 }
        guard !nonzero.isEmpty else { return nil }
        let rs = nonzero.compactMap(Rational.init)
        guard rs.count == nonzero.count else { return nil }
        return Rational.gcd(rs)?.value
    }
}

/// A non-negative rational with a modest denominator, for lattice steps.
struct Rational: Hashable {
    var num: Int
    var den: Int

    /// The rational equal to `x` (within 1e-12 relative) with denominator <= 10^6, or nil.
    init?(_ x: Double) {
        guard x.isFinite, x >= 0, x < 1e12 else { return nil }
        // Continued fractions.
        var h0 = 0, h1 = 1, k0 = 1, k1 = 0
        var y = x
        for _ in 0..<40 {
            let a = y.rounded(.down)
            guard a < 1e12 else { return nil }
            let ai = Int(a)
            let (h2, o1) = ai.multipliedReportingOverflow(by: h1)
            let (k2, o2) = ai.multipliedReportingOverflow(by: k1)
            guard !o1, !o2 else { return nil }
            (h0, h1) = (h1, h2 + h0)
            (k0, k1) = (k1, k2 + k0)
            if k1 > 1_000_000 { return nil }
            if abs(Double(h1) / Double(k1) - x) <= 1e-12 * max(1, x) { break }
            let frac = y - a
            if frac < 1e-15 { break }
            y = 1 / frac
        }
        guard k1 > 0, abs(Double(h1) / Double(k1) - x) <= 1e-9 * max(1, x) else { return nil }
        num = h1
        den = k1
        _ = (h0, k0)
    }

    init(num: Int, den: Int) {
        let g = Rational.gcdInt(num, den)
        self.num = g == 0 ? 0 : num / g
        self.den = g == 0 ? 1 : den / g
    }

    var value: Double { Double(num) / Double(den) }

    func times(_ o: Rational) -> Rational? {
        let (n, a) = num.multipliedReportingOverflow(by: o.num)
        let (d, b) = den.multipliedReportingOverflow(by: o.den)
        return a || b ? nil : Rational(num: n, den: d)
    }

    func divided(by o: Rational) -> Rational? {
        guard o.num != 0 else { return nil }
        return times(Rational(num: o.den, den: o.num))
    }

    static func gcdInt(_ a: Int, _ b: Int) -> Int {
        var (x, y) = (abs(a), abs(b))
        while y != 0 { (x, y) = (y, x % y) }
        return x
    }

    /// gcd of rationals: gcd of numerators over lcm of denominators (each reduced).
    static func gcd(_ values: [Rational]) -> Rational? {
        guard var acc = values.first else { return nil }
        for r in values.dropFirst() {
            let g = gcdInt(acc.den, r.den)
            let (l, o) = (acc.den / max(g, 1)).multipliedReportingOverflow(by: r.den)
            guard !o, l <= 1_000_000_000_000 else { return nil }
            acc = Rational(num: gcdInt(acc.num, r.num), den: l)
        }
        return acc.num > 0 ? acc : nil
    }
}
