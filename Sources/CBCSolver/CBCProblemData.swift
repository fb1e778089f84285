import CCBCShim
import LinearModel

/// A model flattened into the arrays `Cbc_loadProblem` takes: the matrix column-wise
/// (compressed sparse columns, rows ascending within a column, duplicate terms merged,
/// zeros dropped), bounds with ±`Double.greatestFiniteMagnitude` for "none" (CBC's
/// `COIN_DBL_MAX`), and integrality per column.
///
/// - Complexity: O(variables + constraints + terms), with no sorting or hashing.
struct CBCProblemData {
    var maximize: Bool
    var objectiveConstant: Double
    var objective: [Double]
    var columnLower: [Double]
    var columnUpper: [Double]
    var isInteger: [CChar]
    var rowLower: [Double]
    var rowUpper: [Double]
    var start: [Int32]
    var index: [Int32]
    var value: [Double]
    /// Some integer column has no integer inside its bounds.
    var integerBoundsConflict = false

    var columnCount: Int { objective.count }
    var rowCount: Int { rowLower.count }
    var nonzeroCount: Int { value.count }

    /// Flattens `model`. Integer bounds are rounded inward when `roundIntegerBounds`
    /// (for solving); an export keeps them as written.
    init(_ model: Model, roundIntegerBounds: Bool = true) {
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
            columnLower.append(Self.finite(lo))
            columnUpper.append(Self.finite(hi))
            isInteger.append(v.kind == .continuous ? 0 : 1)
        }
        rowLower = model.constraints.map { Self.finite($0.bounds.lower) }
        rowUpper = model.constraints.map { Self.finite($0.bounds.upper) }

        // Row-wise triplets with duplicates merged (lastRow[j] == i: column j already has
        // a term in row i, at slot[j]), then counted and scattered into columns.
        let terms = model.constraints.reduce(0) { $0 + $1.expression.termCount }
        var rows = [Int32](), cols = [Int32](), coefs = [Double]()
        rows.reserveCapacity(terms)
        cols.reserveCapacity(terms)
        coefs.reserveCapacity(terms)
        var lastRow = [Int32](repeating: -1, count: n)
        var slot = [Int](repeating: 0, count: n)
        for (i, constraint) in model.constraints.enumerated() {
            let row = Int32(i)
            let e = constraint.expression
            for (v, c) in zip(e.variables, e.coefficients) {
                let j = v.index
                if lastRow[j] == row {
                    coefs[slot[j]] += c
                } else {
                    lastRow[j] = row
                    slot[j] = coefs.count
                    rows.append(row)
                    cols.append(Int32(j))
                    coefs.append(c)
                }
            }
        }
        var count = [Int32](repeating: 0, count: n + 1)
        for k in coefs.indices where coefs[k] != 0 { count[Int(cols[k]) + 1] += 1 }
        for j in 0..<n { count[j + 1] += count[j] }
        start = count
        var next = count
        index = [Int32](repeating: 0, count: Int(count[n]))
        value = [Double](repeating: 0, count: Int(count[n]))
        for k in coefs.indices where coefs[k] != 0 {
            let j = Int(cols[k])
            let at = Int(next[j])
            index[at] = rows[k]
            value[at] = coefs[k]
            next[j] += 1
        }
    }

    /// CBC reads bounds beyond ±1e30 as none; it is given its own infinity.
    static func finite(_ x: Double) -> Double {
        x == .infinity ? .greatestFiniteMagnitude : (x == -.infinity ? -.greatestFiniteMagnitude : x)
    }

    /// Calls `body` with the C view of these arrays (valid only inside `body`).
    func withCProblem<T>(_ body: (UnsafePointer<fp_cbc_problem>) throws -> T) rethrows -> T {
        try start.withUnsafeBufferPointer { st in
        try index.withUnsafeBufferPointer { ix in
        try value.withUnsafeBufferPointer { va in
        try columnLower.withUnsafeBufferPointer { cl in
        try columnUpper.withUnsafeBufferPointer { cu in
        try objective.withUnsafeBufferPointer { ob in
        try rowLower.withUnsafeBufferPointer { rl in
        try rowUpper.withUnsafeBufferPointer { ru in
        try isInteger.withUnsafeBufferPointer { ii in
            var p = fp_cbc_problem()
            p.ncols = Int32(columnCount)
            p.nrows = Int32(rowCount)
            p.start = st.baseAddress
            p.index = ix.baseAddress
            p.value = va.baseAddress
            p.col_lb = cl.baseAddress
            p.col_ub = cu.baseAddress
            p.obj = ob.baseAddress
            p.row_lb = rl.baseAddress
            p.row_ub = ru.baseAddress
            p.is_int = ii.baseAddress
            p.maximize = maximize ? 1 : 0
            return try withUnsafePointer(to: &p) { try body($0) }
        }}}}}}}}}
    }

    /// Where a point violates the model, if anywhere: a column bound, the integrality of
    /// an integer column, or a row, each within `tolerance` (relative for large values).
    /// CBC's answers are checked with it before they are reported.
    /// - Complexity: O(columns + nonzeros).
    func violation(of x: [Double], tolerance: Double = 1e-6) -> (isRow: Bool, index: Int)? {
        func tol(_ v: Double) -> Double { tolerance * max(1, abs(v)) }
        guard x.count == columnCount else { return (false, 0) }
        var activity = [Double](repeating: 0, count: rowCount)
        for j in 0..<columnCount {
            let v = x[j]
            if !v.isFinite { return (false, j) }
            if isInteger[j] != 0 && abs(v - v.rounded()) > tolerance { return (false, j) }
            if v < columnLower[j] - tol(columnLower[j]) || v > columnUpper[j] + tol(columnUpper[j]) { return (false, j) }
            for k in Int(start[j])..<Int(start[j + 1]) { activity[Int(index[k])] += value[k] * v }
        }
        for i in 0..<rowCount {
            let a = activity[i]
            if a < rowLower[i] - tol(rowLower[i]) || a > rowUpper[i] + tol(rowUpper[i]) { return (true, i) }
        }
        return nil
    }
}
