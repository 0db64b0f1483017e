/// The strong-tie graph renumbered breadth first: people close in the graph
/// come close in memory, so the passes over every neighbour's neighbours
/// (second-degree counts, join summaries, Leiden's local moves) mostly hit
/// the caches.
///
/// The walk starts from each unvisited person in turn, in file order, so it
/// also finds the connected components: each is one run of ``order``.
/// Build it once and hand it to every analysis that can use it.
///
/// ```swift
/// let local = LocalGraph(graph)
/// let person = local.order[0]          // the person numbered 0
/// let node = local.localIndex[person]   // 0
/// for slot in local.offsets[node]..<local.offsets[node + 1] { print(local.targets[slot]) }
/// ```
///
/// - Complexity: O(*n* + *m*): one breadth-first walk with an explicit queue
///   (no recursion), then the rows filled in blocks on every core; memory
///   12 bytes per person and 4 per strong-tie end.
package struct LocalGraph: Sendable {
  /// `order[i]` is the person numbered `i`.
  package let order: [Int32]
  /// `localIndex[p]` is person `p`'s number: the inverse of ``order``.
  package let localIndex: [Int32]
  /// `componentEnds[c]` ends the run of ``order`` that is component `c`;
  /// components come in order of their earliest person in the file.
  package let componentEnds: [Int]
  /// `offsets[i] ..< offsets[i + 1]` index ``targets`` for node `i`.
  package let offsets: [Int]
  /// Each node's strong-tie neighbours, as node numbers, in the order of
  /// the person's neighbours in the graph.
  package let targets: [Int32]

  /// How many people (nodes).
  package var personCount: Int { order.count }

  /// Renumbers `graph` breadth first.
  package init(_ graph: TrustGraph) {
    let (order, componentEnds) = Self.breadthFirstWalk(graph)
    let count = graph.personCount
    var localIndex = [Int32](repeating: 0, count: count)
    var offsets = [Int](repeating: 0, count: count + 1)
    for (node, person) in order.enumerated() {
      localIndex[Int(person)] = Int32(truncatingIfNeeded: node)
      offsets[node + 1] = offsets[node] + graph.degree(of: Int(person))
    }
    self.order = order
    self.localIndex = localIndex
    self.componentEnds = componentEnds
    self.offsets = offsets
    let rank = localIndex
    targets = Self.renumbered(graph, order: order, offsets: offsets) { old, slot in
      rank[old.target(at: slot)]
    }
  }

  /// The graph's strong-tie weights laid out like ``targets``.
  ///
  /// - Complexity: O(*n* + *m*), in blocks on every core.
  package func weights(of graph: TrustGraph) -> [Double] {
    Self.renumbered(graph, order: order, offsets: offsets) { old, slot in old.weight(at: slot) }
  }

  /// `members` (person indices) as node numbers, in the same order.
  package func nodes(of members: [Int32]) -> [Int32] {
    members.map { localIndex[Int($0)] }
  }

  /// Calls `body` with a handle on the renumbered adjacency (offsets and
  /// targets, unweighted: see ``weights(of:)``).
  ///
  /// ```swift
  /// let degreeOfFirst = local.withAdjacency { $0.degree(of: 0) }
  /// ```
  ///
  /// - Complexity: O(1) besides `body`.
  @inline(__always)
  func withAdjacency<Result>(_ body: (AdjacencyHandle) throws -> Result) rethrows -> Result {
    try offsets.withUnsafeBufferPointer { offsets in
      try targets.withUnsafeBufferPointer { targets in
        try body(AdjacencyHandle(offsets: offsets, targets: targets))
      }
    }
  }

  /// Every person once, breadth first from each unvisited person in turn
  /// (in file order); `runEnds[c]` ends the run of `order` that is component `c`.
  static func breadthFirstWalk(_ graph: TrustGraph) -> (order: [Int32], runEnds: [Int]) {
    let count = graph.personCount
    let seen = HugePageBuffer<Bool>(repeating: false, count: count)
    var runEnds: [Int] = []
    // The queue ends up holding everyone once: it is the order.
    let queue = [Int32](unsafeUninitializedCapacity: count) { queue, initialized in
      graph.withAdjacency { graph in
        let seen = seen.pointer
        var head = 0
        var tail = 0
        for start in 0..<count where !seen[start] {
          seen[start] = true
          queue[tail] = Int32(truncatingIfNeeded: start)
          tail += 1
          while head < tail {
            let person = Int(queue[head])
            head += 1
            for slot in graph.row(of: person) {
              let neighbour = graph.target(at: slot)
              if !seen[neighbour] {
                seen[neighbour] = true
                queue[tail] = Int32(truncatingIfNeeded: neighbour)
                tail += 1
              }
            }
          }
          runEnds.append(tail)
        }
        assert(tail == count, "everyone is queued once")
      }
      initialized = count
    }
    return (queue, runEnds)
  }

  /// The values `value(old, slot)` of every strong-tie end of `graph` in
  /// node order (`old` is the graph's adjacency, `slot` the end's position
  /// there): every position is written once, by the block of nodes that
  /// holds its row.
  private static func renumbered<Value>(
    _ graph: TrustGraph, order: [Int32], offsets: [Int],
    _ value: @Sendable (_ old: AdjacencyHandle, _ slot: Int) -> Value
  ) -> [Value] {
    precondition(_isPOD(Value.self), "only for trivial element types")
    let total = graph.targets.count
    return [Value](unsafeUninitializedCapacity: total) { result, initialized in
      // Read at random by the passes over neighbours' neighbours.
      adviseHugePages(
        UnsafeMutableRawPointer(result.baseAddress), byteCount: total * MemoryLayout<Value>.stride)
      let result = UnsafeSendable(result)
      graph.withAdjacency { old in
        order.withUnsafeBufferPointer { order in
          offsets.withUnsafeBufferPointer { offsets in
            let numbering = UnsafeSendable((order, offsets))
            forEachBlockInParallel(count: order.count, block: 4096) { _, nodes in
              let (order, offsets) = numbering.value
              let result = result.value
              for node in nodes {
                var next = offsets[node]
                for slot in old.row(of: Int(order[node])) {
                  result[next] = value(old, slot)
                  next += 1
                }
              }
            }
          }
        }
      }
      initialized = total
    }
  }
}
