import ForcePlanner
import ForceReports
import ForceScenario
import Foundation

/// Settings of a benchmark run.
public struct BenchSettings: Sendable {
    /// Worker threads; cases are handed out one at a time to whichever is free.
    public var workers: Int
    /// Wall-clock limit per option in seconds (as `plan --time-limit`); nil for none.
    public var timeLimit: Double?
    /// Near-optimal alternatives and the binding search cost several solves each and say
    /// nothing about coverage, so a benchmark leaves them out unless asked.
    public var alternatives: Bool
    public var findBinding: Bool

    public init(workers: Int = 1, timeLimit: Double? = 300, alternatives: Bool = false, findBinding: Bool = false) {
        self.workers = workers
        self.timeLimit = timeLimit
        self.alternatives = alternatives
        self.findBinding = findBinding
    }
}

/// How far a benchmark run is, for progress displays.
public struct BenchProgress: Sendable, Hashable {
    /// Cases finished in this run, and how many it has to do.
    public var done: Int
    public var total: Int
    /// Cases found finished in the results file before this run (not counted above).
    public var skipped: Int
    /// Cases with an option that stopped without a plan or failed; and with an infeasible option.
    public var failed: Int
    public var infeasible: Int
    /// Seconds since the run started.
    public var elapsed: Double

    public init(done: Int = 0, total: Int = 0, skipped: Int = 0, failed: Int = 0, infeasible: Int = 0, elapsed: Double = 0) {
        self.done = done
        self.total = total
        self.skipped = skipped
        self.failed = failed
        self.infeasible = infeasible
        self.elapsed = elapsed
    }

    /// Cases per second so far; nil before the first case.
    public var rate: Double? { done > 0 && elapsed > 0 ? Double(done) / elapsed : nil }
    /// Seconds still needed at the rate so far.
    public var eta: Double? { rate.map { Double(total - done) / $0 } }

    /// `[#########-----------] 18/36  3.2 cases/s  ETA 0:06  1 failed`: a terminal bar.
    public func bar(width: Int = 24) -> String {
        let filled = total > 0 ? min(width, done * width / total) : width
        return "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] "
            + details(separator: "  ")
    }

    /// `bench: 18/36 cases (50%), 3.2 cases/s, ETA 0:06, 1 failed`: a log line.
    public var line: String {
        let percent = total > 0 ? done * 100 / total : 100
        return "bench: \(done)/\(total) cases (\(percent)%), " + details(separator: ", ", countFirst: false)
    }

    private func details(separator: String, countFirst: Bool = true) -> String {
        var parts: [String] = countFirst ? ["\(done)/\(total)"] : []
        parts.append(rate.map { NumberFormat.readable($0, decimals: $0 < 10 ? 2 : 1) + " cases/s" } ?? "- cases/s")
        parts.append(done == total ? "done in " + Self.clock(elapsed) : "ETA " + (eta.map(Self.clock) ?? "-"))
        if failed > 0 { parts.append("\(failed) failed") }
        if infeasible > 0 { parts.append("\(infeasible) infeasible") }
        if skipped > 0 { parts.append("\(skipped) done before") }
        return parts.joined(separator: separator)
    }

    /// `0:06`, `12:34`, `2:03:04`.
    static func clock(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "-" }
        let s = Int(seconds.rounded())
        let (h, m, sec) = (s / 3600, s / 60 % 60, s % 60)
        let two = { (v: Int) in v < 10 ? "0\(v)" : "\(v)" }
        return h > 0 ? "\(h):\(two(m)):\(two(sec))" : "\(m):\(two(sec))"
    }
}

/// Runs benchmark cases on worker threads and appends each result to a ``ResultsFile``
/// as soon as it is known.
///
/// Workers (``ParallelMap/forEach(_:threads:_:)``, the worker pool) take the next case when
/// they finish one (case times vary a hundredfold, so fixed slices would leave workers
/// idle). Each case plans every option of its scenario
/// with the variation's ``PlanningOverrides``. Results come out in completion order;
/// sorted by id they are the same whatever the number of workers, timing fields aside.
///
/// ```swift
/// let runner = BenchRunner(cases: todo, scenarios: loaded, results: file,
///                          settings: BenchSettings(workers: 2)) { scenario, settings in
///     Planner(scenario: scenario, solver: GLPKSolver(), settings: settings)
/// }
/// let end = try runner.run { print($0.line) }
/// ```
public final class BenchRunner: @unchecked Sendable {
    public let cases: [BenchCase]
    public let scenarios: [String: Scenario]
    public let results: ResultsFile
    public let settings: BenchSettings
    let makePlanner: @Sendable (Scenario, PlannerSettings) -> Planner

    private let lock = NSLock()
    private var state: BenchProgress
    private var writeError: Error?
    private var started = DispatchTime.now().uptimeNanoseconds

    /// - Parameters:
    ///   - cases: the cases to run (finished ones already left out).
    ///   - scenarios: each case's scenario by ``BenchCase/scenario`` path.
    ///   - skipped: cases finished before, for progress.
    ///   - makePlanner: the planner for one case (the solver backend is the caller's choice).
    public init(cases: [BenchCase], scenarios: [String: Scenario], results: ResultsFile, settings: BenchSettings,
                skipped: Int = 0, makePlanner: @escaping @Sendable (Scenario, PlannerSettings) -> Planner) {
        self.cases = cases
        self.scenarios = scenarios
        self.results = results
        self.settings = settings
        self.makePlanner = makePlanner
        state = BenchProgress(total: cases.count, skipped: skipped)
    }

    /// Where the run is now (for displays that redraw on a timer).
    public var progress: BenchProgress {
        lock.lock()
        defer { lock.unlock() }
        var p = state
        p.elapsed = seconds(since: started)
        return p
    }

    /// Runs every case; `onCase` is called (from a worker thread) after each one is written.
    /// - Returns: the final progress.
    /// - Throws: the first error writing the results file (workers stop taking cases then).
    @discardableResult
    public func run(onCase: @escaping @Sendable (BenchProgress) -> Void = { _ in }) throws -> BenchProgress {
        lock.lock()
        started = DispatchTime.now().uptimeNanoseconds
        lock.unlock()
        // Threads of our own: a deep enough stack for the solver, and no borrowing of
        // GCD's pool (which is sized for short tasks).
        ParallelMap.forEach(cases.count, threads: settings.workers) { [self] i in work(cases[i], onCase) }
        if let writeError { throw writeError }
        return progress
    }

    /// Runs one case and appends its line; false (take no further case) once writing failed.
    private func work(_ c: BenchCase, _ onCase: @Sendable (BenchProgress) -> Void) -> Bool {
        lock.lock()
        let failed = writeError != nil
        lock.unlock()
        if failed { return false }
        let line = self.line(for: c)
        do {
            try results.append(line.text)
        } catch {
            lock.lock()
            if writeError == nil { writeError = error }
            lock.unlock()
            return false
        }
        lock.lock()
        state.done += 1
        if line.status == "failed" || line.status == "error" { state.failed += 1 }
        if line.status == "infeasible" { state.infeasible += 1 }
        var p = state
        p.elapsed = seconds(since: started)
        lock.unlock()
        onCase(p)
        return true
    }

    /// Plans every option of the case's scenario under its variation.
    func line(for c: BenchCase) -> (text: String, status: String) {
        guard let scenario = scenarios[c.scenario] else {
            return (BenchRecord.errorLine(c, message: "scenario \(c.scenario) was not loaded"), "error")
        }
        let clock = DispatchTime.now().uptimeNanoseconds
        let plannerSettings = PlannerSettings(timeLimit: settings.timeLimit, overrides: c.variation.overrides,
                                              alternatives: settings.alternatives, findBinding: settings.findBinding)
        let planner = makePlanner(scenario, plannerSettings)
        let options = scenario.effectiveOptions
        var results: [OptionResult] = []
        for (i, o) in options.enumerated() { results.append(planner.plan(o, index: i + 1, of: options.count)) }
        let text = BenchRecord.line(c, scenario: scenario, results: results, seconds: seconds(since: clock))
        return (text, BenchRecord.caseStatus(results))
    }

    private func seconds(since start: UInt64) -> Double {
        Double(DispatchTime.now().uptimeNanoseconds &- start) / 1e9
    }
}
