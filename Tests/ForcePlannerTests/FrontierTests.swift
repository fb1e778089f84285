import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// `Frontier`: the epsilon-constraint frontier, point for point.
final class FrontierTests: XCTestCase {
    /// One nation, 4 infantry units (100 personnel each, cost 1); r1 needs 2 in Ukraine,
    /// r2 needs 2 in Poland, equal weights. Coverage = (min(k, 2) / 2 + 1) / 2 with k units
    /// in Ukraine once r2 is full (r2 costs no Ukrainian personnel, so it always is):
    /// - personnel-in:ukraine <= 0: k = 0, coverage 1/2, cost 2;
    /// - <= 100: k = 1, coverage 3/4, cost 3;
    /// - <= 200: k = 2, coverage 1, cost 4 (the best coverage; more personnel buys nothing).
    /// With 5 points the bounds are 0, 50, 100, 150, 200: 50 and 150 repeat 0 and 100.
    let yaml = header + """
    nations:
      a: {pledges: [{capability: inf, units: 4, cost: 1}]}
    requirements:
      - {id: r1, needs: inf, units: 2, at: [ua-west]}
      - {id: r2, needs: inf, units: 2, at: [poland]}
    """

    func trace(points: Int) throws -> FrontierReport {
        let s = try scenario(yaml)
        return try Frontier.trace(portfolioPlanner(s), option: try XCTUnwrap(s.effectiveOptions.first),
                                  x: .personnelIn(tag: "ukraine"), y: .coverage, points: points)
    }

    func testTwoRequirementFrontierMatchesTheHandDerivation() throws {
        let report = try trace(points: 5)
        let rows = report.points.map { p in
            [p.value(of: .personnelIn(tag: "ukraine")) ?? -1, p.value(of: .coverage) ?? -1, p.value(of: .cost) ?? -1]
        }
        XCTAssertEqual(rows.count, 3)
        for (row, expected) in zip(rows, [[0, 0.5, 2], [100, 0.75, 3], [200, 1, 4]]) {
            for (a, b) in zip(row, expected) { XCTAssertEqual(a, b, accuracy: 1e-9, "\(rows)") }
        }
        XCTAssertEqual(report.points.map(\.epsilon), [0, 100, 200])
        XCTAssertEqual(report.skipped, [])
        // Each point carries its plan: k units in Ukraine.
        XCTAssertEqual(report.points.map { p in
            p.result.plan?.assignments.filter { $0.requirement == "r1" }.reduce(0) { $0 + $1.units } ?? -1
        }, [0, 1, 2])
    }

    func testTwoPointsAreTheEnds() throws {
        let report = try trace(points: 2)
        XCTAssertEqual(report.points.map { $0.value(of: .coverage) ?? -1 }, [0.5, 1])
    }

    func testObjectiveNamesAreChecked() throws {
        let s = try scenario(yaml)
        XCTAssertEqual(try Frontier.objective("personnel-in:ukraine", in: s), .personnelIn(tag: "ukraine"))
        XCTAssertThrowsError(try Frontier.objective("personnel-in:ukrain", in: s)) { e in
            XCTAssertTrue("\(e)".contains("did you mean 'ukraine'"), "\(e)")
        }
        XCTAssertThrowsError(try Frontier.objective("happiness", in: s))
        XCTAssertThrowsError(try Frontier.trace(portfolioPlanner(s), option: try XCTUnwrap(s.effectiveOptions.first),
                                                x: .coverage, y: .coverage, points: 3))
    }
}
