import Foundation

/// Output files written whole or not at all.
///
/// The text goes to a temporary file in the same directory (so the final step is a
/// same-file-system `rename`, which is atomic), and is renamed over `path` only once it
/// is complete. A reader never sees half a file; an error or Ctrl-C (see ``Interrupt``)
/// leaves the old file, if any, untouched and no temporary file behind.
enum OutputFile {
    /// Writes `text` to `path` atomically.
    static func write(_ text: String, to path: String) throws {
        let target = URL(fileURLWithPath: path)
        let directory = target.deletingLastPathComponent().path
        let temp = directory + "/." + target.lastPathComponent + ".\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        Interrupt.track(temp)
        defer { Interrupt.untrack(temp) }
        let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw OutputError(path: path, reason: String(cString: strerror(errno))) }
        var failure: String?
        failure = writeAll(fd, Array(text.utf8))
        if failure == nil, fsync(fd) != 0 { failure = String(cString: strerror(errno)) }
        if close(fd) != 0, failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            unlink(temp)
            throw OutputError(path: path, reason: failure)
        }
        // Under the interrupt lock: Ctrl-C now either removes the temporary file (the
        // target is untouched) or comes after the rename (the target is whole).
        try Interrupt.whileTracking(temp) {
            if rename(temp, path) != 0 {
                let reason = String(cString: strerror(errno))
                unlink(temp)
                throw OutputError(path: path, reason: reason)
            }
        }
    }
}

/// Writes every byte to `fd`; nil, or why not.
private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
    var written = 0
    while written < bytes.count {
        let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n < 0 {
            if errno == EINTR { continue }
            return String(cString: strerror(errno))
        }
        written += n
    }
    return nil
}

/// An output file that could not be written.
struct OutputError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "cannot write \(path): \(reason)" }
}
