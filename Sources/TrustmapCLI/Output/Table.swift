/// A table of typed cells: the neutral model every report's tables are built
/// in, rendered as aligned text for people (``renderedText()``), as CSV for
/// scripts (``renderedCSV()``), and later as HTML, from the same rows.
///
/// ```swift
/// var table = Table(columns: [.text("community"), .number("members")])
/// table.row([.text("guides"), .integer(4)])
/// print(table.renderedText(), terminator: "")
/// // community  members
/// // guides           4
/// ```
///
/// - Complexity: rendering is O(cells).
struct Table {
  /// A column: its title and which side its cells line up on.
  struct Column {
    var title: String
    var alignment: Alignment

    /// A left-aligned column.
    static func text(_ title: String) -> Column { Column(title: title, alignment: .left) }
    /// A right-aligned column.
    static func number(_ title: String) -> Column { Column(title: title, alignment: .right) }
  }

  /// Which side of a column its cells line up on.
  enum Alignment { case left, right }

  var columns: [Column]
  private(set) var rows: [[Cell]] = []
  /// Whether the titles make a first row (a two-column list of figures has none).
  var showsHeader = true
  /// Spaces before each line of text.
  var indent = 2

  init(columns: [Column], showsHeader: Bool = true, indent: Int = 2) {
    self.columns = columns
    self.showsHeader = showsHeader
    self.indent = indent
  }

  mutating func row(_ cells: [Cell]) { rows.append(cells) }

  /// Adds a column at `position` with `value` in every row (the `network`
  /// column of a CSV over several files).
  mutating func insertColumn(_ column: Column, value: Cell, at position: Int) {
    columns.insert(column, at: position)
    for index in rows.indices { rows[index].insert(value, at: position) }
  }

  var isEmpty: Bool { rows.isEmpty }

  /// Aligned columns, two spaces apart, trailing spaces trimmed; cells safe
  /// for a terminal (``TerminalText``).
  func renderedText() -> String {
    var lines: [[String]] = showsHeader ? [columns.map(\.title)] : []
    // Escaped before measuring, so columns line up with what the terminal shows.
    for row in rows { lines.append(row.map { TerminalText.escaped($0.text) }) }
    var widths = [Int](repeating: 0, count: columns.count)
    for line in lines {
      for (column, field) in line.enumerated() where column < widths.count {
        widths[column] = max(widths[column], field.count)
      }
    }
    let pad = String(repeating: " ", count: indent)
    var text = ""
    for line in lines {
      var out = pad
      for (column, field) in line.enumerated() {
        let padding = String(repeating: " ", count: widths[column] - field.count)
        let isLast = column == line.count - 1
        if columns[column].alignment == .right {
          out += padding + field
        } else {
          out += field + (isLast ? "" : padding)
        }
        if !isLast { out += "  " }
      }
      while out.hasSuffix(" ") { out.removeLast() }
      text += out + "\n"
    }
    return text
  }

  /// RFC 4180 CSV: the titles, then one line per row; numbers at full
  /// precision (empty when undefined), lists joined with `;`. Text cells
  /// that a spreadsheet would take for a formula get a leading `'`
  /// (``CSVWriter/guarded(_:)``) unless `raw`.
  func renderedCSV(header: Bool = true, raw: Bool = false) -> String {
    let titles = columns.map { raw ? $0.title : CSVWriter.guarded($0.title) }
    var csv = CSVWriter(header: header ? titles : nil)
    for row in rows { csv.row(row.map { $0.csv(raw: raw) }) }
    return csv.output
  }
}

/// One cell of a ``Table``: its value, typed, so each format writes it its way.
enum Cell: ExpressibleByStringLiteral {
  /// Text as it is.
  case text(String)
  /// A whole number.
  case integer(Int)
  /// A figure, `n/a` in text and empty in CSV when undefined.
  case number(Double?, NumberStyle)
  /// Several values: `, ` between them in text, `;` in CSV.
  case list([String])
  /// A yes/no value: `true` or `false`.
  case bool(Bool)

  init(stringLiteral value: String) { self = .text(value) }

  /// How the cell reads in text.
  var text: String {
    switch self {
    case .text(let text): return text
    case .integer(let value): return String(value)
    case .number(let value, let style): return style.format(value)
    case .list(let values): return values.joined(separator: ", ")
    case .bool(let value): return value ? "true" : "false"
    }
  }

  /// How the cell reads in CSV: text and lists guarded against being taken
  /// for formulas unless `raw`; numbers, whole numbers and booleans never
  /// are, since a negative number is a number, not a formula.
  func csv(raw: Bool = false) -> String {
    switch self {
    case .text(let text): return raw ? text : CSVWriter.guarded(text)
    case .integer(let value): return String(value)
    case .number(let value, _): return CSVWriter.number(value)
    case .list(let values):
      let joined = values.joined(separator: ";")
      return raw ? joined : CSVWriter.guarded(joined)
    case .bool(let value): return value ? "true" : "false"
    }
  }
}
