import CCBCShim
import Foundation
@_spi(Backend) import LinearModel

/// Every call into CBC goes through here: one shim session per solve or export.
struct CBCSession {
    var outcome: fp_cbc_outcome
    /// One value per column when `outcome.has_solution`.
    var values: [Double]

    /// Waits for CBC's process-wide lock until `deadline` (on `fp_cbc_clock`) at most
    /// (`outcome.no_time` when it passes), loads `data`, gives CBC the time left, applies
    /// `parameters` (CBC command-line names without the dash),
    /// offers the MIP start, solves, and copies the outcome out; the CBC model is freed
    /// before this returns.
    static func run(_ data: CBCProblemData, deadline: Double?, _ parameters: [(String, String)], startIndex: [Int32],
                    startValue: [Double], log: (@Sendable (String) -> Void)?) throws -> CBCSession {
        var values = [Double](repeating: 0, count: data.columnCount)
        var outcome = fp_cbc_outcome()
        let names = parameters.map { strdup($0.0) }
        let texts = parameters.map { strdup($0.1) }
        defer { names.forEach { free($0) }; texts.forEach { free($0) } }
        let logInfo = log.map(LogRelay.retain)
        defer { logInfo.map(LogRelay.release) }
        let rc = data.withCProblem { problem -> Int32 in
            constant(names).withUnsafeBufferPointer { n in
            constant(texts).withUnsafeBufferPointer { t in
            startIndex.withUnsafeBufferPointer { si in
            startValue.withUnsafeBufferPointer { sv in
            values.withUnsafeMutableBufferPointer { out in
                fp_cbc_solve(problem, deadline ?? .infinity, n.baseAddress, t.baseAddress, Int32(parameters.count),
                             si.baseAddress, sv.baseAddress, Int32(startIndex.count),
                             logInfo == nil ? nil : LogRelay.function, logInfo,
                             out.baseAddress, &outcome)
            }}}}}
        }
        if rc == 2 { throw SolverError(.reentrantCall, solver: "CBC") }
        if rc != 0 { throw SolverError(.internalError, solver: "CBC", operation: "solve", message: errorText(&outcome.error)) }
        if outcome.has_solution == 0 { values = [] }
        return CBCSession(outcome: outcome, values: values)
    }

    /// Writes `data` with names to `base` + ".lp" or ".mps".
    static func write(_ data: CBCProblemData, columnNames: [String], rowNames: [String], base: String,
                      mps: Bool) throws {
        let cols = columnNames.map { strdup($0) }
        let rows = rowNames.map { strdup($0) }
        defer { cols.forEach { free($0) }; rows.forEach { free($0) } }
        var error = [CChar](repeating: 0, count: 256)
        let rc = data.withCProblem { problem -> Int32 in
            constant(cols).withUnsafeBufferPointer { c in
            constant(rows).withUnsafeBufferPointer { r in
                fp_cbc_write(problem, c.baseAddress, r.baseAddress, base, mps ? 1 : 0, &error)
            }}
        }
        if rc == 2 { throw SolverError(.reentrantCall, solver: "CBC") }
        if rc != 0 { throw SolverError(.writeFailed, solver: "CBC", path: base, message: String(decoding: error.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)) }
    }

    private static func constant(_ strings: [UnsafeMutablePointer<CChar>?]) -> [UnsafePointer<CChar>?] {
        strings.map { $0.map { UnsafePointer($0) } }
    }

    private static func errorText<T>(_ tuple: inout T) -> String {
        withUnsafeBytes(of: &tuple) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
