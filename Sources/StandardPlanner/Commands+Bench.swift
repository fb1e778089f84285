import ForceBench
import ForcePlanner
import ForceScenario

/// What `forceplan bench` runs.
public struct BenchRequest: Sendable {
    /// Scenario files or folders (searched for `*.yaml`).
    public var paths: [String]
    /// A sweep file (`forceplan-sweep/v1`); without it each scenario is one case.
    public var sweep: String?
    /// The results file (JSON Lines), appended to; its finished cases are skipped.
    public var output: String
    /// `K/N`: run only shard K of N. Without it the shard comes from `environment`.
    public var shard: String?
    /// The number of shards, with a Kubernetes Indexed Job's `JOB_COMPLETION_INDEX`.
    public var shardCount: Int?
    /// The scheduler's environment (`SLURM_ARRAY_TASK_ID`, `JOB_COMPLETION_INDEX`, ...),
    /// read by the caller (the CLI passes its process environment).
    public var environment: [String: String] = [:]
    /// Limits, solver and worker threads (`jobs`); alternatives and the binding search are
    /// off by default here: this is coverage benchmarking.
    public var settings = CommandSettings(alternatives: false, findBinding: false)

    public init(paths: [String], sweep: String? = nil, output: String, shard: String? = nil, shardCount: Int? = nil,
                environment: [String: String] = [:],
                settings: CommandSettings = CommandSettings(alternatives: false, findBinding: false)) {
        self.paths = paths
        self.sweep = sweep
        self.output = output
        self.shard = shard
        self.shardCount = shardCount
        self.environment = environment
        self.settings = settings
    }
}

/// A benchmark ready to run: its cases, the shard, what the results file already holds.
public struct BenchJob: Sendable {
    public var inputs: BenchInputs
    public var shard: Shard
    /// Where the shard came from when not from `--shard` (e.g. `SLURM_ARRAY_TASK_ID`).
    public var shardSource: String?
    /// Cases in this shard, finished ones included.
    public var selected: Int
    /// Cases of this shard already in the results file.
    public var skipped: Int
    public var results: ResultsFile
    /// Runs the cases still to do: `try job.runner.run { progress in ... }`.
    public var runner: BenchRunner
    public var output: String
    public var workers: Int

    /// "bench: 12 cases (shard 1 of 3 of 36), 4 already in results.jsonl; 8 to run on 2 workers"
    public var summary: String {
        var what = "bench: \(selected) case\(selected == 1 ? "" : "s")"
        if shard.count > 1 {
            what += " (shard \(shard) of \(inputs.cases.count)\(shardSource.map { ", from \($0)" } ?? ""))"
        }
        if skipped > 0 { what += ", \(skipped) already in \(output)" }
        if results.removedBytes > 0 { what += ", a cut-off last line removed" }
        let todo = runner.cases.count
        return what + "; \(todo) to run on \(min(workers, max(1, todo))) worker\(workers == 1 ? "" : "s")"
    }
}

extension Commands {
    /// `forceplan bench`: loads the scenarios and the sweep, chooses the shard, opens the
    /// results file (locked while open) and returns the runner of the cases not yet in it.
    ///
    /// - Throws: ``BenchInputError`` for the scenarios and the sweep (every problem,
    ///   `FILE:LINE:COL`), ``InputError`` for the shard, the settings and the results file.
    public static func bench(_ request: BenchRequest) throws -> BenchJob {
        let settings = request.settings
        try settings.validate()
        if let count = request.shardCount, count < 1 { throw InputError("--shard-count must be at least 1") }
        let inputs = try BenchInputs.load(paths: request.paths, sweep: request.sweep)
        let part = try Shard.choose(flag: request.shard, environment: request.environment, count: request.shardCount)
        let mine = part.shard.select(inputs.cases)
        let results = try ResultsFile(path: request.output)
        let todo = mine.filter { !results.finished.contains($0.id) }
        let backend = settings.backend, nodeLimit = settings.nodeLimit
        let runner = BenchRunner(cases: todo, scenarios: inputs.scenarios, results: results,
                                 settings: BenchSettings(workers: settings.jobs, timeLimit: settings.timeLimit,
                                                         alternatives: settings.alternatives,
                                                         findBinding: settings.findBinding),
                                 skipped: mine.count - todo.count) { scenario, plannerSettings in
            var s = plannerSettings
            s.nodeLimit = nodeLimit
            return Planner.standard(scenario: scenario, settings: s, backend: backend)
        }
        return BenchJob(inputs: inputs, shard: part.shard, shardSource: part.source, selected: mine.count,
                        skipped: mine.count - todo.count, results: results, runner: runner, output: request.output,
                        workers: settings.jobs)
    }
}
