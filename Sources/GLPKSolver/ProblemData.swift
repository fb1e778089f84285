import CGLPK
import CGLPKShim
import LinearModel

/// A model in the arrays GLPK loads: ``ModelMatrix`` (merged triplets, bounds) in GLPK's
/// encoding: a bound type per row and column, and the triplets 1-based with a placeholder
/// in element 0, as `glp_load_matrix` wants.
///
/// - Complexity: O(variables + constraints + terms), with no sorting or hashing.
struct ProblemData {
    /// The solver-independent form this was made from (for point checks).
    let matrix: ModelMatrix
    var maximize: Bool { matrix.maximize }
    var objectiveConstant: Double { matrix.objectiveConstant }
    var objective: [Double] { matrix.objective }
    var columnType: [Int32] = []
    var columnLower: [Double] = []
    var columnUpper: [Double] = []
    var columnKind: [Int32]
    var rowType: [Int32] = []
    var rowLower: [Double] = []
    var rowUpper: [Double] = []
    /// Triplets, 1-based: element 0 is a placeholder, as GLPK wants.
    var ia: [Int32]
    var ja: [Int32]
    var ar: [Double]
    /// Some integer column has no integer inside its bounds.
    var integerBoundsConflict: Bool { matrix.integerBoundsConflict }

    var rowCount: Int { rowType.count }
    var columnCount: Int { columnType.count }
    var nonzeroCount: Int { ar.count - 1 }

    /// Flattens `model` (``ModelMatrix``). For solving, integer bounds are rounded inward
    /// (`glp_intopt` rejects fractional ones); an export keeps them as written
    /// (`roundIntegerBounds` false), so that the file states the model, not our
    /// preparation of it.
    init(_ model: Model, roundIntegerBounds: Bool = true) {
        self.init(ModelMatrix(model, roundIntegerBounds: roundIntegerBounds))
    }

    init(_ matrix: ModelMatrix) {
        self.matrix = matrix
        columnKind = matrix.isInteger.map { $0 ? GLP_IV : GLP_CV }
        columnType.reserveCapacity(matrix.columnCount)
        columnLower.reserveCapacity(matrix.columnCount)
        columnUpper.reserveCapacity(matrix.columnCount)
        for j in 0..<matrix.columnCount {
            let (type, l, u) = Self.glpkBounds(matrix.columnLower[j], matrix.columnUpper[j])
            columnType.append(type)
            columnLower.append(l)
            columnUpper.append(u)
        }
        rowType.reserveCapacity(matrix.rowCount)
        rowLower.reserveCapacity(matrix.rowCount)
        rowUpper.reserveCapacity(matrix.rowCount)
        for i in 0..<matrix.rowCount {
            let (type, l, u) = Self.glpkBounds(matrix.rowLower[i], matrix.rowUpper[i])
            rowType.append(type)
            rowLower.append(l)
            rowUpper.append(u)
        }
        ia = [0] + matrix.tripletRow.lazy.map { $0 + 1 }
        ja = [0] + matrix.tripletColumn.lazy.map { $0 + 1 }
        ar = [0] + matrix.tripletValue
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
