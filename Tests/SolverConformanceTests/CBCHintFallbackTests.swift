import CBCSolver
import LinearModel
import XCTest

/// `CBCSolver()`'s hint: not a MIP start (a start weakens CBC's root cut loop), but the
/// incumbent when CBC stops at a limit without a better plan.
final class CBCHintFallbackTests: XCTestCase {
    /// The market split with its planted point (value 0) as hint, 2 nodes: CBC alone stops
    /// early without value 0 (`CBCHintOptionTests`), so the hint is the incumbent, and as
    /// it meets CBC's bound (0: the slacks are non-negative) the result is proven.
    func testHintIsTheIncumbentWhenCBCFindsNoBetter() throws {
        let (m, hint) = SolverConformance.marketSplit()
        var p = SolveParameters()
        p.nodeLimit = 2
        p.timeLimit = 60  // a safety net only
        p.hint = hint
        let r = try CBCSolver().solve(m, parameters: p)
        XCTAssertEqual(r.termination, .optimal, r.message ?? "")
        XCTAssertEqual(r.values, hint)
        XCTAssertTrue((r.message ?? "").contains("the hint is the incumbent"), r.message ?? "")
        XCTAssertTrue((r.message ?? "").contains("meets the bound"), r.message ?? "")
    }

    /// A hint that violates the split rows (every x at 1, slacks 0) is not kept: the result
    /// is CBC's own, as without a hint.
    func testViolatingHintIsNotKept() throws {
        let (m, planted) = SolverConformance.marketSplit()
        var p = SolveParameters()
        p.nodeLimit = 2
        p.timeLimit = 60
        let alone = try CBCSolver(usesHint: false).solve(m, parameters: p)
        p.hint = planted.enumerated().map { $0.offset < 30 ? 1 : 0 }
        let r = try CBCSolver().solve(m, parameters: p)
        XCTAssertEqual(r.termination, alone.termination, r.message ?? "")
        XCTAssertEqual(r.values, alone.values)
        XCTAssertFalse((r.message ?? "").contains("hint"), r.message ?? "")
    }
}
