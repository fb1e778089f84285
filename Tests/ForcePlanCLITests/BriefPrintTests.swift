import Foundation
import ForcePlanTestSupport
import XCTest

/// The coalition brief printed to PDF by a real headless Chromium (Debian's `chromium`),
/// read back with `pdfinfo` and `pdftotext` (Debian's poppler-utils; `make test` installs
/// both): page 1 holds the answer, one page per option card, then what-ifs and an appendix
/// (issue 20).
final class BriefPrintTests: XCTestCase {
    var workDir: URL!

    override func setUpWithError() throws {
        workDir = try TestFiles.temporaryDirectory()
    }

    /// Runs a program to its end, stdout as text.
    func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let r = try ForcePlanCLI.runProgram(executable, arguments, scratch: workDir)
        return (r.status, String(decoding: r.stdout, as: UTF8.self), r.stderr)
    }

    func tool(_ name: String, package: String) throws -> URL {
        if let url = ForcePlanCLI.systemTool(name) { return url }
        XCTFail("\(name) is missing: run make test, which installs Debian's \(package)")
        throw CocoaError(.fileNoSuchFile)
    }

    /// Prints `page` to a PDF; returns its path.
    func printPDF(_ page: URL, name: String) throws -> URL {
        let chromium = try tool("chromium", package: "chromium")
        let pdf = workDir.appendingPathComponent(name)
        let printed = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                                         "--user-data-dir=" + workDir.appendingPathComponent("profile").path,
                                         "--print-to-pdf=" + pdf.path, page.absoluteString])
        // Chromium exits 0 even when the page failed to load: the PDF must exist.
        XCTAssertTrue(FileManager.default.fileExists(atPath: pdf.path), printed.stderr)
        return pdf
    }

    /// The text of each page of `pdf`.
    func pages(_ pdf: URL) throws -> [String] {
        let info = try run(try tool("pdfinfo", package: "poppler-utils"), [pdf.path])
        XCTAssertEqual(info.status, 0, info.stderr)
        let line = try XCTUnwrap(info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") })
        let count = try XCTUnwrap(Int(line.split(separator: " ").last.map(String.init) ?? ""))
        let pdftotext = try tool("pdftotext", package: "poppler-utils")
        return try (1...count).map { k in
            let text = try run(pdftotext, ["-f", "\(k)", "-l", "\(k)", "-layout", pdf.path, "-"])
            XCTAssertEqual(text.status, 0, text.stderr)
            return text.stdout
        }
    }

    /// The brief as `forceplan brief scenarios/coalition-2025.yaml` writes it (5 options,
    /// alternatives, critical nations with `--criticality`), printed on Letter (Chromium's default) and on A4.
    func testCoalitionBriefPrintsOnePagePerOption() throws {
        let page = workDir.appendingPathComponent("brief.html")
        let made = try run(try XCTUnwrap(ForcePlanCLI.executable, "forceplan was not built"),
                           ["brief", "scenarios/coalition-2025.yaml", "-o", page.path, "--criticality", "-j", "2", "--quiet"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let html = try String(contentsOf: page, encoding: .utf8)
        // The same page with its paper set to A4 (the brief itself leaves the size to the printer).
        let a4 = workDir.appendingPathComponent("brief-a4.html")
        try html.replacingOccurrences(of: "@page{", with: "@page{size:A4;").write(to: a4, atomically: true, encoding: .utf8)
        let options = ["reassurance", "over-the-horizon", "air-and-sea", "no-backstop", "resilient"]
        for (paper, file) in [("Letter", page), ("A4", a4)] {
            let pdf = try printPDF(file, name: "brief-\(paper).pdf")
            let size = try XCTUnwrap(try FileManager.default.attributesOfItem(atPath: pdf.path)[.size] as? Int)
            XCTAssertLessThan(size, 3_000_000, "\(paper): \(size) bytes")
            let text = try pages(pdf)
            // 1 page for the answer + 1 per option + 2 for what-ifs and the appendix.
            XCTAssertLessThanOrEqual(text.count, 1 + options.count + 2, "\(paper): \(text.count) pages")
            XCTAssertGreaterThanOrEqual(text.count, 1 + options.count, "\(paper): \(text.count) pages")
            // Page 1: title, bottom line, decision matrix (its last column not cut), build-up chart.
            let first = try XCTUnwrap(text.first)
            for s in ["options for leaders", "Bottom line", "Decision matrix", "Coverage in place over time", "withdrawal"] {
                XCTAssertTrue(first.contains(s), "\(paper): page 1 lacks \(s)")
            }
            for o in options { XCTAssertTrue(first.contains(o), "\(paper): page 1 lacks \(o)") }
            // Pages 2 ... 6: one option card each, in order, each opening its own page.
            for (k, o) in options.enumerated() {
                let card = text[k + 1].trimmingCharacters(in: .whitespacesAndNewlines)
                XCTAssertTrue(card.hasPrefix("Option \(o):"), "\(paper): page \(k + 2) opens with \(card.prefix(60))")
            }
            // No page holds only a heading: each has more than one line, and more than a
            // heading's worth of text after its first line.
            for (k, t) in text.enumerated() {
                let lines = t.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(.controlCharacters)) }
                    .filter { !$0.isEmpty }
                XCTAssertGreaterThan(lines.count, 1, "\(paper): page \(k + 1) is only \(lines)")
                XCTAssertGreaterThan(lines.dropFirst().joined().count, 40, "\(paper): page \(k + 1) is only a heading: \(lines)")
            }
        }
    }
}
