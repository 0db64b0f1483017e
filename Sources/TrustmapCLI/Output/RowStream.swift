/// A CSV table whose rows are made as they are written: its columns, and a
/// function that hands each row over in turn. What a report gives when its
/// rows grow with people × communities (`joins`), so that they are written
/// as computed instead of built whole in a ``Table`` first.
///
/// ```swift
/// let stream = RowStream(columns: [.text("person")]) { emit in
///   for id in ["ana", "bo"] { emit([.text(id)]) }
/// }
/// stream.forEachRow { print($0) }
/// RowStream(table).columns  // any table, as a stream
/// ```
///
/// - Complexity: whatever its rows cost; it holds none of them.
struct RowStream {
  /// The columns, as in ``Table/columns``.
  var columns: [Table.Column]
  /// Calls its argument with each row, in order.
  let forEachRow: ((_ row: [Cell]) -> Void) -> Void

  init(columns: [Table.Column], rows: @escaping ((_ row: [Cell]) -> Void) -> Void) {
    self.columns = columns
    self.forEachRow = rows
  }

  /// The rows of `table`, already made.
  init(_ table: Table) {
    self.init(columns: table.columns) { emit in
      for row in table.rows { emit(row) }
    }
  }

  /// Every row in a ``Table`` (for a whole-table reader such as a test).
  ///
  /// - Complexity: O(cells), all in memory.
  var table: Table {
    var table = Table(columns: columns)
    forEachRow { table.row($0) }
    return table
  }

  /// Writes the CSV (``Table/renderedCSV(header:raw:)``'s very bytes) to
  /// `output` in pieces of about 64 KiB as the rows come, with `leading`
  /// cells and `leadingColumns` before each row's own (the `network`
  /// column of a batch).
  ///
  /// - Complexity: O(cells); O(longest row + 64 KiB) memory.
  func writeCSV(
    header: Bool, raw: Bool, leadingColumns: [Table.Column] = [], leading: [Cell] = [],
    output: (String) -> Void
  ) {
    let titles = (leadingColumns + columns).map { raw ? $0.title : CSVWriter.guarded($0.title) }
    var csv = CSVWriter(header: header ? titles : nil)
    let prefix = leading.map { $0.csv(raw: raw) }
    forEachRow { row in
      csv.row(prefix + row.map { $0.csv(raw: raw) })
      if csv.output.utf8.count >= 1 << 16 { output(csv.takeOutput()) }
    }
    output(csv.takeOutput())
  }
}
