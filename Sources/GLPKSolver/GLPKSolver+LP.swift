import CGLPK
import LinearModel

extension GLPKSolver {
    /// Solves a model without integer variables with the simplex method.
    func solveLP(_ problem: GLPKProblem, _ data: ProblemData, _ parameters: SolveParameters,
                 _ clock: SolveClock) throws -> SolveResult {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = Self.messageLevel(parameters)
        parm.tm_lim = clock.remainingMilliseconds
        parm.presolve = parameters.presolve ? GLP_ON : GLP_OFF
        var rc = try problem.simplex(scaleFlags: options.scaleFlags, advancedBasis: true, parameters: parm)

        if parameters.presolve {
            // The presolver proves infeasibility; for anything else unusual (no dual
            // feasible solution: infeasible or unbounded; numerical trouble) solve again
            // without it, which also tells infeasible from unbounded.
            if rc == .noPrimalFeasibleSolution {
                return SolveResult(termination: .infeasible, message: rc.description)
            }
            if rc != .success && rc != .timeLimit && rc != .iterationLimit {
                parm.presolve = GLP_OFF
                parm.tm_lim = clock.remainingMilliseconds
                rc = try problem.simplex(scaleFlags: options.scaleFlags, advancedBasis: true, parameters: parm)
            }
        }
        if rc == .invalidBasis || rc == .singularMatrix || rc == .illConditionedMatrix {
            // GLPK's advice: start again from the standard (all-slack) basis.
            parm.presolve = GLP_OFF
            parm.tm_lim = clock.remainingMilliseconds
            rc = try problem.simplex(scaleFlags: options.scaleFlags, advancedBasis: false, parameters: parm)
        }

        let wantDuals = parameters.wantDuals && rc == .success
        let s = try problem.readLP(rows: data.rowCount, columns: data.columnCount, duals: wantDuals)
        switch rc {
        case .success:
            switch s.status {
            case GLP_OPT:
                return SolveResult(termination: .optimal, primalStatus: .feasiblePoint, objectiveValue: s.objective,
                                   bestBound: s.objective, values: s.values,
                                   rowDuals: s.rowDuals, reducedCosts: s.reducedCosts)
            case GLP_NOFEAS:
                return SolveResult(termination: .infeasible)
            case GLP_UNBND:
                return SolveResult(termination: .unbounded)
            default:
                return SolveResult(termination: .error,
                                   message: "glp_simplex finished with solution status \(s.status)")
            }
        case .timeLimit, .iterationLimit:
            // Primal simplex: a feasible basis is a usable (not optimal) solution.
            let feasible = s.status == GLP_FEAS
            var r = SolveResult(termination: rc == .timeLimit ? .timeLimit : .stoppedEarly,
                                primalStatus: feasible ? .feasiblePoint : .noPoint, objectiveValue: feasible ? s.objective : nil,
                                values: feasible ? s.values : [], message: rc.description)
            r.stoppedBy = rc == .timeLimit ? .time : .interrupted
            return r
        default:
            return SolveResult(termination: .error, message: "glp_simplex: \(rc)")
        }
    }
}
