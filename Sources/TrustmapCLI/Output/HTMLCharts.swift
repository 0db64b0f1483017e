import TrustCore

/// Small inline SVG charts for the HTML report: a stacked bar, a bar chart
/// and a line chart. No script, no CSS beyond presentation attributes;
/// numbers with fixed decimals, so the bytes are the same everywhere.
///
/// ```swift
/// HTMLCharts.stackedBar([("direct", 7, "#2ca02c"), ("cold", 2, "#1f77b4")], width: 480)
/// ```
///
/// - Complexity: O(segments, bars or points).
enum HTMLCharts {
  /// A horizontal bar split into segments by value, with a legend below.
  static func stackedBar(_ segments: [(label: String, value: Int, colour: String)], width: Int)
    -> String
  {
    let total = max(1, segments.reduce(0) { $0 + $1.value })
    var svg =
      "<svg class=\"chart\" width=\"\(width)\" height=\"44\" viewBox=\"0 0 \(width) 44\" "
      + "role=\"img\" font-size=\"12\">\n"
    var x = 0.0
    var legendX = 0.0
    for segment in segments {
      let w = Double(width) * Double(segment.value) / Double(total)
      if segment.value > 0 {
        svg += "<rect x=\"\(fixed(x))\" y=\"0\" width=\"\(fixed(w))\" height=\"18\" "
        svg += "fill=\"\(segment.colour)\"><title>\(HTMLRenderer.escape(segment.label)): "
        svg += "\(segment.value)</title></rect>\n"
      }
      x += w
      svg += "<rect x=\"\(fixed(legendX))\" y=\"28\" width=\"10\" height=\"10\" "
      svg += "fill=\"\(segment.colour)\"/>\n"
      svg += "<text x=\"\(fixed(legendX + 14))\" y=\"37\" fill=\"#333333\">"
      svg += "\(HTMLRenderer.escape(segment.label)) \(segment.value)</text>\n"
      legendX += 14 + Double(segment.label.count + String(segment.value).count + 1) * 7 + 16
    }
    return svg + "</svg>\n"
  }

  /// Vertical bars from 0 to `maximum`, each labelled below with its value above.
  static func bars(
    _ bars: [(label: String, value: Double?)], maximum: Double, width: Int = 420,
    height: Int = 160, colour: String = "#1f77b4"
  ) -> String {
    let plot = Double(height - 40)
    let slot = Double(width) / Double(max(1, bars.count))
    var svg =
      "<svg class=\"chart\" width=\"\(width)\" height=\"\(height)\" "
      + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" font-size=\"11\">\n"
    svg += "<line x1=\"0\" y1=\"\(fixed(plot + 16))\" x2=\"\(width)\" y2=\"\(fixed(plot + 16))\" "
    svg += "stroke=\"#999999\"/>\n"
    for (index, bar) in bars.enumerated() {
      let left = Double(index) * slot + slot * 0.15
      let centre = Double(index) * slot + slot / 2
      if let value = bar.value {
        let h = maximum > 0 ? plot * min(1, value / maximum) : 0
        svg += "<rect x=\"\(fixed(left))\" y=\"\(fixed(plot + 16 - h))\" "
        svg += "width=\"\(fixed(slot * 0.7))\" height=\"\(fixed(h))\" fill=\"\(colour)\"/>\n"
        svg += "<text x=\"\(fixed(centre))\" y=\"\(fixed(plot + 12 - h))\" text-anchor=\"middle\" "
        svg += "fill=\"#333333\">\(formatNumber(value, decimals: 2))</text>\n"
      } else {
        svg += "<text x=\"\(fixed(centre))\" y=\"\(fixed(plot + 12))\" text-anchor=\"middle\" "
        svg += "fill=\"#999999\">n/a</text>\n"
      }
      svg += "<text x=\"\(fixed(centre))\" y=\"\(height - 8)\" text-anchor=\"middle\" "
      svg += "fill=\"#333333\">\(HTMLRenderer.escape(bar.label))</text>\n"
    }
    return svg + "</svg>\n"
  }

  /// A line through (x, y) points, x and y from 0 to 1, with a marked x.
  static func line(
    _ points: [(Double, Double)], marked: Double?, width: Int = 420, height: Int = 180,
    xTitle: String, yTitle: String
  ) -> String {
    let left = 40.0
    let bottom = Double(height) - 30
    let plotWidth = Double(width) - left - 10
    let plotHeight = bottom - 10
    func px(_ x: Double) -> String { fixed(left + x * plotWidth) }
    func py(_ y: Double) -> String { fixed(bottom - y * plotHeight) }
    var svg =
      "<svg class=\"chart\" width=\"\(width)\" height=\"\(height)\" "
      + "viewBox=\"0 0 \(width) \(height)\" role=\"img\" font-size=\"11\">\n"
    svg +=
      "<line x1=\"\(px(0))\" y1=\"\(py(0))\" x2=\"\(px(1))\" y2=\"\(py(0))\" stroke=\"#999999\"/>\n"
    svg +=
      "<line x1=\"\(px(0))\" y1=\"\(py(0))\" x2=\"\(px(0))\" y2=\"\(py(1))\" stroke=\"#999999\"/>\n"
    svg += "<text x=\"\(px(0.5))\" y=\"\(height - 4)\" text-anchor=\"middle\" fill=\"#333333\">"
    svg += "\(HTMLRenderer.escape(xTitle))</text>\n"
    svg += "<text x=\"4\" y=\"\(py(1))\" fill=\"#333333\">1</text>"
    svg += "<text x=\"4\" y=\"\(py(0))\" fill=\"#333333\">0</text>\n"
    svg += "<text x=\"4\" y=\"\(py(0.5))\" fill=\"#333333\">\(HTMLRenderer.escape(yTitle))</text>\n"
    if let marked {
      svg += "<line x1=\"\(px(marked))\" y1=\"\(py(0))\" x2=\"\(px(marked))\" y2=\"\(py(1))\" "
      svg += "stroke=\"#d62728\" stroke-dasharray=\"4 3\"/>\n"
    }
    let path = points.map { "\(px($0.0)),\(py($0.1))" }.joined(separator: " ")
    svg += "<polyline points=\"\(path)\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\"/>\n"
    return svg + "</svg>\n"
  }

  /// One decimal, by integer rounding.
  static func fixed(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let magnitude = abs(tenths)
    return magnitude % 10 == 0
      ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }
}
