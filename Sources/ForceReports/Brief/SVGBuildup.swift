import ForceScenario

/// The build-up chart of the brief's first page: coverage over time, one line per option,
/// milestones marked (vertical lines labelled D+N), full strength at the right.
///
/// Lines differ by dash pattern and marker as well as shade, so they read on paper.
struct SVGBuildup {
    let id: String
    let title: String
    /// Milestone days, ascending (the union over the options).
    let days: [Int]
    /// Per option: its label, coverage by each of `days` (nil where it has none), and at
    /// full strength.
    let lines: [(label: String, coverage: [Double?], full: Double)]

    static let dashes = ["", "6 3", "2 3", "8 3 2 3", "1 2", "10 4"]
    static let shades = ["#1d3557", "#457b9d", "#2a2a2a", "#5c6b7a", "#8fb3de", "#000000"]

    func render() -> String {
        let n = SVGChart.num
        let W = SVGChart.width, top = 34.0, left = 60.0, right = 110.0, ph = 220.0
        let legendRows = Double(lines.count)
        let H = top + ph + 44 + 16 * legendRows
        let pw = W - left - right
        let last = Double(days.last ?? 1)
        func px(_ day: Double) -> Double { left + pw * day / max(last, 1) }
        func py(_ v: Double) -> Double { top + ph - ph * min(1, max(0, v)) }
        let fullX = W - right + 50
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(id)-title\" "
            + "viewBox=\"0 0 \(n(W)) \(n(H))\" width=\"100%\" class=\"chart\">"
        out += "<title id=\"\(id)-title\">\(HTML.escape(title))</title>"
        out += "<text x=\"0\" y=\"16\" class=\"chart-title\">\(HTML.escape(title))</text>"
        for k in 0...4 {
            let v = Double(k) / 4
            out += "<line x1=\"\(n(left))\" y1=\"\(n(py(v)))\" x2=\"\(n(fullX))\" y2=\"\(n(py(v)))\" class=\"grid\"/>"
            out += "<text x=\"\(n(left - 6))\" y=\"\(n(py(v) + 4))\" text-anchor=\"end\" class=\"tick\">\(NumberFormat.percent(v))</text>"
        }
        for d in days {
            out += "<line x1=\"\(n(px(Double(d))))\" y1=\"\(n(top))\" x2=\"\(n(px(Double(d))))\" y2=\"\(n(top + ph))\" "
                + "stroke=\"#999\" stroke-width=\"1\" stroke-dasharray=\"3 3\"/>"
            out += "<text x=\"\(n(px(Double(d))))\" y=\"\(n(top + ph + 14))\" text-anchor=\"middle\" class=\"tick\">D+\(d)</text>"
        }
        out += "<text x=\"\(n(fullX))\" y=\"\(n(top + ph + 14))\" text-anchor=\"middle\" class=\"tick\">full</text>"
        out += "<line x1=\"\(n(left))\" y1=\"\(n(top + ph))\" x2=\"\(n(fullX))\" y2=\"\(n(top + ph))\" class=\"axis\"/>"
        out += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + ph))\" class=\"axis\"/>"
        out += "<text x=\"\(n(left + pw / 2))\" y=\"\(n(top + ph + 32))\" text-anchor=\"middle\" class=\"axis-label\">"
            + "days after the decision (milestones marked)</text>"
        out += "<text x=\"12\" y=\"\(n(top + ph / 2))\" transform=\"rotate(-90 12 \(n(top + ph / 2)))\" text-anchor=\"middle\" "
            + "class=\"axis-label\">coverage in place</text>"
        for (i, line) in lines.enumerated() {
            let shade = Self.shades[i % Self.shades.count], dash = Self.dashes[i % Self.dashes.count]
            var points: [(Double, Double, String)] = []
            for (k, d) in days.enumerated() {
                if let c = line.coverage.indices.contains(k) ? line.coverage[k] : nil {
                    points.append((px(Double(d)), py(c), "D+\(d): \(NumberFormat.percent(c))"))
                }
            }
            points.append((fullX, py(line.full), "full strength: \(NumberFormat.percent(line.full))"))
            out += "<polyline fill=\"none\" stroke=\"\(shade)\" stroke-width=\"2\""
                + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + " points=\""
                + points.map { "\(n($0.0)),\(n($0.1))" }.joined(separator: " ") + "\"/>"
            for p in points {
                out += marker(i, x: p.0, y: p.1, shade: shade)
                    .replacingOccurrences(of: "/>", with: "><title>\(HTML.escape(line.label)), \(HTML.escape(p.2))</title></\(i % 2 == 0 ? "circle" : "rect")>")
            }
            let ly = top + ph + 50 + 16 * Double(i)
            out += "<line x1=\"0\" y1=\"\(n(ly - 4))\" x2=\"24\" y2=\"\(n(ly - 4))\" stroke=\"\(shade)\" stroke-width=\"2\""
                + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>"
            out += marker(i, x: 12, y: ly - 4, shade: shade)
            out += "<text x=\"32\" y=\"\(n(ly))\" class=\"legend\">\(HTML.escape(line.label))</text>"
        }
        return out + "</svg>"
    }

    /// A circle for even lines, a square for odd ones.
    private func marker(_ i: Int, x: Double, y: Double, shade: String) -> String {
        let n = SVGChart.num
        if i % 2 == 0 {
            return "<circle cx=\"\(n(x))\" cy=\"\(n(y))\" r=\"4\" fill=\"\(shade)\"/>"
        }
        return "<rect x=\"\(n(x - 4))\" y=\"\(n(y - 4))\" width=\"8\" height=\"8\" fill=\"\(shade)\"/>"
    }
}

extension BriefBuildup {
    /// The first page's build-up section, or nil when no planned option has a build-up.
    static func section(_ b: Brief) -> String? {
        let planned = b.planned.filter { $0.buildup != nil }
        guard !planned.isEmpty else { return nil }
        var days: [Int] = []
        for o in planned { for m in o.buildup?.milestones ?? [] where !days.contains(m.day) { days.append(m.day) } }
        days.sort()
        let chart = SVGBuildup(
            id: "buildup", title: "Coverage in place over time, per option", days: days,
            lines: planned.map { o in
                let ms = o.buildup?.milestones ?? []
                return ("\(o.id): \(o.name)", days.map { d in ms.first { $0.day == d }?.coverage }, o.buildup?.fullStrength ?? 0)
            })
        return "<section id=\"buildup\">\n<h2>Build-up: what is in place by each milestone</h2>\n" + chart.render() + "\n</section>"
    }

    /// An option card's build-up list.
    func cardHTML(_ ctx: BriefContext) -> String {
        "<h3>Build-up</h3>\n<ul class=\"print-hide\">" + lines(ctx).map { "<li>\(HTML.escape($0))</li>" }.joined() + "</ul>"
            + "<p class=\"print-only\">" + HTML.escape(milestones.map { m in
                "by D+\(m.day) \(NumberFormat.percent(m.coverage))" + (m.liftFull ? " (lift full)" : "")
            }.joined(separator: ", ") + ", at full strength \(NumberFormat.percent(fullStrength)).") + "</p>"
    }
}
