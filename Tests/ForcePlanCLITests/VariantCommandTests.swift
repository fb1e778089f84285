import ForcePlanTestSupport
import Foundation
import XCTest

/// Variants through the built `forceplan`: misspelled ids fail with exit 2 where the
/// variant writes them; `whatif --stable` and units moved in its outputs.
final class VariantCommandTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = try TestFiles.temporaryDirectory()
        // base.yaml and dearer.yaml, as in WhatIfStableTests: r needs 2 infantry at a; u's 2 units
        // (cost 1) serve it in the baseline; the variant makes them cost 5, so a plain re-plan
        // swaps to f's 2 (cost 2 each): 4 units moved; stable keeps u's: 0.
        try TestFiles.writeStablePair(in: directory)
    }

    // MARK: Through the binary

    /// `forceplan validate` on each misspelled-id fixture of the malformed corpus: exit 2,
    /// `FILE:LINE:COL:` of the variant, and the suggestion, on stderr.
    func testMisspelledIDsFailThroughTheBinaryWithExitTwoAPositionAndASuggestion() throws {
        let cases: [(file: String, at: String, near: String)] = [
            ("extends-misspelled-nation.yaml", "6:3", "did you mean 'france'?"),
            ("extends-misspelled-requirement.yaml", "6:10", "did you mean 'air-policing'?"),
            ("extends-misspelled-option.yaml", "6:10", "did you mean 'without-france'?"),
            ("extends-misspelled-pledge.yaml", "7:28", "did you mean 'jet'?"),
            ("extends-misspelled-location.yaml", "6:3", "did you mean 'poland'?"),
        ]
        for c in cases {
            let path = "Tests/ForcePlannerTests/Fixtures/malformed/" + c.file
            let result = try ForcePlanCLI.run(["validate", path])
            XCTAssertEqual(result.status, 2, c.file)
            XCTAssertEqual(result.stdout, "", c.file)
            XCTAssertTrue(result.stderr.hasPrefix("\(path):\(c.at): no "), "\(c.file): \(result.stderr)")
            XCTAssertTrue(result.stderr.contains(c.near), "\(c.file): \(result.stderr)")
            XCTAssertEqual(result.stderr.split(separator: "\n").count, 1, "one error: \(result.stderr)")
        }
    }

    /// Through the binary: `--stable` in the JSON and the text, units moved in both.
    func testTheStableFlagThroughTheBinary() throws {
        let base = directory.appendingPathComponent("base.yaml").path, variant = directory.appendingPathComponent("dearer.yaml").path
        let stable = try ForcePlanCLI.run(["whatif", base, variant, "--stable", "--format", "json", "--quiet"])
        XCTAssertEqual(stable.status, 0, stable.stderr)
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(stable.stdout.utf8)) as? [String: Any])
        XCTAssertEqual(object["stable"] as? Bool, true)
        let variants = try XCTUnwrap(object["variants"] as? [[String: Any]])
        let delta = try XCTUnwrap((variants.first?["delta"] as? [String: [String: Any]])?["only"])
        XCTAssertEqual(delta["units_moved"] as? Int, 0)
        let text = try ForcePlanCLI.run(["whatif", base, variant, "--quiet"])
        XCTAssertEqual(text.status, 0, text.stderr)
        XCTAssertTrue(text.stdout.contains("  dearer: nations joined: f; nations left: u; units moved: 4\n"), text.stdout)
        XCTAssertTrue(text.stdout.contains("  dearer: u: pledge inf: cost 1 -> 5\n"), text.stdout)
    }
}
