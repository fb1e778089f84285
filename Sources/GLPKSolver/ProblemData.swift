import CGLPK
import CGLPKShim
import LinearModel

/// A model flattened into the arrays GLPK loads: bounds by row and column, and the matrix
/// as triplets with duplicate (row, column) entries merged, which `glp_load_matrix` needs
/// (it aborts on duplicates).
///
/// - Complexity: O(variables + constraints + terms), with no sorting or hashing.
struct ProblemData {
    var maximize = false
    var objectiveConstant = 0.0
    var objective: [Double]
    var columnType: [Int32]
    var columnLower: [Double]
    var columnUpper: [Double]
    var columnKind: [Int32]
    var rowType: [Int32] = []
    var rowLower: [Double] = []
    var rowUpper: [Double] = []
    /// Triplets, 1-based: element 0 is a placeholder, as GLPK wants.
    var ia: [Int32] = [0]
    var ja: [Int32] = [0]
    var ar: [Double] = [0]
    /// Some integer column has no integer inside its bounds.
    var integerBoundsConflict = false

    var rowCount: Int { rowType.count }
    var columnCount: Int { columnType.count }
    var nonzeroCount: Int { ar.count - 1 }

    /// Flattens `model`. For solving, integer bounds are rounded inward (`glp_intopt`
    /// rejects fractional ones); an export keeps them as written (`roundIntegerBounds`
    /// false), so that the file states the model, not our preparation of it.
    init(_ model: Model, roundIntegerBounds: Bool = true) {
        let n = model.variableCount
        objective = [Double](repeating: 0, count: n)
        columnType = []
        columnLower = []
        columnUpper = []
        columnKind = []
        columnType.reserveCapacity(n)
        columnLower.reserveCapacity(n)
        columnUpper.reserveCapacity(n)
        columnKind.reserveCapacity(n)
        for v in model.variables {
            var lo = v.lowerBound, hi = v.upperBound
            if roundIntegerBounds {
                // glp_intopt rejects fractional bounds on integer columns (GLP_EBOUND).
                let b = v.integralBounds
                (lo, hi) = (b.lower, b.upper)
                if b.conflict { integerBoundsConflict = true }
            }
            let (type, l, u) = Self.glpkBounds(lo, hi)
            columnType.append(type)
            columnLower.append(l)
            columnUpper.append(u)
            columnKind.append(v.kind == .continuous ? GLP_CV : GLP_IV)
        }

        maximize = model.objective.sense == .maximize
        objectiveConstant = model.objective.expression.constant
        let objectiveTerms = model.objective.expression
        for (v, c) in zip(objectiveTerms.variables, objectiveTerms.coefficients) {
            objective[v.index] += c
        }

        let m = model.constraintCount
        rowType.reserveCapacity(m)
        rowLower.reserveCapacity(m)
        rowUpper.reserveCapacity(m)
        let terms = model.constraints.reduce(0) { $0 + $1.expression.termCount }
        ia.reserveCapacity(terms + 1)
        ja.reserveCapacity(terms + 1)
        ar.reserveCapacity(terms + 1)
        // lastRow[j] == i: column j already has a triplet in row i, at slot[j].
        var lastRow = [Int32](repeating: -1, count: n)
        var slot = [Int](repeating: 0, count: n)
        for (i, constraint) in model.constraints.enumerated() {
            let (type, l, u) = Self.glpkBounds(constraint.bounds.lower, constraint.bounds.upper)
            rowType.append(type)
            rowLower.append(l)
            rowUpper.append(u)
            let row = Int32(i)
            let e = constraint.expression
            e.variables.withUnsafeBufferPointer { vars in
                e.coefficients.withUnsafeBufferPointer { coefs in
                    for k in 0..<vars.count {
                        let j = vars[k].index
                        let c = coefs[k]
                        if lastRow[j] == row {
                            ar[slot[j]] += c
                        } else {
                            lastRow[j] = row
                            slot[j] = ar.count
                            ia.append(row + 1)
                            ja.append(Int32(j + 1))
                            ar.append(c)
                        }
                    }
                }
            }
        }
        // x - x merges to 0; GLPK would store it as an explicit zero.
        if ar.dropFirst().contains(0) { dropZeros() }
    }

    /// Where a point violates the loaded problem, if anywhere: a column bound, the
    /// integrality of an integer column, or a row, each with tolerance 1e-6 (relative for
    /// large values). `glp_ios_heur_sol` checks only integrality, so hints are checked here.
    /// - Complexity: O(columns + nonzeros).
    func violation(of x: [Double]) -> (isRow: Bool, index: Int)? {
        func tolerance(_ v: Double) -> Double { 1e-6 * max(1, abs(v)) }
        for j in 0..<columnCount {
            let v = x[j]
            if !v.isFinite { return (false, j) }
            if columnKind[j] == GLP_IV && v != v.rounded() { return (false, j) }
            let t = columnType[j]
            if (t == GLP_LO || t == GLP_DB || t == GLP_FX) && v < columnLower[j] - tolerance(columnLower[j]) { return (false, j) }
            if (t == GLP_UP || t == GLP_DB || t == GLP_FX) && v > columnUpper[j] + tolerance(columnUpper[j]) { return (false, j) }
        }
        var activity = [Double](repeating: 0, count: rowCount)
        for k in 1..<ar.count { activity[Int(ia[k]) - 1] += ar[k] * x[Int(ja[k]) - 1] }
        for i in 0..<rowCount {
            let t = rowType[i], a = activity[i]
            if (t == GLP_LO || t == GLP_DB || t == GLP_FX) && a < rowLower[i] - tolerance(rowLower[i]) { return (true, i) }
            if (t == GLP_UP || t == GLP_DB || t == GLP_FX) && a > rowUpper[i] + tolerance(rowUpper[i]) { return (true, i) }
        }
        return nil
    }

    /// Removes triplets whose merged coefficient is zero.
    private mutating func dropZeros() {
        var w = 1
        for k in 1..<ar.count where ar[k] != 0 {
            ia[w] = ia[k]; ja[w] = ja[k]; ar[w] = ar[k]
            w += 1
        }
        ia.removeSubrange(w...)
        ja.removeSubrange(w...)
        ar.removeSubrange(w...)
    }

    /// GLPK's bound type for `lower <= x <= upper` (infinite means none).
    static func glpkBounds(_ lower: Double, _ upper: Double) -> (Int32, Double, Double) {
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return (lower == upper ? GLP_FX : GLP_DB, lower, upper)
        }
    }

    /// Calls `body` with the C view of these arrays (valid only inside `body`).
    func withCData<T>(_ body: (UnsafePointer<fp_problem_data>) throws -> T) rethrows -> T {
        try objective.withUnsafeBufferPointer { obj in
        try columnType.withUnsafeBufferPointer { ct in
        try columnLower.withUnsafeBufferPointer { cl in
        try columnUpper.withUnsafeBufferPointer { cu in
        try columnKind.withUnsafeBufferPointer { ck in
        try rowType.withUnsafeBufferPointer { rt in
        try rowLower.withUnsafeBufferPointer { rl in
        try rowUpper.withUnsafeBufferPointer { ru in
        try ia.withUnsafeBufferPointer { ia in
        try ja.withUnsafeBufferPointer { ja in
        try ar.withUnsafeBufferPointer { ar in
            var d = fp_problem_data()
            d.nrows = Int32(rowCount)
            d.ncols = Int32(columnCount)
            d.nnz = Int32(nonzeroCount)
            d.obj_dir = maximize ? GLP_MAX : GLP_MIN
            d.obj_const = objectiveConstant
            d.obj = obj.baseAddress
            d.col_type = ct.baseAddress
            d.col_lb = cl.baseAddress
            d.col_ub = cu.baseAddress
            d.col_kind = ck.baseAddress
            d.row_type = rt.baseAddress
            d.row_lb = rl.baseAddress
            d.row_ub = ru.baseAddress
            d.ia = ia.baseAddress
            d.ja = ja.baseAddress
            d.ar = ar.baseAddress
            return try withUnsafePointer(to: &d) { try body($0) }
        }}}}}}}}}}}
    }
}
