import ForceScenario
import ForcePlanner

/// `plan --format markdown`: tables to paste into briefings, in the briefing's order.
public enum MarkdownReport {
    /// The briefing's Markdown (``MarkdownBrief``) of a live run.
    public static func render(_ report: PlanReport) -> String {
        MarkdownBrief.render(Brief(report))
    }

    package static func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}
