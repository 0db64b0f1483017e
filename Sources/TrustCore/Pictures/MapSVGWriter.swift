/// Writes a ``TrustMap`` as SVG 1.1: a standalone file (XML declaration and
/// the SVG namespace) or an element to put inside an HTML5 page (which needs
/// neither). Every name goes through ``MarkupText``, so a name is text,
/// never markup. Styles are presentation attributes (no CSS, no scripts,
/// no fonts, no references to anything outside the file), so any viewer
/// draws it the same; numbers are written with fixed decimals from
/// integer arithmetic, so the bytes are the same everywhere.
///
/// It sits in TrustCore beside the other XML writers because it shares
/// their escaping, which is TrustCore's, and because the drawing is a
/// value the library computes; the command line only saves it.
///
/// ```swift
/// let svg = MapSVGWriter.svg(map)                           // an .svg file
/// let inline = MapSVGWriter.svg(map, standalone: false)     // for <body>
/// ```
///
/// - Complexity: O(discs + lines + labels), one string.
enum MapSVGWriter {
  /// The legend's line spacing, in pixels.
  static let legendLineHeight = 20.0

  static func svg(_ map: TrustMap, standalone: Bool = true) -> String {
    var out = ""
    out.reserveCapacity(160 * map.discs.count + 80 * map.lines.count + 4096)
    let size = "width=\"\(fixed(map.width))\" height=\"\(fixed(map.height))\""
    let viewBox = "viewBox=\"0 0 \(fixed(map.width)) \(fixed(map.height))\""
    if standalone {
      out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      out += "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" \(size) \(viewBox)"
    } else {
      out += "<svg class=\"map\" version=\"1.1\" \(viewBox) role=\"img\""
    }
    out += " font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\">\n"
    out += "<title>\(MarkupText.escaped(map.title))</title>\n"
    out += "<desc>\(MarkupText.escaped(map.caption))</desc>\n"
    out += "<rect x=\"0\" y=\"0\" \(size) fill=\"#ffffff\"/>\n"
    out += "<text x=\"\(fixed(MapFrame.left))\" y=\"30\" font-size=\"20\" font-weight=\"bold\""
    out += " fill=\"#222222\">\(MarkupText.escaped(map.title))</text>\n"
    writeCaption(map, into: &out)
    let emphasising = map.discs.contains { $0.emphasis != .plain }
    writeLines(map, kinds: [.reportsTo], group: "reports-to", into: &out) { _ in
      "stroke=\"#8c8c8c\" stroke-opacity=\"0.45\" stroke-dasharray=\"4 3\""
    }
    writeLines(map, kinds: [.strongTie, .path, .tribeLink], group: "ties", into: &out) { line in
      if line.emphasised { return "stroke=\"#333333\" stroke-opacity=\"0.75\"" }
      if emphasising { return "stroke=\"#777777\" stroke-opacity=\"0.12\"" }
      // Links between tribes are wide and many: lighter, so the discs stay readable.
      return line.kind == .tribeLink
        ? "stroke=\"#666666\" stroke-opacity=\"0.22\"" : "stroke=\"#666666\" stroke-opacity=\"0.4\""
    }
    let kind = map.subject == .people ? "people" : "tribes"
    out += "<g class=\"\(kind)\" stroke=\"#ffffff\" stroke-width=\"0.6\">\n"
    for disc in map.discs {
      out +=
        "<circle cx=\"\(fixed(disc.x))\" cy=\"\(fixed(disc.y))\" r=\"\(fixed(disc.radius, 2))\""
      out += " fill=\"\(TrustMap.colour(disc.colour))\"\(ring(disc.emphasis))>"
      out += "<title>\(MarkupText.escaped(disc.name))</title></circle>\n"
    }
    out += "</g>\n"
    out += "<g class=\"labels\" fill=\"#111111\">\n"
    for label in map.labels {
      out += "<text x=\"\(fixed(label.x))\" y=\"\(fixed(label.y))\">"
      out += "\(MarkupText.escaped(label.text))</text>\n"
    }
    out += "</g>\n"
    writeLegend(map, into: &out)
    out += "</svg>\n"
    return out
  }

  /// The caption under the title, in up to three lines cut at "; ".
  private static func writeCaption(_ map: TrustMap, into out: inout String) {
    let room = Int((map.width - 2 * MapFrame.left) / (11 * 0.56))
    var lines: [String] = []
    var current = ""
    for part in map.caption.split(separator: "; ").map(String.init) {
      let candidate = current.isEmpty ? part : current + "; " + part
      if !current.isEmpty && candidate.count > room && lines.count < 2 {
        lines.append(current + ";")
        current = part
      } else {
        current = candidate
      }
    }
    lines.append(current)
    for (index, line) in lines.enumerated() {
      out += "<text x=\"\(fixed(MapFrame.left))\" y=\"\(50 + 14 * index)\" font-size=\"11\""
      out += " fill=\"#555555\">\(MarkupText.escaped(line))</text>\n"
    }
  }

  /// One group of lines of the given kinds, each styled by `style`.
  private static func writeLines(
    _ map: TrustMap, kinds: Set<MapLine.Kind>, group: String, into out: inout String,
    style: (MapLine) -> String
  ) {
    out += "<g class=\"\(group)\" fill=\"none\" stroke-linecap=\"round\">\n"
    for line in map.lines where kinds.contains(line.kind) {
      let a = map.discs[line.from]
      let b = map.discs[line.to]
      out += "<line x1=\"\(fixed(a.x))\" y1=\"\(fixed(a.y))\" x2=\"\(fixed(b.x))\""
      out += " y2=\"\(fixed(b.y))\" stroke-width=\"\(fixed(line.width, 2))\" \(style(line))/>\n"
    }
    out += "</g>\n"
  }

  /// The attributes that draw an emphasis: rings of three weights, faded for out.
  static func ring(_ emphasis: MapEmphasis) -> String {
    switch emphasis {
    case .plain: return ""
    case .focus: return " stroke=\"#d62728\" stroke-width=\"3\""
    case .inGroup: return " stroke=\"#111111\" stroke-width=\"2.5\""
    case .near: return " stroke=\"#111111\" stroke-width=\"1\""
    case .second: return " stroke=\"#111111\" stroke-width=\"1\" stroke-dasharray=\"2 1.5\""
    case .out: return " fill-opacity=\"0.2\" stroke-opacity=\"0.2\""
    }
  }

  private static func writeLegend(_ map: TrustMap, into out: inout String) {
    let left = map.width - MapFrame.legendWidth
    out += "<g class=\"legend\" font-size=\"12\" fill=\"#222222\">\n"
    var y = MapFrame.top + 4
    for entry in map.legend {
      var textX = left
      if let colour = entry.colour {
        out += "<rect x=\"\(fixed(left))\" y=\"\(fixed(y - 10))\" width=\"12\" height=\"12\""
        out += " fill=\"\(TrustMap.colour(colour))\"/>\n"
        textX = left + 18
      }
      if let emphasis = entry.emphasis {
        let shown = emphasis == .out ? " fill=\"#999999\"" : " fill=\"#dddddd\""
        out += "<rect x=\"\(fixed(left + 1))\" y=\"\(fixed(y - 9))\" width=\"10\" height=\"10\""
        out += " rx=\"5\"\(shown)\(ring(emphasis))/>\n"
        textX = left + 18
      }
      out +=
        "<text x=\"\(fixed(textX))\" y=\"\(fixed(y))\">\(MarkupText.escaped(entry.text))</text>\n"
      y += legendLineHeight
    }
    for note in map.notes {
      for line in wrapped(note) {
        out += "<text x=\"\(fixed(left))\" y=\"\(fixed(y))\" font-size=\"11\" fill=\"#555555\">"
        out += "\(MarkupText.escaped(line))</text>\n"
        y += legendLineHeight * 0.8
      }
      y += legendLineHeight * 0.2
    }
    out += "</g>\n"
  }

  /// A legend note in lines of at most 44 characters (the legend's width), cut between words.
  static func wrapped(_ note: String) -> [String] {
    var lines: [String] = []
    var current = ""
    for word in note.split(separator: " ") {
      if !current.isEmpty && current.count + 1 + word.count > 44 {
        lines.append(current)
        current = String(word)
      } else {
        current += current.isEmpty ? String(word) : " " + word
      }
    }
    if !current.isEmpty || lines.isEmpty { lines.append(current) }
    return lines
  }

  /// The legend's height in lines: one per entry, and the notes' wrapped lines.
  static func legendLines(_ legend: [MapLegendEntry], notes: [String]) -> Int {
    legend.count + notes.reduce(0) { $0 + wrapped($1).count }
  }

  /// `value` with at most `decimals` decimals (trailing zeros dropped), by
  /// integer rounding: the same text on every machine.
  static func fixed(_ value: Double, _ decimals: Int = 1) -> String {
    guard value.isFinite else { return "0" }
    let scale = decimals == 2 ? 100.0 : 10.0
    let scaled = (value * scale).rounded()
    guard abs(scaled) < 9e15 else { return "0" }
    let whole = Int64(scaled)
    let magnitude = whole.magnitude
    let unit = UInt64(scale)
    var text = (whole < 0 ? "-" : "") + String(magnitude / unit)
    var fraction = magnitude % unit
    if fraction != 0 {
      var digits = String(fraction)
      if decimals == 2 && fraction < 10 { digits = "0" + digits }
      while digits.hasSuffix("0") {
        digits.removeLast()
        fraction /= 10
      }
      text += "." + digits
    }
    return text
  }
}
