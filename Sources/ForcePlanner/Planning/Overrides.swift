import ForceScenario
import Foundation

extension PlanningOverrides {
    /// Parses what-if flags against a scenario: `assume` items `K=V` (V `true` or `false`,
    /// K a declared assumption) and `drop` items (nation ids, each item may hold several
    /// separated by commas). Throws a message naming what is wrong and what would be right.
    ///
    /// ```swift
    /// let o = try PlanningOverrides.parse(assume: ["us-backstop=false"], drop: ["uk,fr"], for: scenario)
    /// ```
    public static func parse(assume: [String], drop: [String], for scenario: Scenario) throws -> PlanningOverrides {
        var out = PlanningOverrides()
        let declared = scenario.assumptions.map(\.name)
        for item in assume {
            let parts = item.split(separator: "=", maxSplits: 1).map { String($0).trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                throw InputError("--assume \(item): expected NAME=true or NAME=false")
            }
            guard declared.contains(parts[0]) else {
                throw InputError("--assume \(item): unknown assumption '\(parts[0])'"
                    + Suggest.hint(parts[0], among: declared, noun: "assumptions"))
            }
            let value: Bool
            switch parts[1].lowercased() {
            case "true", "yes", "on", "1": value = true
            case "false", "no", "off", "0": value = false
            default: throw InputError("--assume \(item): value must be true or false, not '\(parts[1])'")
            }
            out.assumptions.removeAll { $0.name == parts[0] }
            out.assumptions.append(Assumption(name: parts[0], value: value))
        }
        let nations = scenario.nations.map(\.id)
        for item in drop {
            guard item.contains(where: { $0 != "," && !$0.isWhitespace }) else {
                throw InputError("--drop '\(item)': expected nation ids, e.g. --drop uk or --drop uk,france")
            }
            for raw in item.split(separator: ",") {
                let id = raw.trimmingCharacters(in: .whitespaces)
                guard !id.isEmpty else { continue }
                guard nations.contains(id) else {
                    throw InputError("--drop \(id): unknown nation" + Suggest.hint(id, among: nations, noun: "nations"))
                }
                if !out.dropNations.contains(id) { out.dropNations.append(id) }
            }
        }
        return out
    }
}

/// A command-line or API input that is wrong; the message says what would be right.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// "did you mean ...?" suggestions by edit distance.
public enum Suggest {
    /// `; did you mean 'x'?` for the nearest candidate within a small distance, or the
    /// list of candidates when there are few, or "".
    public static func hint(_ word: String, among candidates: [String], noun: String) -> String {
        if let best = nearest(word, among: candidates) { return "; did you mean '\(best)'?" }
        if candidates.isEmpty { return "; none are declared" }
        if candidates.count <= 12 { return "; known \(noun): \(Suggestions.list(candidates))" }
        return ""
    }

    /// The candidate nearest to `word` when it is close enough to be a typo (the same
    /// rule as the scenario loader's suggestions).
    public static func nearest(_ word: String, among candidates: [String]) -> String? {
        Suggestions.nearest(to: word, in: candidates)
    }
}
