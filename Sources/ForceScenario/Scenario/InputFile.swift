import Foundation

/// A file a planner names on the command line (scenario, sweep, saved JSON), read with the
/// checks every such file gets: it exists, is a regular file (a link to one is fine), is
/// readable, and is no larger than a limit, so a wrong path never hangs on a device or
/// fills memory.
///
/// ```swift
/// let bytes = try InputFile.read("plan.json", expected: "plan JSON", kind: "JSON files", limit: 256 << 20)
/// ```
public enum InputFile {
    /// What is wrong with the file, worded to follow its path (`PATH: message`).
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The bytes of `path`. `expected` names what the file should be (`a scenario file
    /// (.yaml)`), `kind` the files the `limit` (bytes) applies to (`scenario files`).
    public static func read(_ path: String, expected: String, kind: String, limit: Int) throws(Failure) -> [UInt8] {
        func fail(_ message: String) -> Failure { Failure(message: message) }
        let limitText = mebibytes(limit, decimals: 0)
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw fail("no such file; check the path")
        }
        if isDirectory.boolValue {
            throw fail("is a directory; expected \(expected)")
        }
        // attributesOfItem does not follow symbolic links; a link to a file is fine.
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let attributes = (try? FileManager.default.attributesOfItem(atPath: target)) ?? [:]
        if let type = attributes[.type] as? FileAttributeType, type != .typeRegular {
            throw fail("is not a regular file; expected \(expected)")
        }
        if let size = (attributes[.size] as? NSNumber)?.intValue, size > limit {
            throw fail("file is \(mebibytes(size)); \(kind) are limited to \(limitText)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw fail("cannot open for reading; check its permissions")
        }
        defer { try? handle.close() }
        // Read at most one byte more than allowed, in case the file grew since stat.
        let data: Data
        do {
            data = try handle.read(upToCount: limit + 1) ?? Data()
        } catch {
            throw fail("cannot read: \(error.localizedDescription)")
        }
        if data.count > limit {
            throw fail("file is larger than \(limitText); \(kind) are limited to \(limitText)")
        }
        return [UInt8](data)
    }

    /// `n` bytes in MiB, e.g. `17.0 MiB`.
    static func mebibytes(_ n: Int, decimals: Int = 1) -> String {
        String(format: "%.\(decimals)f MiB", Double(n) / Double(1 << 20))
    }
}
