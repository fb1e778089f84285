/// `plan --format markdown`: tables to paste into briefings.
public enum MarkdownReport {
    public static func render(_ report: PlanReport) -> String {
        var out = "# \(report.scenario.name)\n"
        for r in report.options {
            out += "\n## Option \(r.option.id): \(escape(r.option.name))\n\n"
            out += "Status: **\(r.status.rawValue)**"
            if r.status == .feasible { out += " (gap \(r.gap.map(NumberFormat.gap) ?? "unknown"))" }
            out += "\n"
            if !r.conflicts.isEmpty {
                out += "\nConstraints that must give:\n\n"
                for c in r.conflicts { out += "- \(escape(c.message))\n" }
            }
            guard let plan = r.plan else { continue }
            out += "\n| objective | value |\n|---|---:|\n"
            for v in plan.objectives { out += "| \(v.objective) | \(TextReport.show(v)) |\n" }
            out += "| personnel | \(NumberFormat.readable(plan.personnelTotal)) |\n"
            out += "| nations | \(plan.contributingNations.count) |\n"
            out += "\n| requirement | needed | provided | coverage | nations |\n|---|---:|---:|---:|---|\n"
            for c in plan.coverage {
                out += "| \(c.requirement) | \(NumberFormat.readable(c.needed)) | \(NumberFormat.readable(c.provided)) "
                    + "| \(NumberFormat.percent(c.fraction)) | \(c.nations.joined(separator: ", ")) |\n"
            }
            out += "\n| nation | capability | location | requirement | units | personnel | cost |\n"
            out += "|---|---|---|---|---:|---:|---:|\n"
            for a in plan.assignments {
                out += "| \(a.nation) | \(a.capability) | \(a.location) | \(a.requirement) | \(a.units) "
                    + "| \(NumberFormat.readable(a.personnel)) | \(NumberFormat.readable(a.cost)) |\n"
            }
            if !r.binding.isEmpty {
                out += "\nBinding caveats and policies:\n\n"
                for b in r.binding { out += "- \(escape(b.message))\n" }
            }
            for (i, alt) in r.alternatives.enumerated() {
                out += "\n### Alternative \(i + 1) (distance \(alt.distance ?? 0))\n\n"
                out += alt.objectives.map { "\($0.objective) \(TextReport.show($0))" }.joined(separator: ", ") + "\n\n"
                out += "| nation | capability | location | requirement | units |\n|---|---|---|---|---:|\n"
                for a in alt.assignments {
                    out += "| \(a.nation) | \(a.capability) | \(a.location) | \(a.requirement) | \(a.units) |\n"
                }
            }
        }
        return out
    }

    static func escape(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
}
