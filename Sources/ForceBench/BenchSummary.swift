import ForceScenario
import ForcePlanner
import ForceReports

/// What a benchmark found, per option, read from results files: `forceplan bench
/// summarize`.
///
/// Records are taken in id order (a case appearing twice counts once, first seen), so
/// the summary of concatenated shards is the summary of one run. Nothing in it depends
/// on timing.
///
/// ```swift
/// let (records, _) = try ResultsFile.records(path: "results.jsonl")
/// let summary = try BenchSummary(records: records, by: "drop")
/// print(BenchSummaryReport.text(summary))
/// ```
public struct BenchSummary: Sendable {
    /// Statistics of one option over a set of cases.
    public struct OptionStats: Sendable, Hashable {
        /// The option id, or `scenario/option` when the results span several scenarios.
        public var option: String
        public var cases: Int
        /// Cases by status, for every ``PlanStatus`` in declaration order.
        public var statuses: [(status: String, count: Int)]
        /// Weighted coverage over the cases with a plan.
        public var coverage: Distribution?
        /// Cost over the cases with a plan.
        public var cost: Distribution?
        /// Cases in which the sweep set an assumption over the option's own value
        /// (``SweepOptionConflicts``), and which assumptions, sorted.
        public var overridden = 0
        public var overriddenAssumptions: [String] = []

        public static func == (a: OptionStats, b: OptionStats) -> Bool {
            a.option == b.option && a.cases == b.cases && a.coverage == b.coverage && a.cost == b.cost
                && a.statuses.map(\.status) == b.statuses.map(\.status) && a.statuses.map(\.count) == b.statuses.map(\.count)
        }
        public func hash(into h: inout Hasher) { h.combine(option); h.combine(cases) }
    }

    /// Minimum, 10th percentile, median and maximum (nearest rank: the k-th smallest value
    /// with k = ceil(p x n), so every figure is a value some case had).
    public struct Distribution: Sendable, Hashable {
        public var min: Double
        public var p10: Double
        public var median: Double
        public var max: Double

        /// Nil for no values.
        public init?(_ values: [Double]) {
            let v = values.sorted()
            guard let first = v.first, let last = v.last else { return nil }
            func rank(_ p: Double) -> Double { Percentile.nearestRank(p, of: v) ?? first }
            min = first
            p10 = rank(0.1)
            median = rank(0.5)
            max = last
        }
    }

    /// One option of one case that did worst.
    public struct WorstCase: Sendable, Hashable {
        public var id: String
        public var option: String
        public var status: String
        public var coverage: Double?
        public var cost: Double?
        /// `drop=uk, requirement_scale=1.2`; empty for the scenario as written.
        public var variation: String
        /// Assumptions the case's sweep set over the option's own values (``SweepOptionConflicts``).
        public var overridden: [String] = []
    }

    /// The option statistics of the cases whose variation gives `key` one value.
    public struct Group: Sendable, Hashable {
        /// The value as text (`none`, `uk`, `1.2`, `false`); `-` when the case does not set the key.
        public var value: String
        public var options: [OptionStats]
    }

    /// Cases summarised (each id once).
    public var cases: Int
    /// Ids that appeared more than once in the input (counted once).
    public var duplicates: Int
    /// Scenario names, sorted.
    public var scenarios: [String]
    public var options: [OptionStats]
    /// The worst (case, option) pairs: no plan first, then lowest coverage, then highest
    /// cost, then by id.
    public var worst: [WorstCase]
    /// The variation key grouped by (`--by`), as found in the results.
    public var groupKey: String?
    public var groups: [Group]
    /// Every variation key found in the results, sorted.
    public var variationKeys: [String]

    /// Summarises `records` (results lines); `by` groups by a variation key, given in full
    /// (`assumptions.us-backstop`) or by its unique last part (`us-backstop`).
    /// - Throws: ``InputError`` when `by` names no key of the results.
    public init(records: [JSONValue], by: String? = nil, worst count: Int = 5) throws {
        var seen = Set<String>()
        var unique: [(id: String, record: JSONValue)] = []
        var duplicates = 0
        for r in records {
            guard let id = r["id"]?.string else { continue }
            if seen.insert(id).inserted { unique.append((id, r)) } else { duplicates += 1 }
        }
        unique.sort { $0.id < $1.id }
        let cases = unique.map { Case($0.record) }
        self.cases = cases.count
        self.duplicates = duplicates
        scenarios = Array(Set(cases.map(\.name))).sorted()
        let qualify = scenarios.count > 1
        variationKeys = Array(Set(cases.flatMap { $0.variation.map(\.key) })).sorted()
        options = Self.stats(cases, qualify: qualify)

        var rows: [(rank: (Int, Double, Double, String, Int), worst: WorstCase)] = []
        for c in cases {
            for (i, o) in c.options.enumerated() {
                var w = WorstCase(id: c.id, option: Self.label(c, o, qualify), status: o.status, coverage: o.coverage,
                                  cost: o.cost, variation: c.variation.map { "\($0.key)=\($0.value)" }.joined(separator: ", "))
                w.overridden = o.overridden
                rows.append(((o.coverage == nil ? 0 : 1, o.coverage ?? 0, -(o.cost ?? 0), c.id, i), w))
            }
        }
        rows.sort { $0.rank < $1.rank }
        worst = rows.prefix(max(0, count)).map(\.worst)

        groups = []
        groupKey = nil
        guard let by else { return }
        let key = try Self.resolve(by, among: variationKeys)
        groupKey = key
        var byValue: [String: [Case]] = [:]
        var sortKey: [String: Case.ValueOrder] = [:]
        for c in cases {
            let entry = c.variation.first { $0.key == key }
            let value = entry?.value ?? "-"
            byValue[value, default: []].append(c)
            sortKey[value] = entry?.order ?? Case.ValueOrder(rank: 9, number: 0, text: value)
        }
        groups = byValue.keys.sorted { (sortKey[$0] ?? .init(rank: 9, number: 0, text: $0)) < (sortKey[$1] ?? .init(rank: 9, number: 0, text: $1)) }
            .map { Group(value: $0, options: Self.stats(byValue[$0] ?? [], qualify: qualify)) }
    }

    /// The key `by` stands for: itself, or the one key ending in `.by`.
    static func resolve(_ by: String, among keys: [String]) throws -> String {
        if keys.contains(by) { return by }
        let matches = keys.filter { $0.hasSuffix("." + by) }
        if matches.count == 1, let only = matches.first { return only }
        if matches.count > 1 {
            throw InputError("--by \(by): ambiguous; it could be \(matches.joined(separator: " or "))")
        }
        if keys.isEmpty { throw InputError("--by \(by): the results have no variations (they were run without --sweep)") }
        throw InputError("--by \(by): no case varies '\(by)'" + Suggest.hint(by, among: keys, noun: "variation keys"))
    }

    static func label(_ c: Case, _ o: Case.OptionOutcome, _ qualify: Bool) -> String {
        qualify ? "\(c.name)/\(o.id)" : o.id
    }

    static func stats(_ cases: [Case], qualify: Bool) -> [OptionStats] {
        var order: [String] = []
        var outcomes: [String: [Case.OptionOutcome]] = [:]
        for c in cases {
            for o in c.options {
                let label = Self.label(c, o, qualify)
                if outcomes[label] == nil { order.append(label) }
                outcomes[label, default: []].append(o)
            }
        }
        let statuses = [PlanStatus.optimal, .feasible, .infeasible, .timeLimit, .error].map(\.rawValue)
        return order.map { label in
            let list = outcomes[label] ?? []
            var stats = OptionStats(option: label, cases: list.count,
                                    statuses: statuses.map { s in (s, list.filter { $0.status == s }.count) },
                                    coverage: Distribution(list.compactMap(\.coverage)),
                                    cost: Distribution(list.compactMap(\.cost)))
            stats.overridden = list.filter { !$0.overridden.isEmpty }.count
            stats.overriddenAssumptions = Array(Set(list.flatMap(\.overridden))).sorted()
            return stats
        }
    }
}

/// The parts of a results line a summary reads.
struct Case {
    struct OptionOutcome {
        var id: String
        var status: String
        var coverage: Double?
        var cost: Double?
        var overridden: [String] = []
    }
    /// How values of one key sort: false before true, numbers by size, `none` before names.
    struct ValueOrder: Comparable {
        var rank: Int
        var number: Double
        var text: String
        static func < (a: ValueOrder, b: ValueOrder) -> Bool {
            (a.rank, a.number, a.text) < (b.rank, b.number, b.text)
        }
    }

    var id: String
    var name: String
    var variation: [(key: String, value: String, order: ValueOrder)]
    var options: [OptionOutcome]

    init(_ r: JSONValue) {
        id = r["id"]?.string ?? ""
        name = r["name"]?.string ?? r["scenario"]?.string ?? "?"
        variation = (r["variation"]?.pairs ?? []).map { key, value in
            switch value {
            case .bool(let b): return (key, b ? "true" : "false", ValueOrder(rank: 0, number: b ? 1 : 0, text: ""))
            case .number(let d): return (key, JSONValue.format(d), ValueOrder(rank: 1, number: d, text: ""))
            case .array(let items):
                let names = items.compactMap(\.string)
                return names.isEmpty ? (key, "none", ValueOrder(rank: 2, number: 0, text: ""))
                                     : (key, names.joined(separator: "+"), ValueOrder(rank: 3, number: Double(names.count), text: names.joined(separator: "+")))
            default:
                let text = value.string ?? value.rendered(pretty: false)
                return (key, text, ValueOrder(rank: 4, number: 0, text: text))
            }
        }
        options = (r["options"]?.array ?? []).map { o in
            OptionOutcome(id: o["id"]?.string ?? "?", status: o["status"]?.string ?? "?",
                          coverage: o["weighted_coverage"]?.number, cost: o["cost"]?.number,
                          overridden: (o["overridden"]?.array ?? []).compactMap(\.string))
        }
    }
}
