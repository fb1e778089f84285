/// An affine expression `sum(coefficient * variable) + constant`.
///
/// Terms are appended in place: adding `n` terms costs O(n) in total, never O(n^2)
/// (the trap of building `a + b` by copying, coin-or/pulp#372). The same variable may
/// appear more than once; solvers merge duplicates when the model is loaded
/// (``LinearExpression/merged()``).
///
/// ```swift
/// var cost = LinearExpression()
/// for (v, c) in zip(units, prices) { cost.add(c, v) }   // O(1) each
/// let total = 2 * x + y - 5
/// ```
///
/// - Complexity: ``add(_:_:)`` is amortised O(1); ``merged()`` is O(n log n).
public struct LinearExpression: Sendable, Hashable {
    /// Variables of the terms, parallel to ``coefficients``.
    public private(set) var variables: [Variable]
    /// Coefficients of the terms, parallel to ``variables``.
    public private(set) var coefficients: [Double]
    /// The constant term.
    public var constant: Double

    /// The expression `constant` with no terms.
    public init(constant: Double = 0) {
        variables = []
        coefficients = []
        self.constant = constant
    }

    /// The expression `1 * variable`.
    public init(_ variable: Variable) {
        variables = [variable]
        coefficients = [1]
        constant = 0
    }

    /// An expression from terms, in order.
    public init<S: Sequence>(terms: S, constant: Double = 0) where S.Element == (Double, Variable) {
        variables = []
        coefficients = []
        self.constant = constant
        for (c, v) in terms { add(c, v) }
    }

    /// Number of terms, duplicates included.
    public var termCount: Int { variables.count }

    /// Appends `coefficient * variable` in place.
    public mutating func add(_ coefficient: Double, _ variable: Variable) {
        variables.append(variable)
        coefficients.append(coefficient)
    }

    /// Appends `factor * other` in place.
    /// - Complexity: O(other.termCount).
    public mutating func add(_ other: LinearExpression, times factor: Double = 1) {
        variables.append(contentsOf: other.variables)
        if factor == 1 {
            coefficients.append(contentsOf: other.coefficients)
        } else {
            coefficients.append(contentsOf: other.coefficients.lazy.map { $0 * factor })
        }
        constant += factor * other.constant
    }

    /// Reserves room for `n` more terms.
    public mutating func reserveCapacity(_ n: Int) {
        variables.reserveCapacity(variables.count + n)
        coefficients.reserveCapacity(coefficients.count + n)
    }

    /// The same expression with one term per variable (sorted by variable index) and
    /// zero coefficients dropped.
    public func merged() -> LinearExpression {
        var sums: [Int: Double] = [:]
        sums.reserveCapacity(variables.count)
        var byIndex: [Int: Variable] = [:]
        for (v, c) in zip(variables, coefficients) {
            sums[v.index, default: 0] += c
            byIndex[v.index] = v
        }
        var result = LinearExpression(constant: constant)
        for index in sums.keys.sorted() {
            guard let c = sums[index], c != 0, let v = byIndex[index] else { continue }
            result.add(c, v)
        }
        return result
    }

    /// Value of the expression for the given variable values (indexed by variable index).
    public func value(_ values: [Double]) -> Double {
        var total = constant
        for (v, c) in zip(variables, coefficients) where v.index < values.count {
            total += c * values[v.index]
        }
        return total
    }

    // MARK: Operators (each builds a new expression; use `+=` or `add` in loops)

    public static func += (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs) }
    public static func += (lhs: inout LinearExpression, rhs: Variable) { lhs.add(1, rhs) }
    public static func += (lhs: inout LinearExpression, rhs: Double) { lhs.constant += rhs }
    public static func -= (lhs: inout LinearExpression, rhs: LinearExpression) { lhs.add(rhs, times: -1) }
    public static func -= (lhs: inout LinearExpression, rhs: Variable) { lhs.add(-1, rhs) }
    public static func -= (lhs: inout LinearExpression, rhs: Double) { lhs.constant -= rhs }

    public static func + (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var e = lhs; e.add(rhs); return e
    }
    public static func - (lhs: LinearExpression, rhs: LinearExpression) -> LinearExpression {
        var e = lhs; e.add(rhs, times: -1); return e
    }
    public static func + (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var e = lhs; e.constant += rhs; return e
    }
    public static func - (lhs: LinearExpression, rhs: Double) -> LinearExpression {
        var e = lhs; e.constant -= rhs; return e
    }
    public static func * (lhs: Double, rhs: LinearExpression) -> LinearExpression {
        var e = LinearExpression(constant: 0); e.add(rhs, times: lhs); return e
    }
    public static prefix func - (e: LinearExpression) -> LinearExpression { -1 * e }
}

extension Variable {
    public static func * (lhs: Double, rhs: Variable) -> LinearExpression {
        var e = LinearExpression(); e.add(lhs, rhs); return e
    }
    public static func + (lhs: Variable, rhs: Variable) -> LinearExpression {
        var e = LinearExpression(lhs); e.add(1, rhs); return e
    }
    public static func - (lhs: Variable, rhs: Variable) -> LinearExpression {
        var e = LinearExpression(lhs); e.add(-1, rhs); return e
    }
    public static func + (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var e = lhs; e.add(1, rhs); return e
    }
    public static func - (lhs: LinearExpression, rhs: Variable) -> LinearExpression {
        var e = lhs; e.add(-1, rhs); return e
    }
    public static func + (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        var e = LinearExpression(lhs); e.add(rhs); return e
    }
    public static func - (lhs: Variable, rhs: LinearExpression) -> LinearExpression {
        var e = LinearExpression(lhs); e.add(rhs, times: -1); return e
    }
    public static func + (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression(lhs) + rhs
    }
    public static func - (lhs: Variable, rhs: Double) -> LinearExpression {
        LinearExpression(lhs) - rhs
    }
}
