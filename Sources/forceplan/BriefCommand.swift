import ArgumentParser
import ForcePlanner
import ForceReports
import ForceScenario
import Foundation
import StandardPlanner

struct BriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Write the leaders' briefing: one self-contained HTML page with charts.",
        discussion: """
        Plans FILE (or reads saved `plan`/`whatif` JSON with --from) and writes the page to -o.
        --variant files, --assume and --drop are what-ifs shown beside FILE, as in whatif.
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
    @OptionGroup var planning: PlanningOptions
    @ArgumentParser.Option(name: .customLong("as-of"), help: "The date of the data, shown in the title block.")
    var asOf: String?
    @Flag(help: "Re-plan each option without each contributing nation and list the critical ones.")
    var criticality = false
    @OptionGroup var jobs: JobsOption
    @Flag(help: "No progress display.") var quiet = false
    @OptionGroup var search: SearchFlags

    func validate() throws {
        if from != nil && file != nil { throw ValidationError("give a scenario FILE or --from JSON, not both") }
        if from == nil && file == nil { throw ValidationError("give a scenario FILE to plan, or --from plan.json") }
    }

    func run() throws {
        Interrupt.install()
        let outcome: BriefOutcome
        if let from {
            let scenario = try scenarioFile.map(CLI.load)
            outcome = try CLI.call {
                try Commands.brief(saved: from, scenario: scenario, frontierFiles: frontierFiles, asOf: asOf)
            }
        } else {
            let loaded = try CLI.loadAll([file ?? ""] + variantFiles)
            guard let base = loaded.first else { throw Exit.badInput }
            let variants = Array(loaded.dropFirst())
            CLI.warnUnrelated(variants, of: base)
            let request = BriefRequest(
                base: base, variants: variants, overrides: try whatIf.overrides(for: base), options: optionIDs,
                criticality: criticality, frontierFiles: frontierFiles, asOf: asOf,
                settings: planning.settings(jobs: jobs.jobs, search: search, progress: quiet ? nil : Progress.reporter()))
            outcome = try CLI.call { try Commands.brief(request) }
            Progress.clear()
        }
        try CLI.emit(outcome.html, to: output)
        if !outcome.allSolved {
            CLI.printError("forceplan: the brief is written; " + (outcome.unsolved ?? "some option is infeasible or stopped without a plan")
                + " (the brief shows why; exit 1)")
            throw Exit.infeasible
        }
    }
}
