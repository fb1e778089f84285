import ArgumentParser
import Foundation
import ForcePlanner

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write the leaders' briefing: one self-contained HTML page with charts.",
        discussion: """
        Plans FILE (or reads saved `plan`/`whatif` JSON with --from) and writes the page to -o.
        Exit code 0 when every option solved, 1 when some option is infeasible or stopped
        without a plan, 2 on bad input.
        """)

    @Argument(help: "Scenario file (omit with --from).") var file: String?
    @ArgumentParser.Option(name: .customShort("o"), help: "The HTML file to write.") var output: String
    @ArgumentParser.Option(name: .customLong("from"), help: "Render saved plan or whatif JSON instead of planning.")
    var from: String?
    @ArgumentParser.Option(name: .customLong("scenario"),
                           help: "With --from: the scenario file, for names, domains and assumptions.")
    var scenarioFile: String?
    @ArgumentParser.Option(name: .customLong("option"), help: "Plan only these options (repeatable).") var optionIDs: [String] = []
    @ArgumentParser.Option(name: .customLong("variant"), help: "A what-if scenario file to compare (repeatable).")
    var variantFiles: [String] = []
    @ArgumentParser.Option(name: .customLong("frontier"), help: "A saved `frontier --format json` to chart (repeatable).")
    var frontierFiles: [String] = []
    @OptionGroup var whatIf: WhatIfFlags
    @ArgumentParser.Option(name: .customLong("time-limit"), help: "Seconds per option.") var timeLimit: Double = 300
    @ArgumentParser.Option(name: .customLong("as-of"), help: "The date of the data, shown in the title block.")
    var asOf: String?
    @Flag(help: "No progress display.") var quiet = false
    @Flag(name: .customLong("no-alternatives"), help: "Skip near-optimal alternatives.") var noAlternatives = false
    @Flag(name: .customLong("no-binding"), help: "Skip the search for binding caveats and policies.") var noBinding = false

    func run() throws {
        var solvedAll = true
        let json: JSONValue
        var scenario: Scenario?
        if let from {
            guard file == nil else { throw CLI.fail("give a scenario FILE or --from JSON, not both") }
            json = try CLI.readJSON(from, expecting: "the output of plan or whatif --format json")
            scenario = try scenarioFile.map(CLI.load)
        } else {
            guard let file else { throw CLI.fail("give a scenario FILE to plan, or --from plan.json") }
            guard timeLimit.isFinite, timeLimit > 0 else { throw CLI.fail("--time-limit must be a positive number of seconds") }
            let base = try CLI.load(file)
            scenario = base
            let baseline = try plan(base)
            solvedAll = baseline.allSolved
            if variantFiles.isEmpty {
                json = JSONReport.value(baseline)
            } else {
                var variants: [JSONValue] = []
                for path in variantFiles {
                    let report = try plan(try CLI.load(path))
                    solvedAll = solvedAll && report.allSolved
                    variants.append(.object([("name", .string(report.scenario.name)), ("changes", .array([])),
                                             ("plan", JSONReport.value(report))]))
                }
                json = .object([("scenario", .string(base.name)), ("baseline", JSONReport.value(baseline)),
                                ("variants", .array(variants))])
            }
        }
        var brief: Brief
        do { brief = try Brief(json: json, scenario: scenario) } catch {
            throw CLI.fail("\(from ?? "plan"): \(error)")
        }
        if let asOf { brief.asOf = asOf }
        for path in frontierFiles {
            do { try brief.addFrontier(json: try CLI.readJSON(path, expecting: "the output of frontier --format json")) } catch let e as BriefError {
                throw CLI.fail("\(path): \(e)")
            }
        }
        try CLI.writeAtomically(HTMLBrief.render(brief), to: output)
        if !solvedAll { throw Exit.infeasible }
    }

    private func plan(_ scenario: Scenario) throws -> PlanReport {
        let overrides = try whatIf.overrides(for: scenario)
        let options = optionIDs.isEmpty ? scenario.effectiveOptions : try optionIDs.map { try CLI.option($0, in: scenario) }
        let settings = PlannerSettings(timeLimit: timeLimit, overrides: overrides, alternatives: !noAlternatives,
                                       findBinding: !noBinding, progress: quiet ? nil : Progress.reporter())
        let planner = CLI.planner(scenario, settings: settings)
        var results: [OptionResult] = []
        for (i, o) in options.enumerated() { results.append(planner.plan(o, index: i + 1, of: options.count)) }
        Progress.clear()
        return PlanReport(scenario: scenario, options: results)
    }
}

extension CLI {
    /// Reads a JSON file; a missing file or bad JSON exits 2 with `FILE:LINE:COL`.
    static func readJSON(_ path: String, expecting what: String) throws -> JSONValue {
        let text: String
        do { text = try String(contentsOfFile: path, encoding: .utf8) } catch {
            throw fail("\(path): cannot read the file (\(error.localizedDescription))")
        }
        do { return try JSONValue.parse(text) } catch let e as JSONParseError {
            throw fail("\(path):\(e.line):\(e.column): \(e.message); expected \(what)")
        } catch {
            throw fail("\(path): \(error)")
        }
    }

    /// Writes `text` to a temporary file beside `path`, then renames it into place, so a
    /// reader never sees half a file.
    static func writeAtomically(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let temp = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: temp)
            if rename(temp.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            try? FileManager.default.removeItem(at: temp)
            throw fail("\(path): cannot write the file (\(error.localizedDescription))")
        }
    }
}
