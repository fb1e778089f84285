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
    /// `options`: plan only these (the options the full copy has: the base file gained
    /// `resilient` after the copies were replaced, and its variants inherit it).
    func plan(_ path: String, options: [String]? = nil) throws -> String {
        var scenario = try ScenarioLoader.load(file: LoaderScenarioTests.packageRoot.appendingPathComponent(path).path).scenario
        if let options { scenario.options.removeAll { !options.contains($0.id) } }
        let settings = PlannerSettings(timeLimit: 120, alternatives: false, findBinding: false)
        return JSONReport.render(portfolioPlanner(scenario, settings).planAll())
    }

    func assertVariantPlansAsItsFullCopy(_ name: String, status: String = "optimal",
                                         file: StaticString = #filePath, line: UInt = #line) throws {
        let fullPath = "Tests/ForcePlannerTests/Fixtures/replaced/\(name).yaml"
        let kept = try ScenarioLoader.load(file: LoaderScenarioTests.packageRoot.appendingPathComponent(fullPath).path)
            .scenario.options.map(\.id)
        let variant = try plan("scenarios/\(name).yaml", options: kept)
        let full = try plan(fullPath)
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
    /// Mine clearance (min_nations 3, 2 coastal nations left) counts 0 either way; every
    /// option is planned (it was infeasible while the rule was hard).
    func testTurkeyClosesTheBlackSeaVariantPlansAsItsFullCopy() throws {
        try assertVariantPlansAsItsFullCopy("coalition-2025-turkey-closes-black-sea")
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
