import CBCSolver
import ForcePlanner
import ForceScenario
import Foundation
import GLPKSolver
import LinearModel
import XCTest

/// CBC has returned wrong "optimal" answers in older releases: every shipped scenario and
/// a few seeded random ones are planned by both backends, and every option must get the
/// same status and, when optimal, the same lexicographic objective values (docs/model.md: two
/// correct implementations agree to 1e-6 relative, even where assignments differ).
final class CBCCrossCheckTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Lexicographic solves only (no alternatives, no binding search), 60 s per option as
    /// a safety net.
    static let settings = PlannerSettings(timeLimit: 60, alternatives: false, findBinding: false)

    /// GLPK as `forceplan plan` runs it: its portfolio of configurations.
    static func glpkPlanner(_ s: Scenario) -> Planner {
        var settings = Self.settings
        settings.alternateSolvers = Array(GLPKSolver.portfolio.dropFirst())
        return Planner(scenario: s, solver: GLPKSolver.portfolio[0], settings: settings)
    }

    static func cbcPlanner(_ s: Scenario) -> Planner {
        Planner(scenario: s, solver: CBCSolver(), settings: Self.settings)
    }

    /// Where two reports on the same scenario disagree, one line each; empty when they agree.
    /// Both must be proven (optimal or infeasible): an unproven answer proves nothing.
    static func disagreements(_ a: PlanReport, _ b: PlanReport, label: String) -> [String] {
        var out: [String] = []
        guard a.options.count == b.options.count else { return ["\(label): option counts differ"] }
        for (x, y) in zip(a.options, b.options) {
            let id = "\(label) option \(x.option.id)"
            for r in [x, y] where r.status != .optimal && r.status != .infeasible {
                out.append("\(id): not proven (\(r.status), \(r.message ?? ""))")
            }
            guard x.status == y.status else { out.append("\(id): GLPK \(x.status), CBC \(y.status)"); continue }
            guard let p = x.plan, let q = y.plan else { continue }
            for (u, v) in zip(p.objectives, q.objectives) where !agree(u.value, v.value) {
                out.append("\(id) \(u.objective): GLPK \(u.value), CBC \(v.value)")
            }
            if p.objectives.count != q.objectives.count { out.append("\(id): objective lists differ") }
        }
        return out
    }

    /// docs/model.md's tolerance: `max(1e-6, 1e-6 * |v|)`.
    static func agree(_ u: Double, _ v: Double) -> Bool {
        abs(u - v) <= max(1e-6, 1e-6 * max(abs(u), abs(v)))
    }

    /// The comparison itself catches a disagreement: 1,000 and 1,000.01 differ by 1e-5
    /// relative (more than 1e-6), 1,000 and 1,000.0005 by 5e-7 (less).
    func testComparisonFlagsValuesApartByMoreThanOnePartPerMillion() {
        XCTAssertFalse(Self.agree(1000, 1000.01))
        XCTAssertTrue(Self.agree(1000, 1000.0005))
        XCTAssertTrue(Self.agree(0, 5e-7))
        XCTAssertFalse(Self.agree(0, 2e-6))
    }

    /// Every option of every file under `scenarios/`.
    func testEveryShippedScenarioGetsTheSameLexicographicValuesFromCBCAndGLPK() throws {
        let directory = Self.packageRoot.appendingPathComponent("scenarios")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 5)
        var compared = 0
        for file in files {
            let s = try ScenarioLoader.load(file: directory.appendingPathComponent(file).path).scenario
            let glpk = Self.glpkPlanner(s).planAll(), cbc = Self.cbcPlanner(s).planAll()
            XCTAssertEqual(Self.disagreements(glpk, cbc, label: file), [])
            // A file whose options are all infeasible (the Turkey what-if) is compared on its
            // statuses alone; every other file must have had a plan compared.
            XCTAssertTrue(cbc.options.contains { $0.plan != nil } || cbc.options.allSatisfy { $0.status == .infeasible },
                          "\(file): no plan was compared")
            compared += cbc.options.filter { $0.plan != nil }.count
        }
        XCTAssertGreaterThanOrEqual(compared, 20, "plans compared across the shipped files")
    }

    /// Seeded random coalitions of 12 to 20 nations, every option.
    func testSeededRandomScenariosGetTheSameLexicographicValuesFromCBCAndGLPK() {
        for (nations, seed) in [(12, 1), (15, 2), (18, 3), (20, 4)] as [(Int, UInt64)] {
            let s = RandomScenario.make(nations: nations, seed: seed)
            let glpk = Self.glpkPlanner(s).planAll(), cbc = Self.cbcPlanner(s).planAll()
            XCTAssertEqual(Self.disagreements(glpk, cbc, label: "random \(nations) nations seed \(seed)"), [])
            XCTAssertTrue(cbc.options.contains { $0.plan != nil }, "seed \(seed): no plan was compared")
        }
    }
}
