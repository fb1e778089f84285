import Foundation

/// Loads and validates `forceplan/v1` scenario files.
///
/// Every rule of the format is checked, and every error in a file is reported at once,
/// sorted by position, each as `FILE:LINE:COL: what is wrong; what would be right`:
///
/// ```swift
/// do {
///     let loaded = try ScenarioLoader.load(file: "scenarios/tutorial.yaml")
///     loaded.warnings.forEach { print($0) }
///     print(loaded.scenario.nations.count)
/// } catch {
///     print(error)   // scenarios/tutorial.yaml:12:7: unknown capability 'minehuntr'; did you mean 'minehunter'?
/// }
/// ```
///
/// Hostile input fails fast with one error and bounded memory: files over 16 MiB (checked
/// before reading), text that is not UTF-8, YAML aliases (so alias bombs cannot expand),
/// nesting deeper than 64 levels, and more than 500,000 YAML values.
public enum ScenarioLoader {
    /// Largest scenario file accepted, in bytes (16 MiB).
    public static let maxFileSize = 16 << 20
    /// Most errors reported for one file; the rest are summarised in one more line.
    public static let maxErrors = 50

    /// Reads, parses and validates the scenario at `path`.
    ///
    /// - Throws: ``ScenarioLoadError`` with every error found (missing file, directory,
    ///   too large, not text, YAML syntax, or any rule of the format).
    public static func load(file path: String) throws(ScenarioLoadError) -> LoadedScenario {
        let bytes = try readFile(path)
        return try loadBytes(bytes, file: path)
    }

    /// Parses and validates scenario text; `file` names it in diagnostics and in
    /// ``Scenario/file``.
    ///
    /// - Throws: only ``ScenarioLoadError``.
    public static func load(yaml: String, file: String) throws -> LoadedScenario {
        let bytes = Array(yaml.utf8)
        guard bytes.count <= maxFileSize else {
            throw ScenarioLoadError(diagnostics: [Diagnostic(file: file, message:
                "scenario is \(mebibytes(bytes.count)); scenario files are limited to 16 MiB")])
        }
        return try loadBytes(bytes, file: file)
    }

    /// Parses and validates scenario bytes exactly as ``load(file:)`` does after reading a
    /// file: the bytes need not be valid UTF-8 (that is reported as an error, located).
    ///
    /// ```swift
    /// let bytes = Array("format: forceplan/v1\n".utf8)
    /// do { _ = try ScenarioLoader.load(bytes: bytes, file: "<stdin>") } catch { print(error) }
    /// ```
    ///
    /// - Throws: only ``ScenarioLoadError``.
    public static func load(bytes: [UInt8], file: String) throws(ScenarioLoadError) -> LoadedScenario {
        guard bytes.count <= maxFileSize else {
            throw ScenarioLoadError(diagnostics: [Diagnostic(file: file, message:
                "scenario is \(mebibytes(bytes.count)); scenario files are limited to 16 MiB")])
        }
        return try loadBytes(bytes, file: file)
    }

    static func loadBytes(_ bytes: [UInt8], file: String) throws(ScenarioLoadError) -> LoadedScenario {
        guard let composed = try composeText(bytes, file: file) else {
            throw ScenarioLoadError(diagnostics: [Diagnostic(file: file, location: SourceLocation(file: file, line: 1, column: 1),
                message: "file has no content; expected a scenario starting with 'format: forceplan/v1'")])
        }
        var chain = ExtendsChain(files: [file], canonical: [canonicalPath(file)])
        let root: YAMLNode
        do {
            root = try resolveExtends(composed, file: file, chain: &chain)
        } catch {
            throw ScenarioLoadError(diagnostics: attribute(error.diagnostics, chain: chain))
        }
        let decoder = ScenarioDecoder(file: file)
        decoder.removed = chain.merge.removed
        var scenario = decoder.decode(root)
        scenario?.bases = Array(chain.files.dropFirst())
        let diagnostics = attribute(chain.merge.diagnostics + decoder.diagnostics, chain: chain)
        let errors = diagnostics.filter { $0.severity == .error }
        let warnings = diagnostics.filter { $0.severity == .warning }.sorted(by: Diagnostic.byPosition)
        guard errors.isEmpty, let scenario else {
            var sorted = errors.sorted(by: Diagnostic.byPosition)
            if sorted.isEmpty {
                sorted = [Diagnostic(file: file, message: "scenario could not be read")]
            }
            if sorted.count > maxErrors || decoder.droppedErrors > 0 {
                let more = sorted.count - min(sorted.count, maxErrors) + decoder.droppedErrors
                sorted = Array(sorted.prefix(maxErrors))
                sorted.append(Diagnostic(file: file, message: "\(more) more errors not shown; fix the ones above first"))
            }
            throw ScenarioLoadError(diagnostics: sorted)
        }
        return LoadedScenario(scenario: scenario, warnings: warnings)
    }

    /// The YAML tree of one file's bytes (nil when it holds no document), after the text
    /// checks; the first fault is thrown.
    static func composeText(_ bytes: [UInt8], file: String) throws(ScenarioLoadError) -> YAMLNode? {
        if let problem = TextCheck.firstProblem(in: bytes, file: file) {
            throw ScenarioLoadError(diagnostics: [problem])
        }
        // libyaml, told the text is UTF-8, would read a byte order mark as content.
        let text = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        switch YAMLComposer.compose(text, file: file) {
        case .failure(let diagnostic):
            throw ScenarioLoadError(diagnostics: [diagnostic])
        case .success(let node):
            return node
        }
    }

    /// The file's bytes, after checking that it is a regular file of at most 16 MiB
    /// (``InputFile``); `expected` names what it should be in the messages.
    package static func readFile(_ path: String, expected: String = "a scenario file (.yaml)") throws(ScenarioLoadError) -> [UInt8] {
        do {
            return try InputFile.read(path, expected: expected, kind: "scenario files", limit: maxFileSize)
        } catch {
            throw ScenarioLoadError(diagnostics: [Diagnostic(file: path, message: error.message)])
        }
    }

    static func mebibytes(_ n: Int) -> String { InputFile.mebibytes(n) }
}

/// The checks that make a byte string YAML text, before the parser sees it.
package enum TextCheck {
    /// The first invalid UTF-8 sequence or binary control character, located.
    package static func firstProblem(in bytes: [UInt8], file: String) -> Diagnostic? {
        var line = 1, column = 1, i = 0
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { i = 3 }   // a UTF-8 byte order mark is fine
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x0A:
                line += 1
                column = 1
                i += 1
                continue
            case 0x09, 0x0D, 0x20...0x7E:
                length = 1
            case 0x00...0x1F, 0x7F:
                return Diagnostic(file: file, location: SourceLocation(file: file, line: line, column: column),
                    message: "control character 0x\(hex(b)) in the text; this looks like a binary file, not a YAML scenario")
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default:
                return invalid(b, line, column, file)
            }
            if length > 1 {
                guard i + length <= bytes.count,
                      bytes[(i + 1)..<(i + length)].allSatisfy({ $0 & 0xC0 == 0x80 }),
                      String(validating: bytes[i..<(i + length)], as: UTF8.self) != nil
                else { return invalid(b, line, column, file) }
            }
            i += length
            column += 1
        }
        return nil
    }

    static func invalid(_ b: UInt8, _ line: Int, _ column: Int, _ file: String) -> Diagnostic {
        Diagnostic(file: file, location: SourceLocation(file: file, line: line, column: column),
                   message: "invalid UTF-8 (byte 0x\(hex(b))); save the scenario as UTF-8 text")
    }

    static func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }
}
