// Plans seeded random scenarios (RandomScenario, 12 to 60 nations) option by option and
// reports, per GLPK configuration, how many options were proven optimal and the slowest
// option. Release build: `make -C benchmarks hard`.
//
//   HardScenarios [--count N] [--limit SECONDS] [--variant NAME]...
import Foundation
import ForcePlanner
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
var warmStart = true
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
    switch a {
    case "--count": count = Int(args.next() ?? "") ?? count
    case "--limit": limit = Double(args.next() ?? "") ?? limit
    case "--variant": chosen.append(args.next() ?? "default")
    case "--cold": warmStart = false
    default: print("unknown argument \(a)"); exit(2)
    }
}
if chosen.isEmpty { chosen = ["default"] }

for name in chosen {
    let solvers: [GLPKSolver]
    if name == "portfolio" {
        solvers = GLPKSolver.portfolio
    } else if let options = variants[name] {
        solvers = [GLPKSolver(options: options)]
    } else {
        print("unknown variant \(name); known: portfolio, \(variants.keys.sorted())"); exit(2)
    }
    let solver = solvers[0]
    var proven = 0, total = 0, slowest = 0.0, sum = 0.0
    var worst = ""
    for seed in 1...count {
        let nations = 12 + Int((UInt64(seed) &* 7919) % 49)
        let scenario = RandomScenario.make(nations: nations, seed: UInt64(seed))
        let planner = Planner(scenario: scenario, solver: solver,
                              settings: {
                                  var s = PlannerSettings(timeLimit: limit, alternatives: false, findBinding: false)
                                  s.warmStart = warmStart
                                  s.alternateSolvers = Array(solvers.dropFirst())
                                  return s
                              }())
        for option in scenario.effectiveOptions {
            let r = planner.plan(option)
            total += 1
            if r.status == .optimal || r.status == .infeasible { proven += 1 }
            sum += r.seconds
            if r.seconds > slowest { slowest = r.seconds; worst = "seed \(seed) (\(nations) nations) option \(option.id): \(r.status.rawValue)" }
            if r.status != .optimal && r.status != .infeasible {
                say("  \(name): seed \(seed) n=\(nations) option \(option.id): \(r.status.rawValue) after \(String(format: "%.1f", r.seconds)) s, gap \(r.gap.map { String(format: "%.4f", $0) } ?? "-"): \(r.message ?? "")")
            }

        }
    }
    say(String(format: "%@: %d/%d options proven, total %.1f s, slowest %.1f s (%@)", name, proven, total, sum, slowest, worst))
}
