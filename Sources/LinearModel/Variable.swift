/// The kind of values a decision variable may take.
public enum VariableKind: String, Sendable, Hashable, Codable {
    /// Any real number within the bounds.
    case continuous
    /// A whole number within the bounds.
    case integer
    /// 0 or 1 (an integer variable whose bounds are clamped to [0, 1]).
    case binary
}

/// A handle to a decision variable of one ``Model``.
///
/// Handles are cheap values: an index into the model's variable table plus the identity of
/// the model family that created it, so that a handle from another model is caught before
/// it reaches a solver.
///
/// ```swift
/// var model = Model()
/// let x = model.addVariable(name: "x", kind: .integer, lowerBound: 0, upperBound: 10)
/// model.setObjective(.maximize, 3 * x)
/// ```
public struct Variable: Hashable, Sendable {
    /// Position of the variable in ``Model/variables``, from 0.
    public let index: Int
    /// Identity of the model (and its copies) that created this variable.
    public let modelID: UInt64

    init(index: Int, modelID: UInt64) {
        self.index = index
        self.modelID = modelID
    }
}

/// What a model knows of a variable.
public struct VariableInfo: Sendable, Hashable {
    /// The name used in exported LP/MPS files and messages.
    public var name: String
    public var kind: VariableKind
    /// Lower bound; `-.infinity` for none.
    public var lowerBound: Double
    /// Upper bound; `.infinity` for none.
    public var upperBound: Double
}

extension VariableInfo {
    /// The bounds a branch-and-bound solver takes: for integer and binary variables rounded
    /// inward to whole numbers (with 1e-9 of slack for binary fractions, so 6.9999999999
    /// stays 7), as the values they allow; `conflict` when no whole number lies between
    /// them (the upper bound is then raised to the lower, and the model is infeasible).
    /// Continuous variables keep their bounds.
    public var integralBounds: (lower: Double, upper: Double, conflict: Bool) {
        guard kind != .continuous else { return (lowerBound, upperBound, false) }
        var lo = lowerBound, hi = upperBound
        if lo.isFinite { lo = (lo - 1e-9).rounded(.up) }
        if hi.isFinite { hi = (hi + 1e-9).rounded(.down) }
        return lo > hi ? (lo, lo, true) : (lo, hi, false)
    }
}
