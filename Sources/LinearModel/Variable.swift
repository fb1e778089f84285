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
