import Foundation
import LinearModel
import XCTest
@testable import GLPKSolver

/// Exported LP and MPS files solve to the same optimum in glpsol.
final class ExportTests: XCTestCase {
    /// Runs glpsol on `file` and returns the objective from its report ("Objective:  obj = 585 (MINimum)").
    func glpsolObjective(_ file: String, format: ModelFileFormat, maximize: Bool) throws -> Double {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("glpsol-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: report) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        p.arguments = (format == .lp ? ["--lp", file] : ["--freemps", file]) + (maximize ? ["--max"] : []) + ["-o", report]
        p.standardOutput = FileHandle.nullDevice  // glpsol's progress chatter, not its report
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, "glpsol failed on \(file)")
        let text = try String(contentsOfFile: report, encoding: .utf8)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        // "Objective:  obj = 585 (MINimum)": the number after "=".
        let value = line.split(separator: "=")[1].split(separator: " ")[0]
        return try XCTUnwrap(Double(value))
    }

    func exportAndSolve(_ m: Model, expected: Double, file: StaticString = #filePath, line: UInt = #line) throws {
        let solver = GLPKSolver()
        XCTAssertEqual(try solver.solve(m).objectiveValue!, expected, accuracy: 1e-6, file: file, line: line)
        for format in ModelFileFormat.allCases {
            let path = FileManager.default.temporaryDirectory
                .appendingPathComponent("export-\(UUID().uuidString).\(format.rawValue)").path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try solver.export(m, format: format, to: path)
            let value = try glpsolObjective(path, format: format, maximize: m.objective.sense == .maximize)
            XCTAssertEqual(value, expected, accuracy: 1e-6, "\(format)", file: file, line: line)
        }
    }

    /// Wyndor Glass (max 3x + 5y, x <= 4, 2y <= 12, 3x + 2y <= 18): 36 at (2, 6).
    func testWyndorRoundTrip() throws {
        var m = Model(name: "wyndor")
        let x = m.addVariable(name: "x"), y = m.addVariable(name: "y")
        m.addConstraint(name: "plant1", LinearExpression(x), .lessEqual(4))
        m.addConstraint(name: "plant2", 2 * y, .lessEqual(12))
        m.addConstraint(name: "plant3", 3 * x + 2 * y, .lessEqual(18))
        m.setObjective(.maximize, 3 * x + 5 * y)
        try exportAndSolve(m, expected: 36)
    }

    /// Knapsack (values 10 13 7 8, weights 5 7 4 3, capacity 14): 28, as in MILPTests.
    func testKnapsackRoundTrip() throws {
        var m = Model(name: "knapsack")
        let values = [10.0, 13, 7, 8], weights = [5.0, 7, 4, 3]
        let x = (0..<4).map { m.addVariable(name: "take\($0)", kind: .binary) }
        m.addConstraint(name: "capacity", LinearExpression(terms: zip(weights, x).map { ($0, $1) }), .lessEqual(14))
        m.setObjective(.maximize, LinearExpression(terms: zip(values, x).map { ($0, $1) }))
        try exportAndSolve(m, expected: 28)
    }

    /// Awkward names (spaces, dashes, brackets, a leading digit, a keyword, duplicates), a
    /// ranged row, a free variable, an equality and an objective constant:
    /// min a + 2b + c + 100, a + b in [2, 8], b - c = 1, a + c >= -1, a, b >= 0, c free.
    /// With b = 1 + c (so c >= -1) the cost is a + 3c + 102 subject to a + c >= 1: raising
    /// c by 1 saves 1 of a but costs 3, so c = -1, a = 2, b = 0: cost 101.
    func testAwkwardNamesConstantRangedAndFree() throws {
        var m = Model(name: "option a/1 (draft)")
        let a = m.addVariable(name: "units of x-1 [uk]")
        let b = m.addVariable(name: "units of x-1 [uk]")
        let c = m.addVariable(name: "2nd", lowerBound: -.infinity)
        m.addConstraint(name: "free", a + b, .ranged(2, 8))
        m.addConstraint(name: "link", b - c, .equal(1))
        m.addConstraint(name: "floor", a + c, .greaterEqual(-1))
        m.setObjective(.minimize, a + 2 * b + c + 100)
        try exportAndSolve(m, expected: 101)
        let lp = try GLPKSolver.exportText(m, format: .lp)
        XCTAssertTrue(lp.contains("units_of_x_1__uk_~2"), lp)  // the duplicate got a suffix
        XCTAssertTrue(lp.contains("_2nd"), lp)                  // no leading digit
        XCTAssertTrue(lp.contains("_free:"), lp)                // not the keyword "free"
        XCTAssertTrue(lp.contains("100 _constant"), lp)         // the constant survives
    }

    /// No constraints: max a + 1, a <= 2 -> 3; GLPK's LP reader needs a row.
    func testModelWithoutConstraints() throws {
        var m = Model()
        let a = m.addVariable(name: "a", upperBound: 2)
        m.setObjective(.maximize, a + 1)
        try exportAndSolve(m, expected: 3)
    }

    /// Exports state the model as written: fractional bounds of an integer variable are not
    /// rounded (solving rounds them inward; see MILPTests).
    func testIntegerBoundsExportedAsWritten() throws {
        var m = Model()
        let n = m.addVariable(name: "n", kind: .integer, lowerBound: 0.5, upperBound: 3.7)
        m.addConstraint(name: "c", LinearExpression(n), .lessEqual(10))
        m.setObjective(.maximize, LinearExpression(n))
        let lp = try GLPKSolver.exportText(m, format: .lp)
        XCTAssertTrue(lp.contains("0.5 <= n <= 3.7"), lp)
    }
}
