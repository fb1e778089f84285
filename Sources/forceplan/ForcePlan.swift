import ArgumentParser
import ForcePlanner

/// The `forceplan` command: thin; parses flags and calls ForcePlanner.
@main
struct ForcePlan: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forceplan",
        abstract: "Turn coalition pledges and political limits into force-package options.",
        subcommands: [ValidateCommand.self, PlanCommand.self]
    )
}

/// Exit codes of every forceplan command.
enum Exit {
    /// Every option solved (or every file valid).
    static let success = ExitCode(0)
    /// Some option is infeasible, or stopped without a solution.
    static let infeasible = ExitCode(1)
    /// Bad input: a file, a flag or a value that is wrong.
    static let badInput = ExitCode(2)
}
