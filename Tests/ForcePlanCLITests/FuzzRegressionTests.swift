import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// Every input in Fixtures/fuzz-regressions once crashed (or hung) the loader under
/// libFuzzer (`make fuzz`); now each loads or fails with located diagnostics.
final class FuzzRegressionTests: XCTestCase {
    static var corpus: URL {
        ForcePlanCLI.root.appendingPathComponent("Tests/ForcePlannerTests/Fixtures/fuzz-regressions")
    }

    func testEveryRegressionInputGivesADiagnosticOrAScenario() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.corpus.path).filter { !$0.hasPrefix(".") }.sorted()
        for name in files {
            let data = try Data(contentsOf: Self.corpus.appendingPathComponent(name))
            do {
                let loaded = try ScenarioLoader.load(bytes: [UInt8](data), file: name)
                XCTAssertFalse(loaded.scenario.name.isEmpty, name)
            } catch {
                XCTAssertFalse(error.diagnostics.isEmpty, name)
                for d in error.diagnostics {
                    XCTAssertTrue(d.description.hasPrefix(name + ":"), "\(name): \(d.description)")
                    XCTAssertFalse(d.message.isEmpty, name)
                }
            }
        }
    }

    /// The regression corpus is there for the test above to replay (it starts with a
    /// README; crashing inputs are added next to it).
    func testCorpusIsPresent() throws {
        XCTAssertTrue(FileManager.default.fileExists(atPath: Self.corpus.appendingPathComponent(".README").path))
    }
}
