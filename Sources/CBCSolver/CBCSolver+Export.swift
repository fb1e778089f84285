import Foundation
import LinearModel

extension CBCSolver {
    /// Writes `model` to `path` in LP format with CBC's (CoinUtils') writer, with the
    /// model's names, as CBC reads it: a maximisation is written as the minimisation of the
    /// negated objective. GLPKSolver's export is the project's reference format (`forceplan
    /// export`); this one shows what CBC itself was given, for `cbc FILE solve`.
    ///
    /// ```swift
    /// try CBCSolver().export(model, format: .lp, to: "stage.lp")
    /// ```
    ///
    /// - Throws: `ModelError` for invalid models; `SolverError` `.writeFailed`,
    ///   also for `.mps`: CBC 2.10's C API writes MPS files only gzip-compressed.
    public func export(_ model: Model, format: ModelFileFormat, to path: String) throws {
        try model.validate()
        guard format == .lp else {
            throw SolverError(.writeFailed, solver: "CBC", path: path, message: "CBC 2.10's C API writes MPS only gzip-compressed; export LP, or use GLPKSolver for MPS")
        }
        let data = CBCProblemData(model, roundIntegerBounds: false)
        // CBC's writers append the extension themselves: write beside, then move.
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("forceplan-cbc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let base = directory.appendingPathComponent("model").path
        try CBCSession.write(data, columnNames: model.variables.map(\.name), rowNames: model.constraints.map(\.name),
                             base: base, mps: format == .mps)
        let written = base + (format == .mps ? ".mps" : ".lp")
        guard FileManager.default.fileExists(atPath: written) else {
            throw SolverError(.writeFailed, solver: "CBC", path: path, message: "CBC wrote no file")
        }
        do {
            if FileManager.default.fileExists(atPath: path) { try FileManager.default.removeItem(atPath: path) }
            try FileManager.default.moveItem(atPath: written, toPath: path)
        } catch {
            throw SolverError(.writeFailed, solver: "CBC", path: path, message: "\(error.localizedDescription)")
        }
    }
}
