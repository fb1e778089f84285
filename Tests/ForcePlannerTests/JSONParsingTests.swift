import ForceBench
import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import XCTest

/// Reading results lines back: JSON with keys kept in order.
final class JSONParsingTests: XCTestCase {
    func testRoundTripKeepsKeyOrderAndValues() throws {
        let v = JSONValue.object([("b", .number(1.25)), ("a", .array([.bool(true), .null, .string("x\"\n\\y")])),
                                  ("n", .number(-3e-7))])
        XCTAssertEqual(try JSONValue.parse(v.rendered(pretty: false)), v)
        XCTAssertEqual(try JSONValue.parse(v.rendered(pretty: true)), v)
    }

    func testEscapesIncludingASurrogatePair() throws {
        // U+1F600 is the pair D83D DE00; \u00e9 is é.
        XCTAssertEqual(try JSONValue.parse(#""\u00e9\ud83d\ude00\t""#), .string("é\u{1F600}\t"))
        // A lone high surrogate becomes U+FFFD rather than a crash.
        XCTAssertEqual(try JSONValue.parse(#""\ud83d\u0041""#), .string("\u{FFFD}"))
    }

    func testMalformedTextIsAnErrorWithItsLineAndColumn() {
        XCTAssertThrowsError(try JSONValue.parse(#"{"id": "a", }"#)) { error in
            XCTAssertEqual("\(error)", "1:13: expected a quoted key")
        }
        XCTAssertThrowsError(try JSONValue.parse(#"{"id": "a"#))
        XCTAssertThrowsError(try JSONValue.parse("[1] 2"))
        XCTAssertThrowsError(try JSONValue.parse(String(repeating: "[", count: 100)))
    }

    func testCutOffLastLineIsLeftOutOfASummaryRead() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("cut-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try "{\"id\":\"a\"}\n{\"id\":\"b\"".write(toFile: path, atomically: true, encoding: .utf8)
        let read = try ResultsFile.records(path: path)
        XCTAssertEqual(read.records.map { $0["id"]?.string }, ["a"])
        XCTAssertTrue(read.cutOff)
    }
}
