import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import GLPKSolver
import XCTest

/// The shipped what-ifs were full copies of coalition-2025.yaml until they became variants
/// of it. The full copies are kept under `Fixtures/replaced/` (as they were when replaced,
/// common fund included); each variant must plan to the same bytes as its full copy, with
/// the same code (`forceplan plan FILE --format json --no-alternatives --no-binding`).
final class ReplacedVariantScenarioTests: XCTestCase {
    func plan(_ path: String) throws -> String {
        let scenario = try ScenarioLoader.load(file: LoaderScenarioTests.packageRoot.appendingPathComponent(path).path).scenario
        let settings = PlannerSettings(timeLimit: 120, alternatives: false, findBinding: false)
        return JSONReport.render(portfolioPlanner(scenario, settings).planAll())
    }

    func assertVariantPlansAsItsFullCopy(_ name: String, status: String = "optimal",
                                         file: StaticString = #filePath, line: UInt = #line) throws {
        let variant = try plan("scenarios/\(name).yaml")
        let full = try plan("Tests/ForcePlannerTests/Fixtures/replaced/\(name).yaml")
        XCTAssertEqual(variant, full, file: file, line: line)
        XCTAssertTrue(variant.contains("\"status\": \"\(status)\""), "the comparison covers real plans", file: file, line: line)
    }

    func testNoBackstopVariantPlansAsTheFullFileDid() throws {
        try assertVariantPlansAsItsFullCopy("coalition-2025-no-backstop")
    }

    func testLowCeilingVariantPlansAsTheFullFileDid() throws {
        try assertVariantPlansAsItsFullCopy("coalition-2025-low-ceiling")
    }

    /// The full copy set Japan's funds to 0; the variant says only `japan: {funds: 0}`.
    func testNoFundVariantPlansAsTheFullFileDid() throws {
        try assertVariantPlansAsItsFullCopy("coalition-2025-no-fund")
    }

    /// The full file excluded the UK from every option; the variant removes it (`uk: null`).
    func testUKWithdrawsVariantPlansAsTheFullFileDid() throws {
        try assertVariantPlansAsItsFullCopy("coalition-2025-uk-withdraws")
    }

    /// The variant says `turkey: {pledges: null}` (it restated Türkiye whole with
    /// `pledges: []` when entries replaced whole); the full copy lists no Turkish pledge.
    /// Infeasible either way: the plans compared are the conflicts.
    func testTurkeyClosesTheBlackSeaVariantPlansAsItsFullCopy() throws {
        try assertVariantPlansAsItsFullCopy("coalition-2025-turkey-closes-black-sea", status: "infeasible")
    }

    /// One line, `poland: {hosts: none}`.
    func testPolandHostsNoneVariantPlansAsItsFullCopy() throws {
        try assertVariantPlansAsItsFullCopy("coalition-2025-poland-hosts-none")
    }

    /// Requirements merge by id, field by field: only the units change.
    func testRequirementsPlus25VariantPlansAsItsFullCopy() throws {
        try assertVariantPlansAsItsFullCopy("coalition-2025-requirements-plus-25")
    }

    func testTutorialUKWithdrawsVariantPlansAsItsFullCopy() throws {
        try assertVariantPlansAsItsFullCopy("tutorial-uk-withdraws")
    }
}
