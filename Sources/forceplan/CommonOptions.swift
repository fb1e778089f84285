import ArgumentParser
import ForcePlanner
import ForceScenario
import StandardPlanner

/// `--solver`, `--time-limit` and `--node-limit`: one meaning and one default in every
/// command that plans. Ranges are the library's (``CommandSettings/validate()``).
struct PlanningOptions: ParsableArguments {
    @ArgumentParser.Option(name: .customLong("solver"),
                           help: "MILP solver: auto (default: GLPK, then CBC on stages GLPK has not proven), glpk, cbc, or glpk-plain (GLPK's defaults, as glpsol runs).")
    var solver: String = SolverBackend.auto.rawValue
    @ArgumentParser.Option(name: .customLong("time-limit"), help: "Seconds per option (a safety net; see --node-limit).")
    var timeLimit: Double = PlannerSettings.defaultTimeLimit
    @ArgumentParser.Option(name: .customLong("node-limit"),
                           help: "Branch-and-bound nodes per objective stage: the same input stops at the same plan on any machine.")
    var nodeLimit: Int = PlannerSettings.defaultNodeLimit

    func validate() throws {
        _ = try backend()
        do { try settings().validate() } catch { throw ValidationError("\(error)") }
    }

    /// The chosen backend; an unknown name is a usage error with a suggestion.
    func backend() throws -> SolverBackend {
        if let c = SolverBackend(rawValue: solver) { return c }
        let names = SolverBackend.allCases.map(\.rawValue)
        throw ValidationError("--solver \(solver): unknown solver" + Suggest.hint(solver, among: names, noun: "solvers"))
    }

    /// The library's settings from these flags (and `jobs`, `search`, `progress` when the
    /// command has them).
    func settings(jobs: Int = 1, search: SearchFlags? = nil,
                  progress: (@Sendable (PlanningProgress) -> Void)? = nil) -> CommandSettings {
        CommandSettings(backend: SolverBackend(rawValue: solver) ?? .auto, timeLimit: timeLimit, nodeLimit: nodeLimit,
                        jobs: jobs, alternatives: !(search?.noAlternatives ?? false),
                        findBinding: !(search?.noBinding ?? false), progress: progress)
    }
}

/// `-j N` / `--jobs N`: threads, in every command that solves independent models at once.
struct JobsOption: ParsableArguments {
    @ArgumentParser.Option(name: [.customShort("j"), .customLong("jobs")],
                           help: "Solves at once, each on its own thread (same output for any N).")
    var jobs: Int = 1

    func validate() throws {
        do { try PlannerSettings.checkJobs(jobs) } catch { throw ValidationError("\(error)") }
    }
}

/// `--no-alternatives`, `--no-binding`: what `plan`, `whatif` and `brief` compute besides
/// the plans.
struct SearchFlags: ParsableArguments {
    @Flag(name: .customLong("no-alternatives"), help: "Skip near-optimal alternatives.") var noAlternatives = false
    @Flag(name: .customLong("no-binding"), help: "Skip the search for binding caveats and policies.") var noBinding = false
}

/// What-if flags shared by the commands that plan: `--assume K=V`, `--drop NATION,...`.
/// One meaning everywhere: they describe a what-if of the scenario. Commands that plan one
/// scenario (plan, criticality, frontier, export) plan that what-if; commands that compare
/// (whatif, brief) show it beside the base.
struct WhatIfFlags: ParsableArguments {
    @ArgumentParser.Option(name: .customLong("assume"), help: "Set an assumption: NAME=true|false (repeatable).")
    var assume: [String] = []
    @ArgumentParser.Option(name: .customLong("drop"), help: "Withdraw nations: ID[,ID...] (repeatable).")
    var drop: [String] = []

    /// The flags checked against `scenario`; a wrong one exits with code 2.
    func overrides(for scenario: Scenario) throws -> PlanningOverrides {
        do {
            return try PlanningOverrides.parse(assume: assume, drop: drop, for: scenario)
        } catch {
            throw CLI.fail("\(error)")
        }
    }
}
