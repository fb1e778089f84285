import ArgumentParser
import ForcePlanner
import ForceReports
import ForceScenario
import Foundation
import StandardPlanner

/// Output formats of `whatif`.
enum WhatIfFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, json
}

struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "Plan a base scenario and its what-ifs, and compare them side by side.",
        discussion: """
            Each VARIANT is a scenario file, typically one that extends BASE. --assume, --drop and \
            --scale-requirements make one more variant of BASE; they win over every option, even one \
            that sets the same assumption itself. The base is planned once. Exit code 0 when every \
            option of every scenario solved, 1 when some option is infeasible or stopped without a \
            plan, 2 on bad input.
            """)

    @Argument(help: "Base scenario file.") var base: String
    @Argument(help: "Variant scenario files.") var variants: [String] = []
    @OptionGroup var whatIf: WhatIfFlags
    @OptionGroup var planning: PlanningOptions
    @ArgumentParser.Option(name: .customLong("scale-requirements"),
                           help: "Multiply every requirement's units by F (> 0), as one more variant.")
    var scaleRequirements: String?
    @ArgumentParser.Option(name: .customLong("option"), help: "Compare only this option.") var optionID: String?
    @ArgumentParser.Option(help: "text, markdown or json.") var format: WhatIfFormat = .text
    @OptionGroup var jobs: JobsOption
    @ArgumentParser.Option(name: [.short, .customLong("output")], help: "Write here (atomically) instead of stdout.")
    var output: String?
    @Flag(help: "No progress display.") var quiet = false
    @OptionGroup var search: SearchFlags
    @Flag(help: "Re-plan each variant option with the fewest units moved from the baseline option's plan, right after its first objective.")
    var stable = false

    func run() throws {
        Interrupt.install()
        let loaded = try CLI.loadAll([base] + variants)
        guard let baseScenario = loaded.first else { throw Exit.badInput }
        CLI.warnUnrelated(Array(loaded.dropFirst()), of: baseScenario)
        var overrides = try whatIf.overrides(for: baseScenario)
        if let scaleRequirements {
            overrides.requirementScale = try CLI.call { try PlanningOverrides.requirementScale(scaleRequirements) }
        }
        let settings = planning.settings(jobs: jobs.jobs, search: search, progress: quiet ? nil : Progress.reporter())
        let result = try CLI.call {
            try Commands.whatIf(base: baseScenario, variants: Array(loaded.dropFirst()), overrides: overrides,
                                options: optionID.map { [$0] }, settings: settings, stable: stable)
        }
        Progress.clear()
        let text: String
        switch format {
        case .text: text = WhatIfReport.text(result)
        case .markdown: text = WhatIfReport.markdown(result)
        case .json: text = WhatIfReport.json(result)
        }
        try CLI.emit(text, to: output)
        if !result.allSolved {
            CLI.printError("forceplan: " + (Unsolved.line(result) ?? "some option has no plan"))
            throw Exit.infeasible
        }
    }
}
