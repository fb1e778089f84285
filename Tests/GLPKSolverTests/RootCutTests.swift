import Foundation
import LinearModel
import XCTest
@testable import GLPKSolver

/// The root cut loop (`GLPKOptions.rootCutRounds`): GLPK's own cut generators at the root,
/// the violated cuts added as rows, the LP solved again, then branch and bound.
final class RootCutTests: XCTestCase {
    static func cutSolver(rounds: Int = 10) -> GLPKSolver {
        var o = GLPKOptions()
        o.rootCutRounds = rounds
        o.rootCutMinimumGain = 0   // run until no cut is violated or the rounds are spent
        o.rootCutsReplacePresolver = true   // solve() presolves by default and has no hint
        return GLPKSolver(options: o)
    }

    /// max x2 s.t. -x1 + x2 <= 1, 3x1 + 2x2 <= 12, 2x1 + 3x2 <= 12, x1, x2 >= 0 integer.
    /// LP optimum where the first and third rows meet: x2 = x1 + 1, 2x1 + 3x1 + 3 = 12, so
    /// x1 = 1.8, x2 = 2.8 (3 * 1.8 + 2 * 2.8 = 11 <= 12): bound 2.8. Integer optimum 2:
    /// x2 = 3 needs x1 >= 2 (first row) and x1 <= 1.5 (third row); x2 = 2 at x1 = 1 is
    /// feasible. So the LP bound is strictly weaker than the optimum.
    static func textbook() -> Model {
        var m = Model()
        let x1 = m.addVariable(name: "x1", kind: .integer, lowerBound: 0, upperBound: 10)
        let x2 = m.addVariable(name: "x2", kind: .integer, lowerBound: 0, upperBound: 10)
        m.addConstraint(name: "a", -1 * x1 + x2, .lessEqual(1))
        m.addConstraint(name: "b", 3 * x1 + 2 * x2, .lessEqual(12))
        m.addConstraint(name: "c", 2 * x1 + 3 * x2, .lessEqual(12))
        m.setObjective(.maximize, LinearExpression(x2))
        return m
    }

    /// Runs glpsol on an LP file, report to a temporary file; returns its objective.
    static func glpsolObjective(_ file: String) throws -> Double {
        let report = FileManager.default.temporaryDirectory.appendingPathComponent("glpsol-\(UUID().uuidString).txt").path
        defer { try? FileManager.default.removeItem(atPath: report) }
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/glpsol")
        p.arguments = ["--lp", file, "-o", report]
        p.standardOutput = FileHandle.nullDevice  // progress chatter; the report is the file
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0)
        let text = try String(contentsOfFile: report, encoding: .utf8)
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("Objective:") })
        return try XCTUnwrap(Double(line.split(separator: "=")[1].split(separator: " ")[0]))
    }

    func testCutLoopTightensBoundAndKeepsOptimum() throws {
        let m = Self.textbook()
        let report = try Self.cutSolver().solveReporting(m)
        let r = report.result
        XCTAssertEqual(r.termination, .optimal)
        XCTAssertEqual(try XCTUnwrap(r.objectiveValue), 2, accuracy: 1e-9)
        XCTAssertEqual(r.values.count, 2)   // cut rows add no values
        let bounds = report.rootBounds
        XCTAssertGreaterThanOrEqual(bounds.count, 2, r.message ?? "")
        XCTAssertEqual(bounds[0], 2.8, accuracy: 1e-9)          // the LP relaxation
        let last = try XCTUnwrap(bounds.last)
        XCTAssertLessThan(last, 2.8 - 1e-3, r.message ?? "")    // tightened (maximising)
        XCTAssertGreaterThanOrEqual(last, 2 - 1e-7)             // and still valid
        for k in 1..<bounds.count { XCTAssertLessThanOrEqual(bounds[k], bounds[k - 1] + 1e-9) }
        XCTAssertTrue(r.message?.contains("gomory") ?? false, r.message ?? "")

        // glpsol on the exported model: the same optimum, and no cut row in the file.
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cuts-\(UUID().uuidString).lp").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.cutSolver().export(m, format: .lp, to: path)
        XCTAssertEqual(try Self.glpsolObjective(path), 2, accuracy: 1e-9)
        XCTAssertEqual(try GLPKSolver.exportText(m, format: .lp), try String(contentsOfFile: path, encoding: .utf8))
    }

    /// max x + y, x + y <= 4, x, y integer in [0, 3]: the LP optimum is a vertex with
    /// integral coordinates ((3, 1) or (1, 3)), objective 4; an integral point violates no
    /// valid cut, so the loop stops in round 1 without a cut.
    func testNoViolatedCutStopsAtRoundOne() throws {
        var m = Model()
        let x = m.addVariable(name: "x", kind: .integer, upperBound: 3)
        let y = m.addVariable(name: "y", kind: .integer, upperBound: 3)
        m.addConstraint(name: "c", x + y, .lessEqual(4))
        m.setObjective(.maximize, x + y)
        let report = try Self.cutSolver().solveReporting(m)
        let r = report.result
        XCTAssertEqual(r.termination, .optimal)
        XCTAssertEqual(r.objectiveValue, 4)
        XCTAssertEqual(report.rootBounds, [4])
        let message = try XCTUnwrap(r.message)
        XCTAssertTrue(message.contains("root cuts: 1 round(s), 0 cut(s)"), message)
        XCTAssertTrue(message.contains("stopped: no violated cut"), message)
    }

    /// With a log handler, each round that added cuts says so, with its bound: the first
    /// round of the textbook MILP starts from the LP bound 2.8 and tightens it.
    func testRoundsAreLogged() throws {
        let log = LogLines()
        var p = SolveParameters()
        p.logHandler = { log.append($0) }
        let r = try Self.cutSolver().solveReporting(Self.textbook(), parameters: p)
        let text = log.text
        XCTAssertTrue(text.contains("Root cuts round 1: "), text)
        let bound = try XCTUnwrap(r.rootBounds.dropFirst().first)
        XCTAssertTrue(text.contains("bound \(String(format: "%.12g", bound))"), text)
    }

    /// The presolver wins by default: with `presolve` and no hint the loop is skipped and
    /// says so; with a hint (no presolver then) it runs. The hint (1, 2) is feasible:
    /// -1 + 2 = 1 <= 1, 3 + 4 = 7 <= 12, 2 + 6 = 8 <= 12.
    func testLoopYieldsToPresolverUnlessAsked() throws {
        var o = GLPKOptions()
        o.rootCutRounds = 5
        let skippedReport = try GLPKSolver(options: o).solveReporting(Self.textbook())
        let skipped = skippedReport.result
        XCTAssertEqual(try XCTUnwrap(skipped.objectiveValue), 2, accuracy: 1e-9)
        XCTAssertEqual(skippedReport.rootBounds, [])
        XCTAssertTrue(skipped.message?.contains("root cuts skipped") ?? false, skipped.message ?? "")
        var p = SolveParameters()
        p.hint = [1, 2]
        let hinted = try GLPKSolver(options: o).solveReporting(Self.textbook(), parameters: p)
        XCTAssertEqual(try XCTUnwrap(hinted.result.objectiveValue), 2, accuracy: 1e-9)
        XCTAssertEqual(try XCTUnwrap(hinted.rootBounds.first), 2.8, accuracy: 1e-9)
    }

    /// Without rounds, no loop runs and nothing is reported.
    func testLoopOffReportsNothing() throws {
        let r = try GLPKSolver().solveReporting(Self.textbook())
        XCTAssertEqual(r.result.objectiveValue, 2)
        XCTAssertEqual(r.rootBounds, [])
    }

    /// A GLPK error inside the loop (an out-of-range column, after the generators and the
    /// pool exist) is trapped: thrown, GLPK's environment freed, and the thread solves on.
    func testErrorInsideCutLoopIsTrapped() throws {
        var solver = Self.cutSolver()
        solver.invalidCallInRootCutRoundForTesting = 1
        XCTAssertThrowsError(try solver.solve(Self.textbook())) { error in
            guard let e = error as? SolverError, e.code == .internalError, let op = e.operation else {
                return XCTFail("unexpected \(error)")
            }
            let message = e.message
            XCTAssertEqual(op, "root cut loop")
            XCTAssertTrue(message.contains("glp_set_obj_coef"), message)
        }
        let r = try Self.cutSolver().solve(Self.textbook())
        XCTAssertEqual(try XCTUnwrap(r.objectiveValue), 2, accuracy: 1e-9)
    }

    /// 4 threads x 25 solves with the loop on: max x + y, x + 2y <= 10 + k, x <= 4,
    /// y integer. LP: x = 4, y = (6 + k) / 2, bound 4 + (6 + k) / 2; optimum
    /// 4 + floor((6 + k) / 2). Odd k leaves y fractional, so cuts are generated.
    func testConcurrentCutLoopsOnFourThreads() throws {
        let threads = 4, solves = 25
        let failures = ErrorBox()
        let done = DispatchSemaphore(value: 0)
        for t in 0..<threads {
            let thread = Thread {
                defer { done.signal() }
                for i in 0..<solves {
                    let k = 2 * i + t % 2
                    var m = Model()
                    let x = m.addVariable(name: "x", upperBound: 4)
                    let y = m.addVariable(name: "y", kind: .integer, upperBound: 100)
                    m.addConstraint(name: "c", x + 2 * y, .lessEqual(Double(10 + k)))
                    m.setObjective(.maximize, x + y)
                    do {
                        let report = try Self.cutSolver().solveReporting(m)
                        let r = report.result
                        let expected = 4 + Double((6 + k) / 2)
                        if r.termination != .optimal || abs((r.objectiveValue ?? .nan) - expected) > 1e-9
                            || abs((report.rootBounds.first ?? .nan) - (4 + Double(6 + k) / 2)) > 1e-9 {
                            failures.set(NSError(domain: "thread \(t) k \(k): \(r)", code: 1))
                        }
                    } catch { failures.set(error) }
                }
            }
            thread.start()
        }
        for _ in 0..<threads { done.wait() }
        XCTAssertNil(failures.error)
    }
}

final class LogLines: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [String] = []
    var text: String { lock.lock(); defer { lock.unlock() }; return parts.joined() }
    func append(_ s: String) { lock.lock(); parts.append(s); lock.unlock() }
}
