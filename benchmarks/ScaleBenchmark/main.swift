// Scale benchmark (issue 7): one seeded coalition (or a scenario file) through every step
// of `forceplan plan` (lexicographic solves only), timed step by step, with the size of
// the first option's model and the solver's work. Prints one JSON object. Peak memory is
// measured from outside (/usr/bin/time -v), one process per run: see benchmarks/scale.sh.
//
//   ScaleBenchmark (--nations N [--seed S] | --file F) [--solver glpk|cbc]
//                  [--size-only] [--time-limit SECONDS] [--write F]
import CBCSolver
import ForcePlanner
import ForceReports
import ForceScenario
import Foundation
import GLPKSolver
import LinearModel

/// Forwards to a backend and records every solve: size, time, nodes, termination.
final class RecordingSolver: Solver, @unchecked Sendable {
    struct Record { var rows, columns, nonzeros: Int; var seconds: Double; var nodes: Int?; var termination: String }
    let inner: any Solver
    let log: RecordLog
    init(_ inner: any Solver, _ log: RecordLog) { self.inner = inner; self.log = log }
    var name: String { inner.name }
    func solve(_ model: Model, parameters: SolveParameters) throws -> SolveResult {
        let started = Date()
        let r = try inner.solve(model, parameters: parameters)
        log.add(Record(rows: model.constraintCount, columns: model.variableCount, nonzeros: nonzeros(model),
                       seconds: Date().timeIntervalSince(started), nodes: r.nodes, termination: r.termination.rawValue))
        return r
    }
    func export(_ model: Model, format: ModelFileFormat, to path: String) throws {
        try inner.export(model, format: format, to: path)
    }
}

final class RecordLog: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var records: [RecordingSolver.Record] = []
    func add(_ r: RecordingSolver.Record) { lock.lock(); records.append(r); lock.unlock() }
}

/// Matrix nonzeros after merging duplicate (row, column) terms, as a solver loads them.
func nonzeros(_ model: Model) -> Int {
    var lastRow = [Int](repeating: -1, count: model.variableCount)
    var count = 0
    for (i, c) in model.constraints.enumerated() {
        for v in c.expression.variables where lastRow[v.index] != i {
            lastRow[v.index] = i
            count += 1
        }
    }
    return count
}

func seconds(since start: Date) -> Double { Date().timeIntervalSince(start) }
func fail(_ s: String) -> Never { FileHandle.standardError.write(Data((s + "\n").utf8)); exit(2) }

var nations: Int?
var seed: UInt64 = 1
var file: String?
var solverName = "glpk"
var sizeOnly = false
var timeLimit = 60.0
var writePath: String?
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
    switch a {
    case "--nations": nations = Int(args.next() ?? "")
    case "--seed": seed = UInt64(args.next() ?? "") ?? seed
    case "--file": file = args.next()
    case "--solver": solverName = args.next() ?? solverName
    case "--size-only": sizeOnly = true
    case "--time-limit": timeLimit = Double(args.next() ?? "") ?? timeLimit
    case "--write": writePath = args.next()
    default: fail("unknown argument \(a)")
    }
}

// The scenario file: given, or generated (generation is not timed) and written as YAML.
let path: String
if let file {
    path = file
} else if let nations {
    let s = RandomScenario.make(nations: nations, seed: seed)
    path = writePath ?? NSTemporaryDirectory() + "scale-\(nations)-\(seed).yaml"
    do { try ScenarioWriter.yaml(s).write(toFile: path, atomically: true, encoding: .utf8) } catch { fail("\(error)") }
} else {
    fail("give --nations N or --file F")
}

let total = Date()
var t = Date()
let scenario: Scenario
do { scenario = try ScenarioLoader.load(file: path).scenario } catch { fail("\(error)") }
let parseSeconds = seconds(since: t)

t = Date()
let options = scenario.effectiveOptions
var formulations: [Formulation] = []
for o in options { formulations.append(Formulation(scenario: scenario, option: ResolvedOption(o, of: scenario))) }
let formulationSeconds = seconds(since: t)
guard let first = formulations.first else { fail("no options") }

var out: [String: Any] = [
    "file": path, "solver": solverName, "nations": scenario.nations.count, "pledges": scenario.pledges.count,
    "options_count": options.count,
    "parse_s": parseSeconds, "formulation_s": formulationSeconds,
    "rows": first.model.constraintCount, "columns": first.model.variableCount, "nonzeros": nonzeros(first.model),
    "integer_columns": first.model.variables.filter { $0.kind != .continuous }.count,
]
if let nations { out["seed"] = seed; out["generated_nations"] = nations }

if !sizeOnly {
    let log = RecordLog()
    var settings = PlannerSettings(timeLimit: timeLimit, alternatives: false, findBinding: false)
    let solver: any Solver
    switch solverName {
    case "glpk":
        let portfolio = GLPKSolver.portfolio
        solver = RecordingSolver(portfolio[0], log)
        settings.alternateSolvers = portfolio.dropFirst().map { RecordingSolver($0, log) }
    case "cbc":
        solver = RecordingSolver(CBCSolver(), log)
    default:
        fail("unknown solver \(solverName)")
    }
    t = Date()
    let planner = Planner(scenario: scenario, solver: solver, settings: settings)
    let report = planner.planAll()
    out["solve_s"] = seconds(since: t)
    out["solver_s"] = log.records.reduce(0) { $0 + $1.seconds }
    out["solves"] = log.records.count
    out["nodes"] = log.records.reduce(0) { $0 + ($1.nodes ?? 0) }
    out["largest_solve"] = log.records.map { ["rows": $0.rows, "columns": $0.columns, "nonzeros": $0.nonzeros,
                                              "seconds": $0.seconds, "nodes": $0.nodes ?? -1, "termination": $0.termination] as [String: Any] }
        .max { ($0["seconds"] as? Double ?? 0) < ($1["seconds"] as? Double ?? 0) } ?? [:]
    t = Date()
    let json = JSONReport.render(report)
    out["report_s"] = seconds(since: t)
    out["report_bytes"] = json.utf8.count
    out["options"] = report.options.map { r -> [String: Any] in
        var o: [String: Any] = ["id": r.option.id, "status": r.status.rawValue, "seconds": r.seconds]
        if let g = r.gap { o["gap"] = g }
        if let p = r.plan {
            var values: [String: Double] = [:]
            for v in p.objectives { values[v.objective.description] = v.value }
            o["objectives"] = values
        }
        return o
    }
}
out["total_s"] = seconds(since: total)
let data = (try? JSONSerialization.data(withJSONObject: out, options: [.sortedKeys])) ?? Data()
FileHandle.standardOutput.write(data + Data("\n".utf8))
