import ForceBench
@testable import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// The fixture corpus documents itself: each malformed file's first line is
/// `# expect: LINE:COL: message fragment` (or `# expect: FILE:LINE:COL: ...` for an error in
/// another file, a variant's base under `bases/`, relative to the fixture), each valid file loads (and a first line
/// `# warning: LINE:COL: fragment` names a warning it must give).
final class MalformedCorpusScenarioTests: XCTestCase {
    struct Expectation {
        var line: Int
        var column: Int
        var fragment: String
        /// The file the error is in, relative to the fixture's folder; nil for the fixture.
        var file: String?
    }

    static func fixtures(_ folder: String) throws -> [URL] {
        let root = try XCTUnwrap(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let dir = root.appendingPathComponent(folder)
        return try FileManager.default.contentsOfDirectory(at: dir, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "yaml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Parses `# expect: 12:7: unknown capability ...` (or `# warning: ...`).
    static func expectation(in url: URL, prefix: String) throws -> Expectation? {
        let text = try String(contentsOf: url, encoding: .utf8)
        let first = text.prefix { $0 != "\n" }
        guard first.hasPrefix(prefix) else { return nil }
        let rest = first.dropFirst(prefix.count).trimmingCharacters(in: .whitespaces)
        var parts = rest.split(separator: ":", maxSplits: 3, omittingEmptySubsequences: false)
        var file: String?
        if let first = parts.first, Int(first) == nil {
            file = String(first)
            parts.removeFirst()
        } else if parts.count == 4 {
            parts = Array(parts.prefix(2)) + [parts[2] + ":" + parts[3]]
        }
        guard parts.count == 3, let line = Int(parts[0]), let column = Int(parts[1]) else { return nil }
        return Expectation(line: line, column: column, fragment: parts[2].trimmingCharacters(in: .whitespaces), file: file)
    }

    func testCorpusHasAtLeastFortyMalformedFiles() throws {
        XCTAssertGreaterThanOrEqual(try Self.fixtures("malformed").count, 40)
    }

    func testEveryMalformedFileFailsWithItsExpectedMessageAtItsExpectedPosition() throws {
        for url in try Self.fixtures("malformed") {
            let name = url.lastPathComponent
            guard let expected = try Self.expectation(in: url, prefix: "# expect:") else {
                XCTFail("\(name): first line must be '# expect: LINE:COL: fragment'")
                continue
            }
            do {
                _ = try ScenarioLoader.load(file: url.path)
                XCTFail("\(name): loaded, but should fail with \(expected.line):\(expected.column): \(expected.fragment)")
            } catch {
                let errors = error.diagnostics.filter { $0.severity == .error }
                let file = expected.file.map { url.deletingLastPathComponent().appendingPathComponent($0).path } ?? url.path
                let hit = errors.contains {
                    $0.location?.line == expected.line && $0.location?.column == expected.column
                        && $0.message.contains(expected.fragment) && $0.file == file
                }
                XCTAssertTrue(hit, "\(name): want \(expected.line):\(expected.column): \(expected.fragment)\ngot:\n\(error)")
                // The first error is the one the planner reads first: it must be this one's line.
                XCTAssertEqual(errors.first?.location?.line, expected.line, "\(name): first error is elsewhere:\n\(error)")
            }
        }
    }

    func testEveryValidFixtureLoadsWithTheWarningsItNames() throws {
        let files = try Self.fixtures("valid")
        XCTAssertGreaterThanOrEqual(files.count, 4)
        for url in files {
            let name = url.lastPathComponent
            do {
                let loaded = try ScenarioLoader.load(file: url.path)
                if let warning = try Self.expectation(in: url, prefix: "# warning:") {
                    XCTAssertTrue(loaded.warnings.contains {
                        $0.location?.line == warning.line && $0.location?.column == warning.column
                            && $0.message.contains(warning.fragment)
                    }, "\(name): want warning \(warning.line):\(warning.column): \(warning.fragment); got \(loaded.warnings)")
                } else {
                    XCTAssertEqual(loaded.warnings, [], "\(name)")
                }
            } catch {
                XCTFail("\(name) should load:\n\(error)")
            }
        }
    }
}
