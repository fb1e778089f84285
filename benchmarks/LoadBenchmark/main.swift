// Model building + GLPK loading time at growing sizes (release build; see Makefile).
//
// For each size, a seeded random model with `nonzeros` terms: rows of 10 terms on random
// columns (n = nonzeros / 20 columns, a fifth of them integer), an objective on every
// column. Times: building the `Model` (addVariable, in-place expressions, addConstraint),
// flattening it for GLPK (bounds, duplicate merge), and GLPK's own loading (rows, columns,
// bounds, one glp_load_matrix, delete). After one warm-up, the best of 5 runs is printed.
@_spi(Benchmark) import GLPKSolver
import Foundation
import LinearModel

struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E3779B97F4A7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58476D1CE4E5B9
        z = (z ^ (z >> 27)) &* 0x94D049BB133111EB
        return z ^ (z >> 31)
    }
}

func buildModel(nonzeros: Int, seed: UInt64) -> Model {
    var rng = SplitMix64(state: seed)
    let perRow = 10, rows = nonzeros / perRow, columns = nonzeros / 20
    var model = Model(name: "load-\(nonzeros)")
    var vars = [Variable]()
    vars.reserveCapacity(columns)
    for j in 0..<columns {
        vars.append(model.addVariable(name: "x\(j)", kind: j % 5 == 0 ? .integer : .continuous,
                                      lowerBound: 0, upperBound: 100))
    }
    var objective = LinearExpression()
    objective.reserveCapacity(columns)
    for v in vars { objective.add(Double(rng.next() % 100) + 1, v) }
    model.setObjective(.maximize, objective)
    for i in 0..<rows {
        var e = LinearExpression()
        e.reserveCapacity(perRow)
        for _ in 0..<perRow { e.add(Double(rng.next() % 50) + 1, vars[Int(rng.next() % UInt64(columns))]) }
        model.addConstraint(name: "r\(i)", e, .lessEqual(Double(rng.next() % 1000) + 100))
    }
    return model
}

let sizes = CommandLine.arguments.dropFirst().compactMap { Int($0) }
let run = sizes.isEmpty ? [250_000, 500_000, 1_000_000] : sizes
let solver = GLPKSolver()
_ = try solver.loadOnly(buildModel(nonzeros: 100_000, seed: 1))  // warm-up: page in code and allocator
print("nonzeros   build_s  flatten_s  glpk_s  total_s  total_us_per_nz")
var firstPerNz: Double?
for n in run {
    var best = (build: Double.infinity, flatten: 0.0, glpk: 0.0, total: Double.infinity)
    for rep in 0..<5 {
        let t0 = Date()
        let model = buildModel(nonzeros: n, seed: 42 + UInt64(rep))
        let build = Date().timeIntervalSince(t0)
        let timing = try solver.loadOnly(model)
        let total = build + timing.flatten + timing.glpk
        if total < best.total { best = (build, timing.flatten, timing.glpk, total) }
    }
    let perNz = best.total / Double(n) * 1e6
    print(String(format: "%8d  %8.3f  %9.3f  %6.3f  %7.3f  %15.3f", n, best.build, best.flatten, best.glpk,
                 best.total, perNz))
}
