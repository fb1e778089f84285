import ArgumentParser
import Foundation
import ForcePlanner

/// Helpers shared by the commands: loading with diagnostics, flags, output.
enum CLI {
    /// Loads a scenario; on errors prints them to stderr and exits with code 2.
    static func load(_ path: String) throws -> Scenario {
        do {
            let loaded = try ScenarioLoader.load(file: path)
            for w in loaded.warnings { printError(w.description) }
            return loaded.scenario
        } catch let e as ScenarioLoadError {
            printError(e.description)
            throw Exit.badInput
        } catch {
            printError("\(path): \(error)")
            throw Exit.badInput
        }
    }

    static func overrides(assume: [String], drop: [String], scenario: Scenario) throws -> PlanningOverrides {
        do {
            return try PlanningOverrides.parse(assume: assume, drop: drop, for: scenario)
        } catch {
            throw fail("\(error)")
        }
    }

    /// Prints `message` to stderr and returns the bad-input exit.
    static func fail(_ message: String) -> ExitCode {
        printError("forceplan: " + message)
        return Exit.badInput
    }

    static func render(_ report: PlanReport, _ format: ReportFormat) -> String {
        switch format {
        case .text: return TextReport.render(report)
        case .markdown: return MarkdownReport.render(report)
        case .json: return JSONReport.render(report)
        case .csv: return CSVReport.render(report)
        }
    }

    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
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
            if let gap = p.gap { line += ", gap " + NumberFormat.percent(gap) }
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
