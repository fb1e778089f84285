import Foundation
import LinearModel

extension GLPKSolver {
    /// Time spent turning a model into a loaded GLPK problem, for the load benchmark.
    @_spi(Benchmark)
    public struct LoadTiming: Sendable {
        /// Seconds to flatten the model (bounds, merged triplets).
        public var flatten: Double
        /// Seconds inside GLPK: rows, columns, bounds, one `glp_load_matrix`, delete.
        public var glpk: Double
        /// Nonzeros loaded after merging.
        public var nonzeros: Int
    }

    /// Validates `model`, loads it into a GLPK problem exactly as `solve` does, and deletes
    /// the problem without solving. Not API: for `benchmarks/LoadBenchmark` only.
    @_spi(Benchmark)
    public func loadOnly(_ model: Model) throws -> LoadTiming {
        try model.validate()
        let t0 = Date()
        let data = ProblemData(model)
        let t1 = Date()
        try GLPKSession.run(log: nil) { problem in try problem.load(data) }
        let t2 = Date()
        return LoadTiming(flatten: t1.timeIntervalSince(t0), glpk: t2.timeIntervalSince(t1),
                          nonzeros: data.nonzeroCount)
    }
}
