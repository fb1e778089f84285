import ForcePlanTestSupport
import Foundation
import XCTest

/// `forceplan brief` end to end: the built CLI writes the page, and a real headless
/// Chromium (Debian's `chromium`, installed by `make test`) renders it.
final class BriefCommandTests: XCTestCase {
    var workDir: URL!

    override func setUpWithError() throws {
        workDir = try TestFiles.temporaryDirectory()
    }

    /// Runs a program to its end; returns its status, stdout and stderr.
    func run(_ executable: URL, _ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        try ForcePlanCLI.runProgram(executable, arguments, scratch: workDir)
    }

    func forceplan(_ arguments: [String]) throws -> (status: Int32, stdout: Data, stderr: String) {
        try run(try XCTUnwrap(ForcePlanCLI.executable, "forceplan was not built"), arguments)
    }

    static func tool(_ name: String) -> URL? { ForcePlanCLI.systemTool(name) }

    func testCoalitionBriefRendersInHeadlessChromium() throws {
        let page = workDir.appendingPathComponent("brief.html")
        let made = try forceplan(["brief", "scenarios/coalition-2025.yaml", "-o", page.path, "--no-alternatives", "--quiet"])
        XCTAssertEqual(made.status, 0, made.stderr)
        let chromium = try XCTUnwrap(Self.tool("chromium"), "Debian's chromium is missing: run make test, which installs it")
        let png = workDir.appendingPathComponent("brief.png")
        let shot = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu",
                                      "--user-data-dir=" + workDir.appendingPathComponent("profile").path,
                                      "--window-size=1280,1600", "--enable-logging=stderr", "--v=0",
                                      "--screenshot=" + png.path, page.absoluteString])
        // Chromium exits 0 even when the page failed to load: the PNG must exist.
        XCTAssertTrue(FileManager.default.fileExists(atPath: png.path), shot.stderr)
        let console = shot.stderr.split(separator: "\n").filter { $0.contains(":CONSOLE") }
        XCTAssertEqual(console, [], "the page logged to the console")

        // Not blank: count pixels that differ from the page background (top-left pixel).
        let pngtopnm = try XCTUnwrap(Self.tool("pngtopnm"), "netpbm is missing: run make test, which installs it")
        let ppm = try run(pngtopnm, [png.path])
        XCTAssertEqual(ppm.status, 0, ppm.stderr)
        let image = try XCTUnwrap(PPM(ppm.stdout), "pngtopnm did not give a binary PPM")
        XCTAssertEqual(image.width, 1280)
        let inked = image.countDiffering(from: image.pixel(0, 0))
        // A blank page has every pixel equal; a rendered brief inks several percent of them.
        XCTAssertGreaterThan(Double(inked) / Double(image.width * image.height), 0.03, "\(inked) pixels inked")
    }

    func testBriefFromSavedJSONIsTheSamePageAsALiveRun() throws {
        let json = workDir.appendingPathComponent("plan.json")
        let plan = try forceplan(["plan", "scenarios/tutorial.yaml", "--format", "json", "--no-alternatives", "--quiet"])
        XCTAssertEqual(plan.status, 0, plan.stderr)
        try plan.stdout.write(to: json)
        let live = workDir.appendingPathComponent("live.html"), saved = workDir.appendingPathComponent("saved.html")
        let a = try forceplan(["brief", "scenarios/tutorial.yaml", "-o", live.path, "--no-alternatives", "--quiet"])
        XCTAssertEqual(a.status, 0, a.stderr)
        let b = try forceplan(["brief", "--from", json.path, "--scenario", "scenarios/tutorial.yaml", "-o", saved.path])
        XCTAssertEqual(b.status, 0, b.stderr)
        XCTAssertEqual(try Data(contentsOf: live), try Data(contentsOf: saved))
        // No temporary file is left beside the output.
        let left = try FileManager.default.contentsOfDirectory(atPath: workDir.path).filter { $0.hasSuffix(".tmp") }
        XCTAssertEqual(left, [])
    }

    func testBriefWithAVariantComparesItWithTheBaseline() throws {
        let page = workDir.appendingPathComponent("whatif.html")
        let r = try forceplan(["brief", "scenarios/tutorial.yaml", "--variant", "scenarios/tutorial-uk-withdraws.yaml",
                               "-o", page.path, "--no-alternatives", "--no-binding", "--quiet"])
        // Without the UK, the no-backstop option lacks its 3 nations: infeasible, exit 1.
        XCTAssertEqual(r.status, 1, r.stderr)
        let html = try String(contentsOf: page, encoding: .utf8)
        let section = try XCTUnwrap(html.components(separatedBy: "<section id=\"variants\">").last)
        // The variant removes the UK: its change is listed, and the in-ukraine option's
        // coverage falls from 100% to 2/3 (docs/scenario-format.md derives it).
        XCTAssertTrue(section.contains("uk"), section)
        XCTAssertTrue(section.contains("100% → 66.7%"), section)
        // Units moved, as whatif --format json gives them for the same run.
        let whatIf = try forceplan(["whatif", "scenarios/tutorial.yaml", "scenarios/tutorial-uk-withdraws.yaml",
                                    "--no-alternatives", "--no-binding", "--format", "json", "--quiet"])
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: whatIf.stdout) as? [String: Any])
        let variants = try XCTUnwrap(object["variants"] as? [[String: Any]])
        let moved = try XCTUnwrap(((variants.first?["delta"] as? [String: Any])?["in-ukraine"] as? [String: Any])?["units_moved"] as? Int)
        XCTAssertTrue(section.contains("<th class=\"n\">units moved</th>"), section)
        XCTAssertTrue(section.contains("<td class=\"n\">4 → 3 <span class=\"muted\">(−1)</span></td><td class=\"n\">\(moved)</td></tr>"), section)
    }

    /// An infeasible variant's reason reaches the reader: headless Chromium renders the brief
    /// and its DOM holds the variant's status in the comparison and what had to give. By
    /// hand: the tutorial has 4 nations, so min_nations 9 cannot hold in any option; for
    /// in-ukraine (no exclusions) "only 4 nations can contribute at all, 9 required".
    func testAnInfeasibleVariantsReasonShowsInTheBriefInChromium() throws {
        let variant = workDir.appendingPathComponent("tight.yaml")
        let tutorial = packageRoot.appendingPathComponent("scenarios/tutorial.yaml").path
        try "format: forceplan/v1\nextends: \(tutorial)\nname: tutorial-tight\npolicies: {min_nations: 9}\n"
            .write(to: variant, atomically: true, encoding: .utf8)
        let page = workDir.appendingPathComponent("tight.html")
        let made = try forceplan(["brief", "scenarios/tutorial.yaml", "--variant", variant.path, "-o", page.path,
                                  "--no-alternatives", "--no-binding", "--quiet"])
        XCTAssertEqual(made.status, 1)
        XCTAssertTrue(made.stderr.hasPrefix("forceplan: the brief is written; options without a plan: variant tutorial-tight: in-ukraine infeasible"),
                      made.stderr)
        let chromium = try XCTUnwrap(Self.tool("chromium"), "Debian's chromium is missing: run make test, which installs it")
        let dom = try run(chromium, ["--headless", "--no-sandbox", "--disable-gpu",
                                     "--user-data-dir=" + workDir.appendingPathComponent("profile").path,
                                     "--dump-dom", page.absoluteString])
        let text = String(decoding: dom.stdout, as: UTF8.self)
        let section = try XCTUnwrap(text.components(separatedBy: "<section id=\"variants\">").last, dom.stderr)
        XCTAssertTrue(section.contains("<li>policy min_nations: 3 -&gt; 9</li>"), section)
        XCTAssertTrue(section.contains("100% → <strong class=\"status\">infeasible</strong>"), section)
        XCTAssertTrue(section.contains("Without a plan in this variant:"), section)
        XCTAssertTrue(section.contains("<li><strong>in-ukraine</strong>: infeasible. What had to give: "
            + "min_nations: only 4 nations can contribute at all, 9 required</li>"), section)
    }

    /// `--criticality` analyses one scenario; with variants it is refused, not dropped.
    func testCriticalityWithVariantsIsRefusedWithAMessage() throws {
        let page = workDir.appendingPathComponent("c.html")
        let r = try forceplan(["brief", "scenarios/tutorial.yaml", "--variant", "scenarios/tutorial-uk-withdraws.yaml",
                               "--criticality", "-o", page.path, "--quiet"])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.hasPrefix("forceplan: --criticality analyses the options of one scenario, not what-ifs:"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: page.path))
    }

    func testBriefFromAFileThatIsNotPlanJSONIsBadInput() throws {
        let bad = workDir.appendingPathComponent("bad.json")
        try Data("{\n  \"scenario\": \"x\",\n  \"options\": [1,\n}".utf8).write(to: bad)
        let out = workDir.appendingPathComponent("out.html")
        let r = try forceplan(["brief", "--from", bad.path, "-o", out.path])
        XCTAssertEqual(r.status, 2)
        XCTAssertTrue(r.stderr.contains("\(bad.path):4:1:"), r.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.path))
    }

    /// A missing file, a directory, a device and bytes that are not UTF-8 each get a message
    /// that says what is wrong, not a system error's words (the checks of `InputFile`, which
    /// scenario files get too).
    func testBriefFromAnUnreadableFileSaysWhy() throws {
        let binary = workDir.appendingPathComponent("binary.json")
        try Data([0x7B, 0xFF, 0xFE, 0x00, 0x22]).write(to: binary)
        let expecting = "expected the output of plan or whatif --format json"
        let cases = [
            (workDir.appendingPathComponent("missing.json").path, "no such file; check the path"),
            (workDir.path, "is a directory; \(expecting)"),
            ("/dev/null", "is not a regular file; \(expecting)"),
            (binary.path, "is not UTF-8 text; \(expecting)"),
        ]
        for (path, message) in cases {
            let r = try forceplan(["brief", "--from", path, "-o", workDir.appendingPathComponent("out.html").path])
            XCTAssertEqual(r.status, 2, path)
            XCTAssertEqual(r.stderr, "forceplan: \(path): \(message)\n")
        }
    }
}

/// A binary PPM (P6, 8-bit) image, as `pngtopnm` writes it.
struct PPM {
    let width: Int, height: Int
    let pixels: [UInt8]

    init?(_ data: Data) {
        let bytes = [UInt8](data)
        var fields: [String] = [], i = 0
        while fields.count < 4, i < bytes.count {
            while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
            var token = ""
            while i < bytes.count, !(bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09) {
                token.append(Character(Unicode.Scalar(bytes[i]))); i += 1
            }
            fields.append(token)
        }
        i += 1
        guard fields.count == 4, fields[0] == "P6", let w = Int(fields[1]), let h = Int(fields[2]), fields[3] == "255",
              bytes.count - i >= w * h * 3 else { return nil }
        width = w; height = h
        pixels = Array(bytes[i..<i + w * h * 3])
    }

    func pixel(_ x: Int, _ y: Int) -> [UInt8] {
        let o = (y * width + x) * 3
        return Array(pixels[o..<o + 3])
    }

    func countDiffering(from background: [UInt8]) -> Int {
        var n = 0
        var o = 0
        while o + 2 < pixels.count {
            if pixels[o] != background[0] || pixels[o + 1] != background[1] || pixels[o + 2] != background[2] { n += 1 }
            o += 3
        }
        return n
    }
}
