import Foundation
import LinearModel
import XCTest
@testable import CBCSolver

/// CBC's LP writer, read back by the `cbc` program (Debian coinor-cbc, CoinLpIO).
final class CBCExportTests: XCTestCase {
    /// The MILP max 5x + 4y, 6x + 4y <= 24, x + 2y <= 6 (optimum 20 by hand, see the
    /// conformance suite) written by CBCSolver, as min -5x - 4y, and solved by `cbc`: -20.
    func testExportedLPSolvesToTheSameOptimumInTheCbcProgram() throws {
        var m = Model()
        let x = m.addVariable(name: "x", kind: .integer), y = m.addVariable(name: "y", kind: .integer)
        m.addConstraint(name: "a", 6 * x + 4 * y, .lessEqual(24))
        m.addConstraint(name: "b", x + 2 * y, .lessEqual(6))
        m.setObjective(.maximize, 5 * x + 4 * y)
        let dir = NSTemporaryDirectory() + "cbc-export-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try CBCSolver().export(m, format: .lp, to: dir + "m.lp")
        let text = try String(contentsOfFile: dir + "m.lp", encoding: .utf8)
        XCTAssertTrue(text.contains("a:") && text.contains("b:"), text)

        let cbc = Process()
        cbc.executableURL = URL(fileURLWithPath: "/usr/bin/cbc")
        cbc.arguments = [dir + "m.lp", "solve"]
        let pipe = Pipe()
        cbc.standardOutput = pipe
        try cbc.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        cbc.waitUntilExit()
        XCTAssertTrue(out.contains("Optimal solution found"), out)
        let objectiveLine = out.split(separator: "\n").first { $0.hasPrefix("Objective value:") } ?? ""
        XCTAssertEqual(Double(objectiveLine.split(separator: " ").last ?? "") ?? .nan, -20, accuracy: 1e-9)
    }

    /// MPS is refused with a clear error (CBC 2.10 writes it only gzip-compressed), and a
    /// directory that does not exist gives `SolverError` `.writeFailed` too: no crash.
    func testExportOfMPSOrToMissingDirectoryThrows() {
        var m = Model()
        let x = m.addVariable(name: "x")
        m.setObjective(.minimize, LinearExpression(x))
        XCTAssertThrowsError(try CBCSolver().export(m, format: .mps, to: NSTemporaryDirectory() + "m.mps")) { error in
            XCTAssertTrue("\(error)".contains("gzip"), "\(error)")
        }
        XCTAssertThrowsError(try CBCSolver().export(m, format: .lp, to: "/no/such/dir/m.lp")) { error in
            XCTAssertEqual((error as? SolverError)?.code, .writeFailed, "\(error)")
        }
    }
}
