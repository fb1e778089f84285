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
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    check(bytes, name: "fuzz.yaml")
    return 0
}

/// libFuzzer's driver (compiler-rt). SwiftPM points an executable's `main` at
/// `ScenarioFuzzer_main`, so that entry point starts the driver itself.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

@_cdecl("ScenarioFuzzer_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, fuzzOne)
}
#else
import Foundation

@main
struct ScenarioFuzzerReplay {
    static func main() {
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                print("\(path): cannot read")
                continue
            }
            print("\(path): " + check([UInt8](data), name: path))
        }
    }
}
#endif
