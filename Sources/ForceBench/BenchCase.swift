import ForcePlanner
import ForceReports
import ForceScenario
import Foundation

/// One case of a benchmark: a scenario file with one variation applied.
///
/// Its ``id`` is derived from the scenario's path and the variation only, never from the
/// order of a run, so that reruns, parallel workers and shards agree on it:
/// `scenarios/tutorial.yaml` or
/// `scenarios/tutorial.yaml@assumptions.us-backstop=false,drop=uk`.
public struct BenchCase: Sendable, Hashable {
    public var id: String
    /// The scenario file, relative to the working directory when it lies below it
    /// (``BenchCase/canonicalPath(_:in:)``).
    public var scenario: String
    public var variation: Variation

    public init(scenario: String, variation: Variation) {
        self.scenario = scenario
        self.variation = variation
        let v = variation.canonical
        id = v.isEmpty ? scenario : scenario + "@" + v
    }

    /// Every case: each scenario path (sorted) with each of the sweep's variations (in
    /// the sweep's order), or each file alone without a sweep.
    public static func all(scenarios: [String], sweep: Sweep?) -> [BenchCase] {
        let variations = sweep?.variations ?? [Variation()]
        var out: [BenchCase] = []
        out.reserveCapacity(scenarios.count * variations.count)
        for path in scenarios.sorted() {
            for v in variations { out.append(BenchCase(scenario: path, variation: v)) }
        }
        return out
    }

    /// `path` made absolute, `.` and `..` resolved, then relative to `directory` when it
    /// lies below it: `./scenarios/a.yaml` and `/repo/scenarios/a.yaml` (run in `/repo`)
    /// are both `scenarios/a.yaml`, so ids do not depend on how a path was typed.
    public static func canonicalPath(_ path: String, in directory: String = FileManager.default.currentDirectoryPath) -> String {
        let base = URL(fileURLWithPath: directory).standardizedFileURL.path
        let absolute = URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: base, isDirectory: true))
            .standardizedFileURL.path
        let prefix = base.hasSuffix("/") ? base : base + "/"
        return absolute.hasPrefix(prefix) ? String(absolute.dropFirst(prefix.count)) : absolute
    }

    /// The scenario files named by `paths`: files as given, folders searched (recursively)
    /// for `*.yaml` and `*.yml`; canonical (``canonicalPath(_:in:)``), sorted, each once.
    /// - Throws: ``InputError`` for a path that does not exist or a folder without scenarios.
    public static func scenarioFiles(_ paths: [String], in directory: String = FileManager.default.currentDirectoryPath) throws -> [String] {
        var found = Set<String>()
        let fm = FileManager.default
        for path in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError("\(path): no such file or folder; check the path")
            }
            guard isDirectory.boolValue else {
                found.insert(canonicalPath(path, in: directory))
                continue
            }
            var inFolder: [String] = []
            if let walker = fm.enumerator(atPath: path) {
                for case let relative as String in walker {
                    let name = (relative as NSString).lastPathComponent
                    guard !name.hasPrefix("."), name.hasSuffix(".yaml") || name.hasSuffix(".yml") else { continue }
                    let full = (path as NSString).appendingPathComponent(relative)
                    var isDir: ObjCBool = false
                    if fm.fileExists(atPath: full, isDirectory: &isDir), !isDir.boolValue {
                        inFolder.append(canonicalPath(full, in: directory))
                    }
                }
            }
            if inFolder.isEmpty { throw InputError("\(path): the folder holds no .yaml scenario files") }
            found.formUnion(inFolder)
        }
        return found.sorted()
    }
}

/// Part `index` of `count` of a benchmark's cases: case number `i` (from 0, in
/// ``BenchCase/all(scenarios:sweep:)`` order) belongs to shard `i % count + 1`. Every
/// shard computes the same list, so shards never overlap and together cover every case;
/// neighbouring cases (often alike in cost) go to different shards.
///
/// ```swift
/// let shard = try Shard(parsing: "2/3")
/// let mine = cases.enumerated().filter { shard.contains($0.offset) }.map(\.element)
/// ```
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    /// 1-based.
    public var index: Int
    public var count: Int

    /// The whole run.
    public static let all = Shard(uncheckedIndex: 1, count: 1)

    private init(uncheckedIndex: Int, count: Int) {
        self.index = uncheckedIndex
        self.count = count
    }

    /// Shard `index` (1-based) of `count`.
    /// - Throws: ``InputError`` unless `1 <= index <= count`.
    public init(index: Int, count: Int) throws {
        guard count >= 1, (1...count).contains(index) else {
            throw InputError("shard \(index)/\(count) does not exist; K/N needs 1 <= K <= N (e.g. 2/3)")
        }
        self.init(uncheckedIndex: index, count: count)
    }

    /// Parses `K/N`, e.g. `2/3`.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let k = Int(parts[0].trimmingCharacters(in: .whitespaces)),
              let n = Int(parts[1].trimmingCharacters(in: .whitespaces)) else {
            throw InputError("--shard \(text): expected K/N, e.g. 2/3 for the second of three shards")
        }
        try self.init(index: k, count: n)
    }

    /// The shard a scheduler gives this process, or nil outside an array job:
    /// Slurm's `SLURM_ARRAY_TASK_ID`, `SLURM_ARRAY_TASK_MIN` and `SLURM_ARRAY_TASK_COUNT`
    /// (any start, step from `SLURM_ARRAY_TASK_STEP`), else Kubernetes' 0-based
    /// `JOB_COMPLETION_INDEX` with `count` (Indexed Jobs do not tell the count).
    /// - Throws: ``InputError`` for values that do not make a shard.
    public static func fromEnvironment(_ env: [String: String], count: Int? = nil) throws -> (shard: Shard, source: String)? {
        func int(_ name: String) throws -> Int? {
            guard let raw = env[name], !raw.isEmpty else { return nil }
            guard let v = Int(raw) else { throw InputError("\(name)=\(raw) is not a whole number") }
            return v
        }
        if let id = try int("SLURM_ARRAY_TASK_ID") {
            guard let n = try int("SLURM_ARRAY_TASK_COUNT") else {
                throw InputError("SLURM_ARRAY_TASK_ID is set but SLURM_ARRAY_TASK_COUNT is not; give --shard K/N")
            }
            let first = try int("SLURM_ARRAY_TASK_MIN") ?? 0
            let step = max(1, try int("SLURM_ARRAY_TASK_STEP") ?? 1)
            let k = (id - first) / step + 1
            do { return (try Shard(index: k, count: n), "SLURM_ARRAY_TASK_ID=\(id) of \(n)") } catch {
                throw InputError("SLURM_ARRAY_TASK_ID=\(id) (first \(first), step \(step)) of SLURM_ARRAY_TASK_COUNT=\(n) is not a shard; submit with --array=0-\(max(0, n - 1))")
            }
        }
        if let i = try int("JOB_COMPLETION_INDEX") {
            guard let count else {
                throw InputError("JOB_COMPLETION_INDEX is set; give the number of shards with --shard-count N (the Job's completions)")
            }
            do { return (try Shard(index: i + 1, count: count), "JOB_COMPLETION_INDEX=\(i) of \(count)") } catch {
                throw InputError("JOB_COMPLETION_INDEX=\(i) is not below --shard-count \(count); give the Job's completions as --shard-count")
            }
        }
        return nil
    }

    /// The shard a run takes: `flag` (`--shard K/N`) when given, else the scheduler's
    /// (``fromEnvironment(_:count:)``), else the whole run; with where it came from.
    /// - Throws: ``InputError`` for a bad flag or environment, or a `count` without
    ///   `JOB_COMPLETION_INDEX`.
    public static func choose(flag: String?, environment: [String: String], count: Int?) throws -> (shard: Shard, source: String?) {
        if let flag { return (try Shard(parsing: flag), nil) }
        if let found = try fromEnvironment(environment, count: count) { return (found.shard, found.source) }
        if count != nil {
            throw InputError("--shard-count needs JOB_COMPLETION_INDEX in the environment; give --shard K/N otherwise")
        }
        return (.all, nil)
    }

    /// True when case number `position` (from 0) is in this shard.
    public func contains(_ position: Int) -> Bool { position % count == index - 1 }

    /// The cases of this shard, in order.
    public func select(_ cases: [BenchCase]) -> [BenchCase] {
        cases.enumerated().filter { contains($0.offset) }.map(\.element)
    }

    /// `2/3`
    public var description: String { "\(index)/\(count)" }
}
