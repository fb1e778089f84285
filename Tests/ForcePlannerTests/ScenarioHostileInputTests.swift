import ForceBench
@testable import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// Hostile and broken input fails with one clear error, never a crash. The big inputs are
/// generated into a temporary directory rather than committed.
final class HostileInputScenarioTests: XCTestCase {
    var directory: URL!

    override func setUpWithError() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("forceplan-hostile-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: directory)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let url = directory.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// The single error a file must fail with.
    func failure(file path: String) -> Diagnostic? {
        do {
            _ = try ScenarioLoader.load(file: path)
            XCTFail("\(path) loaded, but should fail")
            return nil
        } catch {
            XCTAssertEqual(error.diagnostics.count, 1, "\(error)")
            return error.diagnostics.first
        }
    }

    func failure(yaml: String) -> Diagnostic? {
        do {
            _ = try ScenarioLoader.load(yaml: yaml, file: "hostile.yaml")
            XCTFail("loaded, but should fail")
            return nil
        } catch let error as ScenarioLoadError {
            XCTAssertEqual(error.diagnostics.count, 1, "\(error)")
            return error.diagnostics.first
        } catch {
            XCTFail("threw \(error)")
            return nil
        }
    }

    func testEmptyFileSaysItHasNoContent() throws {
        let d = failure(file: try write("empty.yaml", []))
        XCTAssertTrue(d?.message.contains("file has no content") == true, "\(String(describing: d))")
    }

    func testCommentsOnlyFileSaysItHasNoContent() {
        XCTAssertTrue(failure(yaml: "# nothing here\n\n")?.message.contains("file has no content") == true)
    }

    func testBinaryGarbageIsNotText() throws {
        var generator = SystemRandomNumberGenerator()
        var bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00]   // an ELF header
        bytes += (0..<4096).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let d = failure(file: try write("garbage.yaml", bytes))
        XCTAssertEqual(d?.location?.line, 1)
        XCTAssertTrue(d?.message.contains("binary file") == true || d?.message.contains("UTF-8") == true, "\(String(describing: d))")
    }

    func testInvalidUTF8IsReportedWhereItIs() throws {
        let bytes = Array("format: forceplan/v1\nname: caf".utf8) + [0xE9] + Array("\n".utf8)   // Latin-1 é
        let d = failure(file: try write("latin1.yaml", bytes))
        XCTAssertEqual(d?.location?.line, 2)
        XCTAssertEqual(d?.location?.column, 10)
        XCTAssertEqual(d?.message, "invalid UTF-8 (byte 0xE9); save the scenario as UTF-8 text")
    }

    func testNULByteIsRefused() {
        XCTAssertTrue(failure(yaml: "format: forceplan/v1\nname: a\u{0}b\n")?.message.contains("control character 0x00") == true)
    }

    func testDirectoryIsNotAScenario() {
        let d = failure(file: directory.path)
        XCTAssertNil(d?.location)
        XCTAssertEqual(d?.message, "is a directory; expected a scenario file (.yaml)")
    }

    func testMissingFileSaysSo() {
        let d = failure(file: directory.appendingPathComponent("nope.yaml").path)
        XCTAssertEqual(d?.message, "no such file; check the path")
    }

    func testFileOver16MiBIsRefusedBeforeReading() throws {
        // A sparse file: 17 MiB long, almost nothing on disk.
        let path = try write("huge.yaml", Array("format: forceplan/v1\n".utf8))
        let handle = try XCTUnwrap(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: UInt64(17 << 20))
        try handle.close()
        XCTAssertEqual(failure(file: path)?.message, "file is 17.0 MiB; scenario files are limited to 16 MiB")
    }

    func testTextOver16MiBIsRefused() {
        let yaml = "format: forceplan/v1\nname: big\ndescription: " + String(repeating: "x", count: 16 << 20) + "\n"
        XCTAssertTrue(failure(yaml: yaml)?.message.contains("limited to 16 MiB") == true)
    }

    func testFiveThousandDeepFlowNestingStopsAtTheDepthLimit() throws {
        let yaml = "format: forceplan/v1\nname: deep\ndescription: " + String(repeating: "[", count: 5000)
            + String(repeating: "]", count: 5000) + "\n"
        let d = failure(file: try write("deep-flow.yaml", Array(yaml.utf8)))
        XCTAssertEqual(d?.location?.line, 3)
        XCTAssertTrue(d?.message.contains("nest more than 64 levels") == true, "\(String(describing: d))")
    }

    func testFiveThousandDeepBlockNestingStopsAtTheDepthLimit() throws {
        let yaml = "format: forceplan/v1\nname: deep\ndescription:\n" + String(repeating: "- ", count: 5000) + "x\n"
        XCTAssertTrue(failure(file: try write("deep-block.yaml", Array(yaml.utf8)))?.message.contains("nest more than 64 levels") == true)
    }

    func testFiveThousandDeepMappingsStopAtTheDepthLimit() {
        let yaml = "format: forceplan/v1\nname: deep\ndescription: " + String(repeating: "{a: ", count: 5000)
            + "1" + String(repeating: "}", count: 5000) + "\n"
        XCTAssertTrue(failure(yaml: yaml)?.message.contains("nest more than 64 levels") == true)
    }

    func testBillionLaughsIsRefusedAtTheFirstAlias() throws {
        var yaml = "format: forceplan/v1\nname: lol\ndescription:\n  a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for i in 1...9 {
            let refs = Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ", ")
            yaml += "  a\(i): &a\(i) [\(refs)]\n"
        }
        let d = failure(file: try write("lol.yaml", Array(yaml.utf8)))
        XCTAssertEqual(d?.location?.line, 5)
        XCTAssertEqual(d?.location?.column, 12)
        XCTAssertTrue(d?.message.contains("YAML alias '*a0' is not supported") == true, "\(String(describing: d))")
    }

    func testMergeKeysAreAliasesAndRefused() {
        let yaml = "format: forceplan/v1\nname: merge\nlocations:\n  a: &base {tags: [x]}\n  b:\n    <<: *base\n"
        XCTAssertEqual(failure(yaml: yaml)?.location?.line, 6)
    }

    func testTooManyValuesAreRefused() {
        let yaml = "format: forceplan/v1\nname: wide\ndescription: [" + String(repeating: "1,", count: 600_000) + "1]\n"
        XCTAssertTrue(failure(yaml: yaml)?.message.contains("more than 500000 YAML values") == true)
    }

    func testSyntaxErrorCarriesTheParsersLineAndColumn() {
        let d = failure(yaml: "format: forceplan/v1\nname: x\nlocations:\n  kyiv: {tags: [ukraine}\n")
        XCTAssertEqual(d?.description,
                       "hostile.yaml:4:24: YAML syntax error: did not find expected ',' or ']' while parsing a flow sequence started at 4:16; close the list with ']' or separate items with ','")
    }

    func testHugeKeyMakesABoundedMessage() {
        let yaml = "format: forceplan/v1\nname: x\n" + String(repeating: "k", count: 100_000) + ": 1\n"
        let d = failure(yaml: yaml)
        XCTAssertLessThan(d?.message.count ?? .max, 1000)
    }

    func testByteOrderMarkAndCRLFLineEndsAreFine() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("format: forceplan/v1\r\nname: windows\r\nnmae: x\r\n".utf8)
        let d = failure(file: try write("windows.yaml", bytes))
        XCTAssertEqual(d?.location?.line, 3)
        XCTAssertEqual(d?.location?.column, 1)
        XCTAssertTrue(d?.message.hasPrefix("unknown key 'nmae' in scenario") == true, "\(String(describing: d))")
    }

    func testSymbolicLinkToAScenarioLoads() throws {
        let link = directory.appendingPathComponent("link.yaml")
        let tutorial = LoaderScenarioTests.packageRoot.appendingPathComponent("scenarios/tutorial.yaml")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: tutorial)
        XCTAssertEqual(try ScenarioLoader.load(file: link.path).scenario.name, "tutorial")
    }

    func testThousandsOfErrorsAreCountedButNotAllKept() {
        var yaml = "format: forceplan/v1\nname: broken\ncapabilities:\n"
        for i in 0..<12_000 { yaml += "  c\(i): {domain: lnd}\n" }
        do {
            _ = try ScenarioLoader.load(yaml: yaml, file: "broken.yaml")
            XCTFail("loaded")
        } catch let error as ScenarioLoadError {
            XCTAssertEqual(error.diagnostics.count, ScenarioLoader.maxErrors + 1)
            XCTAssertEqual(error.diagnostics.last?.message, "11950 more errors not shown; fix the ones above first")
        } catch {
            XCTFail("\(error)")
        }
    }

    func testTopLevelScalarIsNotAScenario() {
        XCTAssertTrue(failure(yaml: "just some text\n")?.message.contains("expected a mapping at the top of the file") == true)
    }
}
