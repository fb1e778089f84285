/// A handle to a constraint (a row) of one ``Model``.
public struct Constraint: Hashable, Sendable {
    /// Position of the row in ``Model/constraints``, from 0.
    public let index: Int
    /// Identity of the model (and its copies) that created this row.
    public let modelID: UInt64
}

/// The sense and right-hand side(s) of a linear constraint.
public enum ConstraintBounds: Sendable, Hashable {
    /// `expression <= value`
    case lessEqual(Double)
    /// `expression >= value`
    case greaterEqual(Double)
    /// `expression == value`
    case equal(Double)
    /// `lower <= expression <= upper`
    case ranged(Double, Double)

    /// Lower bound, `-.infinity` for none.
    public var lower: Double {
        switch self {
        case .lessEqual: return -.infinity
        case .greaterEqual(let v), .equal(let v): return v
        case .ranged(let l, _): return l
        }
    }

    /// Upper bound, `.infinity` for none.
    public var upper: Double {
        switch self {
        case .greaterEqual: return .infinity
        case .lessEqual(let v), .equal(let v): return v
        case .ranged(_, let u): return u
        }
    }
}

/// A named linear constraint as stored in a ``Model``: `lower <= terms <= upper`.
///
/// The expression's constant is moved into the bounds when the constraint is added, so
/// ``expression`` has a zero constant.
public struct ConstraintInfo: Sendable, Hashable {
    public var name: String
    public var expression: LinearExpression
    public var bounds: ConstraintBounds
}
