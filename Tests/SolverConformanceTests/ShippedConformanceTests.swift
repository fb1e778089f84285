import ForcePlanner
import ForceScenario
import LinearModel
import StandardPlanner
import XCTest

// The suite on what ships: the solver `Planner.standard` solves every stage with (its
// portfolio: the backend's configurations in turns, under the default node budget), for
// every `SolverBackend`. The backends' own classes (GLPKConformanceTests,
// CBCConformanceTests) run it on each backend's defaults.

extension ConformanceConfig {
    /// `Planner.standard(scenario:backend:)`'s portfolio with default settings, but for the
    /// default node budget: each test sets the limits it is about. (With both a node budget
    /// and a time limit, which strikes first depends on the machine's speed and load, and
    /// the time-limit test would test the machine: CBC at 10,000 nodes stopped before 0.5 s
    /// of CPU time on a loaded machine.)
    static func shipped(_ backend: SolverBackend) -> ConformanceConfig {
        var settings = PlannerSettings()
        settings.nodeLimit = nil
        let planner = Planner.standard(scenario: Scenario(name: "conformance"), settings: settings, backend: backend)
        return ConformanceConfig(makeSolver: { planner.portfolio }, excluded: backend == .cbc ? [.lpDuals] : [])
    }
}

/// `SolverBackend.auto` as `forceplan plan --solver` runs it.
final class ShippedAutoConformanceTests: XCTestCase {
    let config = ConformanceConfig.shipped(.auto)

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
    func testBoundOfAStoppedMaximisationIsAnUpperBound() throws { try SolverConformance.boundOfAStoppedMaximisationIsAnUpperBound(config) }
    func testGapStopIsNotAProof() throws { try SolverConformance.gapStopIsNotAProof(config) }
    func testTimeLimitStops() throws { try SolverConformance.timeLimitStops(config) }
    func testHintIsUsed() throws { try SolverConformance.hintIsUsed(config) }
    func testHintOfWrongLengthIsRejected() throws { try SolverConformance.hintOfWrongLengthIsRejected(config) }
    func testObjectiveStepProves() throws { try SolverConformance.objectiveStepProves(config) }
}

/// `SolverBackend.glpk` as `forceplan plan --solver` runs it.
final class ShippedGLPKConformanceTests: XCTestCase {
    let config = ConformanceConfig.shipped(.glpk)

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
    func testBoundOfAStoppedMaximisationIsAnUpperBound() throws { try SolverConformance.boundOfAStoppedMaximisationIsAnUpperBound(config) }
    func testGapStopIsNotAProof() throws { try SolverConformance.gapStopIsNotAProof(config) }
    func testTimeLimitStops() throws { try SolverConformance.timeLimitStops(config) }
    func testHintIsUsed() throws { try SolverConformance.hintIsUsed(config) }
    func testHintOfWrongLengthIsRejected() throws { try SolverConformance.hintOfWrongLengthIsRejected(config) }
    func testObjectiveStepProves() throws { try SolverConformance.objectiveStepProves(config) }
}

/// `SolverBackend.cbc` as `forceplan plan --solver` runs it.
final class ShippedCBCConformanceTests: XCTestCase {
    let config = ConformanceConfig.shipped(.cbc)

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
    func testBoundOfAStoppedMaximisationIsAnUpperBound() throws { try SolverConformance.boundOfAStoppedMaximisationIsAnUpperBound(config) }
    func testGapStopIsNotAProof() throws { try SolverConformance.gapStopIsNotAProof(config) }
    func testTimeLimitStops() throws { try SolverConformance.timeLimitStops(config) }
    func testHintIsUsed() throws { try SolverConformance.hintIsUsed(config) }
    func testHintOfWrongLengthIsRejected() throws { try SolverConformance.hintOfWrongLengthIsRejected(config) }
    func testObjectiveStepProves() throws { try SolverConformance.objectiveStepProves(config) }
}

/// `SolverBackend.glpkPlain` as `forceplan plan --solver` runs it.
final class ShippedGLPKPlainConformanceTests: XCTestCase {
    let config = ConformanceConfig.shipped(.glpkPlain)

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
    func testBoundOfAStoppedMaximisationIsAnUpperBound() throws { try SolverConformance.boundOfAStoppedMaximisationIsAnUpperBound(config) }
    func testGapStopIsNotAProof() throws { try SolverConformance.gapStopIsNotAProof(config) }
    func testTimeLimitStops() throws { try SolverConformance.timeLimitStops(config) }
    func testHintIsUsed() throws { try SolverConformance.hintIsUsed(config) }
    func testHintOfWrongLengthIsRejected() throws { try SolverConformance.hintOfWrongLengthIsRejected(config) }
    func testObjectiveStepProves() throws { try SolverConformance.objectiveStepProves(config) }
}
