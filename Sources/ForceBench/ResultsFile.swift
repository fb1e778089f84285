import ForcePlanner
import ForceReports
import ForceScenario
import Foundation

/// A benchmark's results file (JSON Lines), opened for resuming and appending.
///
/// Opening it reads what a previous run finished: every complete line is a finished case,
/// kept as it is. A last line without its newline was cut off mid-write (a crash, a kill,
/// a full disk): it is removed, and its case runs again. Each new line is written with a
/// single `write(2)` of the line and its newline on a descriptor opened with `O_APPEND`,
/// so it reaches the file as soon as its case finishes and a kill cannot leave a
/// complete-looking fragment. The file is locked (`flock`) while open: a second run on the
/// same file is refused rather than allowed to repeat cases.
///
/// ```swift
/// let results = try ResultsFile(path: "results.jsonl")
/// let todo = cases.filter { !results.finished.contains($0.id) }
/// try results.append(line)
/// ```
public final class ResultsFile: @unchecked Sendable {
    public let path: String
    /// Ids of the cases finished before this run.
    public let finished: Set<String>
    /// Bytes of a cut-off last line that were removed when the file was opened (0 if none).
    public let removedBytes: Int
    private var descriptor: Int32
    private let lock = NSLock()

    /// Opens (or creates) `path`, reads the finished cases and removes a cut-off last line.
    /// - Throws: ``InputError`` when the file cannot be opened or a complete line is not a
    ///   result (`FILE:LINE: ...`): that is damage no rerun should paper over.
    public init(path: String) throws {
        self.path = path
        let fd = open(path, O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw InputError("\(path): cannot open the results file (\(String(cString: strerror(errno)))); check the folder exists and is writable")
        }
        do {
            // Two runs appending to one file would both run the same cases: refuse the second.
            guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
                throw InputError(errno == EWOULDBLOCK
                    ? "\(path): another forceplan bench is writing to this results file; wait for it, or give each run its own -o"
                    : "\(path): cannot lock the results file (\(String(cString: strerror(errno))))")
            }
            let bytes = try Self.readAll(fd, path: path)
            let scan = try Self.scan(bytes, path: path)
            if scan.cutOff > 0 {
                guard ftruncate(fd, off_t(bytes.count - scan.cutOff)) == 0 else {
                    throw InputError("\(path): cannot remove the cut-off last line (\(String(cString: strerror(errno))))")
                }
            }
            finished = Set(scan.records.compactMap { $0["id"]?.string })
            removedBytes = scan.cutOff
            descriptor = fd
        } catch {
            _ = Glibc.close(fd)
            throw error
        }
    }

    deinit { close() }

    /// Releases the file (and its lock); appending afterwards throws. Called on deinit too.
    public func close() {
        lock.lock()
        defer { lock.unlock() }
        if descriptor >= 0 { _ = Glibc.close(descriptor) }
        descriptor = -1
    }

    /// Appends `line` and a newline in one write. Safe from several threads.
    public func append(_ line: String) throws {
        let data = Array((line + "\n").utf8)
        lock.lock()
        defer { lock.unlock() }
        guard descriptor >= 0 else { throw InputError("\(path): the results file is closed") }
        var written = 0
        while written < data.count {
            let n = data.withUnsafeBytes { buffer in
                write(descriptor, buffer.baseAddress.map { $0 + written }, data.count - written)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError("\(path): cannot write a result (\(String(cString: strerror(errno))))")
            }
            written += n
        }
    }

    /// The results in `path`, in file order, for summaries. A cut-off last line (a run
    /// still going, or killed) is left out and reported in `cutOff`.
    /// - Throws: ``InputError`` for a missing, unreadable or over-large (1 GiB) file, or a
    ///   complete line that is not a result.
    public static func records(path: String) throws -> (records: [JSONValue], cutOff: Bool) {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path, expected: "a results file (JSON Lines)", kind: "results files", limit: 1 << 30)
        } catch {
            throw InputError("\(path): \(error.message)")
        }
        return try records(bytes: bytes, path: path)
    }

    /// The results in `bytes` (the contents of a results file named `path` in messages),
    /// read as ``records(path:)`` reads a file.
    public static func records(bytes: [UInt8], path: String) throws -> (records: [JSONValue], cutOff: Bool) {
        let scan = try scan(bytes, path: path)
        return (scan.records, scan.cutOff > 0)
    }

    static func readAll(_ fd: Int32, path: String) throws -> [UInt8] {
        var out: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        lseek(fd, 0, SEEK_SET)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw InputError("\(path): cannot read the results file (\(String(cString: strerror(errno))))")
            }
            if n == 0 { return out }
            out += buffer[0..<n]
        }
    }

    /// Complete lines parsed as results; `cutOff` counts the bytes after the last newline.
    static func scan(_ bytes: [UInt8], path: String) throws -> (records: [JSONValue], cutOff: Int) {
        var records: [JSONValue] = []
        var start = 0, line = 1
        while let end = bytes[start...].firstIndex(of: 0x0A) {
            let text = String(decoding: bytes[start..<end], as: UTF8.self)
            if !text.allSatisfy({ $0 == " " || $0 == "\t" || $0 == "\r" }) {
                let record: JSONValue
                do { record = try JSONValue.parse(text) } catch {
                    throw InputError("\(path):\(line): not a results line (\(error)); the file is damaged: remove this line, or write to another file with -o")
                }
                guard record["id"]?.string != nil else {
                    throw InputError("\(path):\(line): a results line needs a string \"id\"; is this a forceplan bench results file?")
                }
                records.append(record)
            }
            start = end + 1
            line += 1
        }
        return (records, bytes.count - start)
    }
}
