import Foundation
import ForcePlanTestSupport
import ForcePlanner
import GLPKSolver
import LinearModel
import XCTest

/// `SolverPortfolio`'s turns end.
final class PortfolioTests: XCTestCase {
    /// A relative gap with neither a node budget nor a time limit: each GLPK turn stops on
    /// the gap (`.stoppedEarly`, `.gap`), and the portfolio used to hand over to the next
    /// turn, doubling the turns' budget, until its node count overflowed (a crash after
    /// some 60 rounds). It must return the gap stop (or a proof). The model is the market
    /// split plus a column fixed at 100 (optimum and LP bound 100, see
    /// ``SolverConformance/gapStopIsNotAProof``): with a 90% gap any incumbent below 1000
    /// stops the search. The solve runs on a thread of its own so that a loop fails the
    /// test after 120 s instead of hanging the suite.
    func testGapWithoutLimitsReturns() throws {
        var (m, _) = SolverConformance.marketSplit()
        let w = m.addVariable(name: "w", lowerBound: 100, upperBound: 100)
        var objective = m.objective.expression
        objective.add(1, w)
        m.setObjective(.minimize, objective)
        let portfolio = SolverPortfolio(GLPKSolver.portfolio)
        XCTAssertNil(portfolio.nodeBudget)
        var p = SolveParameters()
        p.relativeGap = 0.9
        let box = Box()
        let done = DispatchSemaphore(value: 0)
        let (model, parameters) = (m, p)
        Thread {
            box.set(Result { try portfolio.solve(model, parameters: parameters) })
            done.signal()
        }.start()
        guard done.wait(timeout: .now() + 120) == .success else {
            return XCTFail("the portfolio did not return within 120 s")
        }
        let r = try XCTUnwrap(box.get()).get()
        let z = try XCTUnwrap(r.objectiveValue, r.message ?? "")
        switch r.termination {
        case .optimal:
            XCTAssertEqual(z, 100, accuracy: 1e-6)
        case .stoppedEarly:
            XCTAssertEqual(r.stoppedBy, .gap, r.message ?? "")
            XCTAssertEqual(r.primalStatus, .feasiblePoint)
            let bound = try XCTUnwrap(r.bestBound)
            XCTAssertLessThanOrEqual(bound, z + 1e-6)
            XCTAssertLessThanOrEqual((z - bound) / z, 0.9 + 1e-9)   // within the gap asked for
        default:
            XCTFail("\(r.termination): \(r.message ?? "")")
        }
    }

    /// A portfolio's nodes and simplex iterations are those of all its turns together:
    /// with a budget of 1,200 nodes on the market split (which no member proves that
    /// soon), each member's turns are recorded and summed by hand.
    func testNodesAndIterationsSumTheTurns() throws {
        let (m, _) = SolverConformance.marketSplit()
        let log = Recorded<(limit: Int?, nodes: Int, iterations: Int)>()
        let members = GLPKSolver.portfolio.map { member in
            RecordingSolver(inner: member) { _, p, r in log.append((p.nodeLimit, r.nodes ?? 0, r.iterations ?? 0)) } as any Solver
        }
        let r = try SolverPortfolio(members, nodeBudget: 1_200).solve(m, parameters: SolveParameters())
        XCTAssertEqual(r.termination, .stoppedEarly, r.message ?? "")
        XCTAssertEqual(r.stoppedBy, .nodes)
        XCTAssertEqual(log.entries.map(\.limit), [500, 500, 200])  // two turns of 500, then what is left
        XCTAssertEqual(r.nodes, log.entries.map(\.nodes).reduce(0, +))
        XCTAssertEqual(r.iterations, log.entries.map(\.iterations).reduce(0, +))
        XCTAssertGreaterThan(r.iterations ?? 0, 0)
    }

    /// A portfolio is a `Solver`: its name lists its members in turn order.
    func testPortfolioNamesItsMembers() {
        let portfolio = SolverPortfolio(GLPKSolver.portfolio)
        let one = GLPKSolver().name
        XCTAssertEqual(portfolio.name, "\(one), then \(one)")
    }
}

private final class Box: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Result<SolveResult, Error>?
    func set(_ r: Result<SolveResult, Error>) { lock.lock(); value = r; lock.unlock() }
    func get() -> Result<SolveResult, Error>? { lock.lock(); defer { lock.unlock() }; return value }
}
