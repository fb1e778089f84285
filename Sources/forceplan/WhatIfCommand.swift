import ArgumentParser
import ForceBench
import ForcePlanner
import ForceReports
import ForceScenario
import Foundation

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
    @OptionGroup var solverFlag: SolverFlag
    @ArgumentParser.Option(name: .customLong("scale-requirements"),
                           help: "Multiply every requirement's units by F (> 0), as one more variant.")
    var scaleRequirements: String?
    @ArgumentParser.Option(name: .customLong("option"), help: "Compare only this option.") var optionID: String?
    @ArgumentParser.Option(name: .customLong("time-limit"), help: "Seconds per option.") var timeLimit: Double = 300
    @ArgumentParser.Option(help: "text, markdown or json.") var format: WhatIfFormat = .text
    @ArgumentParser.Option(name: [.customShort("j"), .customLong("jobs")], help: "Solve on N threads.") var jobs: Int = 1
    @ArgumentParser.Option(name: [.short, .customLong("output")], help: "Write here (atomically) instead of stdout.")
    var output: String?
    @Flag(help: "No progress display.") var quiet = false
    @Flag(name: .customLong("no-alternatives"), help: "Skip near-optimal alternatives.") var noAlternatives = false
    @Flag(name: .customLong("no-binding"), help: "Skip the search for binding caveats and policies.") var noBinding = false

    func run() throws {
        Interrupt.install()
        let solver = try solverFlag.choice()
        guard timeLimit.isFinite, timeLimit > 0 else { throw CLI.fail("--time-limit must be a positive number of seconds") }
        try CLI.checkJobs(jobs)
        var loaded: [Scenario] = []
        var bad = false
        for file in [base] + variants {
            do { loaded.append(try CLI.load(file)) } catch { bad = true }
        }
        guard !bad, let baseScenario = loaded.first else { throw Exit.badInput }
        CLI.warnUnrelated(Array(loaded.dropFirst()), of: baseScenario)
        var overrides = try whatIf.overrides(for: baseScenario)
        if let scaleRequirements {
            do { overrides.requirementScale = try PlanningOverrides.requirementScale(scaleRequirements) } catch {
                throw CLI.fail("\(error)")
            }
        }
        var list = loaded.dropFirst().map { ScenarioVariant($0, of: baseScenario) }
        if !overrides.isEmpty { list.append(ScenarioVariant(base: baseScenario, overrides: overrides)) }
        guard !list.isEmpty else {
            throw CLI.fail("nothing to compare: give variant files, or --assume, --drop or --scale-requirements")
        }
        let settings = PlannerSettings(timeLimit: timeLimit, alternatives: !noAlternatives, findBinding: !noBinding,
                                       progress: quiet || jobs > 1 ? nil : Progress.reporter())
        let result: WhatIf
        do {
            result = try WhatIf.run(base: baseScenario, variants: list, options: optionID.map { [$0] }, jobs: jobs) {
                scenario, overrides in
                var s = settings
                s.overrides = overrides
                return solver.planner(scenario, settings: s)
            }
        } catch {
            throw CLI.fail("\(error)")
        }
        Progress.clear()
        let text: String
        switch format {
        case .text: text = WhatIfReport.text(result)
        case .markdown: text = WhatIfReport.markdown(result)
        case .json: text = WhatIfReport.json(result)
        }
        try CLI.emit(text, to: output)
        if !result.allSolved { throw Exit.infeasible }
    }
}
