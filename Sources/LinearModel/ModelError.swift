/// A model that no solver should be given, found before it reaches one.
public enum ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A coefficient, bound or constant is NaN.
    case notANumber(where: String)
    /// A coefficient or constant is infinite (bounds may be infinite, coefficients not).
    case infiniteCoefficient(where: String)
    /// A variable's lower bound exceeds its upper bound.
    case invertedVariableBounds(variable: String, lower: Double, upper: Double)
    /// A constraint's lower bound exceeds its upper bound.
    case invertedConstraintBounds(constraint: String, lower: Double, upper: Double)
    /// A variable handle that belongs to another model, or to none.
    case foreignVariable(where: String, index: Int)
    /// A solution hint whose length differs from the number of variables.
    case hintLength(expected: Int, got: Int)
    /// More variables, constraints or terms than a backend's 32-bit indices hold.
    case tooLarge(what: String, count: Int)

    public var description: String {
        switch self {
        case .notANumber(let w): return "NaN in \(w)"
        case .infiniteCoefficient(let w): return "infinite coefficient in \(w)"
        case .invertedVariableBounds(let v, let l, let u):
            return "variable \(v): lower bound \(l) exceeds upper bound \(u)"
        case .invertedConstraintBounds(let c, let l, let u):
            return "constraint \(c): lower bound \(l) exceeds upper bound \(u)"
        case .foreignVariable(let w, let i):
            return "variable #\(i) in \(w) does not belong to this model"
        case .hintLength(let e, let g):
            return "solution hint has \(g) values for \(e) variables"
        case .tooLarge(let w, let n):
            return "\(n) \(w): more than a solver takes (at most \(Int32.max - 1))"
        }
    }
}
