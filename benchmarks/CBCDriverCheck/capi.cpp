// CBC's C API as Sources/CCBCShim calls it, on an exported model: compare its log with
// `cbc FILE.mps -solve` (issue 22, benchmarks/RESULTS.md).
//
//   make -C benchmarks cbc-capi
//   benchmarks/out/cbc-capi FILE.mps START|- [name value]...
//
// START: a solution file as `cbc ... -solu FILE` writes it (or "-" for none), given to CBC
// with every column as Cbc_setMIPStartI (the backend's MIP start before issue 22); the
// name/value pairs are CBC command-line parameters without the dash (Cbc_setParameter).
#include <coin/Cbc_C_Interface.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

int main(int argc, char **argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: cbc-capi FILE.mps START|- [name value]...\n");
        return 2;
    }
    Cbc_Model *m = Cbc_newModel();
    if (Cbc_readMps(m, argv[1]) != 0) {
        std::fprintf(stderr, "%s: cannot read this MPS file\n", argv[1]);
        return 2;
    }
    const int n = Cbc_getNumCols(m);
    if (std::strcmp(argv[2], "-") != 0) {
        std::map<std::string, double> start;
        std::ifstream file(argv[2]);
        std::string line;
        std::getline(file, line);  // "Optimal - objective value ..."
        while (std::getline(file, line)) {
            std::istringstream s(line);
            std::string index, name;
            double value = 0;
            if (line.rfind("**", 0) == 0) s >> index;  // "**" marks values cbc finds suspect
            if (s >> index >> name >> value) start[name] = value;
        }
        std::vector<int> columns;
        std::vector<double> values;
        char name[512];
        for (int j = 0; j < n; j++) {
            Cbc_getColName(m, j, name, sizeof name);
            columns.push_back(j);
            auto it = start.find(name);
            values.push_back(it == start.end() ? 0.0 : it->second);
        }
        Cbc_setMIPStartI(m, n, columns.data(), values.data());
    }
    for (int i = 3; i + 1 < argc; i += 2) Cbc_setParameter(m, argv[i], argv[i + 1]);
    Cbc_solve(m);
    std::printf("RESULT status %d secondary %d optimal %d nodes %d objective %.6f bound %.6f\n", Cbc_status(m),
                Cbc_secondaryStatus(m), Cbc_isProvenOptimal(m), Cbc_getNodeCount(m), Cbc_getObjValue(m),
                Cbc_getBestPossibleObjValue(m));
    Cbc_deleteModel(m);
    return 0;
}
