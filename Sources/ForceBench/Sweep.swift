import ForceScenario
import ForcePlanner
import ForceReports

/// A `forceplan-sweep/v1` file: the variations a benchmark applies to every scenario.
///
/// Variations are listed cases, each combined with every combination of the product's
/// axes (the cartesian product); without listed cases, the product alone; without
/// either, the scenario as written. See `docs/sweep-format.md`.
///
/// ```swift
/// let sweep = try SweepLoader.load(file: "sweeps/coalition-2025.yaml")
/// for v in sweep.variations { print(v.canonical) }
/// ```
public struct Sweep: Sendable {
    /// The format tag every sweep file starts with.
    public static let format = "forceplan-sweep/v1"
    /// Most cases one sweep may make (per scenario).
    public static let maxCases = 1_000_000

    public var name: String
    public var description: String
    /// Listed cases, in file order; empty for none.
    public var cases: [Variation]
    /// The product's axes, in file order; the last varies fastest.
    public var axes: [SweepAxis]
    /// The file it was loaded from, if any.
    public var file: String?
    /// Names the sweep uses that every scenario must define, where the sweep uses them.
    public var references: [SweepReference]
    /// `respect_options: true`: the sweep's assumptions leave the ones an option sets itself
    /// alone (by default the sweep's value wins, as `--assume` does).
    public var respectOptions = false

    public init(name: String, description: String = "", cases: [Variation] = [], axes: [SweepAxis] = [],
                file: String? = nil, references: [SweepReference] = []) {
        self.name = name
        self.description = description
        self.cases = cases
        self.axes = axes
        self.file = file
        self.references = references
    }

    /// How many variations there are (saturating at `Int.max`).
    public var count: Int {
        var n = max(1, cases.count)
        for axis in axes {
            let (m, overflow) = n.multipliedReportingOverflow(by: axis.values.count)
            n = overflow ? .max : m
        }
        return n
    }

    /// Every variation: each listed case (or none) with each combination of the axes, in
    /// file order, the last axis varying fastest.
    ///
    /// - Complexity: O(count x axes).
    public var variations: [Variation] {
        var result = cases.isEmpty ? [Variation()] : cases
        for axis in axes {
            var next: [Variation] = []
            let (size, overflow) = result.count.multipliedReportingOverflow(by: axis.values.count)
            if !overflow { next.reserveCapacity(size) }
            for v in result {
                for value in axis.values { next.append(v.merged(with: value)) }
            }
            result = next
        }
        if respectOptions { result = result.map { var v = $0; v.respectOptions = true; return v } }
        return result
    }

    /// Errors for the names this sweep uses that `scenario` does not define, at the place
    /// in the sweep file that uses them, with the nearest name the scenario has.
    public func check(against scenario: Scenario, path: String) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for r in references {
            let known: [String]
            switch r.kind {
            case .assumption: known = scenario.assumptions.map(\.name)
            case .nation: known = scenario.nations.map(\.id)
            case .tag: known = scenario.tags
            }
            guard !known.contains(r.name) else { continue }
            out.append(Diagnostic(file: r.location.file, location: r.location,
                                  message: "unknown \(r.kind.rawValue) '\(r.name)' in \(path)"
                                      + Suggest.hint(r.name, among: known, noun: "\(r.kind.rawValue)s")))
        }
        return out
    }
}

/// One axis of a sweep's product: the values one setting takes in turn.
public struct SweepAxis: Sendable, Hashable {
    /// The setting's key (`drop`, `requirement_scale`, `assumptions.us-backstop`, ...).
    public var key: String
    /// Each value as a variation that sets only this key.
    public var values: [Variation]

    public init(key: String, values: [Variation]) {
        self.key = key
        self.values = values
    }
}

/// A name a sweep uses (an assumption, nation or tag) and where, so that it can be checked
/// against each scenario it is applied to.
public struct SweepReference: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case assumption, nation, tag
    }
    public var kind: Kind
    public var name: String
    public var location: SourceLocation

    public init(kind: Kind, name: String, location: SourceLocation) {
        self.kind = kind
        self.name = name
        self.location = location
    }
}
