// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "forceplan",
    // Linux only (Debian 12): the system libraries are found the Debian way and the code
    // calls Glibc; no Apple platform is claimed.
    products: [
        .library(name: "LinearModel", targets: ["LinearModel"]),
        .library(name: "GLPKSolver", targets: ["GLPKSolver"]),
        .library(name: "ForceScenario", targets: ["ForceScenario"]),
        .library(name: "ForcePlanner", targets: ["ForcePlanner"]),
        .library(name: "ForceReports", targets: ["ForceReports"]),
        .library(name: "ForceBench", targets: ["ForceBench"]),
        .library(name: "CBCSolver", targets: ["CBCSolver"]),
        .library(name: "StandardPlanner", targets: ["StandardPlanner"]),
        .executable(name: "forceplan", targets: ["forceplan"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
    ],
    targets: [
        // GLPK 5 from Debian's libglpk-dev: header in /usr/include, no pkg-config file.
        .systemLibrary(
            name: "CGLPK",
            providers: [.apt(["libglpk-dev"])]
        ),
        // libyaml 0.2 from Debian's libyaml-dev: the scenario loader reads its event stream.
        .systemLibrary(
            name: "CLibYAML",
            providers: [.apt(["libyaml-dev"])]
        ),
        // setjmp/longjmp around GLPK calls, which Swift cannot do itself.
        .target(name: "CGLPKShim", dependencies: ["CGLPK"]),
        .target(name: "LinearModel"),
        // CBC 2.10's C API from Debian's coinor-libcbc-dev (pkg-config cbc).
        .systemLibrary(
            name: "CCBC",
            pkgConfig: "cbc",
            providers: [.apt(["coinor-libcbc-dev"])]
        ),
        // C++: catches CBC's exceptions, frees every model, serialises CbcMain1.
        .target(name: "CCBCShim", dependencies: ["CCBC"]),
        .target(name: "CBCSolver", dependencies: ["LinearModel", "CCBCShim"]),
        .target(name: "GLPKSolver", dependencies: ["LinearModel", "CGLPK", "CGLPKShim"]),
        // The planner's vocabulary: scenario types, the YAML loader (libyaml, for line and
        // column marks), variants, validation, random scenarios. Knows no model or solver.
        .target(name: "ForceScenario", dependencies: ["CLibYAML"]),
        // Formulation, planning and analyses: scenario -> LinearModel -> any `Solver` -> plan.
        // Speaks to any `Solver`, never to a backend.
        .target(name: "ForcePlanner", dependencies: ["ForceScenario", "LinearModel"]),
        // Text, Markdown, JSON, CSV and the HTML briefing, from plans and analyses.
        .target(name: "ForceReports", dependencies: ["ForceScenario", "ForcePlanner"]),
        // Sweeps, the runner, results files, summaries and shards.
        .target(name: "ForceBench", dependencies: ["ForceScenario", "ForcePlanner", "ForceReports"]),
        // The planner the CLI uses (ForcePlanner on a backend's solver portfolio), for
        // library callers too; the one place that joins ForcePlanner to a backend.
        .target(name: "StandardPlanner", dependencies: [
            "ForceScenario", "ForcePlanner", "ForceReports", "ForceBench", "GLPKSolver", "CBCSolver", "LinearModel",
        ]),
        .executableTarget(name: "forceplan", dependencies: [
            "ForceScenario", "ForcePlanner", "ForceReports", "ForceBench", "StandardPlanner",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "LinearModelTests", dependencies: ["LinearModel"]),
        .testTarget(name: "GLPKSolverTests", dependencies: ["GLPKSolver", "LinearModel"]),
        .testTarget(name: "CBCSolverTests", dependencies: ["CBCSolver", "LinearModel"]),
        // One suite of small models with known answers that every backend passes.
        // Also on what ships: StandardPlanner's portfolio for every backend.
        .testTarget(name: "SolverConformanceTests", dependencies: [
            "CBCSolver", "GLPKSolver", "LinearModel", "ForceScenario", "ForcePlanner", "StandardPlanner",
            "ForcePlanTestSupport",
        ]),
        // CBC against GLPK on every shipped scenario and on seeded random ones.
        .testTarget(name: "CrossCheckTests", dependencies: ["CBCSolver", "ForceScenario", "ForcePlanner", "GLPKSolver", "LinearModel"]),
        // Helpers the test targets share: inline scenarios, the JSON Schema checker, temporary
        // folders, a recording solver.
        .target(
            name: "ForcePlanTestSupport",
            dependencies: ["ForceScenario", "ForcePlanner", "ForceReports", "ForceBench", "StandardPlanner",
                           "GLPKSolver", "LinearModel"],
            path: "Tests/TestSupport"
        ),
        .testTarget(
            name: "ForcePlannerTests",
            dependencies: ["ForceScenario", "ForcePlanner", "ForceReports", "ForceBench", "StandardPlanner", "GLPKSolver",
                           "LinearModel", "ForcePlanTestSupport"],
            resources: [.copy("Fixtures")]
        ),
        // The CLI as planners run it: the built `forceplan` in child processes (goldens, exit
        // codes, Ctrl-C, flags), and its parity with the library calls.
        .testTarget(
            name: "ForcePlanCLITests",
            dependencies: ["ForceScenario", "ForcePlanner", "ForceReports", "ForceBench", "StandardPlanner",
                           "GLPKSolver", "LinearModel", "ForcePlanTestSupport"]
        ),
        // The libFuzzer driver and the replay tool, shared by the fuzz targets.
        .target(name: "FuzzSupport", path: "fuzz/FuzzSupport"),
        // libFuzzer target for the scenario loader (`make fuzz`); built normally, a replay tool.
        .executableTarget(
            name: "ScenarioFuzzer", dependencies: ["ForceScenario", "ForcePlanner", "GLPKSolver", "FuzzSupport"],
            path: "fuzz/ScenarioFuzzer"
        ),
        // libFuzzer target for brief JSON, results files and sweeps (`make fuzz`); built
        // normally, a replay tool.
        .executableTarget(
            name: "ReportFuzzer", dependencies: ["ForceScenario", "ForcePlanner", "ForceReports", "ForceBench", "FuzzSupport"],
            path: "fuzz/ReportFuzzer"
        ),
        // Release benchmark of model building + GLPK loading (benchmarks/Makefile).
        .executableTarget(
            name: "LoadBenchmark", dependencies: ["GLPKSolver", "LinearModel"],
            path: "benchmarks/LoadBenchmark"
        ),
        // Release benchmark: GLPK's root cut loop on one stage model (benchmarks/RESULTS.md).
        .executableTarget(
            name: "RootCutBench", dependencies: ["ForceScenario", "ForcePlanner", "GLPKSolver", "LinearModel"],
            path: "benchmarks/RootCutBench"
        ),
        // Release benchmark: proving optimality on seeded random scenarios (benchmarks/Makefile).
        .executableTarget(
            name: "HardScenarios", dependencies: ["ForceScenario", "ForcePlanner", "GLPKSolver", "CBCSolver", "LinearModel"],
            path: "benchmarks/HardScenarios"
        ),
        // Release benchmark of issue 7: parse, formulation, solve, report; size, nodes (benchmarks/scale.sh).
        .executableTarget(
            name: "ScaleBenchmark", dependencies: ["ForceScenario", "ForcePlanner", "ForceReports", "GLPKSolver", "CBCSolver", "LinearModel"],
            path: "benchmarks/ScaleBenchmark"
        ),
        // Release benchmark of issue 18: the withdrawal objective, lazy rows against the full family.
        .executableTarget(
            name: "WithdrawalBenchmark", dependencies: ["ForceScenario", "ForcePlanner", "StandardPlanner"],
            path: "benchmarks/WithdrawalBenchmark"
        ),
    ]
)
