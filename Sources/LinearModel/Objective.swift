/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: String, Sendable, Hashable, Codable {
    case minimize
    case maximize
}

/// A linear objective.
public struct Objective: Sendable, Hashable {
    public var sense: ObjectiveSense
    public var expression: LinearExpression

    public init(_ sense: ObjectiveSense, _ expression: LinearExpression) {
        self.sense = sense
        self.expression = expression
    }
}
