// The root cut loop (GLPKOptions.rootCutRounds) on one stage model of a scenario: the LP
// bound after each round, the loop's time, and the search that follows. Release build.
//
//   RootCutBench FILE [--option ID] [--stage K] [--limit SECONDS] [--rounds N]...
//                [--strengthen] [--base default|cuts-pcost|gomory] [--lp OUT.lp]
//                [--no-presolve] [--min-gain G]
//
// Each --rounds value is one solve of stage K. N > 0 runs the loop instead of GLPK's MIP
// presolver (rootCutsReplacePresolver); N = 0 keeps the presolver unless --no-presolve.
// Earlier stages are solved as `forceplan plan` solves them (the portfolio), so the stage
// model is the one `forceplan export FILE --option ID --stage K` writes.
//
//   RootCutBench FILE [--option ID] --limit SECONDS --plan NAME... [--root-rounds N]
//   RootCutBench --random COUNT --limit SECONDS --plan NAME... [--root-rounds N]
//
// --plan plans the option (no alternatives, no binding search, --limit per option), or
// with --random every option of HardScenarios' seeded random scenarios (seeds 1...COUNT,
// 12 to 60 nations; proven options counted as HardScenarios counts them), with the
// portfolio's two configurations: `portfolio` without the loop, `portfolio-root` with N
// rounds (default 10; the shipped presets), `portfolio-root-replace` with the loop also
// replacing the presolver, `portfolio-strengthen` without the loop and with coefficient
// strengthening.
import ForcePlanner
import ForceScenario
import Foundation
import GLPKSolver
import LinearModel

func say(_ s: String) { FileHandle.standardOutput.write(Data((s + "\n").utf8)) }

var file: String?
var optionID: String?
var stage = 1
var limit = 60.0
var roundsList: [Int] = []
var strengthen = false
var base = "default"
var lpOut: String?
var presolve = true
var minGain: Double?
var planWith: [String] = []
var randomCount: Int?
var args = CommandLine.arguments.dropFirst().makeIterator()
while let a = args.next() {
    switch a {
    case "--option": optionID = args.next()
    case "--stage": stage = Int(args.next() ?? "") ?? stage
    case "--limit": limit = Double(args.next() ?? "") ?? limit
    case "--rounds": roundsList.append(Int(args.next() ?? "") ?? 0)
    case "--strengthen": strengthen = true
    case "--base": base = args.next() ?? base
    case "--lp": lpOut = args.next()
    case "--no-presolve": presolve = false
    case "--min-gain": minGain = Double(args.next() ?? "")
    case "--plan": planWith.append(args.next() ?? "portfolio")
    case "--random": randomCount = Int(args.next() ?? "")
    case "--root-rounds": _ = args.next()   // read below
    default:
        if file == nil && !a.hasPrefix("--") { file = a } else { say("unknown argument \(a)"); exit(2) }
    }
}
let rootRounds: Int = {
    let a = CommandLine.arguments
    guard let i = a.firstIndex(of: "--root-rounds"), i + 1 < a.count else { return 10 }
    return Int(a[i + 1]) ?? 10
}()
/// The solvers a --plan name stands for: the portfolio's configurations without the loop
/// (portfolio), with it (-root, -root-replace), or without it and with coefficient
/// strengthening (-strengthen).
func solvers(_ name: String) -> [GLPKSolver] {
    GLPKSolver.portfolio.map { s in
        var o = s.options
        o.rootCutRounds = name.hasPrefix("portfolio-root") ? rootRounds : 0
        if name == "portfolio-root-replace" { o.rootCutsReplacePresolver = true }
        if name == "portfolio-strengthen" { o.coefficientStrengthening = true }
        return GLPKSolver(options: o)
    }
}

if let randomCount {
    for name in planWith {
        let list = solvers(name)
        var proven = 0, total = 0, sum = 0.0
        for seed in 1...max(1, randomCount) {
            let nations = 12 + Int((UInt64(seed) &* 7919) % 49)
            let scenario = RandomScenario.make(nations: nations, seed: UInt64(seed))
            var s = PlannerSettings(timeLimit: limit, alternatives: false, findBinding: false)
            s.alternateSolvers = Array(list.dropFirst())
            let planner = Planner(scenario: scenario, solver: list[0], settings: s)
            for option in scenario.effectiveOptions {
                let r = planner.plan(option)
                total += 1
                sum += r.seconds
                if r.status == .optimal || r.status == .infeasible { proven += 1 } else {
                    say("  \(name): seed \(seed) n=\(nations) option \(option.id): \(r.status.rawValue), gap \(r.gap.map { String(format: "%.4f", $0) } ?? "-")")
                }
            }
        }
        say(String(format: "%@: %d/%d options proven, total %.1f s", name, proven, total, sum))
    }
    exit(0)
}
guard let file else { say("usage: RootCutBench FILE [--option ID] [--stage K] [--rounds N]..."); exit(2) }
if roundsList.isEmpty { roundsList = [0, 25] }

func orExit<T>(_ body: () throws -> T) -> T {
    do { return try body() } catch { say("RootCutBench: \(error)"); exit(2) }
}
let scenario = orExit { try ScenarioLoader.load(file: file) }.scenario
guard let option = optionID.map({ id in scenario.effectiveOptions.first { $0.id == id } })
        ?? scenario.effectiveOptions.first else { say("no such option"); exit(2) }
for name in planWith {
    let list = solvers(name)
    var s = PlannerSettings(timeLimit: limit, alternatives: false, findBinding: false)
    s.alternateSolvers = Array(list.dropFirst())
    let r = Planner(scenario: scenario, solver: list[0], settings: s).plan(option)
    say(String(format: "plan %@ option %@ with %@: %@ in %.2f s, gap %@", file, option.id, name, r.status.rawValue,
               r.seconds, r.gap.map { String(format: "%.5f", $0) } ?? "-"))
}
if !planWith.isEmpty { exit(0) }

var settings = PlannerSettings()
let portfolio = GLPKSolver.portfolio
settings.alternateSolvers = Array(portfolio.dropFirst())
let planner = Planner(scenario: scenario, solver: portfolio[0], settings: settings)
let t0 = Date()
let model = orExit { try planner.stageModel(option, stage: stage) }
say(String(format: "stage model %@ option %@ stage %d: %d columns, %d rows; built in %.2f s",
           file, option.id, stage, model.variableCount, model.constraintCount, Date().timeIntervalSince(t0)))
if let lpOut { orExit { try GLPKSolver().export(model, format: .lp, to: lpOut) } }

for rounds in roundsList {
    var o: GLPKOptions
    switch base {
    case "cuts-pcost": o = .cutsAndPseudocost
    case "gomory": o = .gomory
    default: o = GLPKOptions()
    }
    o.rootCutRounds = rounds
    o.rootCutsReplacePresolver = true   // the loop runs instead of the MIP presolver
    o.coefficientStrengthening = strengthen
    if let minGain { o.rootCutMinimumGain = minGain }
    var p = SolveParameters()
    p.timeLimit = limit
    p.presolve = presolve
    let report = orExit { try GLPKSolver(options: o).solveReporting(model, parameters: p) }
    let r = report.result
    say("rounds \(rounds)\(strengthen ? " +strengthen" : "")\(presolve ? "" : " no-presolve") base \(base): \(r.termination.rawValue), "
        + "objective \(r.objectiveValue.map { "\($0)" } ?? "-"), bound \(r.bestBound.map { "\($0)" } ?? "-"), "
        + String(format: "%.2f s", r.solveTime))
    if !report.rootBounds.isEmpty {
        say("  bounds per round: " + report.rootBounds.map { String(format: "%.1f", $0) }.joined(separator: ", "))
    }
    if let m = r.message { say("  \(m)") }
}
