/* CGLPKShim: the only place where GLPK is called.
 *
 * GLPK reports invalid calls and internal errors by calling abort() unless an error hook
 * is installed, and an error hook must not return: it has to longjmp. Swift cannot call
 * setjmp, and a longjmp must never unwind a Swift frame. So every GLPK call goes through a
 * function below that (1) setjmps, (2) installs an error hook that longjmps back to it and
 * a terminal hook that captures GLPK's output, (3) makes its GLPK calls, all from C, and
 * (4) removes the hooks. After a trapped error it calls glp_free_env(), which frees every
 * GLPK object of the calling thread (callers keep none across calls), and returns
 * FP_TRAPPED; fp_last_error() then holds GLPK's message.
 *
 * Everything is per thread, like GLPK's own environment (_Thread_local): calls on distinct
 * threads are independent; calls on one thread must not nest (fp_enter() refuses).
 */
#ifndef CGLPKSHIM_H
#define CGLPKSHIM_H

#include <glpk.h>
#include <math.h>

/** Result of a guarded call. */
enum {
    /** The GLPK calls completed; see the out-parameter for GLPK's own return code. */
    FP_OK = 0,
    /** GLPK raised an error; its environment on this thread was freed. */
    FP_TRAPPED = 1
};

/** Receives fragments of GLPK terminal output. Must not call GLPK. */
typedef void (*fp_log_fn)(void *info, const char *text);

/** Receives branch-and-bound progress. Must not call GLPK. */
typedef void (*fp_progress_fn)(void *info, double elapsed, int has_incumbent, double incumbent,
                               int has_bound, double bound, int open_nodes);

/** Marks this thread as inside a solve; returns 0 when it already is (nested call). */
int fp_enter(void);
/** Ends what fp_enter began. */
void fp_leave(void);
/** Frees GLPK's environment of this thread (all its objects): called at the end of every
 *  solve and export, so nothing GLPK outlives a call, even on threads that then exit. */
void fp_release_env(void);
/** Routes GLPK output on this thread to `fn` (NULL: swallow it). */
void fp_set_log(fp_log_fn fn, void *info);
/** The tail of GLPK's output captured during the last guarded call on this thread. */
const char *fp_last_error(void);
/** Counts trapped errors on this thread; a problem created before a change is gone. */
unsigned long fp_env_generation(void);

/** Problem data for fp_load; column and row arrays are 0-based, triplets 1-based
 *  (element 0 unused) as glp_load_matrix wants them, without duplicate (row, col). */
typedef struct {
    int nrows, ncols, nnz;
    int obj_dir;           /* GLP_MIN or GLP_MAX */
    double obj_const;
    const double *obj;     /* ncols */
    const int *col_type;   /* GLP_FR/LO/UP/DB/FX */
    const double *col_lb, *col_ub;
    const int *col_kind;   /* GLP_CV/GLP_IV; NULL: all continuous */
    const int *row_type;
    const double *row_lb, *row_ub;
    const int *ia, *ja;
    const double *ar;
} fp_problem_data;

/** Creates an empty problem (NULL after a trapped error). */
glp_prob *fp_create_prob(void);
/** Deletes a problem created in the current environment generation. */
int fp_delete_prob(glp_prob *P);
/** Adds all rows and columns, their bounds, kinds, objective, and loads the matrix with
 *  one glp_load_matrix. */
int fp_load(glp_prob *P, const fp_problem_data *d);
/** Sets names from `buf`: the problem name, then `nrows` row names, then `ncols` column
 *  names, each NUL-terminated, back to back. */
int fp_set_names(glp_prob *P, const char *buf, int nrows, int ncols);
/** Makes a loaded problem safe to export: a non-zero objective constant becomes column
 *  `const_name` fixed at 1 with that objective coefficient (GLPK's LP writer keeps the
 *  constant only as a comment, and MPS readers disagree on its sign); a problem without
 *  rows gets row `row_name`: `x >= 0` on that column, or on a new column `zero_name`
 *  fixed at 0 (GLPK cannot read back an LP file without rows). */
int fp_prepare_export(glp_prob *P, const char *const_name, const char *zero_name,
                      const char *row_name);

/** Scales the problem (`scale_flags`, 0: unscale), builds a starting basis (`basis`: 0
 *  standard, 1 advanced) and runs glp_simplex; `*rc` gets its return code. */
int fp_simplex(glp_prob *P, int scale_flags, int basis, const glp_smcp *parm, int *rc);
/** Reads an LP solution: `*status` (glp_get_status), objective; then, for each non-NULL
 *  buffer, column values, row duals and reduced costs. Buffers hold `ncols` / `nrows`
 *  values; no more than that (nor than the problem has) is written. */
int fp_read_lp(glp_prob *P, int *status, double *obj, int nrows, int ncols, double *col_prim,
               double *row_dual, double *col_dual);

/** State shared with the branch-and-bound callback. Set the inputs, zero the rest. */
typedef struct {
    /* inputs */
    double step;            /* objective lattice step; <= 0: none */
    const double *hint;     /* 1-based (element 0 unused), hint_len columns, or NULL */
    int hint_len;
    double progress_interval; /* seconds between progress calls */
    fp_progress_fn progress;
    void *progress_info;
    int no_global_stop;     /* tests only: prune nodes, but never stop the whole search */
    int invalid_call;       /* tests only: make an invalid GLPK call in the callback */
    int node_limit;         /* stop once this many subproblems were selected; <= 0: none */
    /* outputs */
    int has_bound;          /* bound holds the best global bound seen */
    double bound;
    int lattice_stop;       /* the search was stopped because the lattice proves optimality */
    int hint_result;        /* 0 untried, 1 accepted, 2 rejected, 3 not applicable */
    int pruned;             /* subproblems cut off by the lattice */
    int nodes;              /* subproblems selected (GLP_ISELECT requests, the root included) */
    int node_limit_stop;    /* the search was stopped because `nodes` reached node_limit */
    int iterations;         /* simplex iterations (glp_get_it_cnt) of the searched problem,
                               the root relaxation included when solved on the same problem */
    /* private */
    double start, last_progress;
} fp_mip_ctx;

/** Runs glp_intopt with the shim's callback (`ctx` may be NULL for none). */
int fp_intopt(glp_prob *P, glp_iocp *parm, fp_mip_ctx *ctx, int *rc);
/** Sets every objective coefficient (not the constant) to zero: the feasibility version
 *  of the problem. */
int fp_clear_objective(glp_prob *P);
/** Reads a MIP solution: `*status` (glp_mip_status), objective, and at most `ncols`
 *  column values into `col` (may be NULL). */
int fp_read_mip(glp_prob *P, int *status, double *obj, int ncols, double *col);

/** Cut families of the root cut loop (fp_root_cuts). */
enum {
    FP_CUT_GMI = 1, /* Gomory mixed-integer cuts, glp_gmi_gen */
    FP_CUT_MIR = 2, /* mixed-integer rounding cuts, glp_mir_init/glp_mir_gen */
    FP_CUT_COV = 4, /* cover cuts, glp_cov_init/glp_cov_gen1 */
    FP_CUT_CLQ = 8  /* clique cuts, glp_cfg_init/glp_clq_cut */
};

/** Why the root cut loop stopped. */
enum {
    FP_RC_STOP_ROUNDS = 0,     /* max_rounds done */
    FP_RC_STOP_NO_CUT = 1,     /* no violated, well-scaled cut was found */
    FP_RC_STOP_NO_GAIN = 2,    /* the last round moved the bound by less than min_gain */
    FP_RC_STOP_LP_FAILED = 3,  /* a re-solve failed; that round's cuts were taken out */
    FP_RC_STOP_TIME = 4,       /* the time budget ran out */
    FP_RC_STOP_NO_LP = 5       /* no optimal LP basis on entry: nothing done */
};

/** State of the root cut loop. Set the inputs, zero the rest. */
typedef struct {
    /* inputs */
    int max_rounds;          /* separation rounds (each: generate, add violated, re-solve) */
    int families;            /* FP_CUT_* bits */
    int max_cuts;            /* at most this many cuts added per round (most violated first) */
    double min_efficacy;     /* a cut is added when violation / ||a||_2 exceeds this */
    double min_gain;         /* stop when a round moves the bound by less than this relative amount */
    double max_range;        /* reject a cut whose max |a_j| / min |a_j| exceeds this */
    double min_coef;         /* reject a cut with a coefficient below this in magnitude */
    double time_ms;          /* wall-clock budget of the whole loop (<= 0: none) */
    int msg_lev;             /* GLP_MSG_*: GLP_MSG_ON and above print one line per round */
    double *bounds;          /* bounds[0]: LP objective on entry, bounds[k]: after round k */
    int bounds_cap;          /* capacity of `bounds` */
    int trap_in_round;       /* tests only: make an invalid GLPK call in this round (1-based) */
    /* outputs */
    int n_bounds;            /* entries written to `bounds` */
    int rounds;              /* rounds started */
    int cuts[4];             /* cuts added, by family: GMI, MIR, cover, clique */
    int rejected;            /* cuts generated but badly scaled */
    int cut_rows;            /* cut rows left in the problem at the end */
    int stop;                /* FP_RC_STOP_* */
    int lp_status;           /* glp_get_status at the end (GLP_OPT: the basis is usable) */
} fp_rootcut_ctx;

/** Root cut loop: P must hold an optimal basis of its LP relaxation (glp_simplex, no
 *  presolver). Per round, generates cuts with GLPK's own generators into a pool (a
 *  glp_prob with P's columns), adds the violated, well-scaled ones as rows of P (at most
 *  `max_cuts`, most efficacious first), re-solves with the dual simplex and drops cut rows
 *  that became inactive. Rows 1..m (the model's) are never changed. On a failed re-solve
 *  the round's cuts are taken out again and the previous basis restored. */
int fp_root_cuts(glp_prob *P, fp_rootcut_ctx *ctx);

/** Writes the problem: format 0 CPLEX LP, 1 free MPS. `*rc` is GLPK's (0 on success). */
int fp_write(glp_prob *P, int format, const char *path, int *rc);

/** Test helper: makes an invalid GLPK call (column index out of range) under the guard.
 *  Returns FP_TRAPPED when the guard works. */
int fp_test_invalid_call(void);

/* Tests only: the same kind of invalid call (a column one past the last) on problem P,
 * loaded and about to be solved, under the guard. Returns FP_TRAPPED when the guard works. */
int fp_test_invalid_call_on(glp_prob *P);

/** True when, with minimisation (`maximize` 0) or maximisation (`maximize` 1), incumbent
 *  `inc` and global bound `bound` leave no room for a solution better by a whole `step`
 *  (with 1e-9 relative slack for the bound's rounding). */
static inline int fp_lattice_proves(int maximize, double inc, double bound, double step) {
    if (!(step > 0)) return 0;
    double slack = 1e-9 * fmax(1.0, fabs(inc));
    if (maximize) return bound < inc + step - slack;
    return bound > inc - step + slack;
}

#endif
