import ArgumentParser
import ForceBench
import ForcePlanner
import ForceReports
import ForceScenario

/// The `forceplan` command: thin; parses flags and calls ForcePlanner.
@main
struct ForcePlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forceplan",
        abstract: "Turn coalition pledges and political limits into force-package options.",
        version: forcePlanVersion,
        subcommands: [ValidateCommand.self, PlanCommand.self, WhatIfCommand.self, BriefCommand.self,
                      CriticalityCommand.self, FrontierCommand.self, BenchCommand.self, GenerateCommand.self,
                      ExportCommand.self]
    )

    /// Runs the command; flag errors exit with code 2 (bad input), as every other bad
    /// input does, rather than ArgumentParser's 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .validationFailure {
                let message = fullMessage(for: error)
                if !message.isEmpty { CLI.printError(message) }
                Self.exit(withError: Exit.badInput)
            }
            Self.exit(withError: error)
        }
    }
}

/// Exit codes of every forceplan command.
enum Exit {
    /// Every option solved (or every file valid).
    static let success = ExitCode(0)
    /// Some option is infeasible, or stopped without a solution.
    static let infeasible = ExitCode(1)
    /// Bad input: a file, a flag or a value that is wrong.
    static let badInput = ExitCode(2)
    /// Interrupted by Ctrl-C (128 + SIGINT), with no half-written output (see ``Interrupt``).
    static let interrupted = ExitCode(130)
}
