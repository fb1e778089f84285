// What every forceplan fuzz target shares: starting libFuzzer's driver (fuzz builds) and
// replaying files (normal builds). Each target keeps only its `check` and two entry points.
import Foundation

/// libFuzzer's driver (compiler-rt), present in builds with `-sanitize=fuzzer`.
#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt
) -> CInt

/// Starts libFuzzer on `callback` with the process's arguments. SwiftPM points an
/// executable's `main` at `<Target>_main`, so each target defines that entry point and
/// calls this.
public func runLibFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, callback)
}
#endif

/// The input libFuzzer hands over, as bytes.
public func fuzzInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
}

/// The replay tool: runs `check` on each file named on the command line and prints its
/// one-line outcome.
public func replayFiles(_ check: ([UInt8], String) -> String) {
    for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
            print("\(path): cannot read")
            continue
        }
        print("\(path): " + check([UInt8](data), path))
    }
}
