import LinearModel
import XCTest
@testable import GLPKSolver

/// Branch-and-bound behaviour: time limits, the objective lattice, hints, progress.
final class MIPSearchTests: XCTestCase {
    /// A seeded equal-ratio knapsack that is hard for branch and bound: 40 items with even
    /// weights in [20, 198], value 0.1 per unit of weight, odd capacity C = 2109. Every
    /// subset weighs an even amount, so the best value is at most 0.1 * (C - 1) = 210.8
    /// (reached: GLPK's heuristics find it at once), while the LP bound 0.1 * C = 210.9
    /// stays at nearly every node. GLPK sees fractional coefficients, cannot round its
    /// bound, and must enumerate. Values are multiples of 0.2 (0.1 * even weights).
    static func parityKnapsack() -> (Model, weights: [Double], capacity: Double) {
        var rng = SeededGenerator(seed: 42)
        var m = Model(name: "parity-knapsack")
        let weights = (0..<40).map { _ in Double(2 * (10 + Int(rng.next() % 90))) }
        var capacity = (weights.reduce(0, +) / 2).rounded(.down)
        if Int(capacity) % 2 == 0 { capacity += 1 }
        let x = (0..<40).map { m.addVariable(name: "item\($0)", kind: .binary) }
        m.addConstraint(name: "capacity", LinearExpression(terms: zip(weights, x).map { ($0, $1) }), .lessEqual(capacity))
        m.setObjective(.maximize, LinearExpression(terms: zip(weights, x).map { (0.1 * $0, $1) }))
        return (m, weights, capacity)
    }

    func testParityKnapsackSetup() {
        let (_, weights, capacity) = Self.parityKnapsack()
        XCTAssertEqual(capacity, 2109)  // the derivation above relies on an odd capacity
        XCTAssertTrue(weights.allSatisfy { Int($0) % 2 == 0 })
    }

    /// 0.2 s is far too little to close the 0.1 gap: time limit, with the incumbent and a
    /// bound, never "optimal".
    func testTimeLimitReportsIncumbentAndGapNeverOptimal() throws {
        var p = SolveParameters()
        p.timeLimit = 0.2
        let r = try GLPKSolver().solve(Self.parityKnapsack().0, parameters: p)
        XCTAssertEqual(r.termination, .timeLimit)
        if r.hasSolution {
            let z = try XCTUnwrap(r.objectiveValue), bound = try XCTUnwrap(r.bestBound)
            XCTAssertLessThanOrEqual(z, 210.8 + 1e-9)          // even weights: at most 0.1 * 2108
            XCTAssertGreaterThanOrEqual(bound, 210.8 - 1e-9)   // a valid upper bound
            XCTAssertLessThanOrEqual(bound, 210.9 + 1e-9)      // never above the LP bound 0.1 * 2109
            XCTAssertGreaterThan(try XCTUnwrap(r.relativeGap), 0)
        }
    }

    /// With the lattice step 0.2, the incumbent 210.8 and the bound 210.9 < 210.8 + 0.2
    /// prove optimality as soon as the incumbent is found: `optimal` within a limit that
    /// plain GLPK (still searching after 1 s, and for hours more) would reach.
    func testObjectiveStepStopsEarlyWithProof() throws {
        let model = Self.parityKnapsack().0
        var p = SolveParameters()
        p.timeLimit = 1
        let progress = ProgressLog()
        p.progressHandler = { progress.append($0) }
        let plain = try GLPKSolver().solve(model, parameters: p)
        XCTAssertEqual(plain.termination, .timeLimit)
        XCTAssertEqual(plain.objectiveValue ?? 0, 210.8, accuracy: 1e-9)
        // Progress about every 0.5 s during the 1 s search, with incumbent and bound.
        XCTAssertGreaterThanOrEqual(progress.count, 1)
        XCTAssertLessThanOrEqual(progress.count, 4)
        if let last = progress.last {
            XCTAssertEqual(last.incumbent ?? 0, 210.8, accuracy: 1e-9)
            XCTAssertEqual(last.bestBound ?? 0, 210.9, accuracy: 1e-6)
            XCTAssertGreaterThan(last.relativeGap ?? 0, 0)
        }

        p.progressHandler = nil
        p.objectiveStep = 0.2
        p.timeLimit = 60
        let stepped = try GLPKSolver().solve(model, parameters: p)
        XCTAssertEqual(stepped.termination, .optimal)
        XCTAssertEqual(stepped.objectiveValue ?? 0, 210.8, accuracy: 1e-9)  // 0.1 * (2109 - 1)
        XCTAssertEqual(stepped.bestBound ?? 0, 210.8, accuracy: 1e-9)       // proven: bound = objective
    }

    /// Lattice pruning alone finishes the search: every subproblem's LP bound (at most
    /// 210.9) is below incumbent 210.8 + step 0.2, so each is cut off and GLPK completes
    /// the search itself with 210.8 (without and with the MIP presolver).
    func testLatticePruningAloneCompletesTheSearch() throws {
        var solver = GLPKSolver()
        solver.latticeGlobalStop = false
        for presolve in [true, false] {
            var p = SolveParameters()
            p.timeLimit = 5
            p.objectiveStep = 0.2
            p.presolve = presolve
            let r = try solver.solve(Self.parityKnapsack().0, parameters: p)
            XCTAssertEqual(r.termination, .optimal, "presolve \(presolve)")
            XCTAssertEqual(r.objectiveValue ?? 0, 210.8, accuracy: 1e-9)
        }
    }

    /// A requested relative gap of 1% is met at once (gap 0.1 / 210.8 < 0.05%): stopped
    /// early by the gap, not proven (210.85 could still exist), reporting the real bound
    /// 210.9 rather than claiming it is 210.8.
    func testRelativeGapStopsWithRealBound() throws {
        var p = SolveParameters()
        p.timeLimit = 5
        p.relativeGap = 0.01
        let r = try GLPKSolver().solve(Self.parityKnapsack().0, parameters: p)
        XCTAssertEqual(r.termination, .stoppedEarly)
        XCTAssertEqual(r.stoppedBy, .gap)
        XCTAssertEqual(r.objectiveValue ?? 0, 210.8, accuracy: 1e-9)
        XCTAssertEqual(r.bestBound ?? 0, 210.9, accuracy: 1e-6)
    }

    /// A step that is too fine for the gap never proves anything false: step 0.05 with
    /// incumbent 210.8 and bound 210.9 leaves room for 210.85 -> still the time limit.
    func testSmallStepDoesNotStop() throws {
        var p = SolveParameters()
        p.timeLimit = 0.2
        p.objectiveStep = 0.05
        let r = try GLPKSolver().solve(Self.parityKnapsack().0, parameters: p)
        XCTAssertEqual(r.termination, .timeLimit)
    }

    /// The result mapping after a gap stop: proven only when the gap is below one step.
    /// Maximising, incumbent 10, bound 10.5: step 1 leaves no room for 11 -> optimal;
    /// step 0.25 leaves room for 10.25 -> stopped early by the gap, bound 10.5 kept.
    func testGapStopIsOptimalOnlyBelowOneStep() {
        let feasible: Int32 = 2  // GLP_FEAS
        let proven = GLPKSolver.mipResult(rc: .mipGapReached, status: feasible, objective: 10, values: [10],
                                          maximize: true, step: 1, bound: 10.5, latticeStop: false)
        XCTAssertEqual(proven.termination, .optimal)
        XCTAssertEqual(proven.bestBound, 10)
        XCTAssertNil(proven.stoppedBy)
        let open = GLPKSolver.mipResult(rc: .mipGapReached, status: feasible, objective: 10, values: [10],
                                        maximize: true, step: 0.25, bound: 10.5, latticeStop: false)
        XCTAssertEqual(open.termination, .stoppedEarly)
        XCTAssertEqual(open.stoppedBy, .gap)
        XCTAssertEqual(open.bestBound, 10.5)
        XCTAssertEqual(open.relativeGap ?? 0, 0.05, accuracy: 1e-12)
        // No lattice known (step 0): never proven by a gap.
        let unknown = GLPKSolver.mipResult(rc: .mipGapReached, status: feasible, objective: 10, values: [10],
                                           maximize: true, step: 0, bound: 10.001, latticeStop: false)
        XCTAssertEqual(unknown.termination, .stoppedEarly)
    }

    /// The result mapping after a time limit: gap below one step is optimal, above is not.
    /// Maximising, incumbent 10, bound 10.5: step 1 leaves no room for 11 -> optimal;
    /// step 0.25 leaves room for 10.25 -> time limit.
    func testTimeLimitWithGapBelowOneStepIsOptimal() {
        let feasible: Int32 = 2  // GLP_FEAS
        let proven = GLPKSolver.mipResult(rc: .timeLimit, status: feasible, objective: 10, values: [10],
                                          maximize: true, step: 1, bound: 10.5, latticeStop: false)
        XCTAssertEqual(proven.termination, .optimal)
        XCTAssertEqual(proven.bestBound, 10)
        let open = GLPKSolver.mipResult(rc: .timeLimit, status: feasible, objective: 10, values: [10],
                                        maximize: true, step: 0.25, bound: 10.5, latticeStop: false)
        XCTAssertEqual(open.termination, .timeLimit)
        XCTAssertEqual(open.bestBound, 10.5)
        XCTAssertTrue(open.hasSolution)
    }

    /// A feasible hint is offered once as the first incumbent; an infeasible one is
    /// rejected and the solve goes on. Knapsack values 10 13 7 8, weights 5 7 4 3,
    /// capacity 14: {1, 3, 4} (weight 12, value 25) is feasible; all items (weight 19) are
    /// not, and GLPK would take them (glp_ios_heur_sol checks only integrality).
    func testHintAcceptedOrRejected() throws {
        var m = Model()
        let values = [10.0, 13, 7, 8], weights = [5.0, 7, 4, 3]
        let x = (0..<4).map { m.addVariable(name: "x\($0)", kind: .binary) }
        m.addConstraint(name: "cap", LinearExpression(terms: zip(weights, x).map { ($0, $1) }), .lessEqual(14))
        m.setObjective(.maximize, LinearExpression(terms: zip(values, x).map { ($0, $1) }))
        var p = SolveParameters()
        p.hint = [1, 0, 1, 1]
        var r = try GLPKSolver().solve(m, parameters: p)
        XCTAssertEqual(r.termination, .optimal)
        XCTAssertEqual(r.objectiveValue, 28)  // see MILPTests.knapsack
        XCTAssertTrue(r.message?.contains("hint accepted") == true, r.message ?? "")
        p.hint = [1, 1, 1, 1]
        r = try GLPKSolver().solve(m, parameters: p)
        XCTAssertEqual(r.objectiveValue, 28)
        XCTAssertEqual(r.message, "hint rejected: it violates the constraint cap")
    }

    /// The log handler receives GLPK's output (GLP_MSG_ALL), which is otherwise silent.
    func testLogHandlerReceivesGLPKOutput() throws {
        let log = TextLog()
        var p = SolveParameters()
        p.logHandler = { log.append($0) }
        var m = Model()
        let x = m.addVariable(name: "x", kind: .integer, upperBound: 3)
        m.addConstraint(name: "c", 2 * x, .lessEqual(5))
        m.setObjective(.maximize, LinearExpression(x))
        let r = try GLPKSolver().solve(m, parameters: p)
        XCTAssertEqual(r.objectiveValue, 2)  // 2x <= 5 -> x <= 2
        XCTAssertTrue(log.text.contains("GLPK Integer Optimizer"), log.text)
    }
}

/// A seeded generator (SplitMix64) so that randomised models are the same on every run.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

final class ProgressLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [SolveProgress] = []
    func append(_ p: SolveProgress) { lock.lock(); items.append(p); lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return items.count }
    var last: SolveProgress? { lock.lock(); defer { lock.unlock() }; return items.last }
}

final class TextLog: @unchecked Sendable {
    private let lock = NSLock()
    private var buffer = ""
    func append(_ s: String) { lock.lock(); buffer += s; lock.unlock() }
    var text: String { lock.lock(); defer { lock.unlock() }; return buffer }
}
