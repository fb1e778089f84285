/// "Did you mean" for unknown ids and keys: the nearest known name by edit distance.
package enum Suggestions {
    /// The known name closest to `word`, if it is close enough to be a likely typo.
    ///
    /// Close enough: at most a third of the word's length in edits (at least 2), or the same
    /// name in other letter case. Ties go to the name defined first.
    package static func nearest(to word: String, in known: [String]) -> String? {
        let lower = word.lowercased()
        if let same = known.first(where: { $0.lowercased() == lower }), same != word { return same }
        let limit = max(2, word.count / 3)
        var best: (name: String, distance: Int)?
        for name in known where name != word {
            let d = distance(lower, name.lowercased(), limit: limit)
            if d <= limit, d < name.count, best == nil || d < best!.distance {
                best = (name, d)
            }
        }
        return best?.name
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    package static func distance(_ a: String, _ b: String, limit: Int = .max) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if abs(a.count - b.count) > limit { return limit &+ 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            var rowMin = i
            for j in 1...b.count {
                let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                current[j] = min(substitution, previous[j] + 1, current[j - 1] + 1)
                rowMin = min(rowMin, current[j])
            }
            if rowMin > limit { return limit &+ 1 }
            swap(&previous, &current)
        }
        return previous[b.count]
    }

    /// `a, b, c` or `a, b, c, ... (12 in all)` for long lists.
    package static func list(_ names: [String], max: Int = 12) -> String {
        if names.count <= max { return names.joined(separator: ", ") }
        return names.prefix(max).joined(separator: ", ") + ", ... (\(names.count) in all)"
    }
}
