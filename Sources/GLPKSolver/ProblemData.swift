import CGLPK
import CGLPKShim
@_spi(Backend) import LinearModel

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
    /// Bound type (`GLP_FR`, `GLP_LO`, `GLP_UP`, `GLP_DB`, `GLP_FX`) and bounds of each
    /// column (0 where the type has none), and its kind (`GLP_CV`, `GLP_IV`).
    var columnType: [Int32], columnLower: [Double], columnUpper: [Double], columnKind: [Int32]
    /// The same for each row (coefficient strengthening may tighten them).
    var rowType: [Int32], rowLower: [Double], rowUpper: [Double]
    /// Triplets, 1-based: element 0 is a placeholder, as GLPK wants.
    var ia: [Int32], ja: [Int32], ar: [Double]

    var rowCount: Int { matrix.rowCount }
    var columnCount: Int { matrix.columnCount }
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
        (columnType, columnLower, columnUpper) = Self.glpkBounds(matrix.columnLower, matrix.columnUpper)
        (rowType, rowLower, rowUpper) = Self.glpkBounds(matrix.rowLower, matrix.rowUpper)
        ia = [0] + matrix.tripletRow.lazy.map { $0 + 1 }
        ja = [0] + matrix.tripletColumn.lazy.map { $0 + 1 }
        ar = [0] + matrix.tripletValue
    }

    /// GLPK's bound types and bounds for `lower[k] <= x[k] <= upper[k]`.
    static func glpkBounds(_ lower: [Double], _ upper: [Double]) -> ([Int32], [Double], [Double]) {
        var types = [Int32](), lo = [Double](), hi = [Double]()
        types.reserveCapacity(lower.count)
        lo.reserveCapacity(lower.count)
        hi.reserveCapacity(lower.count)
        for (l, u) in zip(lower, upper) {
            let (type, a, b) = glpkBounds(l, u)
            types.append(type)
            lo.append(a)
            hi.append(b)
        }
        return (types, lo, hi)
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
        try withBaseAddresses(of: [objective, columnLower, columnUpper, rowLower, rowUpper, ar]) { real in
        try withBaseAddresses(of: [columnType, columnKind, rowType, ia, ja]) { int in
            var d = fp_problem_data()
            d.nrows = Int32(rowCount)
            d.ncols = Int32(columnCount)
            d.nnz = Int32(nonzeroCount)
            d.obj_dir = maximize ? GLP_MAX : GLP_MIN
            d.obj_const = objectiveConstant
            (d.obj, d.col_lb, d.col_ub, d.row_lb, d.row_ub, d.ar) = (real[0], real[1], real[2], real[3], real[4], real[5])
            (d.col_type, d.col_kind, d.row_type, d.ia, d.ja) = (int[0], int[1], int[2], int[3], int[4])
            return try withUnsafePointer(to: &d) { try body($0) }
        }}
    }
}
