/// Room for the row bounds of one batch of neighbours in
/// ``AdjacencyHandle/forEachNeighbourRow(of:in:batch:_:)``.
///
/// ```swift
/// let batch = NeighbourRowBatch()
/// defer { batch.deallocate() }
/// ```
struct NeighbourRowBatch {
  /// How many neighbours' bounds are loaded before any of their rows is read.
  static let size = 32
  fileprivate let bounds = UnsafeMutableBufferPointer<Int>.allocate(capacity: 2 * size)

  /// Frees the room.
  func deallocate() { bounds.deallocate() }
}

extension AdjacencyHandle {
  /// Calls `body` with the row of every neighbour of `node` in `rows` (the
  /// neighbours' own ties, or whatever else `rows` holds per node), in
  /// neighbour order.
  ///
  /// The neighbours come in batches: every bound in a batch is loaded in a
  /// tight loop before any row is read, so the cache misses of far-apart
  /// neighbours overlap instead of each waiting for the one before (the
  /// second-degree counts and the join summaries gained 10 to 15 % on M).
  ///
  /// ```swift
  /// adjacency.forEachNeighbourRow(of: node, in: adjacency.rows, batch: batch) { row in
  ///   for slot in row { visit(adjacency.target(at: slot)) }  // a neighbour's neighbours
  /// }
  /// ```
  ///
  /// - Complexity: O(deg(`node`)) plus what `body` does.
  @inline(__always)
  func forEachNeighbourRow(
    of node: Int, in rows: CompressedRowsHandle, batch: NeighbourRowBatch,
    _ body: (Range<Int>) -> Void
  ) {
    assert(rows.rowCount == nodeCount, "one row per node")
    let bounds = batch.bounds
    let row = row(of: node)
    var batchStart = row.lowerBound
    let end = row.upperBound
    while batchStart < end {
      let batchEnd = min(end, batchStart &+ NeighbourRowBatch.size)
      var width = 0
      for slot in batchStart..<batchEnd {
        let neighbourRow = rows.row(of: target(at: slot))
        bounds[width] = neighbourRow.lowerBound
        bounds[width &+ 1] = neighbourRow.upperBound
        width &+= 2
      }
      var index = 0
      while index < width {
        body(Range(uncheckedBounds: (bounds[index], bounds[index &+ 1])))
        index &+= 2
      }
      batchStart = batchEnd
    }
  }
}
