import ForcePlanTestSupport
import Foundation
import XCTest

/// `--solver glpk|cbc` on `plan` and `export`.
final class SolverFlagCommandTests: XCTestCase {
    func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        try ForcePlanCLI.run(arguments)
    }

    /// The objective values of every option in `plan --format json` output.
    func objectives(_ json: String) throws -> [String: [String: Double]] {
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let options = try XCTUnwrap(object?["options"] as? [[String: Any]])
        var out: [String: [String: Double]] = [:]
        for o in options {
            let id = try XCTUnwrap(o["id"] as? String)
            out[id] = o["objectives"] as? [String: Double] ?? [:]
        }
        return out
    }

    /// The tutorial planned with CBC: exit 0, every option optimal, and the same objective
    /// values as with GLPK (whose values the tutorial's hand solution checks).
    func testPlanWithCBCGivesGLPKsObjectiveValues() throws {
        let args = ["plan", "scenarios/tutorial.yaml", "--format", "json", "--no-alternatives", "--no-binding", "--quiet"]
        let glpk = try run(args + ["--solver", "glpk"]), cbc = try run(args + ["--solver", "cbc"])
        XCTAssertEqual(glpk.status, 0, glpk.stderr)
        XCTAssertEqual(cbc.status, 0, cbc.stderr)
        XCTAssertFalse(cbc.stdout.contains("\"feasible\""))
        let a = try objectives(glpk.stdout), b = try objectives(cbc.stdout)
        XCTAssertEqual(a.keys.sorted(), b.keys.sorted())
        XCTAssertFalse(a.isEmpty)
        for (id, values) in a {
            for (name, v) in values {
                XCTAssertEqual(b[id]?[name] ?? .nan, v, accuracy: max(1e-6, 1e-6 * abs(v)), "\(id) \(name)")
            }
        }
    }

    /// An unknown solver: a usage error (exit 2, the usage line) with a suggestion, before
    /// any planning.
    func testUnknownSolverExitsTwoWithASuggestion() throws {
        let result = try run(["plan", "scenarios/tutorial.yaml", "--solver", "cbd"])
        XCTAssertEqual(result.status, 2)
        XCTAssertEqual(result.stdout, "")
        XCTAssertEqual(result.stderr, """
            Error: --solver cbd: unknown solver; did you mean 'cbc'?
            Usage: forceplan plan [<options>] <file>
              See 'forceplan plan --help' for more information.

            """)
        XCTAssertEqual(try run(["export", "scenarios/tutorial.yaml", "--lp", "/tmp/x.lp", "--solver", "gurobi"]).status, 2)
    }

    /// Stage 2 of the tutorial's first option fixes stage 1 at its optimum: the same
    /// optimum from either solver, so the same file byte for byte.
    func testExportWithCBCWritesTheSameStageModelAsWithGLPK() throws {
        let dir = NSTemporaryDirectory() + "solver-flag-\(UUID().uuidString)/"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        for solver in ["glpk", "cbc"] {
            let r = try run(["export", "scenarios/tutorial.yaml", "--stage", "2", "--lp", dir + solver + ".lp", "--solver", solver])
            XCTAssertEqual(r.status, 0, r.stderr)
        }
        let a = try String(contentsOfFile: dir + "glpk.lp", encoding: .utf8)
        let b = try String(contentsOfFile: dir + "cbc.lp", encoding: .utf8)
        XCTAssertFalse(a.isEmpty)
        XCTAssertEqual(a, b)
    }
}
