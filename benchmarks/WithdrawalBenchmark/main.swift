// Withdrawal benchmark (issue 18): one seeded coalition (`forceplan generate --nations N
// --seed S`) planned with objectives [coverage, withdrawal, cost] (or the given ones),
// with the per-nation withdrawal rows added lazily (the default) or as the full family
// from the start. Prints one JSON object: time, status, objective values, and how many
// nations' rows the solve needed against the full family.
//
//   WithdrawalBenchmark --nations N [--seed S] [--full] [--objectives coverage,withdrawal,cost]
//                       [--time-limit SECONDS]
import ForcePlanner
import ForceScenario
import Foundation
import StandardPlanner

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("WithdrawalBenchmark: " + message + "\n").utf8))
    exit(2)
}

var nations = 37
var seed: UInt64 = 1
var full = false
var objectives: [ObjectiveSpec] = [.coverage, .withdrawal, .cost]
var timeLimit = 600.0
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
    switch a {
    case "--nations": nations = Int(args.next() ?? "") ?? 0
    case "--seed": seed = UInt64(args.next() ?? "") ?? 0
    case "--full": full = true
    case "--time-limit": timeLimit = Double(args.next() ?? "") ?? timeLimit
    case "--objectives":
        let names = (args.next() ?? "").split(separator: ",").map(String.init)
        objectives = names.compactMap(ObjectiveSpec.init(name:))
        if objectives.count != names.count || objectives.isEmpty { fail("unknown objective in \(names)") }
    default: fail("unknown argument \(a)")
    }
}
guard nations > 0 else { fail("--nations N must be a whole number above 0") }

var scenario = RandomScenario.make(nations: nations, seed: seed)
scenario.options = [Option(id: "resilient", objectives: objectives)]
var settings = PlannerSettings(timeLimit: timeLimit, alternatives: false, findBinding: false)
settings.lazyWithdrawalRows = !full
let started = Date()
let result = Planner.standard(scenario: scenario, settings: settings).planAll().options[0]
let seconds = Date().timeIntervalSince(started)

var out: [String: Any] = [
    "nations": nations, "seed": seed, "rows": full ? "full" : "lazy",
    "objectives": objectives.map(\.description), "status": result.status.rawValue,
    "seconds": (seconds * 1000).rounded() / 1000,
]
if let plan = result.plan {
    out["values"] = Dictionary(uniqueKeysWithValues: plan.objectives.map { ($0.objective.description, $0.value) })
    if let w = plan.withdrawal?.worst { out["worst"] = ["nation": w.nation, "coverage": w.coverage] }
}
if let s = result.withdrawalRows {
    out["nations_with_rows"] = s.nationsWithRows
    out["full_family"] = s.fullFamily
    out["solves"] = s.solves
}
if let m = result.modelSize { out["first_stage_rows"] = m.constraints; out["first_stage_nonzeros"] = m.nonzeros }
if let n = result.nodes { out["nodes"] = n }
if let m = result.message { out["message"] = m }
let data = try JSONSerialization.data(withJSONObject: out, options: [.sortedKeys])
print(String(decoding: data, as: UTF8.self))
