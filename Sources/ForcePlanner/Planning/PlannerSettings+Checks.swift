import ForceScenario

/// The accepted ranges of the settings every command shares, checked in one place.
///
/// Each check throws an ``InputError`` that names the setting as the CLI spells it and
/// gives the accepted range: `--time-limit must be a positive number of seconds, not -1`.
/// Library callers get the same messages as the CLI, and no command checks a setting of
/// its own.
extension PlannerSettings {
    /// The time limit per option of every command (seconds): a safety net behind
    /// ``defaultNodeLimit``, which decides where a hard search stops.
    public static let defaultTimeLimit: Double = 60

    /// Threads a command may run at once (`-j`).
    public static let jobs: ClosedRange<Int> = 1...256

    /// Throws when a limit is out of its range: a time limit must be a positive finite
    /// number of seconds, a node limit a positive number of nodes (nil: none).
    public func validate() throws {
        if let timeLimit { try Self.checkTimeLimit(timeLimit) }
        if let nodeLimit { try Self.checkNodeLimit(nodeLimit) }
    }

    /// `seconds` as a time limit: positive and finite.
    public static func checkTimeLimit(_ seconds: Double) throws {
        guard seconds.isFinite, seconds > 0 else {
            throw InputError("--time-limit must be a positive number of seconds, not \(NumberFormat.readable(seconds))")
        }
    }

    /// `nodes` as a node limit: at least 1.
    public static func checkNodeLimit(_ nodes: Int) throws {
        guard nodes > 0 else { throw InputError("--node-limit must be a positive number of nodes, not \(nodes)") }
    }

    /// `threads` as a thread count: within ``jobs``.
    public static func checkJobs(_ threads: Int) throws {
        guard jobs.contains(threads) else {
            throw InputError("-j must be between \(jobs.lowerBound) and \(jobs.upperBound), not \(threads)")
        }
    }
}
