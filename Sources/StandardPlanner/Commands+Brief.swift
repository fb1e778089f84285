import ForcePlanner
import ForceReports
import ForceScenario

/// What `forceplan brief` plans and shows.
public struct BriefRequest: Sendable {
    /// The scenario to plan.
    public var base: Scenario
    /// What-if scenarios to compare with it (typically files that extend it).
    public var variants: [Scenario] = []
    /// One more what-if of the base (`--assume`, `--drop`), as in ``Commands/whatIf(base:variants:overrides:options:settings:)``.
    public var overrides = PlanningOverrides()
    /// Only these options (ids); empty for all.
    public var options: [String] = []
    /// Re-plan each planned option without each contributing nation (one scenario only).
    public var criticality = false
    /// Saved `frontier --format json` files to chart.
    public var frontierFiles: [String] = []
    /// The date of the data, for the title block.
    public var asOf: String?
    public var settings = CommandSettings()

    public init(base: Scenario, variants: [Scenario] = [], overrides: PlanningOverrides = PlanningOverrides(),
                options: [String] = [], criticality: Bool = false, frontierFiles: [String] = [], asOf: String? = nil,
                settings: CommandSettings = CommandSettings()) {
        self.base = base
        self.variants = variants
        self.overrides = overrides
        self.options = options
        self.criticality = criticality
        self.frontierFiles = frontierFiles
        self.asOf = asOf
        self.settings = settings
    }
}

/// A briefing ready to write, and whether every option it planned solved.
public struct BriefOutcome: Sendable {
    public var brief: Brief
    /// False when some planned option is infeasible or stopped without a plan (exit 1).
    public var allSolved: Bool
    /// Which options have no plan and why, in one line for stderr (``Unsolved``); nil when
    /// every option has one.
    public var unsolved: String?
    /// The self-contained HTML page.
    public var html: String { HTMLBrief.render(brief) }
}

extension Commands {
    /// `forceplan brief FILE`: plans the base (and its what-ifs), adds the criticality of
    /// each planned option when asked, and charts saved frontiers.
    ///
    /// - Throws: ``InputError`` for bad input, including `criticality` with what-ifs (the
    ///   analysis is of one scenario's options: run it on each variant file instead).
    public static func brief(_ request: BriefRequest) throws -> BriefOutcome {
        let settings = request.settings
        try settings.validate()
        let base = request.base
        let comparing = !request.variants.isEmpty || !request.overrides.isEmpty
        if request.criticality && comparing {
            throw InputError("--criticality analyses the options of one scenario, not what-ifs: "
                + "give it without --variant, --assume and --drop (or brief each variant file with --criticality)")
        }
        var critical: [CriticalityReport] = []
        let json: JSONValue
        let allSolved: Bool
        let unsolved: String?
        if comparing {
            let result = try whatIf(base: base, variants: request.variants, overrides: request.overrides,
                                    options: request.options.isEmpty ? nil : request.options, settings: settings)
            allSolved = result.allSolved
            unsolved = Unsolved.line(result)
            json = WhatIfReport.value(result)
        } else {
            let planner = settings.planner(base)
            let options = request.options.isEmpty ? base.effectiveOptions : try request.options.map { try base.option($0) }
            let report = planner.planAll(options)
            allSolved = report.allSolved
            unsolved = Unsolved.line(report)
            if request.criticality {
                let analysis = settings.analysis.planner(base)
                critical = zip(options, report.options).filter { $0.1.plan != nil }.map { o, _ in
                    Criticality.analyse(analysis, option: o, threads: settings.jobs)
                }
            }
            json = JSONReport.value(report)
        }
        var brief: Brief
        do { brief = try Brief(json: json, scenario: base) } catch { throw InputError("plan: \(error)") }
        try finish(&brief, asOf: request.asOf, critical: critical, frontierFiles: request.frontierFiles)
        return BriefOutcome(brief: brief, allSolved: allSolved, unsolved: unsolved)
    }

    /// `forceplan brief --from FILE`: a briefing of saved `plan` or `whatif` JSON, with no
    /// solving; `scenario` (the planned file) gives names, domains and assumptions.
    public static func brief(saved path: String, scenario: Scenario? = nil, frontierFiles: [String] = [],
                             asOf: String? = nil) throws -> BriefOutcome {
        let json = try JSONFile.read(path, expecting: "the output of plan or whatif --format json")
        var brief: Brief
        do { brief = try Brief(json: json, scenario: scenario) } catch { throw InputError("\(path): \(error)") }
        try finish(&brief, asOf: asOf, critical: [], frontierFiles: frontierFiles)
        return BriefOutcome(brief: brief, allSolved: true)
    }

    private static func finish(_ brief: inout Brief, asOf: String?, critical: [CriticalityReport],
                               frontierFiles: [String]) throws {
        if let asOf { brief.asOf = asOf }
        for report in critical { brief.addCriticality(report) }
        for path in frontierFiles {
            let json = try JSONFile.read(path, expecting: "the output of frontier --format json")
            do { try brief.addFrontier(json: json) } catch { throw InputError("\(path): \(error)") }
        }
    }
}
