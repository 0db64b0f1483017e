/// A read-only view of compressed rows, for hot loops: one short list of
/// indices per row (the communities of each person, the members of each
/// cluster), `entries[offsets[r] ..< offsets[r + 1]]` being row `r`, as one
/// `Sendable` value with named accessors.
///
/// Like ``AdjacencyHandle``, its accessors check bounds with `assert` in
/// debug builds only, and it is valid only inside the closure that handed it
/// over.
///
/// ```swift
/// let offsets = [0, 2, 2, 3]        // row 0 has two entries, row 1 none, row 2 one
/// let entries: [Int32] = [4, 7, 1]
/// CompressedRowsHandle.with(offsets: offsets, entries: entries) { rows in
///   for slot in rows.row(of: 0) { print(rows.entry(at: slot)) }  // 4, then 7
/// }
/// ```
///
/// - Complexity: every accessor is O(1).
struct CompressedRowsHandle: @unchecked Sendable {
  /// `offsets[r] ..< offsets[r + 1]` index ``entries`` for row `r`.
  let offsets: UnsafeBufferPointer<Int>
  /// Every row's entries, row after row.
  let entries: UnsafeBufferPointer<Int32>

  /// A view of the given buffers; `offsets` has one entry more than there
  /// are rows, from 0 to `entries.count`.
  init(offsets: UnsafeBufferPointer<Int>, entries: UnsafeBufferPointer<Int32>) {
    assert(!offsets.isEmpty && offsets[0] == 0, "offsets start at 0")
    assert(offsets[offsets.count - 1] == entries.count, "the last row ends with the entries")
    self.offsets = offsets
    self.entries = entries
  }

  /// Calls `body` with a handle on `offsets` and `entries`, valid for the call.
  ///
  /// - Complexity: O(1) besides `body`.
  @inline(__always)
  static func with<Result>(
    offsets: [Int], entries: [Int32], _ body: (CompressedRowsHandle) throws -> Result
  ) rethrows -> Result {
    try offsets.withUnsafeBufferPointer { offsets in
      try entries.withUnsafeBufferPointer { entries in
        try body(CompressedRowsHandle(offsets: offsets, entries: entries))
      }
    }
  }

  /// How many rows.
  @inline(__always)
  var rowCount: Int { offsets.count &- 1 }

  /// The slots of row `index` in ``entries``.
  @inline(__always)
  func row(of index: Int) -> Range<Int> {
    assert(index >= 0 && index < rowCount, "row \(index) outside 0..<\(rowCount)")
    let start = offsets[index]
    let end = offsets[index &+ 1]
    assert(start <= end && end <= entries.count, "row \(index) is not inside the entries")
    return Range(uncheckedBounds: (start, end))
  }

  /// The entry at `slot` (a position in some ``row(of:)``).
  @inline(__always)
  func entry(at slot: Int) -> Int {
    assert(slot >= 0 && slot < entries.count, "slot \(slot) outside 0..<\(entries.count)")
    return Int(entries[slot])
  }
}
