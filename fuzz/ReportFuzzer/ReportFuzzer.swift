// libFuzzer target for what forceplan reads besides scenarios (`make fuzz SECONDS=N`):
// JSON a planner hands to `brief --from` and `--frontier`, results files for `bench
// summarize`, and sweep files for `bench run`. A hand-edited or damaged file must give an
// error that says what is wrong, never a trap.
//
// Every input goes down each path that can read it:
// - as JSON: the brief (plan or whatif JSON) rendered as HTML and Markdown, with the same
//   value read as a frontier beside an empty plan;
// - as JSON Lines: the records of a results file, summarised in every format, grouped by
//   a variation key and not;
// - as YAML: the sweep loader, and the cases it expands to.
//
// Built with `-sanitize=fuzzer,address -DFUZZING` it is the fuzz target; built normally
// (as `swift build --build-tests` does), `ReportFuzzer FILE...` replays files.
import ForceBench
import ForcePlanner
import ForceReports
import ForceScenario
import FuzzSupport

/// Runs one input down every path; traps when an error has no message.
/// Returns a one-line outcome for the replay tool.
@discardableResult
func check(_ bytes: [UInt8], name: String) -> String {
    var outcome: [String] = []
    func failed(_ error: any Error) -> String {
        let message = "\(error)"
        precondition(!message.isEmpty, "an error must say what is wrong")
        return "error"
    }
    // JSON: `brief --from FILE` and `--frontier FILE`.
    if let text = String(validating: bytes, as: UTF8.self), let json = try? JSONValue.parse(text) {
        do {
            var brief = try Brief(json: json)
            outcome.append("brief: \(brief.options.count) options")
            brief.asOf = "2026-12-01"
            _ = HTMLBrief.render(brief)
            _ = MarkdownBrief.render(brief)
        } catch {
            outcome.append("brief: " + failed(error))
        }
        // The same value as `--frontier FILE`, beside an empty plan.
        do {
            var brief = try Brief(json: .object([("scenario", .string("x")), ("options", .array([]))]))
            try brief.addFrontier(json: json)
            outcome.append("frontier: \(brief.frontiers.count)")
            _ = HTMLBrief.render(brief)
            _ = MarkdownBrief.render(brief)
        } catch {
            outcome.append("frontier: " + failed(error))
        }
    } else {
        outcome.append("not JSON")
    }
    // JSON Lines: `bench summarize FILE`.
    do {
        let read = try ResultsFile.records(bytes: bytes, path: name)
        for by in [nil, "drop", "requirement_scale"] as [String?] {
            let summary = try BenchSummary(records: read.records, by: by, worst: 3)
            for format in BenchSummaryReport.Format.allCases { _ = BenchSummaryReport.render(summary, format: format) }
        }
        outcome.append("results: \(read.records.count) records")
    } catch {
        outcome.append("results: " + failed(error))
    }
    // YAML: `bench run --sweep FILE`.
    if let text = String(validating: bytes, as: UTF8.self) {
        do {
            let sweep = try SweepLoader.load(yaml: text, file: name)
            let cases = BenchCase.all(scenarios: ["a.yaml", "b.yaml"], sweep: sweep)
            outcome.append("sweep: \(cases.count) cases")
        } catch {
            precondition(!error.diagnostics.isEmpty, "a failed sweep must say why")
            outcome.append("sweep: error")
        }
    }
    return outcome.joined(separator: "; ")
}

#if FUZZING
/// The fuzz target proper.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    check(fuzzInput(data, size), name: "fuzz.json")
    return 0
}

@_cdecl("ReportFuzzer_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzzOne)
}
#else
@main
struct ReportFuzzerReplay {
    static func main() { replayFiles { check($0, name: $1) } }
}
#endif
