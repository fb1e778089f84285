import CBCSolver
import LinearModel
import XCTest

/// CBCSolver runs the suite; CBC's C API gives no LP duals.
final class CBCConformanceTests: XCTestCase {
    let config = ConformanceConfig(makeSolver: { CBCSolver() }, excluded: [.lpDuals])

    func testLpOptimum() throws { try SolverConformance.lpOptimum(config) }
    func testLpDuals() throws { try SolverConformance.lpDuals(config) }
    func testLpInfeasible() throws { try SolverConformance.lpInfeasible(config) }
    func testLpUnbounded() throws { try SolverConformance.lpUnbounded(config) }
    func testMilpOptimum() throws { try SolverConformance.milpOptimum(config) }
    func testMilpInfeasible() throws { try SolverConformance.milpInfeasible(config) }
    func testMilpUnbounded() throws { try SolverConformance.milpUnbounded(config) }
    func testIntegerBoundsWithoutInteger() throws { try SolverConformance.integerBoundsWithoutInteger(config) }
    func testBoundsOfEveryKind() throws { try SolverConformance.boundsOfEveryKind(config) }
    func testEqualityAndRangedRows() throws { try SolverConformance.equalityAndRangedRows(config) }
    func testEmptyModel() throws { try SolverConformance.emptyModel(config) }
    func testDuplicateTermsAreSummed() throws { try SolverConformance.duplicateTermsAreSummed(config) }
    func testNotANumberIsRejected() throws { try SolverConformance.notANumberIsRejected(config) }
    func testNodeLimitStopsEarly() throws { try SolverConformance.nodeLimitStopsEarly(config) }
    func testNodeCountIsReported() throws { try SolverConformance.nodeCountIsReported(config) }
    func testIterationCountIsReported() throws { try SolverConformance.iterationCountIsReported(config) }
    func testBoundOfAStoppedMaximisationIsAnUpperBound() throws { try SolverConformance.boundOfAStoppedMaximisationIsAnUpperBound(config) }
    func testGapStopIsNotAProof() throws { try SolverConformance.gapStopIsNotAProof(config) }
    func testTimeLimitStops() throws { try SolverConformance.timeLimitStops(config) }
    func testHintIsUsed() throws { try SolverConformance.hintIsUsed(config) }
    func testHintOfWrongLengthIsRejected() throws { try SolverConformance.hintOfWrongLengthIsRejected(config) }
    func testObjectiveStepProves() throws { try SolverConformance.objectiveStepProves(config) }
}
