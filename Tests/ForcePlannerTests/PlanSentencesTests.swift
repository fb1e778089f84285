import ForceBench
@testable import ForcePlanner
import ForcePlanTestSupport
import ForceReports
import ForceScenario
import Foundation
import XCTest

/// `PlanSentences`: each sentence about a plan is written once, and the typed road (text)
/// and the JSON road (the brief's Markdown and HTML) say it alike.
final class PlanSentencesTests: XCTestCase {
    /// The fund hand case (FundTests.handCase: alpha's 4 fighters at 5 cost 20 against a
    /// budget of 10, so the fund pays alpha 10), with hand-set figures whose counts pass
    /// 1,000, where the two roads used to part (text `1000 samples`, brief `1,000`; brief
    /// `seed 12,345`, text `seed 12345`).
    func report() throws -> PlanReport {
        var report = try planAll(FundTests.handCase())
        var r = try XCTUnwrap(report.options.first)
        var alternative = try XCTUnwrap(r.plan)
        alternative.distance = 1500
        alternative.distanceProven = true
        r.alternatives = [alternative]
        r.alternativesRequested = 3
        r.alternativesMissing = MissingAlternatives(count: 2, proven: false, reason: "the search stopped at its node limit")
        r.reliability = ReliabilityResult(samples: 1000, seed: 12345, asPlanned: ReliabilitySummary([1, 0.5]),
                                          replanned: ReliabilitySummary([1]), replansWithoutPlan: 0)
        report.options[0] = r
        return report
    }

    func testTextMarkdownAndHTMLSayTheSameSentences() throws {
        let report = try report()
        let text = TextReport.render(report)
        let markdown = MarkdownReport.render(report)
        let html = HTMLBrief.render(Brief(report))
        // Summary of [0.5, 1]: mean 0.75; nearest rank P10 = ceil(0.2) = 1st = 0.5,
        // P50 = ceil(1.0) = 1st = 0.5, P90 = ceil(1.8) = 2nd = 1. Of [1]: all 100%.
        let sentences = [
            "common fund: 10 of 10 used, paying for alpha 10",
            "1,500 nation-requirement pairings differ from the plan, proven the most possible",
            "Reliability (1,000 samples, seed 12345): as planned mean 75%, P10 50%, P50 50%, P90 100%; "
                + "re-planned mean 100%, P10 100%, P50 100%, P90 100%",
            "Alternatives: 1 found, 2 missing: the search stopped at its node limit (not proven).",
        ]
        for s in sentences {
            XCTAssertTrue(text.contains(s), "text lacks: \(s)\n\(text)")
            // The brief starts the fund's sentence with a capital.
            let briefForm = s.hasPrefix("common") ? "C" + s.dropFirst() : s
            XCTAssertTrue(markdown.contains(briefForm), "Markdown lacks: \(briefForm)\n\(markdown)")
            XCTAssertTrue(html.contains(briefForm), "HTML lacks: \(briefForm)")
        }
    }

    /// The brief read back from saved JSON (`brief --from`) says what the live text says.
    func testSavedJSONGivesTheSameSentencesAsTheTypedPlan() throws {
        let report = try report()
        let option = try XCTUnwrap(Brief(json: JSONValue.parse(JSONReport.render(report)), scenario: report.scenario)
            .options.first)
        let text = TextReport.render(report)
        for line in [option.reliabilityLine, option.alternativesMissingLine, option.alternatives.first?.distanceText] {
            let line = try XCTUnwrap(line)
            XCTAssertTrue(text.contains(line), line)
        }
    }

    /// A binding policy's gain reads alike in Markdown and HTML (the HTML said "... on the
    /// first objective", the Markdown did not; the message already names the objective).
    func testBindingGainReadsAlikeInMarkdownAndHTML() throws {
        // FundTests.testWithoutTheMoneyTheFundBinds: without Japan coverage is 0.75, and an
        // unlimited fund restores 1, a gain of 0.25.
        let report = try planAll(FundTests.handCase(), binding: true, overrides: PlanningOverrides(dropNations: ["japan"]))
        let sentence = "a common fund without limit would bring coverage to 100% (lifting it gains 0.25)"
        XCTAssertTrue(MarkdownReport.render(report).contains("- " + sentence + "\n"))
        let html = HTMLBrief.render(Brief(report))
        XCTAssertTrue(html.contains(#"<li>a common fund without limit would bring coverage to 100% "#
            + #"<span class="muted">(lifting it gains 0.25)</span></li>"#), html)
    }

    func testSentencesByHand() {
        XCTAssertEqual(PlanSentences.value(of: "coverage", 0.875), "87.5%")
        XCTAssertEqual(PlanSentences.value(of: "cost", 1250), "1,250")
        XCTAssertEqual(PlanSentences.gap(nil), "gap unknown")
        XCTAssertEqual(PlanSentences.gap(0.049), "gap 4.9%")
        XCTAssertEqual(PlanSentences.fund(available: 100, used: 72, paid: []), "common fund: 72 of 100 used")
        XCTAssertEqual(PlanSentences.distance(4, proven: false), "4 nation-requirement pairings differ from the plan, not proven the most possible")
        XCTAssertEqual(PlanSentences.alternativesMissing(found: 0, missing: 1, reason: "none within 5%", proven: true),
                       "Alternatives: 0 found, 1 missing: none within 5% (proven).")
        XCTAssertEqual(PlanSentences.bindingGain(1500), "lifting it gains 1,500")
        XCTAssertEqual(PlanSentences.mustGive(["a", "b"]), "must give: a; b")
        XCTAssertEqual(PlanSentences.mustGive(["a", "b"], separator: ", "), "must give: a, b")
    }

    /// One escaper for every Markdown table: a pipe would split a cell, a line break would
    /// end the row (`\n`, `\r\n` and a lone `\r` are all line endings in Markdown).
    func testMarkdownEscaperHandlesPipesAndLineBreaks() {
        XCTAssertEqual(MarkdownReport.escape("a|b\nc\r\nd\re"), "a\\|b c d e")
        XCTAssertEqual(MarkdownReport.escape("plain"), "plain")
    }
}

/// The one worker pool (`ParallelMap`) and the one percentile rule (`Percentile`).
final class WorkerPoolAndPercentileTests: XCTestCase {
    func testNearestRankByHand() {
        let v = [0.2, 0.4, 0.6, 0.8, 1.0]
        // ceil(q x 5)-th smallest: q 0.1 -> 1st, 0.5 -> 3rd (2.5 up), 0.9 -> 5th (4.5 up).
        XCTAssertEqual(Percentile.nearestRank(0.1, of: v), 0.2)
        XCTAssertEqual(Percentile.nearestRank(0.5, of: v), 0.6)
        XCTAssertEqual(Percentile.nearestRank(0.9, of: v), 1.0)
        XCTAssertEqual(Percentile.nearestRank(0, of: v), 0.2)
        XCTAssertEqual(Percentile.nearestRank(1, of: v), 1.0)
        XCTAssertEqual(Percentile.nearestRank(.nan, of: v), 0.2)
        XCTAssertEqual(Percentile.nearestRank(7, of: v), 1.0)
        XCTAssertNil(Percentile.nearestRank(0.5, of: []))
    }

    /// Reliability's and the bench summary's percentiles are the same rule.
    func testReliabilityAndBenchSummaryAgree() throws {
        let values = [0.9, 0.1, 0.5, 0.7, 0.3, 1.0, 0.2]
        let r = ReliabilitySummary(values)
        let d = try XCTUnwrap(BenchSummary.Distribution(values))
        XCTAssertEqual(r.p10, d.p10)
        XCTAssertEqual(r.p50, d.median)
        // 7 values: P10 is the ceil(0.7) = 1st = 0.1, the median the ceil(3.5) = 4th = 0.5.
        XCTAssertEqual(d.p10, 0.1)
        XCTAssertEqual(d.median, 0.5)
    }

    func testForEachRunsEveryJobOnceOnItsThreads() {
        let seen = JobLog()
        ParallelMap.forEach(100, threads: 3) { i in
            seen.add(i)
            return true
        }
        XCTAssertEqual(seen.values.sorted(), Array(0..<100))
        XCTAssertEqual(ParallelMap.run(10, threads: 3) { $0 * $0 }, (0..<10).map { $0 * $0 })
    }

    /// On one thread jobs go in order, so a false from job 3 leaves 4... untaken.
    func testForEachStopsTakingJobsAfterFalse() {
        let seen = JobLog()
        ParallelMap.forEach(10, threads: 1) { i in
            seen.add(i)
            return i != 3
        }
        XCTAssertEqual(seen.values, [0, 1, 2, 3])
    }
}

private final class JobLog: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [Int] = []
    func add(_ i: Int) { lock.lock(); list.append(i); lock.unlock() }
    var values: [Int] { lock.lock(); defer { lock.unlock() }; return list }
}
