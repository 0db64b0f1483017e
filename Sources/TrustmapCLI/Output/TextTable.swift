/// Aligned plain-text columns for people to read: numbers right-aligned, the
/// rest left-aligned, two spaces between columns.
///
/// ```swift
/// var table = TextTable(header: ["community", "members"], rightAligned: [1])
/// table.row(["guides", "4"])
/// print(table.rendered(), terminator: "")
/// // community  members
/// // guides           4
/// ```
struct TextTable {
  private var rows: [[String]]
  private let rightAligned: Set<Int>
  private let indent: String

  init(header: [String], rightAligned: Set<Int> = [], indent: Int = 2) {
    rows = [header]
    self.rightAligned = rightAligned
    self.indent = String(repeating: " ", count: indent)
  }

  mutating func row(_ fields: [String]) { rows.append(fields) }

  var isEmpty: Bool { rows.count <= 1 }

  func rendered() -> String {
    let columns = rows.map(\.count).max() ?? 0
    var widths = [Int](repeating: 0, count: columns)
    for row in rows {
      for (column, field) in row.enumerated() { widths[column] = max(widths[column], field.count) }
    }
    var text = ""
    for row in rows {
      var line = indent
      for (column, field) in row.enumerated() {
        let padding = String(repeating: " ", count: widths[column] - field.count)
        let isLast = column == row.count - 1
        if rightAligned.contains(column) {
          line += padding + field
        } else {
          line += field + (isLast ? "" : padding)
        }
        if !isLast { line += "  " }
      }
      while line.hasSuffix(" ") { line.removeLast() }
      text += line + "\n"
    }
    return text
  }
}

/// A number for people: up to four decimals, trailing zeros dropped; `n/a` when undefined.
func formatNumber(_ value: Double?, decimals: Int = 4) -> String {
  guard let value, value.isFinite else { return "n/a" }
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  let rounded = (value * scale).rounded() / scale
  if rounded == rounded.rounded() && abs(rounded) < 1e15 { return String(Int(rounded)) }
  var text = String(rounded)
  if text.contains("e") { return text }
  while text.hasSuffix("0") { text.removeLast() }
  return text
}
