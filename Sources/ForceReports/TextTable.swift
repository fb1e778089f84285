import ForceScenario
import ForcePlanner

/// Columns aligned with spaces, for terminals; numbers right-aligned.
package struct TextTable {
    var header: [String]
    var rows: [[String]] = []
    /// Columns to right-align.
    var numeric: Set<Int> = []

    package init(header: [String], rows: [[String]] = [], numeric: Set<Int> = []) {
        self.header = header
        self.rows = rows
        self.numeric = numeric
    }

    package func render(indent: String = "  ") -> String {
        let all = [header] + rows
        var widths = [Int](repeating: 0, count: header.count)
        for row in all {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        var out = ""
        for (r, row) in all.enumerated() {
            var line = indent
            for (i, cell) in row.enumerated() where i < widths.count {
                let fill = String(repeating: " ", count: widths[i] - cell.count)
                line += numeric.contains(i) && r > 0 ? fill + cell : cell + (i + 1 < row.count ? fill : "")
                if i + 1 < row.count { line += "  " }
            }
            while line.hasSuffix(" ") { line.removeLast() }
            out += line + "\n"
            if r == 0 {
                out += indent + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
            }
        }
        return out
    }
}
