import ForcePlanner
import ForceScenario

extension BenchSummary {
    /// `forceplan bench summarize`: the summary of the results files `paths` (shards may be
    /// given together), and a warning for each file whose last line is cut off (a run still
    /// going, or killed; that line is left out).
    /// - Throws: ``InputError`` for a file that cannot be read or holds a damaged line, and
    ///   for a `by` that names no key of the results.
    public static func load(files paths: [String], by: String? = nil, worst: Int = 5) throws
        -> (summary: BenchSummary, warnings: [String]) {
        var records: [JSONValue] = []
        var warnings: [String] = []
        for path in paths {
            let read = try ResultsFile.records(path: path)
            if read.cutOff { warnings.append("\(path): the last line is cut off (a run still going, or killed); it is left out") }
            records += read.records
        }
        return (try BenchSummary(records: records, by: by, worst: worst), warnings)
    }
}
