/// Everyone's first- and second-degree counts on the strong-tie graph: how
/// many people each person trusts, and how many are pre-credentialed to them.
///
/// ```swift
/// let counts = TrustDegreeCounts(graph)
/// print(counts.secondDegree[0], counts.meanSecondDegree)
/// ```
///
/// - Complexity: O(Σ_v deg(v)²) work, spread over every core, on the
///   adjacency renumbered breadth first (``LocalGraph``; O(*n* + *m*) memory
///   when not given); each worker keeps one array of 16-bit stamps, so O(*n*)
///   more per core.
package struct TrustDegreeCounts: Sendable, Hashable {
  /// |first(P)| for each person.
  package var firstDegree: [Int32]
  /// |second(P)|, people at distance exactly 2, for each person.
  package var secondDegree: [Int32]

  /// Counts on `graph`.
  package init(_ graph: TrustGraph) {
    self.init(LocalGraph(graph))
  }

  /// Counts on the graph `local` renumbers, where a person's friends and
  /// theirs sit close in memory (a third faster on a million people).
  package init(_ local: LocalGraph) {
    let count = local.personCount
    let first = HugePageBuffer<Int32>(uninitializedCount: count)
    let second = HugePageBuffer<Int32>(uninitializedCount: count)
    // 16-bit stamps: half the cache footprint of 32-bit ones, cleared once
    // every 65,535 people a worker visits.
    let stamps = (0..<workerCount).map { _ in HugePageBuffer<UInt16>(repeating: 0, count: count) }
    let lastStamps = HugePageBuffer<UInt16>(repeating: 0, count: workerCount)
    local.withAdjacency { adjacency in
      local.order.withUnsafeBufferPointer { order in
        let order = UnsafeSendable(order)
        forEachBlockInParallel(count: count) { worker, range in
          let order = order.value
          let stamp = stamps[worker].pointer
          var mark = lastStamps.pointer[worker]
          let batch = NeighbourRowBatch()
          defer { batch.deallocate() }
          for node in range {
            if mark == UInt16.max {
              stamp.update(repeating: 0)
              mark = 0
            }
            mark &+= 1
            stamp[node] = mark
            let friends = adjacency.row(of: node)
            for slot in friends { stamp[adjacency.target(at: slot)] = mark }
            var found: Int32 = 0
            adjacency.forEachNeighbourRow(of: node, in: adjacency.rows, batch: batch) { row in
              // Branch-free: whether a friend's friend is new is a coin toss
              // to the branch predictor, so count the comparison and always store.
              for next in row {
                let other = adjacency.target(at: next)
                found &+= stamp[other] != mark ? 1 : 0
                stamp[other] = mark
              }
            }
            let person = Int(order[node])
            first.pointer[person] = Int32(truncatingIfNeeded: friends.count)
            second.pointer[person] = found
          }
          lastStamps.pointer[worker] = mark
        }
      }
    }
    firstDegree = first.array
    secondDegree = second.array
  }
  /// The mean first degree (0 for an empty network).
  package var meanFirstDegree: Double { mean(firstDegree) }
  /// The mean second degree (0 for an empty network).
  package var meanSecondDegree: Double { mean(secondDegree) }

  private func mean(_ values: [Int32]) -> Double {
    values.isEmpty ? 0 : Double(values.reduce(0) { $0 + Int($1) }) / Double(values.count)
  }
}
