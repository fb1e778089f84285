import ForcePlanner
import ForceScenario

/// Saved JSON read back (`brief --from`, `--frontier`): one reader with the file checks of
/// ``InputFile`` and `FILE:LINE:COL` for bad JSON.
public enum JSONFile {
    /// The largest JSON file read (a what-if of many variants of a large coalition stays
    /// far below it).
    public static let maxSize = 256 << 20

    /// The JSON value in `path`.
    /// - Parameter what: what the file should hold, for the messages ("the output of plan
    ///   or whatif --format json").
    /// - Throws: ``InputError``: `PATH: is a directory; expected ...`, `PATH: is not UTF-8
    ///   text; expected ...`, `PATH:LINE:COL: message; expected ...`.
    public static func read(_ path: String, expecting what: String) throws -> JSONValue {
        let bytes: [UInt8]
        do { bytes = try InputFile.read(path, expected: what, kind: "JSON files", limit: maxSize) } catch {
            throw InputError("\(path): \(error.message)")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw InputError("\(path): is not UTF-8 text; expected \(what)")
        }
        do { return try JSONValue.parse(text) } catch let e as JSONParseError {
            throw InputError("\(path):\(e.line):\(e.column): \(e.message); expected \(what)")
        } catch {
            throw InputError("\(path): \(error)")
        }
    }
}
