import ForcePlanTestSupport
import Foundation
import XCTest

/// The module graph of docs/architecture.md, checked on the sources: each module imports only
/// what is upstream of it, only a backend imports its C module, and the CLI imports no
/// backend. (SwiftPM can let a file import a module its target does not depend on when that
/// module happens to be built already; this test does not.)
final class LayeringTests: XCTestCase {
    /// Each of the package's modules and the package modules it may import (directly).
    static let allowed: [String: Set<String>] = [
        "ForceScenario": ["CLibYAML"],
        "LinearModel": [],
        "GLPKSolver": ["LinearModel", "CGLPK", "CGLPKShim"],
        "CBCSolver": ["LinearModel", "CCBCShim"],
        "ForcePlanner": ["ForceScenario", "LinearModel"],
        "ForceReports": ["ForceScenario", "ForcePlanner"],
        "ForceBench": ["ForceScenario", "ForcePlanner", "ForceReports"],
        "StandardPlanner": ["ForceScenario", "ForcePlanner", "ForceReports", "ForceBench", "LinearModel",
                            "GLPKSolver", "CBCSolver"],
        "forceplan": ["ForceScenario", "ForcePlanner", "ForceReports", "ForceBench", "StandardPlanner"],
    ]
    /// Modules of the package (others, such as Foundation, are not checked).
    static let packageModules: Set<String> = Set(allowed.keys).union(["CLibYAML", "CGLPK", "CGLPKShim", "CCBC", "CCBCShim"])

    /// `import X` (and `@testable import X`) lines of every Swift file under `directory`.
    func imports(in directory: URL) throws -> [(file: String, module: String)] {
        var found: [(String, String)] = []
        let files = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        while let url = files?.nextObject() as? URL {
            guard url.pathExtension == "swift" else { continue }
            let text = try String(contentsOf: url, encoding: .utf8)
            for line in text.split(separator: "\n") {
                let words = line.split(separator: " ").map(String.init)
                guard let i = words.firstIndex(of: "import"), i + 1 < words.count,
                      words[..<i].allSatisfy({ $0.hasPrefix("@") }) else { continue }
                found.append((url.lastPathComponent, words[i + 1]))
            }
        }
        return found
    }

    func testEveryModuleImportsOnlyWhatIsUpstreamOfIt() throws {
        for (module, upstream) in Self.allowed.sorted(by: { $0.key < $1.key }) {
            let dir = packageRoot.appendingPathComponent("Sources/\(module)")
            let found = try imports(in: dir)
            XCTAssertFalse(found.isEmpty && module != "LinearModel", "\(module): no imports read from \(dir.path)")
            for (file, imported) in found where Self.packageModules.contains(imported) {
                XCTAssertTrue(upstream.contains(imported), "\(module)/\(file) imports \(imported), which is not upstream of it")
            }
        }
    }

    func testOnlyABackendImportsItsCModule() throws {
        for module in Self.allowed.keys where !["GLPKSolver", "CBCSolver"].contains(module) {
            for (file, imported) in try imports(in: packageRoot.appendingPathComponent("Sources/\(module)")) {
                XCTAssertFalse(["CGLPK", "CGLPKShim", "CCBC", "CCBCShim"].contains(imported), "\(module)/\(file) imports \(imported)")
            }
        }
    }

    /// The check can fail: a file of ForceScenario that imported ForcePlanner would be caught.
    func testTheCheckSeesADownstreamImport() throws {
        let dir = try FileManager.default.url(for: .itemReplacementDirectory, in: .userDomainMask,
                                              appropriateFor: FileManager.default.temporaryDirectory, create: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "import Foundation\n@testable import ForcePlanner\n".write(to: dir.appendingPathComponent("Bad.swift"),
                                                                        atomically: true, encoding: .utf8)
        let found = try imports(in: dir).map(\.module)
        XCTAssertEqual(found, ["Foundation", "ForcePlanner"])
        XCTAssertFalse(Self.allowed["ForceScenario", default: []].contains("ForcePlanner"))
    }
}
