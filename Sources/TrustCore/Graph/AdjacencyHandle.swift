/// A read-only view of a compressed adjacency array, for hot loops: the
/// offsets, targets and weights of a ``TrustGraph``, a ``LocalGraph`` or a
/// clustering graph as one `Sendable` value, read through named accessors.
///
/// The accessors check their bounds and the rows' shape with `assert`, in
/// debug builds only; in release builds they are plain loads. One scoped
/// accessor (`withAdjacency`) replaces a `withUnsafeBufferPointer` scope per
/// array, and as the handle is `Sendable` it goes straight into
/// ``forEachBlockInParallel(count:block:workers:_:)`` (the way of
/// swift-collections' `Heap._UnsafeHandle` and `Deque._UnsafeHandle`).
///
/// ```swift
/// let total = graph.withAdjacency { adjacency in
///   var sum = 0.0
///   for slot in adjacency.row(of: 0) { sum += adjacency.weight(at: slot) }
///   return sum  // the weight of person 0's strong ties
/// }
/// ```
///
/// Keep a handle only inside the closure that handed it over: its pointers
/// are valid there and nowhere else. Where a parallel loop also writes
/// through pointers, hand the workers the handle and the loop's buffers as
/// one value and unpack them into locals at the top of each worker (see
/// `ClusteringGraph.aggregated(by:clusterCount:)`): a captured handle is read
/// from the closure's context, which those writes might alias, so its
/// pointers can be loaded again on every pass.
///
/// - Complexity: every accessor is O(1).
struct AdjacencyHandle: @unchecked Sendable {
  /// `offsets[v] ..< offsets[v + 1]` index ``targets`` and ``weights`` for node `v`.
  let offsets: UnsafeBufferPointer<Int>
  /// Each node's neighbours, row after row.
  let targets: UnsafeBufferPointer<Int32>
  /// The weight of each tie, beside ``targets``; empty for an unweighted view.
  let weights: UnsafeBufferPointer<Double>

  /// A view of the given buffers; `offsets` has one entry more than there
  /// are nodes, from 0 to `targets.count`.
  init(
    offsets: UnsafeBufferPointer<Int>, targets: UnsafeBufferPointer<Int32>,
    weights: UnsafeBufferPointer<Double> = UnsafeBufferPointer(start: nil, count: 0)
  ) {
    assert(!offsets.isEmpty && offsets[0] == 0, "offsets start at 0")
    assert(offsets[offsets.count - 1] == targets.count, "the last row ends with the targets")
    assert(weights.isEmpty || weights.count == targets.count, "one weight per target, or none")
    self.offsets = offsets
    self.targets = targets
    self.weights = weights
  }

  /// Calls `body` with a handle on `offsets`, `targets` and `weights` (empty:
  /// unweighted), valid for the call: for arrays built on the spot. A type
  /// that stores an adjacency opens the scopes in its own `withAdjacency`
  /// instead of forwarding its `body` here, which cost Leiden's local moves
  /// 6 % more instructions.
  ///
  /// - Complexity: O(1) besides `body`.
  @inline(__always)
  static func with<Result>(
    offsets: [Int], targets: [Int32], weights: [Double] = [],
    _ body: (AdjacencyHandle) throws -> Result
  ) rethrows -> Result {
    try offsets.withUnsafeBufferPointer { offsets in
      try targets.withUnsafeBufferPointer { targets in
        try weights.withUnsafeBufferPointer { weights in
          try body(AdjacencyHandle(offsets: offsets, targets: targets, weights: weights))
        }
      }
    }
  }

  /// How many nodes.
  @inline(__always)
  var nodeCount: Int { offsets.count &- 1 }

  /// The slots of `node`'s ties in ``targets`` and ``weights``.
  @inline(__always)
  func row(of node: Int) -> Range<Int> {
    assert(node >= 0 && node < nodeCount, "node \(node) outside 0..<\(nodeCount)")
    let start = offsets[node]
    let end = offsets[node &+ 1]
    assert(start <= end && end <= targets.count, "row of node \(node) is not inside the targets")
    return Range(uncheckedBounds: (start, end))
  }

  /// How many ties `node` has.
  @inline(__always)
  func degree(of node: Int) -> Int {
    let row = row(of: node)
    return row.upperBound &- row.lowerBound
  }

  /// The neighbour at `slot` (a position in some node's ``row(of:)``).
  @inline(__always)
  func target(at slot: Int) -> Int {
    assert(slot >= 0 && slot < targets.count, "slot \(slot) outside 0..<\(targets.count)")
    let target = Int(targets[slot])
    assert(target >= 0 && target < nodeCount, "target \(target) is not a node")
    return target
  }

  /// The weight of the tie at `slot`; only on a weighted view.
  @inline(__always)
  func weight(at slot: Int) -> Double {
    assert(slot >= 0 && slot < weights.count, "slot \(slot) outside the weights (unweighted view?)")
    return weights[slot]
  }

  /// The same rows as plain compressed rows (node to neighbours), for
  /// ``forEachNeighbourRow(of:in:batch:_:)`` over neighbours' neighbours.
  @inline(__always)
  var rows: CompressedRowsHandle { CompressedRowsHandle(offsets: offsets, entries: targets) }
}
