/// A model flattened into the arrays every backend loads from: bounds by column and row
/// (infinite for none), the objective by column, integrality, and the constraint matrix
/// as merged triplets in row order, or column-compressed.
///
/// Duplicate (row, column) terms are summed and zero sums dropped: GLPK's
/// `glp_load_matrix` aborts on duplicates, and CBC's column-wise load wants one entry per
/// row and column. A backend adds only its own encoding (GLPK's bound types and 1-based
/// triplets, CBC's finite infinity).
///
/// ```swift
/// let matrix = ModelMatrix(model)
/// let csc = matrix.columnCompressed()   // start, index, value
/// if let v = matrix.violation(of: point) { print("violates \(v)") }
/// ```
///
/// - Complexity: O(variables + constraints + terms), with no sorting or hashing.
public struct ModelMatrix: Sendable {
    /// True when the objective is maximised.
    public var maximize: Bool
    /// The objective's constant term.
    public var objectiveConstant: Double
    /// Objective coefficient of each column, duplicates summed.
    public var objective: [Double]
    /// Lower bound of each column; `-.infinity` for none.
    public var columnLower: [Double]
    /// Upper bound of each column; `.infinity` for none.
    public var columnUpper: [Double]
    /// Whether each column is integer (integer or binary variables).
    public var isInteger: [Bool]
    /// Lower bound of each row; `-.infinity` for none.
    public var rowLower: [Double]
    /// Upper bound of each row; `.infinity` for none.
    public var rowUpper: [Double]
    /// Row (from 0) of each nonzero. Nonzeros are in row order, and within a row in the
    /// order its expression first names each variable.
    public var tripletRow: [Int32]
    /// Column (from 0) of each nonzero.
    public var tripletColumn: [Int32]
    /// Coefficient of each nonzero (never 0).
    public var tripletValue: [Double]
    /// Some integer column has no whole number within its bounds (after rounding them
    /// inward; see ``VariableInfo/integralBounds``): the model is infeasible.
    public var integerBoundsConflict = false

    /// Number of columns (variables).
    public var columnCount: Int { objective.count }
    /// Number of rows (constraints).
    public var rowCount: Int { rowLower.count }
    /// Number of nonzeros after merging.
    public var nonzeroCount: Int { tripletValue.count }

    /// Flattens `model`. For solving, integer bounds are rounded inward
    /// (``VariableInfo/integralBounds``: branch-and-bound wants whole bounds); an export keeps
    /// them as written (`roundIntegerBounds` false), so that a file states the model.
    public init(_ model: Model, roundIntegerBounds: Bool = true) {
        let n = model.variableCount
        maximize = model.objective.sense == .maximize
        objectiveConstant = model.objective.expression.constant
        objective = [Double](repeating: 0, count: n)
        let objectiveTerms = model.objective.expression
        for (v, c) in zip(objectiveTerms.variables, objectiveTerms.coefficients) { objective[v.index] += c }
        columnLower = []
        columnUpper = []
        isInteger = []
        columnLower.reserveCapacity(n)
        columnUpper.reserveCapacity(n)
        isInteger.reserveCapacity(n)
        for v in model.variables {
            var lo = v.lowerBound, hi = v.upperBound
            if roundIntegerBounds {
                let b = v.integralBounds
                (lo, hi) = (b.lower, b.upper)
                if b.conflict { integerBoundsConflict = true }
            }
            columnLower.append(lo)
            columnUpper.append(hi)
            isInteger.append(v.kind != .continuous)
        }
        rowLower = model.constraints.map(\.bounds.lower)
        rowUpper = model.constraints.map(\.bounds.upper)

        let terms = model.constraints.reduce(0) { $0 + $1.expression.termCount }
        var rows = [Int32](), cols = [Int32](), coefs = [Double]()
        rows.reserveCapacity(terms)
        cols.reserveCapacity(terms)
        coefs.reserveCapacity(terms)
        // lastRow[j] == i: column j already has a term in row i, at slot[j].
        var lastRow = [Int32](repeating: -1, count: n)
        var slot = [Int](repeating: 0, count: n)
        for (i, constraint) in model.constraints.enumerated() {
            let row = Int32(i)
            let e = constraint.expression
            e.variables.withUnsafeBufferPointer { vars in
                e.coefficients.withUnsafeBufferPointer { values in
                    for k in 0..<vars.count {
                        let j = vars[k].index
                        if lastRow[j] == row {
                            coefs[slot[j]] += values[k]
                        } else {
                            lastRow[j] = row
                            slot[j] = coefs.count
                            rows.append(row)
                            cols.append(Int32(j))
                            coefs.append(values[k])
                        }
                    }
                }
            }
        }
        // x - x merges to 0: no backend should store it.
        if coefs.contains(0) {
            var w = 0
            for k in coefs.indices where coefs[k] != 0 {
                rows[w] = rows[k]; cols[w] = cols[k]; coefs[w] = coefs[k]
                w += 1
            }
            rows.removeSubrange(w...)
            cols.removeSubrange(w...)
            coefs.removeSubrange(w...)
        }
        tripletRow = rows
        tripletColumn = cols
        tripletValue = coefs
    }

    /// The matrix in compressed sparse columns (from 0): column `j`'s nonzeros are
    /// `index[start[j] ..< start[j + 1]]` (rows, ascending) and the same range of `value`.
    public struct ColumnCompressed: Sendable, Hashable {
        /// `columnCount + 1` offsets into ``index`` and ``value``.
        public var start: [Int32]
        /// Row of each nonzero.
        public var index: [Int32]
        /// Coefficient of each nonzero.
        public var value: [Double]
    }

    /// The matrix column by column (CBC's `Cbc_loadProblem`, CoinPackedMatrix).
    /// - Complexity: O(columns + nonzeros): counted, then scattered in row order.
    public func columnCompressed() -> ColumnCompressed {
        let n = columnCount
        var count = [Int32](repeating: 0, count: n + 1)
        for j in tripletColumn { count[Int(j) + 1] += 1 }
        for j in 0..<n { count[j + 1] += count[j] }
        var next = count
        var index = [Int32](repeating: 0, count: nonzeroCount)
        var value = [Double](repeating: 0, count: nonzeroCount)
        for k in 0..<nonzeroCount {
            let j = Int(tripletColumn[k])
            let at = Int(next[j])
            index[at] = tripletRow[k]
            value[at] = tripletValue[k]
            next[j] += 1
        }
        return ColumnCompressed(start: count, index: index, value: value)
    }

    /// `x` with each integer column's value rounded to the nearest whole number when it
    /// lies within `tolerance` of it (GLPK, for one, rejects 2.9999999 for an integer).
    public func snappingIntegers(_ x: [Double], tolerance: Double = 1e-6) -> [Double] {
        var y = x
        for j in y.indices where j < columnCount && isInteger[j] && abs(y[j] - y[j].rounded()) <= tolerance {
            y[j] = y[j].rounded()
        }
        return y
    }

    /// Where the point `x` violates the model, if anywhere; nil when it satisfies every
    /// column bound, the integrality of every integer column and every row.
    ///
    /// One rule for every check: a value within `tolerance` of a whole number is whole,
    /// and a bound `b` holds within `tolerance * max(1, |b|)` (relative for large values).
    /// A value that is not finite violates its column.
    /// - Complexity: O(columns + nonzeros).
    public func violation(of x: [Double], tolerance: Double = 1e-6) -> ModelViolation? {
        func slack(_ b: Double) -> Double { tolerance * max(1, abs(b)) }
        guard x.count == columnCount else { return .length(expected: columnCount, got: x.count) }
        for j in 0..<columnCount {
            let v = x[j]
            if !v.isFinite { return .column(j) }
            if isInteger[j] && abs(v - v.rounded()) > tolerance { return .column(j) }
            if v < columnLower[j] - slack(columnLower[j]) || v > columnUpper[j] + slack(columnUpper[j]) {
                return .column(j)
            }
        }
        var activity = [Double](repeating: 0, count: rowCount)
        for k in 0..<nonzeroCount { activity[Int(tripletRow[k])] += tripletValue[k] * x[Int(tripletColumn[k])] }
        for i in 0..<rowCount {
            let a = activity[i]
            if a < rowLower[i] - slack(rowLower[i]) || a > rowUpper[i] + slack(rowUpper[i]) { return .row(i) }
        }
        return nil
    }

    /// The objective at `x` (one value per column), constant included.
    public func objectiveValue(at x: [Double]) -> Double {
        var z = objectiveConstant
        for j in x.indices where j < columnCount && objective[j] != 0 { z += objective[j] * x[j] }
        return z
    }
}

/// Where a point violates a model (``ModelMatrix/violation(of:tolerance:)``,
/// ``Model/violation(of:tolerance:)``).
public enum ModelViolation: Sendable, Hashable {
    /// The point has `got` values for `expected` variables.
    case length(expected: Int, got: Int)
    /// The variable at this index: a bound, its integrality, or a value that is not finite.
    case column(Int)
    /// The constraint at this index.
    case row(Int)
}

extension Model {
    /// Where the point `x` (one value per variable) violates this model, if anywhere; see
    /// ``ModelMatrix/violation(of:tolerance:)`` for the rule. Integer bounds are taken as
    /// written.
    /// - Complexity: O(variables + terms); flattens the model first.
    public func violation(of x: [Double], tolerance: Double = 1e-6) -> ModelViolation? {
        ModelMatrix(self, roundIntegerBounds: false).violation(of: x, tolerance: tolerance)
    }

    /// A description of `violation` with this model's names, e.g. "the constraint cap".
    public func describe(_ violation: ModelViolation) -> String {
        switch violation {
        case .length(let e, let g): return "\(g) values for \(e) variables"
        case .column(let j):
            return "bounds or integrality of \(variables.indices.contains(j) ? variables[j].name : "#\(j)")"
        case .row(let i):
            return "constraint \(constraints.indices.contains(i) ? constraints[i].name : "#\(i)")"
        }
    }
}
