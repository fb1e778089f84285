import Foundation

/// Numbers as planners read them: `4,200`, `0.875`, `12.5`.
public enum NumberFormat {
    /// Whole numbers with thousands separators; others with up to `decimals` decimals,
    /// trailing zeros dropped.
    public static func readable(_ v: Double, decimals: Int = 3) -> String {
        guard v.isFinite else { return v.isNaN ? "nan" : (v > 0 ? "inf" : "-inf") }
        let decimals = min(15, max(0, decimals))
        let scale = pow(10, Double(decimals))
        var rounded = (v * scale).rounded() / scale
        // From 1e15 on a Double has no fractional digits left (and v x scale may overflow).
        if abs(v) >= 1e15 || !rounded.isFinite { rounded = v.rounded() }
        let negative = rounded < 0
        let a = abs(rounded)
        let whole = a.rounded(.down)
        // "0.xyz", or "1.000" when the fraction rounds up; nothing from 1e15 on.
        var frac = a >= 1e15 ? "" : String(format: "%.\(decimals)f", a - whole)
        if frac.hasPrefix("1") { return readable(negative ? -(whole + 1) : whole + 1, decimals: decimals) }
        frac = String(frac.dropFirst(1))   // ".xyz"
        while frac.hasSuffix("0") { frac.removeLast() }
        if frac == "." { frac = "" }
        var digits = String(format: "%.0f", whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits = String(digits.dropLast(3))
        }
        return (negative && (whole > 0 || !frac.isEmpty) ? "-" : "") + digits + grouped + frac
    }

    /// A fraction as a percentage: `0.875` -> `87.5%`.
    public static func percent(_ v: Double) -> String { readable(v * 100, decimals: 1) + "%" }

    /// A relative gap as a percentage to two significant digits, so that a small gap that
    /// is not zero never reads as zero: `0.0003` -> `0.03%`, `0.049` -> `4.9%`,
    /// `0.1234` -> `12%`, `0` -> `0%`.
    public static func gap(_ v: Double) -> String {
        guard v.isFinite else { return readable(v) }
        let pct = abs(v) * 100
        guard pct > 0 else { return "0%" }
        guard pct.isFinite else { return readable(v * 100) + "%" }
        let magnitude = Int(log10(pct).rounded(.down))
        // Two significant digits need at most 12 decimals down to 1e-11 %; below that
        // (float noise, or a hand-edited file) the gap still must not read as zero.
        guard magnitude >= -11 else { return "<0.000000000001%" }
        let decimals = min(12, max(0, 1 - magnitude))
        return readable(v * 100, decimals: decimals) + "%"
    }
}
