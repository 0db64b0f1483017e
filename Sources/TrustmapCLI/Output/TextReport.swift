/// A report for people: headings and lines of prose, and tables, in order;
/// rendered as text now, as HTML by the report command later.
///
/// ```swift
/// var report = TextReport()
/// report.line("Joining each community")
/// report.table(table)
/// report.blank()
/// print(report.rendered(), terminator: "")
/// ```
struct TextReport {
  /// One piece of a report.
  enum Block {
    /// A line of text, as written (indentation included).
    case line(String)
    /// A table.
    case table(Table)
  }

  private(set) var blocks: [Block] = []

  /// Appends a line (the newline is added when rendered).
  mutating func line(_ text: String) { blocks.append(.line(text)) }

  /// Appends an empty line.
  mutating func blank() { blocks.append(.line("")) }

  /// Appends a table.
  mutating func table(_ table: Table) { blocks.append(.table(table)) }

  /// Appends every block of `other`.
  mutating func append(_ other: TextReport) { blocks += other.blocks }

  /// The report as text, every line safe for a terminal (``TerminalText``).
  func rendered() -> String {
    var text = ""
    for block in blocks {
      switch block {
      case .line(let line): text += TerminalText.escaped(line) + "\n"
      case .table(let table): text += table.renderedText()
      }
    }
    return text
  }
}
