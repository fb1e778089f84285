import Foundation
import LinearModel

extension GLPKSolver {
    /// Writes `model` to `path`: `.lp` with `glp_write_lp` (CPLEX LP), `.mps` with
    /// `glp_write_mps` (free MPS).
    ///
    /// Names are made safe for both formats (``ExportNames``): characters the CPLEX LP
    /// format does not allow become `_`, and repeated names get a `~2`, `~3`, ...
    /// suffix, so the file always reads back. Two GLPK quirks are worked around so that
    /// `glpsol` finds the same optimum: a non-zero objective constant becomes a column
    /// `_constant` fixed at 1 (GLPK's LP writer keeps constants only as a comment, and MPS
    /// readers disagree on the sign of an objective RHS), and a model without constraints
    /// gets the row `_empty: _zero >= 0` with a column `_zero` fixed at 0 (GLPK cannot
    /// read back an LP file without rows). MPS has no objective sense: a maximisation
    /// says so in a header comment (`glpsol --freemps FILE --max`).
    ///
    /// ```swift
    /// try GLPKSolver().export(model, format: .lp, to: "option-a.lp")
    /// // glpsol --lp option-a.lp -o option-a.txt
    /// ```
    ///
    /// - Throws: `ModelError` for invalid models, `SolverError` `.writeFailed`
    ///   when the file cannot be written.
    public func export(_ model: Model, format: ModelFileFormat, to path: String) throws {
        try Self.write(model, format: format, to: path)
    }

    /// The text `export` would write for `model` in `format`.
    ///
    /// ```swift
    /// let lp = try GLPKSolver.exportText(model, format: .lp)
    /// ```
    public static func exportText(_ model: Model, format: ModelFileFormat) throws -> String {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("forceplan-export-\(UUID().uuidString).\(format.rawValue)")
        defer { try? FileManager.default.removeItem(at: url) }
        try write(model, format: format, to: url.path)
        return try String(contentsOf: url, encoding: .utf8)
    }

    private static func write(_ model: Model, format: ModelFileFormat, to path: String) throws {
        try model.validate()
        let data = ProblemData(model, roundIntegerBounds: false)
        let names = ExportNames(model)
        try GLPKSession.run(log: nil) { problem in
            try problem.load(data)
            try problem.setNames(names.buffer, rows: model.constraintCount, columns: model.variableCount)
            try problem.prepareExport(constantColumn: names.constantColumn, zeroColumn: names.zeroColumn,
                                      placeholderRow: names.placeholderRow)
            try problem.write(format: format == .lp ? 0 : 1, path: path)
        }
        if format == .mps && model.objective.sense == .maximize {
            try noteMaximization(inMPSFile: path)
        }
    }

    /// Adds `* Sense: MAXimize` after the header comments GLPK writes.
    private static func noteMaximization(inMPSFile path: String) throws {
        var text = try String(contentsOfFile: path, encoding: .utf8)
        let note = "* Sense:      MAXimize (MPS cannot say so; use glpsol --max)\n"
        if let nameLine = text.range(of: "\nNAME") {
            text.insert(contentsOf: "\n" + note.dropLast(), at: nameLine.lowerBound)
        } else {
            text = note + text
        }
        try text.write(toFile: path, atomically: false, encoding: .utf8)
    }
}

/// Names for an exported model: valid in CPLEX LP and free MPS, and unique.
///
/// Allowed characters are letters, digits and ``allowedPunctuation``; a name may not
/// start with a digit or a period, nor be an LP keyword; GLPK accepts at most 255 bytes.
struct ExportNames {
    static let allowedPunctuation = Set("!\"#$%&()/,.;?@_`'{}|~")
    static let keywords: Set<String> = [
        "min", "max", "minimize", "maximize", "minimum", "maximum", "st", "s.t.", "st.",
        "subject", "such", "bounds", "bound", "free", "inf", "infinity", "general",
        "generals", "gen", "integer", "integers", "int", "binary", "binaries", "bin", "end",
    ]

    /// Problem name, row names, column names, each NUL-terminated, back to back.
    private(set) var buffer: [CChar] = []
    /// Names of the export helpers (see `GLPKSolver.export`).
    private(set) var constantColumn = "_constant"
    private(set) var zeroColumn = "_zero"
    private(set) var placeholderRow = "_empty"
    private var used: Set<String> = ["obj"]

    init(_ model: Model) {
        append(Self.clean(model.name, fallback: "model"))
        for (i, c) in model.constraints.enumerated() { append(unique(Self.clean(c.name, fallback: "r\(i + 1)"))) }
        for (j, v) in model.variables.enumerated() { append(unique(Self.clean(v.name, fallback: "x\(j + 1)"))) }
        constantColumn = unique(constantColumn)
        zeroColumn = unique(zeroColumn)
        placeholderRow = unique(placeholderRow)
    }

    /// `name` with disallowed characters replaced by `_`, made not to look like a number
    /// or a keyword, and cut to fit GLPK's limit (leaving room for a suffix).
    static func clean(_ name: String, fallback: String) -> String {
        var s = String(name.map { c -> Character in
            c.isASCII && (c.isLetter || c.isNumber || allowedPunctuation.contains(c)) ? c : "_"
        })
        if s.isEmpty { s = fallback }
        if let first = s.first, first.isNumber || first == "." || keywords.contains(s.lowercased()) {
            s = "_" + s
        }
        if s.utf8.count > 240 { s = String(s.prefix(240)) }
        return s
    }

    private mutating func unique(_ name: String) -> String {
        var candidate = name
        var k = 2
        while used.contains(candidate) {
            candidate = "\(name)~\(k)"
            k += 1
        }
        used.insert(candidate)
        return candidate
    }

    private mutating func append(_ name: String) {
        buffer.append(contentsOf: name.utf8CString)
    }
}
