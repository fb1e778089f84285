// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "forceplan",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "LinearModel", targets: ["LinearModel"]),
        .library(name: "GLPKSolver", targets: ["GLPKSolver"]),
        .library(name: "ForcePlanner", targets: ["ForcePlanner"]),
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
        .target(name: "GLPKSolver", dependencies: ["LinearModel", "CGLPK", "CGLPKShim"]),
        // Knows nations and capabilities; speaks to any `Solver`, never to GLPK directly.
        .target(name: "ForcePlanner", dependencies: [
            "LinearModel", "CLibYAML",
        ]),
        // The planner the CLI uses (ForcePlanner on a backend's solver portfolio), for
        // library callers too; the one place that joins ForcePlanner to a backend.
        .target(name: "StandardPlanner", dependencies: ["ForcePlanner", "GLPKSolver", "LinearModel"]),
        .executableTarget(name: "forceplan", dependencies: [
            "ForcePlanner", "StandardPlanner", "LinearModel", "GLPKSolver",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .testTarget(name: "LinearModelTests", dependencies: ["LinearModel"]),
        .testTarget(name: "GLPKSolverTests", dependencies: ["GLPKSolver", "LinearModel"]),
        .testTarget(
            name: "ForcePlannerTests",
            dependencies: ["ForcePlanner", "StandardPlanner", "GLPKSolver", "LinearModel"],
            resources: [.copy("Fixtures")]
        ),
        // libFuzzer target for the scenario loader (`make fuzz`); built normally, a replay tool.
        .executableTarget(
            name: "ScenarioFuzzer", dependencies: ["ForcePlanner", "GLPKSolver"],
            path: "fuzz/ScenarioFuzzer"
        ),
        // Release benchmark of model building + GLPK loading (benchmarks/Makefile).
        .executableTarget(
            name: "LoadBenchmark", dependencies: ["GLPKSolver", "LinearModel"],
            path: "benchmarks/LoadBenchmark"
        ),
        // Release benchmark: proving optimality on seeded random scenarios (benchmarks/Makefile).
        .executableTarget(
            name: "HardScenarios", dependencies: ["ForcePlanner", "GLPKSolver", "LinearModel"],
            path: "benchmarks/HardScenarios"
        ),
    ]
)
