#include "CCBCShim.h"

#include <coin/Cbc_C_Interface.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <exception>
#include <mutex>
#include <new>
#include <string>

namespace {

std::timed_mutex session_mutex;  // see the header: CbcMain1 is not reentrant
thread_local bool in_session = false;  // a log function that solves again would deadlock

// The log target of the running session (guarded by session_mutex).
fp_cbc_log_fn current_log = nullptr;
void *current_log_info = nullptr;

// Cbc_registerCallBack hands over a message's number and fields, not its text.
void COINLINKAGE_CB forward_message(Cbc_Model *, int msgno, int ndouble, const double *dvec,
                                    int nint, const int *ivec, int nchar, char **cvec) {
    if (!current_log) return;
    std::string text = msgno >= 1000000 ? "Clp" + std::to_string(msgno - 1000000)
                                         : "Cbc" + std::to_string(msgno);
    for (int i = 0; i < nint; i++) text += " " + std::to_string(ivec[i]);
    char buffer[64];
    for (int i = 0; i < ndouble; i++) {
        std::snprintf(buffer, sizeof buffer, " %.10g", dvec[i]);
        text += buffer;
    }
    for (int i = 0; i < nchar; i++) if (cvec[i]) text += std::string(" ") + cvec[i];
    text += "\n";
    current_log(current_log_info, text.c_str());
}

void set_error(char *error, const char *what) {
    std::snprintf(error, 256, "%s", what);
}

// Owns a Cbc_Model for one session.
struct ModelGuard {
    Cbc_Model *model = Cbc_newModel();
    ~ModelGuard() { if (model) Cbc_deleteModel(model); }
};

void load(Cbc_Model *model, const fp_cbc_problem *p) {
    Cbc_loadProblem(model, p->ncols, p->nrows, p->start, p->index, p->value,
                    p->col_lb, p->col_ub, p->obj, p->row_lb, p->row_ub);
    for (int j = 0; j < p->ncols; j++) if (p->is_int[j]) Cbc_setInteger(model, j);
    Cbc_setObjSense(model, p->maximize ? -1.0 : 1.0);
}

}  // namespace

extern "C" double fp_cbc_clock(void) {
    using namespace std::chrono;
    return duration<double>(steady_clock::now().time_since_epoch()).count();
}

extern "C" int fp_cbc_solve(const fp_cbc_problem *p, double deadline,
                            const char *const *names, const char *const *values, int nparams,
                            const int *start_idx, const double *start_val, int nstart,
                            fp_cbc_log_fn log, void *log_info,
                            double *values_out, fp_cbc_outcome *out) {
    std::memset(out, 0, sizeof *out);
    if (in_session) {
        out->failed = 2;
        set_error(out->error, "CBCSolver called from inside a CBC solve on the same thread");
        return 2;
    }
    // The time limit counts the wait for the lock: wait until the deadline at most, and
    // give CBC only what is left once this session holds it.
    const bool timed = std::isfinite(deadline);
    std::unique_lock<std::timed_mutex> lock(session_mutex, std::defer_lock);
    if (timed) {
        const auto until = std::chrono::steady_clock::time_point(
            std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(deadline)));
        if (!lock.try_lock_until(until)) {
            out->no_time = 1;
            return 0;
        }
    } else {
        lock.lock();
    }
    const double remaining = timed ? deadline - fp_cbc_clock() : 0;
    if (timed && !(remaining > 0)) {
        out->no_time = 1;
        return 0;
    }
    in_session = true;
    current_log = log;
    current_log_info = log_info;
    struct Reset { ~Reset() { current_log = nullptr; current_log_info = nullptr; in_session = false; } } reset;
    try {
        ModelGuard guard;
        Cbc_Model *model = guard.model;
        load(model, p);
        // A maximisation is handed to CBC as the minimisation of the negated objective:
        // with objective sense -1, CBC returned a MIP start as "optimal" although better
        // solutions existed (forceplan's build-up stages, issue 19). Values reported below
        // are turned back into the model's sense.
        const bool negate = p->maximize != 0;
        if (negate) {
            for (int j = 0; j < p->ncols; j++) Cbc_setObjCoeff(model, j, -p->obj[j]);
            Cbc_setObjSense(model, 1.0);
        }
        Cbc_setLogLevel(model, log ? 1 : 0);
        if (log) Cbc_registerCallBack(model, forward_message);
        for (int i = 0; i < nparams; i++) Cbc_setParameter(model, names[i], values[i]);
        if (timed) {
            char seconds[64];
            std::snprintf(seconds, sizeof seconds, "%.6f", remaining > 0.001 ? remaining : 0.001);
            Cbc_setParameter(model, "timeMode", "elapsed");
            Cbc_setParameter(model, "seconds", seconds);
        }
        if (nstart > 0) Cbc_setMIPStartI(model, nstart, start_idx, start_val);
        out->mip = Cbc_getNumIntegers(model) > 0;
        Cbc_solve(model);
        out->status = Cbc_status(model);
        out->secondary = Cbc_secondaryStatus(model);
        out->proven_optimal = Cbc_isProvenOptimal(model);
        out->proven_infeasible = Cbc_isProvenInfeasible(model);
        out->abandoned = Cbc_isAbandoned(model);
        if (out->mip) {
            out->continuous_unbounded = Cbc_isContinuousUnbounded(model);
            out->node_limit = Cbc_isNodeLimitReached(model);
            out->seconds_limit = Cbc_isSecondsLimitReached(model);
            out->nodes = Cbc_getNodeCount(model);
            out->iterations = Cbc_getIterationCount(model);
            out->bound = Cbc_getBestPossibleObjValue(model);
            // bestSolution is null until an integer solution is found.
            const double *best = Cbc_bestSolution(model);
            if (best) {
                std::memcpy(values_out, best, sizeof(double) * (size_t)p->ncols);
                out->has_solution = 1;
                out->objective = Cbc_getObjValue(model);
            }
        } else if (out->proven_optimal) {
            const double *x = Cbc_getColSolution(model);
            if (x) {
                std::memcpy(values_out, x, sizeof(double) * (size_t)p->ncols);
                out->has_solution = 1;
                out->objective = Cbc_getObjValue(model);
            }
        }
        if (negate) {
            out->bound = -out->bound;
            out->objective = -out->objective;
        }
        if (Cbc_getNumCols(model) != p->ncols) {
            out->failed = 1;
            set_error(out->error, "CBC changed the number of columns");
        }
    } catch (const std::bad_alloc &) {
        out->failed = 1;
        set_error(out->error, "CBC ran out of memory");
    } catch (const std::exception &e) {
        out->failed = 1;
        set_error(out->error, e.what());
    } catch (...) {
        out->failed = 1;
        set_error(out->error, "CBC threw an exception");
    }
    return out->failed;
}

extern "C" int fp_cbc_write(const fp_cbc_problem *p, const char *const *col_names,
                            const char *const *row_names, const char *path_base, int mps,
                            char *error) {
    if (in_session) {
        set_error(error, "CBCSolver called from inside a CBC solve on the same thread");
        return 2;
    }
    std::lock_guard<std::timed_mutex> lock(session_mutex);
    try {
        ModelGuard guard;
        Cbc_Model *model = guard.model;
        load(model, p);
        for (int j = 0; j < p->ncols; j++) Cbc_setColName(model, j, col_names[j]);
        for (int i = 0; i < p->nrows; i++) Cbc_setRowName(model, i, row_names[i]);
        if (mps) Cbc_writeMps(model, path_base); else Cbc_writeLp(model, path_base);
        return 0;
    } catch (const std::exception &e) {
        set_error(error, e.what());
    } catch (...) {
        set_error(error, "CBC threw an exception");
    }
    return 1;
}

extern "C" const char *fp_cbc_version(void) {
    return Cbc_getVersion();
}
