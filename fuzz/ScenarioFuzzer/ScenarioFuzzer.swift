// libFuzzer target for the scenario loader and validator (`make fuzz SECONDS=N`).
//
// Built with `-sanitize=fuzzer,address -DFUZZING`, this file is the fuzz target: every input
// goes through `ScenarioLoader.load(bytes:file:)` (UTF-8 check, YAML composition, every
// rule of the format) and, when it loads, through the building of each option's first-stage
// model. A crash, a sanitizer report or a failure without a diagnostic stops the fuzzer.
//
// Built normally (as `swift build --build-tests` does), it is a replay tool:
// `ScenarioFuzzer FILE...` runs the same checks on each file and prints the outcome.
import ForcePlanner
import ForceScenario
import FuzzSupport
import GLPKSolver

/// Runs one input through the loader; traps when a failure carries no diagnostic.
/// Returns a one-line outcome for the replay tool.
@discardableResult
func check(_ bytes: [UInt8], name: String) -> String {
    do {
        let loaded = try ScenarioLoader.load(bytes: bytes, file: name)
        let planner = Planner(scenario: loaded.scenario, solver: GLPKSolver())
        var built = 0
        for option in loaded.scenario.effectiveOptions {
            if (try? planner.stageModel(option, stage: 1)) != nil { built += 1 }
        }
        return "ok: \(loaded.scenario.options.count) options, \(built) models, \(loaded.warnings.count) warnings"
    } catch {
        precondition(!error.diagnostics.isEmpty, "a failed load must say why")
        for d in error.diagnostics { precondition(!d.message.isEmpty, "a diagnostic must say what is wrong") }
        return "error: \(error.diagnostics.count) diagnostics, first: \(error.diagnostics[0].description)"
    }
}

#if FUZZING
/// The fuzz target proper.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    check(fuzzInput(data, size), name: "fuzz.yaml")
    return 0
}

@_cdecl("ScenarioFuzzer_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runLibFuzzer(argc, argv, fuzzOne)
}
#else
@main
struct ScenarioFuzzerReplay {
    static func main() { replayFiles { check($0, name: $1) } }
}
#endif
