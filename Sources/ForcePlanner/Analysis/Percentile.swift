/// Percentiles by nearest rank, the one rule of every figure the analyses and the bench
/// summaries report (P10, median, P90): the `ceil(q x n)`-th smallest of `n` values, so
/// every percentile is a value some sample or case had.
///
/// ```swift
/// Percentile.nearestRank(0.1, of: [0.2, 0.4, 0.6, 0.8, 1.0])   // 0.2 (the 1st of 5)
/// Percentile.nearestRank(0.5, of: [0.2, 0.4, 0.6, 0.8, 1.0])   // 0.6 (the 3rd)
/// ```
public enum Percentile {
    /// The nearest-rank `q` percentile (`q` in [0, 1]; 0 gives the smallest value) of
    /// `sorted`, which must be in ascending order; nil when it is empty.
    public static func nearestRank(_ q: Double, of sorted: [Double]) -> Double? {
        guard !sorted.isEmpty else { return nil }
        let rank = (q * Double(sorted.count)).rounded(.up)
        // A q outside [0, 1] (or NaN) clamps to the ends instead of trapping on the Int.
        let k = rank.isNaN ? 0 : Int(min(max(rank, 1), Double(sorted.count))) - 1
        return sorted[k]
    }
}
