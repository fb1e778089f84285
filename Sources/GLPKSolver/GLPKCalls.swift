import CGLPK
import CGLPKShim
import Foundation
@_spi(Backend) import LinearModel

// Every GLPK call of this module goes through this file, and from here through the C
// shim, which traps GLPK errors (see CGLPKShim.h). Swift never calls a glp_* function that
// can raise an error; the only ones it calls directly are glp_init_smcp/glp_init_iocp
// (plain struct initialisers) and glp_version.

/// One solve or export on the calling thread: marks the thread busy (GLPK state is per
/// thread and calls cannot nest), routes GLPK output to `log`, and owns one problem that
/// it deletes at the end, whatever happens.
enum GLPKSession {
    static func run<T>(log: (@Sendable (String) -> Void)?, _ body: (GLPKProblem) throws -> T) throws -> T {
        guard fp_enter() != 0 else { throw SolverError(.reentrantCall, solver: "GLPK") }
        // Last of the defers to run: GLPK's per-thread environment goes too, so a thread
        // that exits after solving leaks nothing (GLPK never frees it by itself).
        defer {
            fp_release_env()
            fp_leave()
        }
        let logInfo = log.map(LogRelay.retain)
        if let logInfo { fp_set_log(LogRelay.function, logInfo) }
        defer {
            fp_set_log(nil, nil)
            logInfo.map(LogRelay.release)
        }
        let problem = try GLPKProblem()
        defer { problem.delete() }
        return try body(problem)
    }

    /// Throws the trapped error when `status` says the shim caught one.
    static func check(_ status: Int32, _ operation: String) throws {
        guard status != Int32(FP_OK) else { return }
        throw SolverError(.internalError, solver: "GLPK", operation: operation, message: String(cString: fp_last_error()))
    }
}


/// A `glp_prob` of the current thread. After a trapped error GLPK's environment (and the
/// problem with it) is gone, so `delete` checks the environment generation first.
final class GLPKProblem {
    let pointer: OpaquePointer
    private let generation: UInt

    init() throws {
        guard let p = fp_create_prob() else {
            throw SolverError(.internalError, solver: "GLPK", operation: "glp_create_prob",
                              message: String(cString: fp_last_error()))
        }
        pointer = p
        generation = fp_env_generation()
    }

    var isAlive: Bool { fp_env_generation() == generation }

    func delete() {
        if isAlive { _ = fp_delete_prob(pointer) }
    }

    func load(_ data: ProblemData) throws {
        try data.withCData { try GLPKSession.check(fp_load(pointer, $0), "glp_load_matrix") }
    }

    /// Tests only: an invalid GLPK call on this problem, trapped and thrown like any other.
    func invalidCallForTesting() throws {
        try GLPKSession.check(fp_test_invalid_call_on(pointer), "glp_set_obj_coef")
    }

    /// Sets names from a NUL-separated buffer: problem, rows, columns.
    func setNames(_ buffer: [CChar], rows: Int, columns: Int) throws {
        try buffer.withUnsafeBufferPointer {
            try GLPKSession.check(fp_set_names(pointer, $0.baseAddress, Int32(rows), Int32(columns)), "glp_set_col_name")
        }
    }

    /// See `fp_prepare_export`: objective constant as a fixed column; a row if none.
    func prepareExport(constantColumn: String, zeroColumn: String, placeholderRow: String) throws {
        try GLPKSession.check(fp_prepare_export(pointer, constantColumn, zeroColumn, placeholderRow), "glp_add_cols")
    }

    func simplex(scaleFlags: Int32, advancedBasis: Bool, parameters: glp_smcp) throws -> GLPKReturnCode {
        var rc: Int32 = 0
        var parm = parameters
        try GLPKSession.check(fp_simplex(pointer, scaleFlags, advancedBasis ? 1 : 0, &parm, &rc), "glp_simplex")
        return GLPKReturnCode(rawValue: rc)
    }

    struct LPSolution {
        var status: Int32
        var objective: Double
        var values: [Double]
        var rowDuals: [Double]?
        var reducedCosts: [Double]?
    }

    /// Reads the LP solution; `rows` and `columns` size the buffers (the shim never writes
    /// more), so pass the problem's own counts to get every value.
    func readLP(rows: Int, columns: Int, duals: Bool) throws -> LPSolution {
        var status: Int32 = 0, obj = 0.0
        var values = [Double](repeating: 0, count: columns)
        var rowDuals = [Double](repeating: 0, count: duals ? rows : 0)
        var reduced = [Double](repeating: 0, count: duals ? columns : 0)
        let rc = values.withUnsafeMutableBufferPointer { v in
            rowDuals.withUnsafeMutableBufferPointer { r in
                reduced.withUnsafeMutableBufferPointer { d in
                    // An empty Swift array's base address is a shared global: never hand
                    // it to C as a buffer to fill.
                    fp_read_lp(pointer, &status, &obj, Int32(duals ? rows : 0), Int32(columns),
                               columns > 0 ? v.baseAddress : nil,
                               duals && rows > 0 ? r.baseAddress : nil,
                               duals && columns > 0 ? d.baseAddress : nil)
                }
            }
        }
        try GLPKSession.check(rc, "glp_get_col_prim")
        return LPSolution(status: status, objective: obj, values: values,
                          rowDuals: duals ? rowDuals : nil, reducedCosts: duals ? reduced : nil)
    }

    func clearObjective() throws {
        try GLPKSession.check(fp_clear_objective(pointer), "glp_set_obj_coef")
    }

    func intopt(parameters: inout glp_iocp, context: UnsafeMutablePointer<fp_mip_ctx>) throws -> GLPKReturnCode {
        var rc: Int32 = 0
        try GLPKSession.check(fp_intopt(pointer, &parameters, context, &rc), "glp_intopt")
        return GLPKReturnCode(rawValue: rc)
    }

    /// Runs the shim's root cut loop (`fp_root_cuts`) on an optimal LP basis; `context`
    /// carries the inputs in and the statistics out.
    func rootCuts(_ context: inout fp_rootcut_ctx) throws {
        try GLPKSession.check(fp_root_cuts(pointer, &context), "root cut loop")
    }

    func readMIP(columns: Int) throws -> (status: Int32, objective: Double, values: [Double]) {
        var status: Int32 = 0, obj = 0.0
        var values = [Double](repeating: 0, count: columns)
        let rc = values.withUnsafeMutableBufferPointer { v in
            fp_read_mip(pointer, &status, &obj, Int32(columns), columns > 0 ? v.baseAddress : nil)
        }
        try GLPKSession.check(rc, "glp_mip_col_val")
        return (status, obj, values)
    }

    /// Writes the problem; GLPK's own failure (e.g. unwritable path) throws `writeFailed`.
    func write(format: Int32, path: String) throws {
        var rc: Int32 = 0
        try GLPKSession.check(fp_write(pointer, format, path, &rc), format == 0 ? "glp_write_lp" : "glp_write_mps")
        if rc != 0 {
            throw SolverError(.writeFailed, solver: "GLPK", path: path, message: String(cString: fp_last_error()))
        }
    }
}

/// Wall-clock budget of one solve, shared by its simplex and branch-and-bound phases.
struct SolveClock {
    let start = Date()
    let limit: Double?

    var elapsed: Double { Date().timeIntervalSince(start) }

    /// Milliseconds left for GLPK's `tm_lim` (INT32_MAX: no limit; at least 1).
    var remainingMilliseconds: Int32 {
        guard let limit else { return Int32.max }
        let ms = (limit - elapsed) * 1000
        if !(ms > 1) { return 1 }
        return ms >= Double(Int32.max) ? Int32.max : Int32(ms)
    }

    var expired: Bool {
        guard let limit else { return false }
        return elapsed >= limit
    }
}

extension GLPKSession {
    /// Makes an invalid GLPK call (a column index out of range) under the guard, on the
    /// calling thread, and throws the trapped `SolverError`. For tests of the error trap.
    static func trapInvalidCallForTesting() throws {
        guard fp_enter() != 0 else { throw SolverError(.reentrantCall, solver: "GLPK") }
        defer { fp_leave() }
        try check(fp_test_invalid_call(), "glp_set_obj_coef")
    }
}
