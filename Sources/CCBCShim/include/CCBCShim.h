#ifndef FORCEPLAN_CCBCSHIM_H
#define FORCEPLAN_CCBCSHIM_H

// One CBC session per call: create a model, load it, set parameters, solve, copy the
// results out, delete the model. Written in C++ so that every C++ exception CBC throws
// (CoinError, std::bad_alloc, ...) is caught here and reported, never unwinding into
// Swift or terminating the process; and so that the model is freed on every path.
//
// CBC 2.10's solver driver (CbcMain0/CbcMain1, behind Cbc_solve) keeps its command-line
// parsing state in process-wide globals (CbcOrClpRead_mode and others), so sessions are
// serialised by a process-wide mutex: calls from many threads are safe, one runs at a time.

#ifdef __cplusplus
extern "C" {
#endif

/// A model as CBC loads it: the matrix column-wise (compressed sparse columns), bounds
/// with +-DBL_MAX for "none", and integrality per column.
typedef struct fp_cbc_problem {
    int ncols;
    int nrows;
    const int *start;     // ncols + 1 entries
    const int *index;     // row of each nonzero
    const double *value;  // coefficient of each nonzero
    const double *col_lb;
    const double *col_ub;
    const double *obj;
    const double *row_lb;
    const double *row_ub;
    const char *is_int;   // ncols flags
    int maximize;
} fp_cbc_problem;

/// Receives one log message of CBC as text (only when a log function is given).
typedef void (*fp_cbc_log_fn)(void *info, const char *text);

/// What a session found.
typedef struct fp_cbc_outcome {
    int failed;                 // 1: an exception (see error); 2: called from a log function
    char error[256];
    int mip;                    // 1: solved with branch-and-cut, 0: as an LP (Clp)
    int status;                 // Cbc_status (MIP only)
    int secondary;              // Cbc_secondaryStatus (MIP only)
    int proven_optimal;
    int proven_infeasible;      // MIP: infeasible; LP: primal or dual infeasible
    int continuous_unbounded;   // MIP: the LP relaxation is unbounded
    int node_limit;
    int seconds_limit;
    int abandoned;
    int has_solution;           // values_out holds a solution
    double objective;           // in the model's sense, without constant
    double bound;               // best possible objective (MIP)
    int nodes;
    int iterations;             // Cbc_getIterationCount (MIP only)
    int no_time;                // 1: the deadline passed before CBC could start (queued
                                // behind other sessions, or none left): nothing was solved
} fp_cbc_outcome;

/// Seconds on a monotonic clock, the clock of `fp_cbc_solve`'s deadline.
double fp_cbc_clock(void);

/// Solves `problem` with CBC. `deadline` (on `fp_cbc_clock`; NaN or infinite: none) is
/// the end of the whole call, the wait for the process-wide lock included: the lock is
/// waited for until then at most (`out->no_time` when it passes), and CBC gets what is
/// left once the session starts (`timeMode elapsed`, `seconds`). `names`/`values` are
/// `nparams` further command-line parameters (without the leading dash),
/// `start_idx`/`start_val` a MIP start of `nstart` columns. `values_out` must hold `ncols`
/// doubles. Returns `out->failed`: 0, 1 on an exception, 2 when called from inside a
/// session on the same thread (from a log function).
int fp_cbc_solve(const fp_cbc_problem *problem, double deadline,
                 const char *const *names, const char *const *values, int nparams,
                 const int *start_idx, const double *start_val, int nstart,
                 fp_cbc_log_fn log, void *log_info,
                 double *values_out, fp_cbc_outcome *out);

/// Writes `problem` to `path_base` + ".lp" (mps 0) or ".mps" (mps 1), with names.
/// Returns 0, or 1 (2: reentrant call) with a message in `error` (256 bytes).
int fp_cbc_write(const fp_cbc_problem *problem, const char *const *col_names,
                 const char *const *row_names, const char *path_base, int mps, char *error);

/// CBC's version string.
const char *fp_cbc_version(void);

#ifdef __cplusplus
}
#endif
#endif
