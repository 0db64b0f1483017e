/// The values in one cell that holds several, as Kumu writes them
/// (`design|research`): each part trimmed of spaces and tabs, empty parts
/// skipped, as ranges of the cell's bytes. No allocation.
///
/// ```swift
/// var parts = CSVCellParts(cell, separator: UInt8(ascii: "|"))
/// while let part = parts.next() { print(String(decoding: cell[part], as: UTF8.self)) }
/// // " a | b||c" gives "a", "b", "c"
/// ```
///
/// - Complexity: O(*k*) over a cell of *k* bytes.
struct CSVCellParts: IteratorProtocol {
  /// The cell's (unquoted) bytes.
  let cell: UnsafeBufferPointer<UInt8>
  /// The byte between values.
  let separator: UInt8
  /// Another byte between values (the same as `separator` when there is one only).
  let alternate: UInt8
  private var index = 0

  /// The parts of `cell` between `separator` bytes, or between either of
  /// `separator` and `alternate` (contexts: trustmap joins them with `;`, Kumu with `|`).
  init(
    _ cell: UnsafeBufferPointer<UInt8>, separator: UInt8 = UInt8(ascii: "|"),
    alternate: UInt8? = nil
  ) {
    self.cell = cell
    self.separator = separator
    self.alternate = alternate ?? separator
  }

  /// The next non-empty part's range within the cell, trimmed.
  mutating func next() -> Range<Int>? {
    while index < cell.count {
      var start = index
      var end = index
      while end < cell.count && cell[end] != separator && cell[end] != alternate { end += 1 }
      index = end + 1
      while start < end && (cell[start] == 0x20 || cell[start] == 0x09) { start += 1 }
      while end > start && (cell[end - 1] == 0x20 || cell[end - 1] == 0x09) { end -= 1 }
      if end > start { return start..<end }
    }
    return nil
  }
}
