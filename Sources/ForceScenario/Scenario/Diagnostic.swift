/// One problem found in a scenario file, with the place a planner should look.
///
/// ```swift
/// let d = Diagnostic(.error, file: "s.yaml",
///                    location: SourceLocation(file: "s.yaml", line: 12, column: 7),
///                    message: "unknown capability 'minehuntr'; did you mean 'minehunter'?")
/// print(d)   // s.yaml:12:7: unknown capability 'minehuntr'; did you mean 'minehunter'?
/// ```
public struct Diagnostic: Error, Sendable, Hashable, CustomStringConvertible {
    /// Errors make a file invalid; warnings are printed and the file still loads.
    public enum Severity: String, Sendable {
        case error, warning
    }

    /// Whether the file is still valid.
    public var severity: Severity
    /// The node at fault; nil for problems with the file as a whole (missing, too large).
    public var location: SourceLocation?
    /// What is wrong; what would be right.
    public var message: String
    /// The file the diagnostic is about, used when there is no ``location``.
    public var file: String

    /// A diagnostic about `file`; `location`, when given, names the file too and wins.
    public init(_ severity: Severity = .error, file: String, location: SourceLocation? = nil,
                message: String) {
        self.severity = severity
        self.file = location?.file ?? file
        self.location = location
        self.message = message
    }

    /// `FILE:LINE:COL: message`, `FILE:LINE:COL: warning: message`, or `FILE: message`
    /// without a location.
    public var description: String {
        let place = location.map(\.description) ?? file
        switch severity {
        case .error: return "\(place): \(message)"
        case .warning: return "\(place): warning: \(message)"
        }
    }

    /// Orders by file, line, column; diagnostics without a location come first.
    package static func byPosition(_ a: Diagnostic, _ b: Diagnostic) -> Bool {
        switch (a.location, b.location) {
        case let (x?, y?): return x < y
        case (nil, _?): return true
        default: return false
        }
    }
}

/// Why a scenario did not load: every error found in the file, sorted by position.
///
/// ```swift
/// do { _ = try ScenarioLoader.load(file: "s.yaml") }
/// catch { print(error) }   // one `FILE:LINE:COL: message` per line
/// ```
public struct ScenarioLoadError: Error, Sendable, CustomStringConvertible {
    /// The errors, sorted by line and column (at most ``ScenarioLoader/maxErrors``, then a count of the rest).
    public var diagnostics: [Diagnostic]

    /// An error carrying `diagnostics` as given (the loader sorts them).
    public init(diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    /// One diagnostic per line.
    public var description: String {
        diagnostics.map(\.description).joined(separator: "\n")
    }
}

/// A scenario that loaded, and the warnings worth showing the planner.
public struct LoadedScenario: Sendable {
    /// The validated scenario; every reference in it resolves.
    public var scenario: Scenario
    /// Things that are legal but probably not meant, e.g. a requirement no pledge can serve.
    public var warnings: [Diagnostic]

    /// A loaded scenario and its warnings.
    public init(scenario: Scenario, warnings: [Diagnostic] = []) {
        self.scenario = scenario
        self.warnings = warnings
    }
}
