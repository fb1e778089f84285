import ArgumentParser
import ForceBench
import ForcePlanner
import ForceReports
import ForceScenario
import Foundation

/// Helpers shared by the commands: loading with diagnostics, flags, output.
enum CLI {
    /// Loads a scenario; on errors prints them to stderr and exits with code 2.
    static func load(_ path: String) throws -> Scenario {
        do {
            let loaded = try ScenarioLoader.load(file: path)
            for w in loaded.warnings { printError(w.description) }
            return loaded.scenario
        } catch {
            printError(error.description)
            throw Exit.badInput
        }
    }

    /// Warns on stderr about each variant that does not extend `base` (see
    /// ``Scenario/extends(_:)``): a wrong file given as a what-if still runs, but the reader
    /// is told why every difference shows as a change.
    static func warnUnrelated(_ variants: [Scenario], of base: Scenario) {
        for v in variants where !v.extends(base) {
            printError("forceplan: warning: \(v.file ?? v.name) does not extend \(base.file ?? base.name); "
                + "it is compared as a scenario of its own (start it with 'extends: ...' to make it a what-if of that base)")
        }
    }

    /// Loads every file, printing the problems of each; exit code 2 when any is bad.
    static func loadAll(_ paths: [String]) throws -> [Scenario] {
        var loaded: [Scenario] = []
        var bad = false
        for path in paths {
            do { loaded.append(try load(path)) } catch { bad = true }
        }
        if bad { throw Exit.badInput }
        return loaded
    }

    /// Runs one library call; an error it throws is bad input: printed, exit code 2.
    static func call<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw fail("\(error)") }
    }

    /// Prints `message` to stderr and returns the bad-input exit.
    static func fail(_ message: String) -> ExitCode {
        printError("forceplan: " + message)
        return Exit.badInput
    }

    static func render(_ report: PlanReport, _ format: ReportFormat, detail: TextDetail = .full) -> String {
        switch format {
        case .text: return TextReport.render(report, detail: detail)
        case .markdown: return MarkdownReport.render(report)
        case .json: return JSONReport.render(report)
        case .csv: return CSVReport.render(report)
        }
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` to `path` whole or not at all (``OutputFile``), or to stdout when
    /// `path` is nil; a file that cannot be written is bad input (exit 2).
    static func emit(_ text: String, to path: String?) throws {
        guard let path else { return write(text) }
        do { try OutputFile.write(text, to: path) } catch { throw fail("\(error)") }
    }

    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

/// A one-line progress display on stderr, only on a terminal and only for solves that
/// take more than a second.
enum Progress {
    nonisolated(unsafe) static var shown = false
    static let lock = NSLock()

    static func reporter() -> (@Sendable (PlanningProgress) -> Void)? {
        guard isatty(STDERR_FILENO) != 0 else { return nil }
        return { p in
            guard p.elapsed >= 1 else { return }
            var line = "option \(p.optionIndex)/\(p.optionCount) \(p.optionID): \(p.stage), "
                + String(format: "%.1fs", p.elapsed)
            if p.proven { line += ", proven" } else if let gap = p.gap { line += ", gap " + NumberFormat.gap(gap) }
            lock.lock()
            shown = true
            FileHandle.standardError.write(Data(("\r\u{1B}[K" + line).utf8))
            lock.unlock()
        }
    }

    static func clear() {
        lock.lock()
        if shown { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
        shown = false
        lock.unlock()
    }
}
