import ForcePlanner
import ForceScenario
import Foundation

/// Text made safe for HTML and SVG: element content and quoted attribute values alike.
enum HTML {
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count)
        for ch in s.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline are not allowed in HTML text.
                if ch.value < 0x20 && ch != "\n" && ch != "\t" { out += "\u{FFFD}" } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }
}

/// Horizontal bar charts as inline SVG: categories down the side, values along the bottom.
///
/// Every chart has a `<title>` (read by screen readers, referenced by `aria-labelledby`),
/// axis labels and a legend. Series differ by fill *and* pattern, so they read in
/// greyscale and on paper.
struct SVGChart {
    /// A unique prefix for the chart's ids (patterns, title), since a page holds several.
    let id: String
    let title: String
    /// Label of the value axis (along the bottom), e.g. "coverage (%)".
    let valueAxis: String
    /// Label of the category axis (down the side), e.g. "requirement".
    let categoryAxis: String
    let categories: [String]
    /// Series names, one per bar in a group or per segment in a stack.
    let series: [String]
    /// `values[category][series]`.
    let values: [[Double]]
    /// Stacked segments in one bar per category, or one bar per series side by side.
    let stacked: Bool
    /// Values are fractions shown as percentages, on a fixed 0-100% axis.
    var percent: Bool = false

    static let width = 760.0
    static let labelWidth = 230.0
    static let plotWidth = width - labelWidth - 30

    /// Fills distinguishable in greyscale: decreasing darkness, with line patterns on some.
    /// The patterns are drawn as lines over each bar, not SVG `<pattern>`s, which a
    /// browser's PDF printer turns into a page-sized image per use (megabytes a page).
    static let styles: [(color: String, pattern: String?)] = [
        ("#1d3557", nil), ("#8fb3de", nil), ("#457b9d", "vertical"), ("#d9d9d9", "horizontal"),
        ("#2a2a2a", "cross"), ("#b8c4d6", "vertical"), ("#5c6b7a", "horizontal"), ("#f1f1f1", "cross"),
    ]

    func fill(_ k: Int) -> String { Self.styles[k % Self.styles.count].color }

    /// The pattern of series `k` as lines over the box (x, y, w, h); empty without one.
    static func pattern(_ k: Int, _ x: Double, _ y: Double, _ w: Double, _ h: Double) -> String {
        let style = styles[k % styles.count]
        guard let p = style.pattern, w > 1, h > 1 else { return "" }
        let ink = k % styles.count == 4 ? "#ffffff" : "#000000"
        var d = ""
        if p == "vertical" || p == "cross" {
            var lx = x + 2.5
            while lx < x + w - 0.5 { d += "M\(num(lx)),\(num(y))V\(num(y + h))"; lx += 4 }
        }
        if p == "horizontal" || p == "cross" {
            var ly = y + 2.5
            while ly < y + h - 0.5 { d += "M\(num(x)),\(num(ly))H\(num(x + w))"; ly += 3.5 }
        }
        return d.isEmpty ? "" : "<path d=\"\(d)\" stroke=\"\(ink)\" stroke-width=\"0.7\" fill=\"none\"/>"
    }

    func defs() -> String { "" }

    /// A label in at most two lines of about `width` characters, broken at a space; a word
    /// longer than a line is kept whole.
    static func wrap(_ label: String, width: Int = 34) -> [String] {
        guard label.count > width else { return [label] }
        var first = "", rest = ""
        for word in label.split(separator: " ", omittingEmptySubsequences: false) {
            if rest.isEmpty && (first.isEmpty || first.count + 1 + word.count <= width) {
                first += (first.isEmpty ? "" : " ") + word
            } else {
                rest += (rest.isEmpty ? "" : " ") + word
            }
        }
        return rest.isEmpty ? [first] : [first, rest]
    }

    /// A round step for about five ticks up to `maximum`.
    static func tickStep(_ maximum: Double) -> Double {
        guard maximum > 0 else { return 1 }
        let raw = maximum / 5
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 2.5, 5, 10] where m * magnitude >= raw { return m * magnitude }
        return 10 * magnitude
    }

    static func num(_ v: Double) -> String { String(format: "%.1f", v) }

    func render() -> String {
        let barHeight = stacked ? 9.0 : 12.0
        let wraps = categories.contains { Self.wrap($0).count > 1 }
        let groupHeight = max(stacked ? barHeight + 3 : Double(max(1, series.count)) * barHeight + 8, wraps ? 26 : 0)
        let top = 34.0
        let plotHeight = Double(categories.count) * groupHeight
        let legendColumns = series.contains { $0.count > 26 } ? 2 : 4
        let legendRows = Int((Double(series.count) / Double(legendColumns)).rounded(.up))
        let height = top + plotHeight + 44 + Double(legendRows) * 18 + 8
        let totals = values.map { row in stacked ? row.reduce(0, +) : (row.max() ?? 0) }
        let maximum = percent ? 1.0 : max(totals.max() ?? 0, 1e-9)
        let step = percent ? 0.25 : Self.tickStep(maximum)
        let axisMax = percent ? 1.0 : max(step, (maximum / step).rounded(.up) * step)
        func x(_ v: Double) -> Double { Self.labelWidth + Self.plotWidth * min(1, max(0, v / axisMax)) }
        let W = Self.width, L = Self.labelWidth

        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(id)-title\" "
            + "viewBox=\"0 0 \(Self.num(W)) \(Self.num(height))\" width=\"100%\" class=\"chart\">"
        out += "<title id=\"\(id)-title\">\(HTML.escape(title))</title>" + defs()
        out += "<text x=\"0\" y=\"16\" class=\"chart-title\">\(HTML.escape(title))</text>"
        out += "<text x=\"0\" y=\"30\" class=\"axis-label\">\(HTML.escape(categoryAxis))</text>"
        // Grid and ticks.
        var t = 0.0
        while t <= axisMax + step / 2 {
            let gx = Self.num(x(t))
            out += "<line x1=\"\(gx)\" y1=\"\(Self.num(top))\" x2=\"\(gx)\" y2=\"\(Self.num(top + plotHeight))\" class=\"grid\"/>"
            let label = percent ? NumberFormat.percent(t) : NumberFormat.readable(t)
            out += "<text x=\"\(gx)\" y=\"\(Self.num(top + plotHeight + 14))\" text-anchor=\"middle\" class=\"tick\">\(label)</text>"
            t += step
        }
        out += "<line x1=\"\(Self.num(L))\" y1=\"\(Self.num(top))\" x2=\"\(Self.num(L))\" y2=\"\(Self.num(top + plotHeight))\" class=\"axis\"/>"
        out += "<text x=\"\(Self.num(L + Self.plotWidth / 2))\" y=\"\(Self.num(top + plotHeight + 32))\" "
            + "text-anchor=\"middle\" class=\"axis-label\">\(HTML.escape(valueAxis))</text>"
        // Bars.
        for (c, category) in categories.enumerated() {
            let gy = top + Double(c) * groupHeight + 4
            let lines = Self.wrap(category)
            let mid = gy + (groupHeight - 8) / 2 + 4 - (lines.count > 1 ? 6 : 0)
            out += "<text x=\"\(Self.num(L - 6))\" y=\"\(Self.num(mid))\" text-anchor=\"end\" class=\"cat\">"
                + "<title>\(HTML.escape(category))</title>"
                + lines.enumerated().map { i, line in
                    "<tspan x=\"\(Self.num(L - 6))\" dy=\"\(i == 0 ? "0" : "12")\">\(HTML.escape(line))</tspan>"
                }.joined() + "</text>"
            var start = 0.0
            for (k, name) in series.enumerated() {
                let v = c < values.count && k < values[c].count ? values[c][k] : 0
                let y = stacked ? gy : gy + Double(k) * barHeight
                let x0 = stacked ? x(start) : x(0)
                let x1 = stacked ? x(start + v) : x(v)
                if stacked { start += v }
                guard x1 - x0 > 0.05 else { continue }
                let shown = percent ? NumberFormat.percent(v) : NumberFormat.readable(v)
                out += "<rect x=\"\(Self.num(x0))\" y=\"\(Self.num(y))\" width=\"\(Self.num(x1 - x0))\" "
                    + "height=\"\(Self.num(barHeight - 1))\" fill=\"\(fill(k))\" stroke=\"#000\" stroke-width=\"0.4\">"
                    + "<title>\(HTML.escape(category)), \(HTML.escape(name)): \(shown)</title></rect>"
                    + Self.pattern(k, x0, y, x1 - x0, barHeight - 1)
                if !stacked {
                    out += "<text x=\"\(Self.num(x1 + 3))\" y=\"\(Self.num(y + barHeight - 3))\" class=\"tick\">\(shown)</text>"
                }
            }
            if stacked, start > 0 {
                let shown = percent ? NumberFormat.percent(start) : NumberFormat.readable(start)
                out += "<text x=\"\(Self.num(x(start) + 3))\" y=\"\(Self.num(gy + barHeight - 2))\" class=\"tick\">\(shown)</text>"
            }
        }
        // Legend.
        let ly = top + plotHeight + 46
        for (k, name) in series.enumerated() {
            let lx = Double(k % legendColumns) * (W / Double(legendColumns))
            let y = ly + Double(k / legendColumns) * 18
            out += "<rect x=\"\(Self.num(lx))\" y=\"\(Self.num(y - 10))\" width=\"14\" height=\"12\" fill=\"\(fill(k))\" stroke=\"#000\" stroke-width=\"0.5\"/>"
                + Self.pattern(k, lx, y - 10, 14, 12)
            out += "<text x=\"\(Self.num(lx + 20))\" y=\"\(Self.num(y))\" class=\"legend\">\(HTML.escape(name))</text>"
        }
        return out + "</svg>"
    }
}

/// A Pareto frontier as inline SVG: points joined in x order, both axes labelled.
struct SVGFrontier {
    let id: String
    let title: String
    let xLabel: String
    let yLabel: String
    /// (x, y) of each non-dominated point.
    let points: [(x: Double, y: Double)]
    /// Axis values are fractions shown as percentages.
    var xPercent = false
    var yPercent = false

    func render() -> String {
        let W = SVGChart.width, H = 320.0, left = 80.0, right = 30.0, top = 34.0, bottom = 70.0
        let pw = W - left - right, ph = H - top - bottom
        let xs = points.map(\.x), ys = points.map(\.y)
        let (x0, x1) = (min(0, xs.min() ?? 0), max(xs.max() ?? 1, 1e-9))
        let (y0, y1) = yPercent ? (0.0, 1.0) : (min(0, ys.min() ?? 0), max(ys.max() ?? 1, 1e-9))
        func px(_ v: Double) -> Double { left + pw * (v - x0) / max(x1 - x0, 1e-9) }
        func py(_ v: Double) -> Double { top + ph - ph * (v - y0) / max(y1 - y0, 1e-9) }
        func show(_ v: Double, _ percent: Bool) -> String { percent ? NumberFormat.percent(v) : NumberFormat.readable(v) }
        let n = SVGChart.num
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-labelledby=\"\(id)-title\" "
            + "viewBox=\"0 0 \(n(W)) \(n(H))\" width=\"100%\" class=\"chart\">"
        out += "<title id=\"\(id)-title\">\(HTML.escape(title))</title>"
        out += "<text x=\"0\" y=\"16\" class=\"chart-title\">\(HTML.escape(title))</text>"
        for k in 0...4 {
            let fx = x0 + (x1 - x0) * Double(k) / 4, fy = y0 + (y1 - y0) * Double(k) / 4
            out += "<line x1=\"\(n(px(fx)))\" y1=\"\(n(top))\" x2=\"\(n(px(fx)))\" y2=\"\(n(top + ph))\" class=\"grid\"/>"
            out += "<text x=\"\(n(px(fx)))\" y=\"\(n(top + ph + 14))\" text-anchor=\"middle\" class=\"tick\">\(show(fx, xPercent))</text>"
            out += "<line x1=\"\(n(left))\" y1=\"\(n(py(fy)))\" x2=\"\(n(left + pw))\" y2=\"\(n(py(fy)))\" class=\"grid\"/>"
            out += "<text x=\"\(n(left - 6))\" y=\"\(n(py(fy) + 4))\" text-anchor=\"end\" class=\"tick\">\(show(fy, yPercent))</text>"
        }
        out += "<line x1=\"\(n(left))\" y1=\"\(n(top + ph))\" x2=\"\(n(left + pw))\" y2=\"\(n(top + ph))\" class=\"axis\"/>"
        out += "<line x1=\"\(n(left))\" y1=\"\(n(top))\" x2=\"\(n(left))\" y2=\"\(n(top + ph))\" class=\"axis\"/>"
        out += "<text x=\"\(n(left + pw / 2))\" y=\"\(n(top + ph + 32))\" text-anchor=\"middle\" class=\"axis-label\">\(HTML.escape(xLabel))</text>"
        out += "<text x=\"12\" y=\"\(n(top + ph / 2))\" transform=\"rotate(-90 12 \(n(top + ph / 2)))\" text-anchor=\"middle\" "
            + "class=\"axis-label\">\(HTML.escape(yLabel))</text>"
        let sorted = points.sorted { $0.x < $1.x || ($0.x == $1.x && $0.y < $1.y) }
        if sorted.count > 1 {
            out += "<polyline fill=\"none\" stroke=\"#1d3557\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\" points=\""
                + sorted.map { "\(n(px($0.x))),\(n(py($0.y)))" }.joined(separator: " ") + "\"/>"
        }
        for p in sorted {
            out += "<circle cx=\"\(n(px(p.x)))\" cy=\"\(n(py(p.y)))\" r=\"4.5\" fill=\"#1d3557\" stroke=\"#fff\" stroke-width=\"1\">"
                + "<title>\(HTML.escape(xLabel)) \(show(p.x, xPercent)), \(HTML.escape(yLabel)) \(show(p.y, yPercent))</title></circle>"
        }
        let ly = top + ph + 54
        out += "<circle cx=\"7\" cy=\"\(n(ly - 4))\" r=\"4.5\" fill=\"#1d3557\"/>"
        out += "<text x=\"20\" y=\"\(n(ly))\" class=\"legend\">a non-dominated plan; the dashed line joins them in order of \(HTML.escape(xLabel))</text>"
        return out + "</svg>"
    }
}
