import Foundation
import LinearModel
import XCTest
@testable import GLPKSolver

/// GLPK state is per thread: solves on distinct threads run at the same time, unharmed.
final class ThreadTests: XCTestCase {
    /// 4 threads x 50 solves, alternating an LP and a MILP whose optimum depends on the
    /// solve number k: max x + y, x + 2y <= 10 + k, x <= 4, y integer ->
    /// y = floor((6 + k) / 2), x = 4 (for k < 100): optimum 4 + floor((6 + k) / 2);
    /// as an LP, y = (6 + k) / 2: optimum 4 + (6 + k) / 2.
    func testConcurrentSolvesOnFourThreads() throws {
        let threads = 4, solves = 50
        let failures = ErrorBox()
        let done = DispatchSemaphore(value: 0)
        let counter = Counter()
        for t in 0..<threads {
            let thread = Thread {
                defer { done.signal() }
                for k in 0..<solves {
                    let integer = (k + t) % 2 == 0
                    var m = Model()
                    let x = m.addVariable(name: "x", upperBound: 4)
                    let y = m.addVariable(name: "y", kind: integer ? .integer : .continuous)
                    m.addConstraint(name: "c", x + 2 * y, .lessEqual(Double(10 + k)))
                    m.setObjective(.maximize, x + y)
                    let expected = 4 + (integer ? Double((6 + k) / 2) : Double(6 + k) / 2)
                    do {
                        let r = try GLPKSolver().solve(m)
                        if r.termination != .optimal || abs(r.objectiveValue! - expected) > 1e-9 {
                            failures.set(NSError(domain: "thread \(t) solve \(k): \(r)", code: 1))
                        }
                        counter.increment()
                    } catch {
                        failures.set(error)
                    }
                }
            }
            thread.start()
        }
        for _ in 0..<threads { done.wait() }
        XCTAssertNil(failures.error)
        XCTAssertEqual(counter.value, threads * solves)
    }

    /// A trapped GLPK error on one thread leaves solves on the other threads alone.
    func testTrappedErrorOnOneThreadDoesNotDisturbOthers() throws {
        let failures = ErrorBox()
        let done = DispatchSemaphore(value: 0)
        let worker = Thread {
            defer { done.signal() }
            for k in 0..<200 {
                var m = Model()
                let x = m.addVariable(name: "x", kind: .integer, upperBound: Double(k))
                m.setObjective(.maximize, LinearExpression(x))
                do {
                    if try GLPKSolver().solve(m).objectiveValue != Double(k) {  // max x, x <= k
                        failures.set(NSError(domain: "wrong optimum at \(k)", code: 1))
                    }
                } catch { failures.set(error) }
            }
        }
        worker.start()
        for _ in 0..<20 { XCTAssertThrowsError(try GLPKSession.trapInvalidCallForTesting()) }
        done.wait()
        XCTAssertNil(failures.error)
    }
}

final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    var value: Int { lock.lock(); defer { lock.unlock() }; return count }
    func increment() { lock.lock(); count += 1; lock.unlock() }
}
