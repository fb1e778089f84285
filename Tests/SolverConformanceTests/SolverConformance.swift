import Foundation
import LinearModel
import XCTest

/// What a backend lacks, so that the suite skips (not fails) those checks.
enum ConformanceFeature: Hashable {
    /// Row duals and reduced costs of LPs.
    case lpDuals
}

/// How one backend runs the suite (MathOptInterface's `Test.Config`): how to make it, the
/// tolerance its values are compared with, and the features it lacks.
struct ConformanceConfig {
    var makeSolver: () -> any Solver
    var tolerance = 1e-6
    var excluded: Set<ConformanceFeature> = []
}

/// One central suite of small models with known answers (derived by hand in each comment);
/// every `Solver` backend runs all of it through a thin XCTestCase of its own, so a bug
/// found in one backend becomes a check that all of them pass.
enum SolverConformance {
    // MARK: LPs

    /// max 3x + 2y, x + y <= 4, x + 3y <= 7, 0 <= x <= 3, y >= 0. Vertices: (3, 1) -> 11,
    /// (2.5, 1.5) (rows a and b) -> 10.5, (3, 0) -> 9, (0, 7/3) -> 14/3: (3, 1), where row
    /// a and the bound x <= 3 bind and row b is slack (3 + 3 < 7).
    static func lpOptimum(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        var m = Model()
        let x = m.addVariable(name: "x", upperBound: 3)
        let y = m.addVariable(name: "y")
        m.addConstraint(name: "a", x + y, .lessEqual(4))
        m.addConstraint(name: "b", x + 3 * y, .lessEqual(7))
        m.setObjective(.maximize, 3 * x + 2 * y)
        let r = try c.makeSolver().solve(m)
        XCTAssertEqual(r.termination, .optimal, file: file, line: line)
        XCTAssertEqual(r.objectiveValue ?? .nan, 11, accuracy: c.tolerance, file: file, line: line)
        XCTAssertEqual(r.value(x), 3, accuracy: c.tolerance, file: file, line: line)
        XCTAssertEqual(r.value(y), 1, accuracy: c.tolerance, file: file, line: line)
    }

    /// The LP above: y is basic in the binding row a, so a's dual is y's price 2; row b is
    /// slack (dual 0); x sits at its bound 3 with reduced cost 3 - 2 * 1 = 1.
    static func lpDuals(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        guard !c.excluded.contains(.lpDuals) else { return }
        var m = Model()
        let x = m.addVariable(name: "x", upperBound: 3)
        let y = m.addVariable(name: "y")
        m.addConstraint(name: "a", x + y, .lessEqual(4))
        m.addConstraint(name: "b", x + 3 * y, .lessEqual(7))
        m.setObjective(.maximize, 3 * x + 2 * y)
        let r = try c.makeSolver().solve(m)
        let duals = try XCTUnwrap(r.rowDuals, file: file, line: line)
        let reduced = try XCTUnwrap(r.reducedCosts, file: file, line: line)
        XCTAssertEqual(duals[0], 2, accuracy: c.tolerance, file: file, line: line)
        XCTAssertEqual(duals[1], 0, accuracy: c.tolerance, file: file, line: line)
        XCTAssertEqual(reduced[0], 1, accuracy: c.tolerance, file: file, line: line)
    }

    /// x + y >= 5 and x + y <= 3 cannot both hold.
    static func lpInfeasible(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        var m = Model()
        let x = m.addVariable(name: "x"), y = m.addVariable(name: "y")
        m.addConstraint(name: "low", x + y, .greaterEqual(5))
        m.addConstraint(name: "high", x + y, .lessEqual(3))
        m.setObjective(.minimize, x + y)
        let r = try c.makeSolver().solve(m)
        XCTAssertEqual(r.termination, .infeasible, file: file, line: line)
        XCTAssertFalse(r.hasSolution, file: file, line: line)
    }

    /// max x + y with only x - y <= 1: (t + 1, t) is feasible for every t >= 0.
    static func lpUnbounded(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        var m = Model()
        let x = m.addVariable(name: "x"), y = m.addVariable(name: "y")
        m.addConstraint(name: "c", x - y, .lessEqual(1))
        m.setObjective(.maximize, x + y)
        let r = try c.makeSolver().solve(m)
        XCTAssertEqual(r.termination, .unbounded, file: file, line: line)
    }

    // MARK: MILPs

    /// max 5x + 4y, 6x + 4y <= 24, x + 2y <= 6, x, y >= 0 integer (LP optimum 21 at
    /// (3, 1.5)). By y: y = 0 -> x <= 4, 20; y = 1 -> x <= 3, 19; y = 2 -> x <= 2, 18;
    /// y = 3 -> x = 0, 12. So 20 at (4, 0), below the LP's 21.
    static func milpOptimum(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        var m = Model()
        let x = m.addVariable(name: "x", kind: .integer), y = m.addVariable(name: "y", kind: .integer)
        m.addConstraint(name: "a", 6 * x + 4 * y, .lessEqual(24))
        m.addConstraint(name: "b", x + 2 * y, .lessEqual(6))
        m.setObjective(.maximize, 5 * x + 4 * y)
        let r = try c.makeSolver().solve(m)
        XCTAssertEqual(r.termination, .optimal, file: file, line: line)
        XCTAssertEqual(r.objectiveValue ?? .nan, 20, accuracy: c.tolerance, file: file, line: line)
        XCTAssertEqual(r.value(x), 4, accuracy: c.tolerance, file: file, line: line)
        XCTAssertEqual(r.value(y), 0, accuracy: c.tolerance, file: file, line: line)
        XCTAssertEqual(r.bestBound ?? .nan, 20, accuracy: c.tolerance, file: file, line: line)
    }

    /// 2x + 2y = 3 has real solutions (the LP is feasible) but no integer one (the left
    /// side is even).
    static func milpInfeasible(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        var m = Model()
        let x = m.addVariable(name: "x", kind: .integer, upperBound: 10)
        let y = m.addVariable(name: "y", kind: .integer, upperBound: 10)
        m.addConstraint(name: "odd", 2 * x + 2 * y, .equal(3))
        m.setObjective(.minimize, x + y)
        let r = try c.makeSolver().solve(m)
        XCTAssertEqual(r.termination, .infeasible, file: file, line: line)
        XCTAssertFalse(r.hasSolution, file: file, line: line)
    }

    /// max x + y, x - y <= 1, x, y integer >= 0: (t + 1, t) for every whole t.
    static func milpUnbounded(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        var m = Model()
        let x = m.addVariable(name: "x", kind: .integer), y = m.addVariable(name: "y", kind: .integer)
        m.addConstraint(name: "c", x - y, .lessEqual(1))
        m.setObjective(.maximize, x + y)
        let r = try c.makeSolver().solve(m)
        XCTAssertEqual(r.termination, .unbounded, file: file, line: line)
    }

    /// An integer variable with bounds [0.2, 0.8] has no integer value.
    static func integerBoundsWithoutInteger(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        var m = Model()
        let x = m.addVariable(name: "x", kind: .integer, lowerBound: 0.2, upperBound: 0.8)
        m.setObjective(.minimize, LinearExpression(x))
        let r = try c.makeSolver().solve(m)
        XCTAssertEqual(r.termination, .infeasible, file: file, line: line)
    }

    /// Bounds of every kind: min x + 2y + z + w with x in [-3, 5], y free integer,
    /// y >= x - 1 (row), z fixed at 2.5, w integer in [0.5, 2.7] (so w in {1, 2}), and
    /// objective constant 10. y = x - 1 is best (its coefficient is positive): x + 2(x - 1)
    /// = 3x - 2, least at x = -3, y = -4 -> -11; z adds 2.5, w = 1 adds 1, the constant 10:
    /// -11 + 2.5 + 1 + 10 = 2.5.
    static func boundsOfEveryKind(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        var m = Model()
        let x = m.addVariable(name: "x", lowerBound: -3, upperBound: 5)
        let y = m.addVariable(name: "y", kind: .integer, lowerBound: -.infinity, upperBound: .infinity)
        let z = m.addVariable(name: "z", lowerBound: 2.5, upperBound: 2.5)
        let w = m.addVariable(name: "w", kind: .integer, lowerBound: 0.5, upperBound: 2.7)
        m.addConstraint(name: "link", y - x, .greaterEqual(-1))
        m.setObjective(.minimize, x + 2 * y + z + w + 10)
        let r = try c.makeSolver().solve(m)
        XCTAssertEqual(r.termination, .optimal, file: file, line: line)
        XCTAssertEqual(r.objectiveValue ?? .nan, 2.5, accuracy: c.tolerance, file: file, line: line)
        XCTAssertEqual(r.value(x), -3, accuracy: c.tolerance, file: file, line: line)
        XCTAssertEqual(r.value(y), -4, accuracy: c.tolerance, file: file, line: line)
        XCTAssertEqual(r.value(z), 2.5, accuracy: c.tolerance, file: file, line: line)
        XCTAssertEqual(r.value(w), 1, accuracy: c.tolerance, file: file, line: line)
    }

    /// Equality and ranged rows: x + y + z = 10, x - y = 2, -1 <= z - y <= 5,
    /// 0 <= z <= 3 integer; min 2x + 3y + z. The equalities give x = y + 2, z = 8 - 2y, so
    /// the cost is 2(y + 2) + 3y + (8 - 2y) = 3y + 12 (least y). z <= 3 -> y >= 2.5;
    /// z - y = 8 - 3y in [-1, 5] -> y in [1, 3]; z whole -> y in {2.5, 3}. So y = 2.5,
    /// z = 3, x = 4.5, cost 19.5.
    static func equalityAndRangedRows(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        var m = Model()
        let x = m.addVariable(name: "x"), y = m.addVariable(name: "y")
        let z = m.addVariable(name: "z", kind: .integer, upperBound: 3)
        m.addConstraint(name: "sum", x + y + z, .equal(10))
        m.addConstraint(name: "diff", x - y, .equal(2))
        m.addConstraint(name: "range", z - y, .ranged(-1, 5))
        m.setObjective(.minimize, 2 * x + 3 * y + z)
        let r = try c.makeSolver().solve(m)
        XCTAssertEqual(r.termination, .optimal, file: file, line: line)
        XCTAssertEqual(r.objectiveValue ?? .nan, 19.5, accuracy: c.tolerance, file: file, line: line)
        XCTAssertEqual(r.value(x), 4.5, accuracy: c.tolerance, file: file, line: line)
        XCTAssertEqual(r.value(y), 2.5, accuracy: c.tolerance, file: file, line: line)
        XCTAssertEqual(r.value(z), 3, accuracy: c.tolerance, file: file, line: line)
    }

    /// No variables, no rows: the objective is its constant, 7, proven.
    static func emptyModel(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        var m = Model()
        m.setObjective(.maximize, LinearExpression(constant: 7))
        let r = try c.makeSolver().solve(m)
        XCTAssertEqual(r.termination, .optimal, file: file, line: line)
        XCTAssertEqual(r.objectiveValue ?? .nan, 7, accuracy: c.tolerance, file: file, line: line)
        XCTAssertTrue(r.values.isEmpty, file: file, line: line)
    }

    /// Duplicate terms are summed: x + x + y - y <= 3 is 2x <= 3; max x, x integer -> 1.
    static func duplicateTermsAreSummed(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        var m = Model()
        let x = m.addVariable(name: "x", kind: .integer), y = m.addVariable(name: "y", upperBound: 1)
        m.addConstraint(name: "dup", x + x + y - y, .lessEqual(3))
        m.setObjective(.maximize, LinearExpression(x))
        let r = try c.makeSolver().solve(m)
        XCTAssertEqual(r.termination, .optimal, file: file, line: line)
        XCTAssertEqual(r.objectiveValue ?? .nan, 1, accuracy: c.tolerance, file: file, line: line)
    }

    /// A NaN coefficient never reaches the solver: `ModelError.notANumber`.
    static func notANumberIsRejected(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        var m = Model()
        let x = m.addVariable(name: "x")
        m.addConstraint(name: "bad", Double.nan * x, .lessEqual(1))
        XCTAssertThrowsError(try c.makeSolver().solve(m), file: file, line: line) { error in
            XCTAssertEqual(error as? ModelError, .notANumber(where: "constraint bad"), file: file, line: line)
        }
    }

    // MARK: limits and hints, on a market split instance

    /// A market split instance (Cornuéjols and Dawande): 4 rows, 30 binaries, weights
    /// 0...99 from a fixed seed, right-hand sides from a planted 0/1 point, slacks on both
    /// sides, minimise their sum. The optimum is 0 (the planted point) and the LP bound
    /// is 0 too, so a solver proves optimality exactly when it finds a point of value 0,
    /// which branch-and-bound finds only after very many nodes.
    static func marketSplit(rows: Int = 4, columns: Int = 30) -> (model: Model, planted: [Double]) {
        var state: UInt64 = 20_261_201
        func next() -> UInt64 {  // splitmix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var m = Model(name: "market-split")
        let x = (0..<columns).map { m.addVariable(name: "x\($0)", kind: .binary) }
        let planted = (0..<columns).map { _ in Double(next() % 2) }
        var slacks = LinearExpression()
        var hint = planted
        for i in 0..<rows {
            let a = (0..<columns).map { _ in Double(next() % 100) }
            let d = zip(a, planted).map { $0 * $1 }.reduce(0, +)
            let over = m.addVariable(name: "over\(i)"), under = m.addVariable(name: "under\(i)")
            var e = LinearExpression(terms: zip(a, x))
            e.add(-1, over)
            e.add(1, under)
            m.addConstraint(name: "split\(i)", e, .equal(d))
            slacks += over
            slacks += under
            hint += [0, 0]
        }
        m.setObjective(.minimize, slacks)
        return (m, hint)
    }

    /// `m` solved by a fresh solver of `c` with a node limit (and 60 s, a safety net only).
    static func solve(_ m: Model, nodeLimit: Int, _ c: ConformanceConfig) throws -> SolveResult {
        var p = SolveParameters()
        p.nodeLimit = nodeLimit
        p.timeLimit = 60
        return try c.makeSolver().solve(m, parameters: p)
    }

    /// A node limit of 2 stops the market split search early: `.stoppedEarly`, never
    /// `.optimal`; an incumbent, if any, satisfies the rows and is no better than the bound.
    static func nodeLimitStopsEarly(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        let (m, _) = marketSplit()
        let r = try solve(m, nodeLimit: 2, c)
        XCTAssertEqual(r.termination, .stoppedEarly, r.message ?? "", file: file, line: line)
        if r.hasSolution {
            checkFeasible(m, r.values, c.tolerance, file: file, line: line)
            XCTAssertGreaterThanOrEqual(r.objectiveValue ?? .nan, (r.bestBound ?? 0) - c.tolerance, file: file, line: line)
        }
        XCTAssertLessThan(r.solveTime, 30, file: file, line: line)
    }

    /// A node limit of 20 on the market split: the result counts the nodes taken up,
    /// at least 1 (the root) and at most the limit.
    static func nodeCountIsReported(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        let r = try solve(marketSplit().model, nodeLimit: 20, c)
        XCTAssertEqual(r.termination, .stoppedEarly, r.message ?? "", file: file, line: line)
        let nodes = try XCTUnwrap(r.nodes, file: file, line: line)
        XCTAssertGreaterThanOrEqual(nodes, 1, r.message ?? "", file: file, line: line)
        XCTAssertLessThanOrEqual(nodes, 20, file: file, line: line)
    }

    /// The simplex iterations of a search stopped after 20 nodes: counted (the root LP
    /// alone needs some, every row being an equality the slack basis violates) and the same
    /// on a second run, since the count, like the node count, is work and not time.
    static func iterationCountIsReported(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        let m = marketSplit().model
        let r = try solve(m, nodeLimit: 20, c)
        let again = try solve(m, nodeLimit: 20, c)
        let iterations = try XCTUnwrap(r.iterations, r.message ?? "", file: file, line: line)
        XCTAssertGreaterThanOrEqual(iterations, 1, file: file, line: line)
        XCTAssertEqual(again.iterations, iterations, file: file, line: line)
        XCTAssertEqual(again.nodes, r.nodes, file: file, line: line)
    }

    /// The market split as a maximisation with an offset column: max -(slacks) - w with
    /// w fixed at 5, so the optimum and the LP bound are both -5. Stopped after 2 nodes,
    /// the reported bound is an upper bound in the model's own sense: at least the
    /// incumbent (if any) and at most -5 (a bound of the wrong sign would read +5).
    static func boundOfAStoppedMaximisationIsAnUpperBound(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        var (m, _) = marketSplit()
        let w = m.addVariable(name: "w", lowerBound: 5, upperBound: 5)
        var objective = -1 * m.objective.expression
        objective.add(-1, w)
        m.setObjective(.maximize, objective)
        let r = try solve(m, nodeLimit: 2, c)
        XCTAssertEqual(r.termination, .stoppedEarly, r.message ?? "", file: file, line: line)
        let bound = try XCTUnwrap(r.bestBound, file: file, line: line)
        XCTAssertLessThanOrEqual(bound, -5 + c.tolerance, file: file, line: line)
        if let z = r.objectiveValue {
            XCTAssertGreaterThanOrEqual(bound, z - c.tolerance, file: file, line: line)
            XCTAssertLessThanOrEqual(z, -5 + c.tolerance, file: file, line: line)
        }
    }

    /// A gap stop is not a proof: the market split plus a column fixed at 100 (optimum and
    /// LP bound 100) with a requested gap of 90% stops at an early incumbent. Either that
    /// incumbent is 100 and proven (`.optimal`), or the result is `.stoppedEarly` with
    /// `stoppedBy == .gap`, never `.optimal` with a value above 100.
    static func gapStopIsNotAProof(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        var (m, _) = marketSplit()
        let w = m.addVariable(name: "w", lowerBound: 100, upperBound: 100)
        var objective = m.objective.expression
        objective.add(1, w)
        m.setObjective(.minimize, objective)
        var p = SolveParameters()
        p.relativeGap = 0.9
        p.timeLimit = 60
        let r = try c.makeSolver().solve(m, parameters: p)
        let z = try XCTUnwrap(r.objectiveValue, r.message ?? "", file: file, line: line)
        switch r.termination {
        case .optimal:
            XCTAssertEqual(z, 100, accuracy: c.tolerance, r.message ?? "", file: file, line: line)
        case .stoppedEarly:
            XCTAssertEqual(r.stoppedBy, .gap, file: file, line: line)
            XCTAssertLessThanOrEqual(r.bestBound ?? .infinity, z + c.tolerance, file: file, line: line)
        default:
            XCTFail("\(r.termination): \(r.message ?? "")", file: file, line: line)
        }
    }

    /// A time limit of 0.5 s stops the market split search: `.timeLimit`, within seconds.
    /// On a larger instance (6 rows, 60 binaries), which neither backend solves in half a
    /// second on any machine: at 30 binaries CBC sometimes finds the planted point (value 0,
    /// which meets the LP bound) within the limit on an idle machine, and proves it.
    static func timeLimitStops(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        let (m, _) = marketSplit(rows: 6, columns: 60)
        var p = SolveParameters()
        p.timeLimit = 0.5
        let started = Date()
        let r = try c.makeSolver().solve(m, parameters: p)
        XCTAssertEqual(r.termination, .timeLimit, r.message ?? "", file: file, line: line)
        XCTAssertLessThan(Date().timeIntervalSince(started), 10, file: file, line: line)
        if r.hasSolution { checkFeasible(m, r.values, c.tolerance, file: file, line: line) }
    }

    /// With the planted point as hint and a node limit of 2 (which alone stops early, see
    /// above), the solver starts from value 0, which meets the LP bound 0: `.optimal`, 0.
    static func hintIsUsed(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        let (m, hint) = marketSplit()
        var p = SolveParameters()
        p.nodeLimit = 2
        p.timeLimit = 60
        p.hint = hint
        let r = try c.makeSolver().solve(m, parameters: p)
        XCTAssertEqual(r.termination, .optimal, r.message ?? "", file: file, line: line)
        XCTAssertEqual(r.objectiveValue ?? .nan, 0, accuracy: c.tolerance, file: file, line: line)
        checkFeasible(m, r.values, c.tolerance, file: file, line: line)
    }

    /// A hint of the wrong length throws `ModelError.hintLength`.
    static func hintOfWrongLengthIsRejected(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        let (m, hint) = marketSplit()
        var p = SolveParameters()
        p.hint = Array(hint.dropLast())
        XCTAssertThrowsError(try c.makeSolver().solve(m, parameters: p), file: file, line: line) { error in
            XCTAssertEqual(error as? ModelError, .hintLength(expected: hint.count, got: hint.count - 1), file: file, line: line)
        }
    }

    /// An objective step proves optimality on the lattice: max sum of 10 binaries with
    /// weights 0.5 under a cover row sum <= 4.5 -> 4 binaries, value 2, step 0.5.
    static func objectiveStepProves(_ c: ConformanceConfig, file: StaticString = #filePath, line: UInt = #line) throws {
        var m = Model()
        let x = (0..<10).map { m.addVariable(name: "x\($0)", kind: .binary) }
        m.addConstraint(name: "cover", LinearExpression(terms: x.map { (1.0, $0) }), .lessEqual(4.5))
        m.setObjective(.maximize, LinearExpression(terms: x.map { (0.5, $0) }))
        var p = SolveParameters()
        p.objectiveStep = 0.5
        let r = try c.makeSolver().solve(m, parameters: p)
        XCTAssertEqual(r.termination, .optimal, file: file, line: line)
        XCTAssertEqual(r.objectiveValue ?? .nan, 2, accuracy: c.tolerance, file: file, line: line)
    }

    /// Every row and bound of `m` holds at `values`, integers are whole.
    static func checkFeasible(_ m: Model, _ values: [Double], _ tolerance: Double,
                              file: StaticString, line: UInt) {
        XCTAssertEqual(values.count, m.variableCount, file: file, line: line)
        guard values.count == m.variableCount else { return }
        for (j, v) in m.variables.enumerated() {
            XCTAssertGreaterThanOrEqual(values[j], v.lowerBound - tolerance, v.name, file: file, line: line)
            XCTAssertLessThanOrEqual(values[j], v.upperBound + tolerance, v.name, file: file, line: line)
            if v.kind != .continuous { XCTAssertEqual(values[j], values[j].rounded(), accuracy: tolerance, file: file, line: line) }
        }
        for c in m.constraints {
            let a = c.expression.value(values)
            XCTAssertGreaterThanOrEqual(a, c.bounds.lower - tolerance * max(1, abs(a)), c.name, file: file, line: line)
            XCTAssertLessThanOrEqual(a, c.bounds.upper + tolerance * max(1, abs(a)), c.name, file: file, line: line)
        }
    }
}
