import ForceScenario
import LinearModel

/// How large an option's model is: what benchmarks report next to solve times.
///
/// ```swift
/// let size = ModelSize(formulation.model)
/// print(size.variables, size.integers, size.constraints, size.nonzeros)
/// ```
public struct ModelSize: Sendable, Hashable {
    public var variables: Int
    /// Integer and binary variables among them.
    public var integers: Int
    public var constraints: Int
    /// Terms of all constraints together.
    public var nonzeros: Int

    public init(variables: Int, integers: Int, constraints: Int, nonzeros: Int) {
        self.variables = variables
        self.integers = integers
        self.constraints = constraints
        self.nonzeros = nonzeros
    }

    /// The size of `model`.
    /// - Complexity: O(variables + constraints).
    public init(_ model: Model) {
        variables = model.variableCount
        integers = model.variables.lazy.filter { $0.kind != .continuous }.count
        constraints = model.constraintCount
        nonzeros = model.constraints.reduce(0) { $0 + $1.expression.variables.count }
    }
}
