import CGLPK

extension ProblemData {
    /// Lower bound of column `j`, or -infinity.
    func lowerBound(_ j: Int) -> Double {
        let t = columnType[j]
        return t == GLP_LO || t == GLP_DB || t == GLP_FX ? columnLower[j] : -.infinity
    }

    /// Upper bound of column `j`, or +infinity.
    func upperBound(_ j: Int) -> Double {
        let t = columnType[j]
        return t == GLP_UP || t == GLP_DB || t == GLP_FX ? columnUpper[j] : .infinity
    }

    /// Coefficient strengthening (big-M tightening) of one-sided rows, exact on integer
    /// points: returns how many coefficients changed.
    ///
    /// Write a row as `sum c_j x_j <= b` (a `>=` row is negated) and let `M` be its largest
    /// activity within the column bounds, `e = M - b > 0` its excess (otherwise the row is
    /// redundant and left alone). Take an integer column `x_k` with `c_k > e`. Whenever
    /// `x_k <= u_k - 1`, the activity is at most `M - c_k < b`: the row only binds at
    /// `x_k = u_k`. So `c_k` becomes `c_k - d` and `b` becomes `b - d * u_k` with
    /// `d = c_k - e`: at `x_k = u_k` the row is unchanged, and below it both rows hold for
    /// every point in the bounds. Mirrored for `c_k < -e` at `x_k = l_k`
    /// (`c_k + d`, `b + d * l_k`). Both keep `M - b`, so one pass over the row suffices.
    /// The LP relaxation gets tighter; the integer points do not change. `d` is reduced by
    /// `1e-9` of the row's magnitude so that rounding can only make the row weaker.
    ///
    /// Example: `x - 100 y <= 0` with `x` in [0, 10] and `y` binary becomes `x - 10 y <= 0`;
    /// `3 a + 5 b <= 7` over binaries becomes `a + b <= 1`.
    ///
    /// - Complexity: O(nonzeros). Relies on the triplets being in row order (as `init`
    ///   builds them); returns 0 without change otherwise.
    mutating func strengthenCoefficients() -> Int {
        let m = rowCount
        guard m > 0, nonzeroCount > 0 else { return 0 }
        var start = [Int](repeating: 0, count: m + 1)   // row i: triplets start[i] ..< start[i + 1]
        var q = 1
        for i in 0..<m {
            start[i] = q
            while q < ar.count && Int(ia[q]) - 1 == i { q += 1 }
        }
        start[m] = q
        guard q == ar.count else { return 0 }
        var changed = 0
        for i in 0..<m {
            let type = rowType[i]
            guard type == GLP_UP || type == GLP_LO, start[i] < start[i + 1] else { continue }
            let sign: Double = type == GLP_UP ? 1 : -1
            var b = type == GLP_UP ? rowUpper[i] : -rowLower[i]
            var maxActivity = 0.0, magnitude = abs(b)
            for q in start[i]..<start[i + 1] {
                let j = Int(ja[q]) - 1, c = sign * ar[q]
                let term = c > 0 ? c * upperBound(j) : c * lowerBound(j)
                maxActivity += term
                magnitude += abs(term)
            }
            guard maxActivity.isFinite else { continue }
            let margin = 1e-9 * max(1, magnitude)
            var rowChanged = false
            for q in start[i]..<start[i + 1] {
                let excess = maxActivity - b
                guard excess > 1e-6 * max(1, magnitude) else { break }   // redundant or nearly
                let j = Int(ja[q]) - 1
                let lo = lowerBound(j), hi = upperBound(j)
                guard columnKind[j] == GLP_IV, lo < hi else { continue }
                let c = sign * ar[q]
                let d = abs(c) - excess - margin
                guard d > 1e-6 * max(1, abs(c)) else { continue }
                if c > 0 {
                    ar[q] = sign * (c - d)
                    b -= d * hi
                    maxActivity -= d * hi
                } else {
                    ar[q] = sign * (c + d)
                    b += d * lo
                    maxActivity += d * lo
                }
                changed += 1
                rowChanged = true
            }
            if rowChanged {
                if type == GLP_UP { rowUpper[i] = b } else { rowLower[i] = -b }
            }
        }
        return changed
    }
}
