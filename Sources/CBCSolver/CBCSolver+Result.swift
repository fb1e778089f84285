import CCBCShim
import LinearModel

extension CBCSolver {
    /// Maps a session's outcome to a result, after checking CBC's point against the model.
    /// `step` is the objective lattice (for proofs at a limit), `gapRequested` the relative
    /// gap asked for.
    ///
    /// `fallback` is the caller's hint, already snapped and checked against the model
    /// (``fallbackIncumbent(_:_:)``): when CBC stopped at a limit with a worse plan or none,
    /// it is the incumbent reported, with CBC's bound.
    static func result(_ session: CBCSession, _ data: CBCProblemData, step: Double?,
                       gapRequested: Double?, fallback: [Double]? = nil) -> SolveResult {
        let o = session.outcome
        var values = session.values
        var hasSolution = o.has_solution != 0
        var note: String?
        if hasSolution {
            // Integer values within the tolerance become whole, then the point is checked
            // with the same rule as every backend's (ModelMatrix.violation).
            values = data.matrix.snappingIntegers(values)
            if let v = data.matrix.violation(of: values) {
                hasSolution = false
                note = "CBC returned a point that violates \(describe(v))"
            }
        }
        var incumbent: Double? = hasSolution ? data.matrix.objectiveValue(at: values) : nil
        if let note {
            return SolveResult(termination: .error, message: note)
        }
        var keptHint = false
        if o.mip != 0, o.proven_optimal == 0, o.proven_infeasible == 0, let hint = fallback {
            let z = data.matrix.objectiveValue(at: hint)
            let slack = 1e-9 * max(1, abs(z))
            if incumbent.map({ data.maximize ? z > $0 + slack : z < $0 - slack }) ?? true {
                values = hint
                hasSolution = true
                incumbent = z
                keptHint = true
            }
        }
        let hintNote = keptHint ? "; the hint is the incumbent (CBC found no better plan)" : ""
        if o.abandoned != 0 {
            return SolveResult(termination: .error, message: "CBC abandoned the solve (numerical trouble)")
        }
        guard o.mip != 0 else {
            if o.proven_optimal != 0, let z = incumbent {
                return SolveResult(termination: .optimal, primalStatus: .feasiblePoint, objectiveValue: z, bestBound: z, values: values)
            }
            if o.proven_infeasible != 0 {
                return SolveResult(termination: .infeasibleOrUnbounded,
                                   message: "Clp found the LP primal or dual infeasible")
            }
            return SolveResult(termination: .error, message: "Clp stopped without a proof")
        }

        // CBC's bound is in the model's sense; never better than the incumbent itself.
        var bound: Double? = o.bound.magnitude < 1e50 ? o.bound + data.objectiveConstant : nil
        if let b = bound, let z = incumbent { bound = data.maximize ? max(b, z) : min(b, z) }
        let meetsBound = incumbent.flatMap { z in bound.map { abs($0 - z) <= 1e-9 * max(1, abs(z)) } } ?? false
        let latticeProof: Bool = {
            guard let z = incumbent, let b = bound else { return false }
            let slack = 1e-9 * max(1, abs(z))
            // The incumbent meets the bound: proven whatever the lattice.
            if abs(b - z) <= slack { return true }
            guard let step, step > 0 else { return false }
            return data.maximize ? b < z + step - slack : b > z - step + slack
        }()
        func make(_ t: TerminationReason, bestBound: Double?, _ message: String? = nil,
                  stoppedBy: SolveLimit? = nil) -> SolveResult {
            var r = SolveResult(termination: t, primalStatus: hasSolution ? .feasiblePoint : .noPoint, objectiveValue: incumbent, bestBound: bestBound,
                                values: hasSolution ? values : [], message: message)
            r.nodes = Int(o.nodes)
            r.iterations = Int(o.iterations)
            r.stoppedBy = stoppedBy
            return r
        }
        // CBC calls a search stopped on the requested gap (secondary status 2) optimal; a gap
        // is not a proof unless the objective lattice makes it one.
        if o.secondary == 2, let z = incumbent, gapRequested.map({ $0 > 0 }) ?? false {
            if latticeProof {
                return make(.optimal, bestBound: z, "relative gap reached, and no better solution on the objective lattice (step \(step ?? 0))")
            }
            return make(.stoppedEarly, bestBound: bound, "stopped within the requested relative gap; not proven optimal",
                        stoppedBy: .gap)
        }
        if o.proven_optimal != 0, let z = incumbent {
            return make(.optimal, bestBound: z)
        }
        if o.secondary == 7 || o.continuous_unbounded != 0 {
            return SolveResult(termination: .infeasibleOrUnbounded,
                               message: "the LP relaxation is unbounded")
        }
        if o.proven_infeasible != 0 || (o.secondary == 1 && !hasSolution) {
            return SolveResult(termination: .infeasible)
        }
        // CBC's isNodeLimitReached compares its whole node count (which can pass maxNodes
        // without the limit striking) with maxNodes; the secondary status says which
        // limit stopped the search: 3 nodes, 4 time.
        if o.secondary == 3 || (o.node_limit != 0 && o.secondary != 4 && o.seconds_limit == 0) {
            if latticeProof, let z = incumbent {
                return make(.optimal, bestBound: z, "node limit, but " + (meetsBound ? "the incumbent meets the bound" : "no better solution on the objective lattice (step \(step ?? 0))") + hintNote)
            }
            return make(.stoppedEarly, bestBound: bound,
                        "node limit reached after \(o.nodes) node(s)\(hasSolution ? "" : "; no integer solution found")" + hintNote,
                        stoppedBy: .nodes)
        }
        if o.seconds_limit != 0 || o.secondary == 4 {
            if latticeProof, let z = incumbent {
                return make(.optimal, bestBound: z, "time limit, but " + (meetsBound ? "the incumbent meets the bound" : "no better solution on the objective lattice (step \(step ?? 0))") + hintNote)
            }
            return make(.timeLimit, bestBound: bound, "time limit" + hintNote, stoppedBy: .time)
        }
        return make(.error, bestBound: bound, "CBC stopped with status \(o.status), secondary status \(o.secondary)")
    }

    /// The hint as a fallback incumbent: integers snapped, and nil unless it satisfies the
    /// model (the same rule as CBC's own points).
    static func fallbackIncumbent(_ hint: [Double]?, _ data: CBCProblemData) -> [Double]? {
        guard let hint, hint.count == data.columnCount else { return nil }
        let snapped = data.matrix.snappingIntegers(hint)
        return data.matrix.violation(of: snapped) == nil ? snapped : nil
    }

    /// Where a point CBC returned fails, by index (the model's names are not at hand).
    static func describe(_ v: ModelViolation) -> String {
        switch v {
        case .length(let e, let g): return "the column count (\(g) values for \(e) columns)"
        case .column(let j): return "the bounds or integrality of column \(j)"
        case .row(let i): return "row \(i)"
        }
    }
}
