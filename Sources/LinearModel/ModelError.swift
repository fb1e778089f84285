/// A model that no solver should be given, found before it reaches one
/// (`Model.validate()`, `Model.validate(for:)`).
///
/// Like swift-system's `Errno` (and ``SolverError``, the backends' one error type), the
/// kind is a ``Code`` with one documented static member per case; where it was found and
/// the numbers involved come with it. Each kind has a constructor of the same name:
///
/// ```swift
/// do { try model.validate() }
/// catch let error as ModelError where error.code == .notANumber { print(error) }  // "NaN in constraint cap"
/// ```
public struct ModelError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of a ``ModelError``.
    public struct Code: RawRepresentable, Sendable, Hashable, CustomStringConvertible {
        /// The number of the kind (stable; for logs and tests).
        public let rawValue: Int
        /// Wraps a kind's number.
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// A coefficient, bound or constant is NaN.
        public static let notANumber = Code(rawValue: 1)
        /// A coefficient or constant is infinite (bounds may be infinite, coefficients not).
        public static let infiniteCoefficient = Code(rawValue: 2)
        /// A variable's lower bound exceeds its upper bound (or is +infinity, or the upper
        /// bound -infinity).
        public static let invertedVariableBounds = Code(rawValue: 3)
        /// A constraint's lower bound exceeds its upper bound (likewise).
        public static let invertedConstraintBounds = Code(rawValue: 4)
        /// A variable handle that belongs to another model, or to none.
        public static let foreignVariable = Code(rawValue: 5)
        /// A solution hint whose length differs from the number of variables.
        public static let hintLength = Code(rawValue: 6)
        /// More variables, constraints or terms than a backend's 32-bit indices hold.
        public static let tooLarge = Code(rawValue: 7)

        /// The member's name, e.g. `notANumber`.
        public var description: String {
            switch self {
            case .notANumber: return "notANumber"
            case .infiniteCoefficient: return "infiniteCoefficient"
            case .invertedVariableBounds: return "invertedVariableBounds"
            case .invertedConstraintBounds: return "invertedConstraintBounds"
            case .foreignVariable: return "foreignVariable"
            case .hintLength: return "hintLength"
            case .tooLarge: return "tooLarge"
            default: return "ModelError.Code(\(rawValue))"
            }
        }
    }

    /// What kind of error.
    public var code: Code
    /// Where: "constraint cap", "bounds of x", "the objective", "the solution hint"; the
    /// variable or constraint (inverted bounds); what there is too much of (too large).
    public var place: String
    /// The inverted bounds.
    public var lower: Double?, upper: Double?
    /// The foreign variable's index.
    public var index: Int?
    /// The number of variables (hint length).
    public var expected: Int?
    /// The hint's length, or how many there are (too large).
    public var count: Int?

    /// An error of `code` at `place`; prefer the constructors named after the codes.
    public init(_ code: Code, place: String, lower: Double? = nil, upper: Double? = nil, index: Int? = nil,
                expected: Int? = nil, count: Int? = nil) {
        self.code = code
        self.place = place
        self.lower = lower
        self.upper = upper
        self.index = index
        self.expected = expected
        self.count = count
    }

    /// ``Code/notANumber`` in `place`.
    public static func notANumber(where place: String) -> ModelError { ModelError(.notANumber, place: place) }
    /// ``Code/infiniteCoefficient`` in `place`.
    public static func infiniteCoefficient(where place: String) -> ModelError { ModelError(.infiniteCoefficient, place: place) }
    /// ``Code/invertedVariableBounds`` of `variable`.
    public static func invertedVariableBounds(variable: String, lower: Double, upper: Double) -> ModelError {
        ModelError(.invertedVariableBounds, place: variable, lower: lower, upper: upper)
    }
    /// ``Code/invertedConstraintBounds`` of `constraint`.
    public static func invertedConstraintBounds(constraint: String, lower: Double, upper: Double) -> ModelError {
        ModelError(.invertedConstraintBounds, place: constraint, lower: lower, upper: upper)
    }
    /// ``Code/foreignVariable``: variable `index` in `place`.
    public static func foreignVariable(where place: String, index: Int) -> ModelError {
        ModelError(.foreignVariable, place: place, index: index)
    }
    /// ``Code/hintLength``: `got` values for `expected` variables.
    public static func hintLength(expected: Int, got: Int) -> ModelError {
        ModelError(.hintLength, place: "the solution hint", expected: expected, count: got)
    }
    /// ``Code/tooLarge``: `count` of `what`.
    public static func tooLarge(what: String, count: Int) -> ModelError {
        ModelError(.tooLarge, place: what, count: count)
    }

    /// A one-line explanation naming the place.
    public var description: String {
        let lo = lower.map { "\($0)" } ?? "?", hi = upper.map { "\($0)" } ?? "?"
        switch code {
        case .notANumber: return "NaN in \(place)"
        case .infiniteCoefficient: return "infinite coefficient in \(place)"
        case .invertedVariableBounds: return "variable \(place): lower bound \(lo) exceeds upper bound \(hi)"
        case .invertedConstraintBounds: return "constraint \(place): lower bound \(lo) exceeds upper bound \(hi)"
        case .foreignVariable: return "variable #\(index.map(String.init) ?? "?") in \(place) does not belong to this model"
        case .hintLength:
            return "solution hint has \(count.map(String.init) ?? "?") values for \(expected.map(String.init) ?? "?") variables"
        case .tooLarge: return "\(count.map(String.init) ?? "?") \(place): more than a solver takes (at most \(Int32.max - 1))"
        default: return "\(code) in \(place)"
        }
    }
}
