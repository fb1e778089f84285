import Foundation
import LinearModel
import XCTest
@testable import CBCSolver

/// CBC's driver is not reentrant; CBCSolver serialises its sessions, so solves from many
/// threads at once all finish with the right answer.
final class CBCThreadTests: XCTestCase {
    /// 4 threads x 25 solves, alternating an LP and a MILP whose optimum depends on the
    /// solve number k: max x + y, x + 2y <= 10 + k, x <= 4, y integer ->
    /// y = floor((6 + k) / 2), x = 4: optimum 4 + floor((6 + k) / 2); as an LP,
    /// y = (6 + k) / 2: optimum 4 + (6 + k) / 2.
    func testConcurrentSolvesOnFourThreadsAllGetTheirOwnOptimum() {
        let threads = 4, solves = 25
        let failures = Failures()
        let group = DispatchGroup()
        for t in 0..<threads {
            group.enter()
            Thread {
                defer { group.leave() }
                for k in 0..<solves {
                    let integer = (k + t) % 2 == 0
                    var m = Model()
                    let x = m.addVariable(name: "x", upperBound: 4)
                    let y = m.addVariable(name: "y", kind: integer ? .integer : .continuous)
                    m.addConstraint(name: "c", x + 2 * y, .lessEqual(Double(10 + k)))
                    m.setObjective(.maximize, x + y)
                    let expected = 4 + (integer ? Double((6 + k) / 2) : Double(6 + k) / 2)
                    do {
                        let r = try CBCSolver().solve(m)
                        if r.termination != .optimal || abs((r.objectiveValue ?? .nan) - expected) > 1e-9 {
                            failures.add("thread \(t) solve \(k): \(r.termination) \(r.objectiveValue ?? .nan) != \(expected)")
                        }
                    } catch {
                        failures.add("thread \(t) solve \(k): \(error)")
                    }
                }
            }.start()
        }
        group.wait()
        XCTAssertEqual(failures.all, [])
    }
}

final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ s: String) { lock.lock(); list.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
