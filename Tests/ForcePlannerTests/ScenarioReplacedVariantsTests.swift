import Foundation
import XCTest
import ForcePlanner
import GLPKSolver

/// The shipped what-ifs were full copies of coalition-2025.yaml until they became variants
/// of it. The golden files under `Fixtures/golden/replaced/` are what the full copies
/// planned to (the copies as the common fund left them, commit 88b1656: `forceplan plan
/// scenarios/coalition-2025-X.yaml --format json --no-alternatives --no-binding`); the
/// variants must plan to the same bytes.
final class ReplacedVariantScenarioTests: XCTestCase {
    func plan(_ name: String) throws -> String {
        let path = LoaderScenarioTests.packageRoot.appendingPathComponent("scenarios/\(name).yaml").path
        let scenario = try ScenarioLoader.load(file: path).scenario
        let settings = PlannerSettings(timeLimit: 120, alternatives: false, findBinding: false)
        return JSONReport.render(portfolioPlanner(scenario, settings).planAll())
    }

    func golden(_ name: String) throws -> String {
        try String(contentsOf: LoaderScenarioTests.packageRoot.appendingPathComponent(
            "Tests/ForcePlannerTests/Fixtures/golden/replaced/\(name).json"), encoding: .utf8)
    }

    func testNoBackstopVariantPlansAsTheFullFileDid() throws {
        XCTAssertEqual(try plan("coalition-2025-no-backstop"), try golden("coalition-2025-no-backstop"))
    }

    func testLowCeilingVariantPlansAsTheFullFileDid() throws {
        XCTAssertEqual(try plan("coalition-2025-low-ceiling"), try golden("coalition-2025-low-ceiling"))
    }

    /// The full copy set Japan's funds to 0; the variant restates Japan with funds 0.
    func testNoFundVariantPlansAsTheFullFileDid() throws {
        XCTAssertEqual(try plan("coalition-2025-no-fund"), try golden("coalition-2025-no-fund"))
    }

    /// The full file excluded the UK from every option; the variant removes it (`uk: null`).
    func testUKWithdrawsVariantPlansAsTheFullFileDid() throws {
        XCTAssertEqual(try plan("coalition-2025-uk-withdraws"), try golden("coalition-2025-uk-withdraws"))
    }
}
