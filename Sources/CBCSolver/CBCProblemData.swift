import CCBCShim
@_spi(Backend) import LinearModel

/// A model in the arrays `Cbc_loadProblem` takes: ``ModelMatrix`` column-compressed (rows
/// ascending within a column), bounds with ±`Double.greatestFiniteMagnitude` for "none"
/// (CBC's `COIN_DBL_MAX`), and integrality flags per column.
///
/// - Complexity: O(variables + constraints + terms), with no sorting or hashing.
struct CBCProblemData {
    /// The solver-independent form this was made from (for point checks).
    let matrix: ModelMatrix
    var maximize: Bool { matrix.maximize }
    var objectiveConstant: Double { matrix.objectiveConstant }
    /// The objective; the unboundedness check solves with a zero one.
    var objective: [Double]
    var columnLower: [Double]
    var columnUpper: [Double]
    var isInteger: [CChar]
    var rowLower: [Double]
    var rowUpper: [Double]
    /// The matrix column by column.
    let byColumn: ModelMatrix.ColumnCompressed
    var columnCount: Int { matrix.columnCount }
    var rowCount: Int { matrix.rowCount }

    /// Flattens `model` (``ModelMatrix``). Integer bounds are rounded inward when
    /// `roundIntegerBounds` (for solving); an export keeps them as written.
    init(_ model: Model, roundIntegerBounds: Bool = true) {
        let matrix = ModelMatrix(model, roundIntegerBounds: roundIntegerBounds)
        self.matrix = matrix
        objective = matrix.objective
        columnLower = matrix.columnLower.map(Self.finite)
        columnUpper = matrix.columnUpper.map(Self.finite)
        isInteger = matrix.isInteger.map { $0 ? 1 : 0 }
        rowLower = matrix.rowLower.map(Self.finite)
        rowUpper = matrix.rowUpper.map(Self.finite)
        byColumn = matrix.columnCompressed()
    }

    /// CBC reads bounds beyond ±1e30 as none; it is given its own infinity.
    static func finite(_ x: Double) -> Double {
        x == .infinity ? .greatestFiniteMagnitude : (x == -.infinity ? -.greatestFiniteMagnitude : x)
    }

    /// Calls `body` with the C view of these arrays (valid only inside `body`).
    func withCProblem<T>(_ body: (UnsafePointer<fp_cbc_problem>) throws -> T) rethrows -> T {
        try withBaseAddresses(of: [byColumn.value, columnLower, columnUpper, objective, rowLower, rowUpper]) { real in
        try withBaseAddresses(of: [byColumn.start, byColumn.index]) { int in
        try isInteger.withUnsafeBufferPointer { flags in
            var p = fp_cbc_problem()
            p.ncols = Int32(columnCount)
            p.nrows = Int32(rowCount)
            (p.start, p.index) = (int[0], int[1])
            (p.value, p.col_lb, p.col_ub, p.obj, p.row_lb, p.row_ub) = (real[0], real[1], real[2], real[3], real[4], real[5])
            p.is_int = flags.baseAddress
            p.maximize = maximize ? 1 : 0
            return try withUnsafePointer(to: &p) { try body($0) }
        }}}
    }
}
