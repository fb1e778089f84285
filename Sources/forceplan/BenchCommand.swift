import ArgumentParser
import ForceBench
import ForcePlanner
import ForceReports
import ForceScenario
import StandardPlanner
import Foundation

/// `forceplan bench`: run a sweep of cases (the default subcommand) or summarise results.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark coverage over many variants of scenarios; resumable, parallel, shardable.",
        subcommands: [BenchRunCommand.self, BenchSummarizeCommand.self],
        defaultSubcommand: BenchRunCommand.self)
}

struct BenchRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Plan every case (scenario x sweep variation) and append one JSON line per case to -o.",
        discussion: """
            Rerunning with the same -o skips the cases already in it. Alternatives and the \
            binding search are off (coverage benchmarking); --alternatives and --binding turn them on. \
            The shard is also read from SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT, or from \
            JOB_COMPLETION_INDEX with --shard-count. Exit code 0 when every case ran (infeasible \
            options are answers), 1 when some option failed or stopped without a plan, 2 on bad input.
            """)

    @Argument(help: "Scenario files or folders (searched for *.yaml).") var paths: [String] = []
    @ArgumentParser.Option(help: "Sweep file (format forceplan-sweep/v1); without it each file is one case.") var sweep: String?
    @OptionGroup var jobs: JobsOption
    @ArgumentParser.Option(help: "Run only shard K of N (e.g. 2/3).") var shard: String?
    @ArgumentParser.Option(name: .customLong("shard-count"), help: "Number of shards, with JOB_COMPLETION_INDEX (Kubernetes Indexed Jobs).") var shardCount: Int?
    @OptionGroup var planning: PlanningOptions
    @ArgumentParser.Option(name: [.short, .customLong("output")], help: "Results file (JSON Lines), appended to.") var output: String
    @Flag(help: "No progress display.") var quiet = false
    @Flag(help: "Also compute near-optimal alternatives.") var alternatives = false
    @Flag(help: "Also search for binding caveats and policies.") var binding = false

    func validate() throws {
        if paths.isEmpty { throw ValidationError("give at least one scenario file or folder, e.g. forceplan bench scenarios/ --sweep sweeps/tutorial.yaml -o results.jsonl") }
        if let shardCount, shardCount < 1 { throw ValidationError("--shard-count must be at least 1") }
    }

    func run() throws {
        var settings = planning.settings(jobs: jobs.jobs)
        settings.alternatives = alternatives
        settings.findBinding = binding
        // The scheduler's environment is read here, at the edge, and handed to the library.
        let request = BenchRequest(paths: paths, sweep: sweep, output: output, shard: shard, shardCount: shardCount,
                                   environment: ProcessInfo.processInfo.environment, settings: settings)
        let job: BenchJob
        do { job = try Commands.bench(request) } catch let error as BenchInputError {
            CLI.printError(error.description)
            throw Exit.badInput
        } catch {
            throw CLI.fail("\(error)")
        }
        if !quiet {
            job.inputs.warnings.forEach { CLI.printError($0.description) }
            // A sweep that overrides what an option is made of changes what it measures.
            SweepOptionConflicts.warnings(job.inputs).forEach { CLI.printError("forceplan: " + $0) }
            CLI.printError(job.summary)
        }
        let runner = job.runner
        let display = quiet ? nil : BenchDisplay(runner: runner)
        display?.start()
        // Ctrl-C ends as in every command (Interrupt: _exit, no atexit handlers or static
        // destructors beside a running solver), after the progress line is finished and the
        // results file is closed: a line being written is completed first, so a rerun
        // resumes exactly.
        Interrupt.install()
        Interrupt.beforeExit {
            display?.finish(runner.progress)
            job.results.close()
            CLI.printError("bench: interrupted; rerun the same command to resume")
        }
        let end: BenchProgress
        do {
            end = try runner.run { p in display?.caseFinished(p) }
        } catch {
            display?.finish(runner.progress)
            throw CLI.fail("\(error)")
        }
        display?.finish(end)
        if end.failed > 0 {
            CLI.printError("forceplan: \(end.failed) case\(end.failed == 1 ? "" : "s") without a plan (infeasible, stopped or failed); their lines in \(output) say why")
            throw Exit.infeasible
        }
    }
}

struct BenchSummarizeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "summarize",
        abstract: "Summarise results files: per option statuses, coverage and cost; the worst cases; grouped by a variation key.")

    @Argument(help: "Results files (JSON Lines); shards may be given together.") var files: [String] = []
    @ArgumentParser.Option(help: "Group by a variation key, e.g. drop, requirement_scale, us-backstop.") var by: String?
    @ArgumentParser.Option(help: "text, markdown, csv or json.") var format: SummaryFormat = .text
    @ArgumentParser.Option(help: "How many worst cases to list.") var worst: Int = 5

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one results file, e.g. forceplan bench summarize results.jsonl") }
        if worst < 0 { throw ValidationError("--worst must be 0 or more") }
    }

    func run() throws {
        let read = try CLI.call { try BenchSummary.load(files: files, by: by, worst: worst) }
        read.warnings.forEach(CLI.printError)
        let summary = read.summary
        CLI.write(BenchSummaryReport.render(summary, format: format.library))
    }
}

enum SummaryFormat: String, ExpressibleByArgument, CaseIterable {
    case text, markdown, csv, json
    var library: BenchSummaryReport.Format {
        switch self {
        case .text: return .text
        case .markdown: return .markdown
        case .csv: return .csv
        case .json: return .json
        }
    }
}

/// Progress of a benchmark on stderr: on a terminal a bar redrawn several times a second;
/// otherwise (a batch job's log) one line every few seconds.
final class BenchDisplay: @unchecked Sendable {
    let runner: BenchRunner
    let terminal = isatty(STDERR_FILENO) != 0
    private let lock = NSLock()
    private var timer: DispatchSourceTimer?
    private var lastLine = DispatchTime.now().uptimeNanoseconds
    private var finished = false
    static let logInterval: UInt64 = 5_000_000_000

    init(runner: BenchRunner) { self.runner = runner }

    func start() {
        let t = DispatchSource.makeTimerSource(queue: .global())
        t.schedule(deadline: .now() + .milliseconds(250), repeating: .milliseconds(250))
        t.setEventHandler { [weak self] in
            guard let self else { return }
            self.show(self.runner.progress, force: false)
        }
        t.resume()
        timer = t
    }

    func caseFinished(_ p: BenchProgress) {
        if terminal { show(p, force: true) }
    }

    func finish(_ p: BenchProgress) {
        timer?.cancel()
        lock.lock()
        defer { lock.unlock() }
        finished = true
        if terminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + p.bar() + "\n").utf8))
        } else {
            FileHandle.standardError.write(Data((p.line + "\n").utf8))
        }
    }

    private func show(_ p: BenchProgress, force: Bool) {
        lock.lock()
        defer { lock.unlock() }
        if finished { return }
        if terminal {
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + p.bar()).utf8))
            return
        }
        let now = DispatchTime.now().uptimeNanoseconds
        guard now &- lastLine >= Self.logInterval else { return }
        lastLine = now
        FileHandle.standardError.write(Data((p.line + "\n").utf8))
    }
}
