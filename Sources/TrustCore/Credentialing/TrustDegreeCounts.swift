/// Everyone's first- and second-degree counts on the strong-tie graph: how
/// many people each person trusts, and how many are pre-credentialed to them.
///
/// ```swift
/// let counts = TrustDegreeCounts(graph)
/// print(counts.secondDegree[0], counts.meanSecondDegree)
/// ```
///
/// - Complexity: O(Σ_v deg(v)²) work, spread over every core; each worker
///   keeps one stamp array, so memory is O(*n*) per core.
package struct TrustDegreeCounts: Sendable, Hashable {
  /// |first(P)| for each person.
  package var firstDegree: [Int32]
  /// |second(P)|, people at distance exactly 2, for each person.
  package var secondDegree: [Int32]

  /// Counts on `graph`.
  package init(_ graph: TrustGraph) {
    let count = graph.personCount
    let second = SharedBuffer<Int32>(repeating: 0, count: count)
    // 16-bit stamps: half the cache footprint of 32-bit ones, cleared once
    // every 65,535 people a worker visits.
    let stamps = (0..<workerCount).map { _ in SharedBuffer<UInt16>(repeating: 0, count: count) }
    let lastStamps = SharedBuffer<UInt16>(repeating: 0, count: workerCount)
    graph.offsets.withUnsafeBufferPointer { offsets in
      graph.targets.withUnsafeBufferPointer { targets in
        let offsets = UnsafeSendable(offsets)
        let targets = UnsafeSendable(targets)
        forEachBlockInParallel(count: count) { worker, range in
          let stamp = stamps[worker].pointer
          let offsets = offsets.value
          let targets = targets.value
          var mark = lastStamps.pointer[worker]
          for person in range {
            if mark == UInt16.max {
              stamp.update(repeating: 0)
              mark = 0
            }
            mark &+= 1
            stamp[person] = mark
            for slot in offsets[person]..<offsets[person + 1] { stamp[Int(targets[slot])] = mark }
            var found: Int32 = 0
            for slot in offsets[person]..<offsets[person + 1] {
              let friend = Int(targets[slot])
              // Branch-free: whether a friend's friend is new is a coin toss
              // to the branch predictor, so count the comparison and always store.
              for next in offsets[friend]..<offsets[friend + 1] {
                let other = Int(targets[next])
                found &+= stamp[other] != mark ? 1 : 0
                stamp[other] = mark
              }
            }
            second.pointer[person] = found
          }
          lastStamps.pointer[worker] = mark
        }
      }
    }
    firstDegree = (0..<count).map { Int32(truncatingIfNeeded: graph.degree(of: $0)) }
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
