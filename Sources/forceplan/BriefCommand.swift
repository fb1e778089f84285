import ArgumentParser
import ForceBench
import ForcePlanner
import ForceReports
import ForceScenario
import Foundation

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
    @OptionGroup var solverFlag: SolverFlag
    @ArgumentParser.Option(name: .customLong("time-limit"), help: "Seconds per option.") var timeLimit: Double = 300
    @ArgumentParser.Option(name: .customLong("as-of"), help: "The date of the data, shown in the title block.")
    var asOf: String?
    @Flag(help: "Re-plan each option without each contributing nation and list the critical ones.")
    var criticality = false
    @ArgumentParser.Option(name: [.customShort("j"), .customLong("jobs")], help: "Threads for the criticality re-plans.")
    var jobs: Int = 1
    @Flag(help: "No progress display.") var quiet = false
    @Flag(name: .customLong("no-alternatives"), help: "Skip near-optimal alternatives.") var noAlternatives = false
    @Flag(name: .customLong("no-binding"), help: "Skip the search for binding caveats and policies.") var noBinding = false

    func run() throws {
        Interrupt.install()
        let solver = try solverFlag.choice()
        try CLI.checkJobs(jobs)
        var solvedAll = true
        var critical: [CriticalityReport] = []
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
            let variantScenarios = try variantFiles.map(CLI.load)
            CLI.warnUnrelated(variantScenarios, of: base)
            let overrides = try whatIf.overrides(for: base)
            let settings = PlannerSettings(timeLimit: timeLimit, alternatives: !noAlternatives, findBinding: !noBinding,
                                           progress: quiet ? nil : Progress.reporter())
            // The flags apply to the base and to every variant, as to a plan.
            let planner: @Sendable (Scenario, PlanningOverrides) -> Planner = { scenario, variant in
                var s = settings
                s.overrides = variant.isEmpty ? overrides : variant
                return solver.planner(scenario, settings: s)
            }
            if variantScenarios.isEmpty {
                let p = planner(base, PlanningOverrides())
                let options = optionIDs.isEmpty ? base.effectiveOptions : try optionIDs.map { try CLI.option($0, in: base) }
                let results = options.enumerated().map { i, o in p.plan(o, index: i + 1, of: options.count) }
                let report = PlanReport(scenario: base, options: results)
                solvedAll = report.allSolved
                if criticality {
                    critical = zip(options, results).filter { $0.1.plan != nil }.map { o, _ in
                        Criticality.analyse(p, option: o, threads: jobs)
                    }
                }
                json = JSONReport.value(report)
            } else {
                let result: WhatIf
                do {
                    result = try WhatIf.run(base: base, variants: variantScenarios.map { ScenarioVariant($0, of: base) },
                                            options: optionIDs.isEmpty ? nil : optionIDs, planner: planner)
                } catch {
                    throw CLI.fail("\(error)")
                }
                solvedAll = result.allSolved
                json = WhatIfReport.value(result)
            }
            Progress.clear()
        }
        var brief: Brief
        do { brief = try Brief(json: json, scenario: scenario) } catch {
            throw CLI.fail("\(from ?? "plan"): \(error)")
        }
        if let asOf { brief.asOf = asOf }
        for report in critical { brief.addCriticality(report) }
        for path in frontierFiles {
            do { try brief.addFrontier(json: try CLI.readJSON(path, expecting: "the output of frontier --format json")) } catch let e as BriefError {
                throw CLI.fail("\(path): \(e)")
            }
        }
        try CLI.emit(HTMLBrief.render(brief), to: output)
        if !solvedAll { throw Exit.infeasible }
    }
}

extension CLI {
    /// The largest JSON file `brief` reads (a whatif of many variants of a large coalition
    /// stays far below it).
    static let maxJSONSize = 256 << 20

    /// Reads a JSON file; a missing file or bad JSON exits 2 with `FILE:LINE:COL`.
    static func readJSON(_ path: String, expecting what: String) throws -> JSONValue {
        let bytes: [UInt8]
        do { bytes = try InputFile.read(path, expected: what, kind: "JSON files", limit: maxJSONSize) } catch {
            throw fail("\(path): \(error.message)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw fail("\(path): is not UTF-8 text; expected \(what)")
        }
        do { return try JSONValue.parse(text) } catch let e as JSONParseError {
            throw fail("\(path):\(e.line):\(e.column): \(e.message); expected \(what)")
        } catch {
            throw fail("\(path): \(error)")
        }
    }
}
