// Plans seeded random scenarios (RandomScenario, 12 to 60 nations) option by option and
// reports, per GLPK configuration, how many options were proven optimal and the slowest
// option. Release build: `make -C benchmarks hard`.
//
//   HardScenarios [--count N | --seeds S,S,...] [--limit SECONDS] [--variant NAME]... [--nodes N] [--start-hint]
//                 [--nations N] [--first-seed S] [--verbose]
//
// --nodes: node limit per stage (PlannerSettings.nodeLimit); --start-hint: offer the
// repaired start plan to the first stage; --nations: every scenario this size instead of
// 12 to 60; --verbose: one line per option.
// --measure FILE: one tab-separated line per stage (consecutive portfolio turns on one
// model) with the model's size, nodes, simplex iterations, how it ended and, per turn,
// cumulative nodes and the turn's bound (the work measurements of issue 22).
// --objectives a,b,c: one option, `resilient`, with these objectives (WithdrawalBenchmark's).
// --seeds: exactly these seeds; variant `cbc`: CBCSolver alone, for GLPK and CBC side by side
// (`cbc-nohint`: the same without the previous stage's plan as CBC's MIP start);
// `portfolio-cbc`: GLPK's portfolio with CBC as its last member (taking its turns, without the
// hint: forceplan's default planner); `portfolio-cbc-hint`: the same with the hint as CBC's MIP start.
import CBCSolver
import ForcePlanner
import ForceScenario
import Foundation
import GLPKSolver
import LinearModel

/// Unbuffered, so progress shows while it runs.
func say(_ s: String) { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }

let variants: [String: GLPKOptions] = {
    var plain = GLPKOptions()
    plain.cuts = []
    var cuts = GLPKOptions()
    cuts.cuts = .all
    var tuned = GLPKOptions()
    tuned.cuts = [.gomory, .mir, .cover, .clique]
    tuned.feasibilityPump = true
    var proximity = tuned
    proximity.proximitySearch = 5
    var pseudo = tuned
    pseudo.branching = .pseudocost
    var gomory = GLPKOptions()
    gomory.cuts = [.gomory]
    var gomoryPseudo = gomory
    gomoryPseudo.branching = .pseudocost
    var cutsPseudo = GLPKOptions()
    cutsPseudo.cuts = .all
    cutsPseudo.branching = .pseudocost
    var cutsBestp = GLPKOptions()
    cutsBestp.cuts = .all
    cutsBestp.backtracking = .bestProjection
    var gomoryMir = GLPKOptions()
    gomoryMir.cuts = [.gomory, .mir]
    return ["gomory": gomory, "gomory-pcost": gomoryPseudo, "cuts-pcost": cutsPseudo, "gomory-mir": gomoryMir, "cuts-bestp": cutsBestp,
            "default": GLPKOptions(), "plain": plain, "cuts": cuts, "tuned": tuned,
            "proximity": proximity, "pseudocost": pseudo]
}()

var count = 20
var limit = 60.0
var chosen: [String] = []
var seeds: [Int]?
var warmStart = true
var nodes: Int?
var startHint = false
var fixedNations: Int?
var firstSeed = 1
var verbose = false
var measureFile: String?
var objectivesOverride: [ObjectiveSpec]?
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
    switch a {
    case "--count": count = Int(args.next() ?? "") ?? count
    case "--limit": limit = Double(args.next() ?? "") ?? limit
    case "--variant": chosen.append(args.next() ?? "default")
    case "--cold": warmStart = false
    case "--seeds": seeds = (args.next() ?? "").split(separator: ",").compactMap { Int($0) }
    case "--nodes": nodes = Int(args.next() ?? "")
    case "--start-hint": startHint = true
    case "--nations": fixedNations = Int(args.next() ?? "")
    case "--first-seed": firstSeed = Int(args.next() ?? "") ?? 1
    case "--verbose": verbose = true
    case "--measure": measureFile = args.next()
    case "--objectives": objectivesOverride = (args.next() ?? "").split(separator: ",").compactMap { ObjectiveSpec(name: String($0)) }
    default: print("unknown argument \(a)"); exit(2)
    }
}
if chosen.isEmpty { chosen = ["default"] }

for name in chosen {
    let solvers: [any Solver]
    if name == "cbc" {
        solvers = [CBCSolver()]
    } else if name == "cbc-nohint" {
        solvers = [CBCSolver(usesHint: false)]
    } else if name == "portfolio-cbc-trace" {
        solvers = GLPKSolver.portfolio.map { Traced(inner: $0) } + [Traced(inner: CBCSolver(usesHint: false))]
    } else if name == "portfolio-cbc" {
        solvers = GLPKSolver.portfolio + [CBCSolver(usesHint: false)]
    } else if name == "portfolio-cbc-hint" {
        solvers = GLPKSolver.portfolio + [CBCSolver()]
    } else if name == "portfolio" {
        solvers = GLPKSolver.portfolio
    } else if let options = variants[name] {
        solvers = [GLPKSolver(options: options)]
    } else {
        print("unknown variant \(name); known: portfolio, portfolio-cbc, portfolio-cbc-hint, cbc, \(variants.keys.sorted())"); exit(2)
    }
    let turnLog = TurnLog()
    let members = measureFile == nil ? solvers : solvers.map { Recorded(inner: $0, log: turnLog) as any Solver }
    let solver = members[0]
    var proven = 0, total = 0, slowest = 0.0, sum = 0.0
    var worst = ""
    for seed in seeds ?? Array(firstSeed..<(firstSeed + count)) {
        let nations = fixedNations ?? 12 + Int((UInt64(seed) &* 7919) % 49)
        var scenario = RandomScenario.make(nations: nations, seed: UInt64(seed))
        if let objectives = objectivesOverride {
            scenario.options = [Option(id: "resilient", objectives: objectives)]  // as WithdrawalBenchmark
        }
        let planner = Planner(scenario: scenario, solver: solver,
                              settings: {
                                  var s = PlannerSettings(timeLimit: limit, alternatives: false, findBinding: false)
                                  s.warmStart = warmStart
                                  s.nodeLimit = nodes
                                  s.startPlanHint = startHint
                                  s.alternateSolvers = Array(members.dropFirst())
                                  return s
                              }())
        for option in scenario.effectiveOptions {
            let r = planner.plan(option)
            if let file = measureFile { turnLog.flush(to: file, prefix: "\(name)\t\(seed)\t\(nations)\t\(option.id)") }
            total += 1
            if r.status == .optimal || r.status == .infeasible { proven += 1 }
            sum += r.seconds
            if r.seconds > slowest { slowest = r.seconds; worst = "seed \(seed) (\(nations) nations) option \(option.id): \(r.status.rawValue)" }
            if verbose {
                say("  \(name): seed \(seed) n=\(nations) option \(option.id): \(r.status.rawValue) \(String(format: "%.2f", r.seconds)) s, gap \(r.gap.map { String(format: "%.5f", $0) } ?? "-"), objectives \(r.plan?.objectives.map { NumberFormat.readable($0.value) } ?? [])")
            } else if r.status != .optimal && r.status != .infeasible {
                say("  \(name): seed \(seed) n=\(nations) option \(option.id): \(r.status.rawValue) after \(String(format: "%.1f", r.seconds)) s, gap \(r.gap.map { String(format: "%.4f", $0) } ?? "-"): \(r.message ?? "")")
            }

        }
    }
    say(String(format: "%@: %d/%d options proven, total %.1f s, slowest %.1f s (%@)", name, proven, total, sum, slowest, worst))
}

/// A solver that prints each call's outcome (variant `portfolio-cbc-trace`: every turn of the portfolio).
struct Traced: Solver {
    var inner: any Solver
    var name: String { inner.name }
    func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult {
        let r = try inner.solve(model, parameters: parameters)
        say("    \(name): nodes<=\(parameters.nodeLimit ?? -1) hint=\(parameters.hint != nil) -> \(r.termination) z=\(r.objectiveValue ?? .nan) bound=\(r.bestBound ?? .nan) nodes=\(r.nodes ?? -1) \(r.message ?? "")")
        return r
    }
    func export(_ model: Model, format: ModelFileFormat, to path: String) throws {
        try inner.export(model, format: format, to: path)
    }
}


/// Every turn of every member, in call order (`--measure`).
final class TurnLog: @unchecked Sendable {
    struct Turn {
        var key: [Int]
        var size: (rows: Int, cols: Int, ints: Int, nnz: Int)
        var limit: Int?
        var hint: Bool
        var member: String
        var result: SolveResult
    }
    var turns: [Turn] = []

    /// Appends one line per stage (consecutive turns on the same model) to `file`.
    func flush(to file: String, prefix: String) {
        var stages: [[Turn]] = []
        for t in turns {
            if let last = stages.last?.last, last.key == t.key { stages[stages.count - 1].append(t) } else { stages.append([t]) }
        }
        turns = []
        var out = ""
        for (i, stage) in stages.enumerated() {
            guard let first = stage.first, let last = stage.last else { continue }
            let nodes = stage.reduce(0) { $0 + ($1.result.nodes ?? 0) }
            let iters = stage.reduce(0) { $0 + ($1.result.iterations ?? 0) }
            let limits = stage.map { $0.limit.map(String.init) ?? "none" }.joined(separator: ",")
            var cum = 0
            let series = stage.map { t -> String in
                cum += t.result.nodes ?? 0
                return "\(cum):\(t.result.nodes ?? 0):\(t.result.iterations ?? 0):\(t.result.termination.rawValue):\(t.result.bestBound.map { String($0) } ?? "-"):\(t.result.objectiveValue.map { String($0) } ?? "-")"
            }.joined(separator: ";")
            let how = last.result.termination.rawValue + (last.result.stoppedBy.map { "/\($0)" } ?? "")
            out += "\(prefix)\t\(i + 1)\t\(first.size.rows)\t\(first.size.cols)\t\(first.size.ints)\t\(first.size.nnz)\t\(stage.count)\t\(limits)\t\(nodes)\t\(iters)\t\(how)\t\(series)\n"
        }
        if let h = FileHandle(forWritingAtPath: file) {
            h.seekToEndOfFile()
            h.write(Data(out.utf8))
            h.closeFile()
        } else {
            _ = FileManager.default.createFile(atPath: file, contents: Data(out.utf8))
        }
    }
}

/// A member that writes each turn into a ``TurnLog``.
struct Recorded: Solver {
    var inner: any Solver
    let log: TurnLog
    var name: String { inner.name }
    func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult {
        let r = try inner.solve(model, parameters: parameters)
        let nnz = model.constraints.reduce(0) { $0 + $1.expression.termCount }
        let ints = model.variables.lazy.filter { $0.kind != .continuous }.count
        log.turns.append(.init(key: [model.constraintCount, model.variableCount, nnz, model.objective.hashValue],
                               size: (model.constraintCount, model.variableCount, ints, nnz),
                               limit: parameters.nodeLimit, hint: parameters.hint != nil, member: name, result: r))
        return r
    }
    func export(_ model: Model, format: ModelFileFormat, to path: String) throws {
        try inner.export(model, format: format, to: path)
    }
}
