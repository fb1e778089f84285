import Foundation

/// A mixed-integer linear program, independent of any solver.
///
/// `Model` is a value: copying one (for instance to add a constraint for one stage of a
/// lexicographic solve) is cheap until either copy changes (copy-on-write), and variables
/// and constraints of the original stay valid in the copy.
///
/// ```swift
/// var model = Model()
/// let x = model.addVariable(name: "x", kind: .integer, lowerBound: 0, upperBound: 4)
/// let y = model.addVariable(name: "y", lowerBound: 0)
/// model.addConstraint(name: "cap", x + y, .lessEqual(5))
/// model.setObjective(.maximize, 3 * x + 2 * y)
/// let result = try GLPKSolver().solve(model)
/// ```
///
/// - Complexity: adding a variable or a constraint is amortised O(1) plus the size of its
///   expression; ``validate()`` is O(variables + nonzeros).
public struct Model: Sendable {
    nonisolated(unsafe) private static var nextID: UInt64 = 0
    private static let idLock = NSLock()

    /// Identity shared by this model and its copies.
    public let id: UInt64
    /// The model's name, used in exported files.
    public var name: String
    public private(set) var variables: [VariableInfo] = []
    public private(set) var constraints: [ConstraintInfo] = []
    /// The objective; a model without one is a feasibility problem (minimise 0).
    public var objective: Objective = Objective(.minimize, LinearExpression())

    /// An empty model.
    public init(name: String = "model") {
        Model.idLock.lock()
        Model.nextID &+= 1
        id = Model.nextID
        Model.idLock.unlock()
        self.name = name
    }

    /// True when any variable is integer or binary.
    public var isMixedInteger: Bool { variables.contains { $0.kind != .continuous } }

    /// Number of variables.
    public var variableCount: Int { variables.count }
    /// Number of constraints.
    public var constraintCount: Int { constraints.count }

    /// Adds a variable. A binary variable's bounds are clamped to [0, 1].
    @discardableResult
    public mutating func addVariable(
        name: String, kind: VariableKind = .continuous,
        lowerBound: Double = 0, upperBound: Double = .infinity
    ) -> Variable {
        var lo = lowerBound, hi = upperBound
        if kind == .binary { lo = max(lo, 0); hi = min(hi, 1) }
        variables.append(VariableInfo(name: name, kind: kind, lowerBound: lo, upperBound: hi))
        return Variable(index: variables.count - 1, modelID: id)
    }

    /// The variable handle at `index`, or nil when out of range.
    public func variable(at index: Int) -> Variable? {
        variables.indices.contains(index) ? Variable(index: index, modelID: id) : nil
    }

    /// Changes a variable's bounds.
    public mutating func setBounds(_ variable: Variable, lower: Double, upper: Double) {
        guard owns(variable) else { return }
        variables[variable.index].lowerBound = lower
        variables[variable.index].upperBound = upper
    }

    /// Adds the constraint `expression (sense) rhs`. The expression's constant moves
    /// into the bounds.
    @discardableResult
    public mutating func addConstraint(
        name: String, _ expression: LinearExpression, _ bounds: ConstraintBounds
    ) -> Constraint {
        var e = expression
        let c = e.constant
        e.constant = 0
        let shifted: ConstraintBounds
        switch bounds {
        case .lessEqual(let v): shifted = .lessEqual(v - c)
        case .greaterEqual(let v): shifted = .greaterEqual(v - c)
        case .equal(let v): shifted = .equal(v - c)
        case .ranged(let l, let u): shifted = .ranged(l - c, u - c)
        }
        constraints.append(ConstraintInfo(name: name, expression: e, bounds: shifted))
        return Constraint(index: constraints.count - 1, modelID: id)
    }

    /// The LP relaxation: this model (same identity, so its handles stay valid) with every
    /// variable continuous; binaries keep their [0, 1] bounds.
    ///
    /// ```swift
    /// let lp = model.relaxingIntegrality()   // lp.isMixedInteger == false
    /// ```
    public func relaxingIntegrality() -> Model {
        var m = self
        for i in m.variables.indices { m.variables[i].kind = .continuous }
        return m
    }

    /// Sets the objective.
    public mutating func setObjective(_ sense: ObjectiveSense, _ expression: LinearExpression) {
        objective = Objective(sense, expression)
    }

    /// True when `variable` was created by this model or one it was copied from.
    public func owns(_ variable: Variable) -> Bool {
        variable.modelID == id && variables.indices.contains(variable.index)
    }

    /// Checks everything a solver would choke on: NaN anywhere, infinite coefficients,
    /// inverted bounds, variables of another model, more rows, columns or terms than a
    /// backend's 32-bit indices hold. Solvers call this (or ``validate(for:)``) before
    /// loading.
    public func validate() throws {
        let terms = constraints.reduce(0) { $0 + $1.expression.termCount }
        for (what, count) in [("variables", variables.count), ("constraints", constraints.count), ("terms", terms)]
        where count >= Int(Int32.max) {
            throw ModelError.tooLarge(what: what, count: count)
        }
        for v in variables {
            if v.lowerBound.isNaN || v.upperBound.isNaN { throw ModelError.notANumber(where: "bounds of \(v.name)") }
            if v.lowerBound > v.upperBound || v.lowerBound == .infinity || v.upperBound == -.infinity {
                throw ModelError.invertedVariableBounds(variable: v.name, lower: v.lowerBound, upper: v.upperBound)
            }
        }
        for c in constraints {
            try check(c.expression, where: "constraint \(c.name)")
            let lo = c.bounds.lower, hi = c.bounds.upper
            if lo.isNaN || hi.isNaN { throw ModelError.notANumber(where: "bounds of constraint \(c.name)") }
            if lo > hi || lo == .infinity || hi == -.infinity {
                throw ModelError.invertedConstraintBounds(constraint: c.name, lower: lo, upper: hi)
            }
        }
        try check(objective.expression, where: "the objective")
    }

    /// ``validate()``, then the solution hint of `parameters`, if any: one value per
    /// variable, none NaN. Every backend calls this first; whether a valid hint also
    /// satisfies the model is the backend's business (``violation(of:tolerance:)``).
    public func validate(for parameters: SolveParameters) throws {
        try validate()
        guard let hint = parameters.hint else { return }
        if hint.count != variableCount { throw ModelError.hintLength(expected: variableCount, got: hint.count) }
        if hint.contains(where: { $0.isNaN }) { throw ModelError.notANumber(where: "the solution hint") }
    }

    private func check(_ e: LinearExpression, where place: String) throws {
        if e.constant.isNaN { throw ModelError.notANumber(where: place) }
        if e.constant.isInfinite { throw ModelError.infiniteCoefficient(where: place) }
        for (v, c) in zip(e.variables, e.coefficients) {
            if !owns(v) { throw ModelError.foreignVariable(where: place, index: v.index) }
            if c.isNaN { throw ModelError.notANumber(where: place) }
            if c.isInfinite { throw ModelError.infiniteCoefficient(where: place) }
        }
    }
}
