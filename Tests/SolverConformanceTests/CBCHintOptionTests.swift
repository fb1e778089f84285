import CBCSolver
import LinearModel
import XCTest

/// `CBCSolver(usesHint: false)`: the hint is checked, then not given to CBC.
final class CBCHintOptionTests: XCTestCase {
    /// The market split with its planted point (value 0, which meets the LP bound 0) as
    /// hint and a node limit of 2: CBC with the hint proves 0 (``SolverConformance/hintIsUsed``);
    /// without it, the same search stops early (``SolverConformance/nodeLimitStopsEarly``),
    /// so a `.stoppedEarly` here shows the hint was left out.
    func testHintIsLeftOutWhenUsesHintIsFalse() throws {
        let (m, hint) = SolverConformance.marketSplit()
        var p = SolveParameters()
        p.nodeLimit = 2
        p.timeLimit = 60  // a safety net only
        p.hint = hint
        let used = try CBCSolver().solve(m, parameters: p)
        XCTAssertEqual(used.termination, .optimal, used.message ?? "")
        let ignored = try CBCSolver(usesHint: false).solve(m, parameters: p)
        XCTAssertEqual(ignored.termination, .stoppedEarly, ignored.message ?? "")
        XCTAssertFalse((ignored.message ?? "").contains("hint"), ignored.message ?? "")
    }

    /// A hint of the wrong length is still rejected: `ModelError.hintLength`.
    func testHintOfWrongLengthIsRejectedWhenUsesHintIsFalse() throws {
        let (m, hint) = SolverConformance.marketSplit()
        var p = SolveParameters()
        p.hint = Array(hint.dropLast())
        XCTAssertThrowsError(try CBCSolver(usesHint: false).solve(m, parameters: p)) { error in
            XCTAssertEqual(error as? ModelError, .hintLength(expected: hint.count, got: hint.count - 1))
        }
    }
}
