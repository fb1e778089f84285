import ForceScenario
import ForcePlanner

/// `plan --format markdown`: tables to paste into briefings, in the briefing's order.
public enum MarkdownReport {
    /// The briefing's Markdown (``MarkdownBrief``) of a live run.
    public static func render(_ report: PlanReport) -> String {
        MarkdownBrief.render(Brief(report))
    }

    /// Text safe inside a Markdown table cell or list item, the one escaper of every
    /// Markdown report: pipes escaped (`\|`), line breaks (`\n`, `\r\n`, `\r`) flattened
    /// to a space, since a line break ends a table row.
    package static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "|", with: "\\|")
            .replacingOccurrences(of: "\r\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ")
            .replacingOccurrences(of: "\n", with: " ")
    }
}
