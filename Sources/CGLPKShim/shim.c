/* Guarded GLPK calls; see include/CGLPKShim.h for the rules. */
#define _POSIX_C_SOURCE 200809L
#include "CGLPKShim.h"

#include <float.h>
#include <limits.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static _Thread_local int tl_depth;
static _Thread_local fp_log_fn tl_log;
static _Thread_local void *tl_log_info;
static _Thread_local unsigned long tl_generation;
#define FP_MSG_CAP 2048
static _Thread_local char tl_msg[FP_MSG_CAP];
static _Thread_local size_t tl_msg_len;

int fp_enter(void) {
    if (tl_depth > 0) return 0;
    tl_depth = 1;
    return 1;
}

void fp_leave(void) {
    tl_depth = 0;
    tl_log = NULL;
    tl_log_info = NULL;
}

void fp_release_env(void) {
    glp_free_env(); /* returns 1 when there is none: nothing to do */
    tl_generation++;
}

void fp_set_log(fp_log_fn fn, void *info) {
    tl_log = fn;
    tl_log_info = info;
}

const char *fp_last_error(void) { return tl_msg; }

unsigned long fp_env_generation(void) { return tl_generation; }

/* Keeps the tail of GLPK's output (the error message comes last), forwards it to the log
 * sink, and returns 1 so that GLPK prints nothing itself. */
static int term_hook(void *info, const char *s) {
    (void)info;
    size_t n = strlen(s);
    if (n >= FP_MSG_CAP) {
        s += n - (FP_MSG_CAP - 1);
        n = FP_MSG_CAP - 1;
    }
    if (tl_msg_len + n >= FP_MSG_CAP) {
        size_t drop = tl_msg_len + n - (FP_MSG_CAP - 1);
        memmove(tl_msg, tl_msg + drop, tl_msg_len - drop);
        tl_msg_len -= drop;
    }
    memcpy(tl_msg + tl_msg_len, s, n);
    tl_msg_len += n;
    tl_msg[tl_msg_len] = 0;
    if (tl_log != NULL) tl_log(tl_log_info, s);
    return 1;
}

/* GLPK calls this after printing an error message; returning would abort(). */
static void error_hook(void *info) { longjmp(*(jmp_buf *)info, 1); }

static void after_trap(void) {
    glp_free_env(); /* also removes the hooks */
    tl_generation++;
}

#define GUARD_BEGIN                                   \
    jmp_buf fp_jb;                                    \
    tl_msg_len = 0;                                   \
    tl_msg[0] = 0;                                    \
    if (setjmp(fp_jb)) {                              \
        after_trap();                                 \
        return FP_TRAPPED;                            \
    }                                                 \
    glp_term_hook(term_hook, NULL);                   \
    glp_error_hook(error_hook, &fp_jb)

#define GUARD_END                                     \
    glp_error_hook(NULL, NULL);                       \
    glp_term_hook(NULL, NULL)

static int create_prob(glp_prob **out) {
    GUARD_BEGIN;
    *out = glp_create_prob();
    GUARD_END;
    return FP_OK;
}

glp_prob *fp_create_prob(void) {
    glp_prob *P = NULL;
    if (create_prob(&P) != FP_OK) return NULL;
    return P;
}

int fp_delete_prob(glp_prob *P) {
    GUARD_BEGIN;
    glp_delete_prob(P);
    GUARD_END;
    return FP_OK;
}

int fp_load(glp_prob *P, const fp_problem_data *d) {
    GUARD_BEGIN;
    glp_set_obj_dir(P, d->obj_dir);
    glp_set_obj_coef(P, 0, d->obj_const);
    if (d->nrows > 0) glp_add_rows(P, d->nrows);
    if (d->ncols > 0) glp_add_cols(P, d->ncols);
    for (int i = 0; i < d->nrows; i++)
        glp_set_row_bnds(P, i + 1, d->row_type[i], d->row_lb[i], d->row_ub[i]);
    for (int j = 0; j < d->ncols; j++) {
        glp_set_col_bnds(P, j + 1, d->col_type[j], d->col_lb[j], d->col_ub[j]);
        if (d->col_kind != NULL && d->col_kind[j] != GLP_CV)
            glp_set_col_kind(P, j + 1, d->col_kind[j]);
        if (d->obj[j] != 0) glp_set_obj_coef(P, j + 1, d->obj[j]);
    }
    glp_load_matrix(P, d->nnz, d->ia, d->ja, d->ar);
    GUARD_END;
    return FP_OK;
}

int fp_set_names(glp_prob *P, const char *buf, int nrows, int ncols) {
    GUARD_BEGIN;
    glp_set_prob_name(P, buf);
    glp_set_obj_name(P, "obj");
    buf += strlen(buf) + 1;
    for (int i = 1; i <= nrows; i++) {
        glp_set_row_name(P, i, buf);
        buf += strlen(buf) + 1;
    }
    for (int j = 1; j <= ncols; j++) {
        glp_set_col_name(P, j, buf);
        buf += strlen(buf) + 1;
    }
    GUARD_END;
    return FP_OK;
}

int fp_prepare_export(glp_prob *P, const char *const_name, const char *zero_name,
                      const char *row_name) {
    GUARD_BEGIN;
    double c0 = glp_get_obj_coef(P, 0);
    int j = 0;
    if (c0 != 0) {
        j = glp_add_cols(P, 1);
        glp_set_col_name(P, j, const_name);
        glp_set_col_bnds(P, j, GLP_FX, 1, 1);
        glp_set_obj_coef(P, j, c0);
        glp_set_obj_coef(P, 0, 0);
    }
    if (glp_get_num_rows(P) == 0) {
        if (j == 0) {
            j = glp_add_cols(P, 1);
            glp_set_col_name(P, j, zero_name);
            glp_set_col_bnds(P, j, GLP_FX, 0, 0);
        }
        int i = glp_add_rows(P, 1);
        int ind[2] = {0, j};
        double val[2] = {0, 1};
        glp_set_row_name(P, i, row_name);
        glp_set_row_bnds(P, i, GLP_LO, 0, 0);
        glp_set_mat_row(P, i, 1, ind, val);
    }
    GUARD_END;
    return FP_OK;
}

int fp_simplex(glp_prob *P, int scale_flags, int basis, const glp_smcp *parm, int *rc) {
    GUARD_BEGIN;
    if (scale_flags != 0)
        glp_scale_prob(P, scale_flags);
    else
        glp_unscale_prob(P);
    if (!parm->presolve) {
        if (basis)
            glp_adv_basis(P, 0);
        else
            glp_std_basis(P);
    }
    *rc = glp_simplex(P, parm);
    GUARD_END;
    return FP_OK;
}

int fp_read_lp(glp_prob *P, int *status, double *obj, int nrows, int ncols, double *col_prim,
               double *row_dual, double *col_dual) {
    GUARD_BEGIN;
    int m = glp_get_num_rows(P), n = glp_get_num_cols(P);
    if (m > nrows) m = nrows;
    if (n > ncols) n = ncols;
    *status = glp_get_status(P);
    *obj = glp_get_obj_val(P);
    if (col_prim != NULL)
        for (int j = 1; j <= n; j++) col_prim[j - 1] = glp_get_col_prim(P, j);
    if (row_dual != NULL)
        for (int i = 1; i <= m; i++) row_dual[i - 1] = glp_get_row_dual(P, i);
    if (col_dual != NULL)
        for (int j = 1; j <= n; j++) col_dual[j - 1] = glp_get_col_dual(P, j);
    GUARD_END;
    return FP_OK;
}

static double now_seconds(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Runs inside glp_intopt, so a GLPK error raised here longjmps to fp_intopt's setjmp
 * through C frames only. The progress function is the one Swift frame it enters, and it
 * makes no GLPK call, so no longjmp can start while it is on the stack. */
static void mip_callback(glp_tree *T, void *info) {
    fp_mip_ctx *c = info;
    int reason = glp_ios_reason(T);
    glp_prob *mip = glp_ios_get_prob(T);
    /* with the MIP presolver the tree holds a copy: its count is the search's */
    int it = glp_get_it_cnt(mip);
    if (it > c->iterations) c->iterations = it;

    if (c->invalid_call && reason == GLP_ISELECT) {
        /* rows may only be added at GLP_ICUTGEN: GLPK raises an error, which longjmps out
         * of glp_intopt (through C frames only) to fp_intopt */
        int ind[1] = {0};
        double val[1] = {0};
        glp_ios_add_row(T, NULL, 0, 0, 0, ind, val, GLP_LO, 1.0);
    }

    if (reason == GLP_IHEUR && c->hint != NULL && c->hint_result == 0) {
        /* With the MIP presolver on, the tree holds the transformed problem, whose
         * columns are not ours: the hint does not apply. */
        if (glp_get_num_cols(mip) == c->hint_len)
            c->hint_result = glp_ios_heur_sol(T, c->hint) == 0 ? 1 : 2;
        else
            c->hint_result = 3;
    }
    /* Lattice pruning: the current subproblem's LP bound leaves no room for a solution a
     * whole step better than the incumbent, so cut the subproblem off with an empty row
     * 0 >= 1 (GLPK accepts rows only at GLP_ICUTGEN; the row makes this LP infeasible
     * and GLPK fathoms the node). GLPK's own pruning needs a strictly better bound. */
    if (reason == GLP_ICUTGEN && c->step > 0 && glp_mip_status(mip) == GLP_FEAS &&
        glp_get_status(mip) == GLP_OPT) {
        int maximize = glp_get_obj_dir(mip) == GLP_MAX;
        if (fp_lattice_proves(maximize, glp_mip_obj_val(mip), glp_get_obj_val(mip), c->step)) {
            int ind[1] = {0};
            double val[1] = {0};
            glp_ios_add_row(T, NULL, 0, 0, 0, ind, val, GLP_LO, 1.0);
            c->pruned++;
        }
        return;
    }
    if (reason != GLP_ISELECT && reason != GLP_IBINGO && reason != GLP_IHEUR) return;

    int maximize = glp_get_obj_dir(mip) == GLP_MAX;
    int p = glp_ios_best_node(T);
    if (p != 0) {
        double b = glp_ios_node_bound(T, p);
        if (fabs(b) < 0.5 * DBL_MAX) {
            /* every bound seen stays valid; keep the tightest */
            if (!c->has_bound || (maximize ? b < c->bound : b > c->bound)) c->bound = b;
            c->has_bound = 1;
        }
    }
    int has_inc = glp_mip_status(mip) == GLP_FEAS;
    double inc = has_inc ? glp_mip_obj_val(mip) : 0;
    if (!c->no_global_stop && has_inc && c->has_bound &&
        fp_lattice_proves(maximize, inc, c->bound, c->step)) {
        c->lattice_stop = 1;
        glp_ios_terminate(T);
        return;
    }
    /* Node limit: GLPK asks for GLP_ISELECT before selecting each subproblem, the root
     * included, so `nodes` counts subproblems taken up. Stop before the (limit + 1)-th;
     * the lattice stop above takes precedence. A search whose active list empties first
     * never asks again and finishes normally. No clock is involved: deterministic. */
    if (reason == GLP_ISELECT) {
        if (c->node_limit > 0 && c->nodes >= c->node_limit) {
            c->node_limit_stop = 1;
            glp_ios_terminate(T);
            return;
        }
        c->nodes++;
    }
    if (c->progress != NULL) {
        double t = now_seconds();
        if (t - c->last_progress >= c->progress_interval) {
            int a_cnt = 0;
            glp_ios_tree_size(T, &a_cnt, NULL, NULL);
            c->last_progress = t;
            c->progress(c->progress_info, t - c->start, has_inc, inc, c->has_bound, c->bound,
                        a_cnt);
        }
    }
}

int fp_intopt(glp_prob *P, glp_iocp *parm, fp_mip_ctx *ctx, int *rc) {
    GUARD_BEGIN;
    if (ctx != NULL) {
        ctx->start = ctx->last_progress = now_seconds();
        parm->cb_func = mip_callback;
        parm->cb_info = ctx;
    } else {
        parm->cb_func = NULL;
        parm->cb_info = NULL;
    }
    *rc = glp_intopt(P, parm);
    if (ctx != NULL) {
        int it = glp_get_it_cnt(P);
        if (it > ctx->iterations) ctx->iterations = it;
    }
    GUARD_END;
    return FP_OK;
}

int fp_clear_objective(glp_prob *P) {
    GUARD_BEGIN;
    int n = glp_get_num_cols(P);
    for (int j = 1; j <= n; j++) glp_set_obj_coef(P, j, 0.0);
    GUARD_END;
    return FP_OK;
}

int fp_read_mip(glp_prob *P, int *status, double *obj, int ncols, double *col) {
    GUARD_BEGIN;
    int n = glp_get_num_cols(P);
    if (n > ncols) n = ncols;
    *status = glp_mip_status(P);
    *obj = glp_mip_obj_val(P);
    if (col != NULL)
        for (int j = 1; j <= n; j++) col[j - 1] = glp_mip_col_val(P, j);
    GUARD_END;
    return FP_OK;
}

int fp_write(glp_prob *P, int format, const char *path, int *rc) {
    GUARD_BEGIN;
    if (format == 0)
        *rc = glp_write_lp(P, NULL, path);
    else
        *rc = glp_write_mps(P, GLP_MPS_FILE, NULL, path);
    GUARD_END;
    return FP_OK;
}

/* ---------------------------------------------------------------------------------------
 * Root cut loop with GLPK's own cut generators. glpk.h declares them only under
 * GLP_UNDOC (libglpk.so.40 exports them); they are declared here so that neither the
 * macro nor the module map of <glpk.h> matters. Struct tags, not typedefs, so that the
 * declarations agree with glpk.h's if it has them too. */
int glp_gmi_gen(glp_prob *P, glp_prob *pool, int max_cuts);
struct glp_cov *glp_cov_init(glp_prob *P);
void glp_cov_gen1(glp_prob *P, struct glp_cov *cov, glp_prob *pool);
void glp_cov_free(struct glp_cov *cov);
struct glp_mir *glp_mir_init(glp_prob *P);
int glp_mir_gen(glp_prob *P, struct glp_mir *mir, glp_prob *pool);
void glp_mir_free(struct glp_mir *mir);
struct glp_cfg *glp_cfg_init(glp_prob *P);
void glp_cfg_free(struct glp_cfg *G);
int glp_clq_cut(glp_prob *P, struct glp_cfg *G, int ind[], double val[]);

typedef struct {
    int row;    /* pool row */
    double eff; /* violation / ||a||_2 */
} rc_cand;

/* Most efficacious first; ties by pool row, so the order never depends on qsort. */
static int rc_cand_cmp(const void *a, const void *b) {
    const rc_cand *x = a, *y = b;
    if (x->eff > y->eff) return -1;
    if (x->eff < y->eff) return 1;
    return (x->row > y->row) - (x->row < y->row);
}

/* Re-solves P from its current basis: dual simplex (cuts keep the basis dual feasible),
 * and from an advanced basis with the primal simplex if that basis is unusable. Returns
 * 1 when P then has an optimal basis. GLPK's own output is limited to errors. */
static int rc_resolve(glp_prob *P, const fp_rootcut_ctx *c, double deadline) {
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = c->msg_lev < GLP_MSG_ERR ? c->msg_lev : GLP_MSG_ERR;
    parm.meth = GLP_DUALP;
    parm.presolve = GLP_OFF;
    if (deadline > 0) {
        double ms = (deadline - now_seconds()) * 1000;
        if (!(ms >= 1)) return 0;
        parm.tm_lim = ms > INT_MAX ? INT_MAX : (int)ms;
    }
    int rc = glp_simplex(P, &parm);
    if (rc == GLP_EBADB || rc == GLP_ESING || rc == GLP_ECOND) {
        glp_adv_basis(P, 0);
        parm.meth = GLP_PRIMAL;
        rc = glp_simplex(P, &parm);
    }
    return rc == 0 && glp_get_status(P) == GLP_OPT;
}

/* Number of integer columns whose LP value is fractional. */
static int rc_fractional(glp_prob *P, int n) {
    int count = 0;
    for (int j = 1; j <= n; j++) {
        if (glp_get_col_kind(P, j) == GLP_CV) continue;
        double x = glp_get_col_prim(P, j);
        if (fabs(x - floor(x + 0.5)) > 1e-6) count++;
    }
    return count;
}

/* Deletes rows from..from+count-1 of P. */
static void rc_del_range(glp_prob *P, int from, int count) {
    if (count <= 0) return;
    int *num = glp_alloc(count + 1, sizeof(int));
    for (int k = 1; k <= count; k++) num[k] = from + k - 1;
    glp_del_rows(P, count, num);
    glp_free(num);
}

int fp_root_cuts(glp_prob *P, fp_rootcut_ctx *c) {
    GUARD_BEGIN;
    int m0 = glp_get_num_rows(P), n = glp_get_num_cols(P);
    double deadline = c->time_ms > 0 ? now_seconds() + c->time_ms / 1000 : 0;
    int minimize = glp_get_obj_dir(P) == GLP_MIN;
    c->n_bounds = 0;
    c->rounds = 0;
    c->stop = FP_RC_STOP_ROUNDS;
    if (glp_get_status(P) != GLP_OPT || n == 0) {
        c->stop = FP_RC_STOP_NO_LP;
        c->lp_status = glp_get_status(P);
        GUARD_END;
        return FP_OK;
    }
    double bound = glp_get_obj_val(P);
    if (c->bounds_cap > 0) c->bounds[c->n_bounds++] = bound;

    /* Generators see the model's rows only: they are built before any cut is added. */
    struct glp_mir *mir = (c->families & FP_CUT_MIR) && m0 > 0 ? glp_mir_init(P) : NULL;
    struct glp_cov *cov = (c->families & FP_CUT_COV) && m0 > 0 ? glp_cov_init(P) : NULL;
    struct glp_cfg *cfg = (c->families & FP_CUT_CLQ) && m0 > 0 ? glp_cfg_init(P) : NULL;
    glp_prob *pool = glp_create_prob();
    glp_add_cols(pool, n);
    /* glp_alloc: GLPK's own memory, freed by glp_free_env should an error be trapped */
    int *ind = glp_alloc(2 * n + 2, sizeof(int));
    double *val = glp_alloc(2 * n + 2, sizeof(double));
    double *x = glp_alloc(n + 1, sizeof(double));

    for (int round = 1; round <= c->max_rounds; round++) {
        if (deadline > 0 && now_seconds() >= deadline) {
            c->stop = FP_RC_STOP_TIME;
            break;
        }
        c->rounds = round;
        if (round == c->trap_in_round) glp_set_obj_coef(P, n + 1, 1.0); /* out of range */
        if (rc_fractional(P, n) == 0) { /* an integral optimum violates no valid cut */
            c->stop = FP_RC_STOP_NO_CUT;
            break;
        }
        for (int j = 1; j <= n; j++) x[j] = glp_get_col_prim(P, j);

        /* generate into the pool; first[f] is the first pool row of family f */
        int first[4];
        first[0] = 1;
        if ((c->families & FP_CUT_GMI) && m0 > 0) glp_gmi_gen(P, pool, c->max_cuts);
        first[1] = glp_get_num_rows(pool) + 1;
        if (mir != NULL) glp_mir_gen(P, mir, pool);
        first[2] = glp_get_num_rows(pool) + 1;
        if (cov != NULL) glp_cov_gen1(P, cov, pool);
        first[3] = glp_get_num_rows(pool) + 1;
        if (cfg != NULL) {
            int len = glp_clq_cut(P, cfg, ind, val);
            if (len > 0) {
                int i = glp_add_rows(pool, 1);
                glp_set_row_bnds(pool, i, GLP_UP, 0, val[0]);
                glp_set_mat_row(pool, i, len, ind, val);
            }
        }

        /* keep the violated, well-scaled cuts */
        int np = glp_get_num_rows(pool), nc = 0;
        rc_cand *cand = np > 0 ? glp_alloc(np, sizeof(rc_cand)) : NULL;
        for (int r = 1; r <= np; r++) {
            int len = glp_get_mat_row(pool, r, ind, val);
            int type = glp_get_row_type(pool, r);
            if (len <= 0 || (type != GLP_LO && type != GLP_UP)) continue;
            double s = type == GLP_LO ? -1.0 : 1.0; /* as s*a x <= s*rhs */
            double rhs = type == GLP_LO ? glp_get_row_lb(pool, r) : glp_get_row_ub(pool, r);
            double act = 0, norm = 0, lo = HUGE_VAL, hi = 0;
            for (int k = 1; k <= len; k++) {
                double a = fabs(val[k]);
                act += val[k] * x[ind[k]];
                norm += val[k] * val[k];
                if (a < lo) lo = a;
                if (a > hi) hi = a;
            }
            if (!isfinite(rhs) || !isfinite(norm) || !(lo >= c->min_coef) ||
                hi > c->max_range * lo) {
                c->rejected++;
                continue;
            }
            double eff = s * (act - rhs) / sqrt(norm);
            if (eff > c->min_efficacy) {
                cand[nc].row = r;
                cand[nc].eff = eff;
                nc++;
            }
        }
        if (nc == 0) {
            if (cand != NULL) glp_free(cand);
            c->stop = FP_RC_STOP_NO_CUT;
            break;
        }
        qsort(cand, (size_t)nc, sizeof(rc_cand), rc_cand_cmp);
        if (c->max_cuts > 0 && nc > c->max_cuts) nc = c->max_cuts;

        /* the basis before the round, to go back to should the re-solve fail */
        int m = glp_get_num_rows(P);
        int *rstat = glp_alloc(m + 1, sizeof(int)), *cstat = glp_alloc(n + 1, sizeof(int));
        for (int i = 1; i <= m; i++) rstat[i] = glp_get_row_stat(P, i);
        for (int j = 1; j <= n; j++) cstat[j] = glp_get_col_stat(P, j);
        int added[4] = {0, 0, 0, 0};
        int base = glp_add_rows(P, nc);
        for (int k = 0; k < nc; k++) {
            int r = cand[k].row, type = glp_get_row_type(pool, r);
            int len = glp_get_mat_row(pool, r, ind, val);
            glp_set_row_bnds(P, base + k, type, glp_get_row_lb(pool, r), glp_get_row_ub(pool, r));
            glp_set_mat_row(P, base + k, len, ind, val);
            for (int f = 3; f >= 0; f--)
                if (r >= first[f]) {
                    added[f]++;
                    break;
                }
        }
        glp_free(cand);
        /* empty the pool for the next round */
        rc_del_range(pool, 1, np);

        int ok = rc_resolve(P, c, deadline);
        if (!ok) {
            /* take the round's cuts out and go back to the previous optimal basis */
            rc_del_range(P, base, nc);
            for (int i = 1; i <= m; i++) glp_set_row_stat(P, i, rstat[i]);
            for (int j = 1; j <= n; j++) glp_set_col_stat(P, j, cstat[j]);
            glp_free(rstat);
            glp_free(cstat);
            rc_resolve(P, c, 0);
            c->stop = deadline > 0 && now_seconds() >= deadline ? FP_RC_STOP_TIME : FP_RC_STOP_LP_FAILED;
            break;
        }
        glp_free(rstat);
        glp_free(cstat);
        for (int f = 0; f < 4; f++) c->cuts[f] += added[f];

        /* drop cut rows that are no longer tight (basic auxiliary variable): the optimum
         * stays where it is, and the next LPs and the search carry fewer rows */
        int mm = glp_get_num_rows(P), nd = 0;
        int *num = glp_alloc(mm - m0 + 1, sizeof(int));
        for (int i = m0 + 1; i <= mm; i++)
            if (glp_get_row_stat(P, i) == GLP_BS) num[++nd] = i;
        if (nd > 0) glp_del_rows(P, nd, num);
        glp_free(num);
        if (nd > 0) {
            if (!rc_resolve(P, c, 0)) {
                c->stop = FP_RC_STOP_LP_FAILED;
                break;
            }
        }

        double now = glp_get_obj_val(P);
        double gain = (minimize ? now - bound : bound - now) / fmax(1.0, fabs(bound));
        bound = now;
        if (c->n_bounds < c->bounds_cap) c->bounds[c->n_bounds++] = bound;
        if (c->msg_lev >= GLP_MSG_ON)
            glp_printf("Root cuts round %d: %d cut(s) added (gmi %d, mir %d, cov %d, clq %d), "
                       "%d cut row(s), bound %.12g\n",
                       round, nc, added[0], added[1], added[2], added[3],
                       glp_get_num_rows(P) - m0, bound);
        if (gain < c->min_gain) {
            c->stop = FP_RC_STOP_NO_GAIN;
            break;
        }
    }

    c->cut_rows = glp_get_num_rows(P) - m0;
    c->lp_status = glp_get_status(P);
    glp_free(ind);
    glp_free(val);
    glp_free(x);
    glp_delete_prob(pool);
    if (mir != NULL) glp_mir_free(mir);
    if (cov != NULL) glp_cov_free(cov);
    if (cfg != NULL) glp_cfg_free(cfg);
    GUARD_END;
    return FP_OK;
}

int fp_test_invalid_call(void) {
    GUARD_BEGIN;
    glp_prob *P = glp_create_prob();
    glp_set_obj_coef(P, 5, 1.0); /* no column 5: GLPK raises an error */
    glp_delete_prob(P);
    GUARD_END;
    return FP_OK;
}

int fp_test_invalid_call_on(glp_prob *P) {
    GUARD_BEGIN;
    glp_set_obj_coef(P, glp_get_num_cols(P) + 1, 1.0); /* out of range: GLPK raises an error */
    GUARD_END;
    return FP_OK;
}
