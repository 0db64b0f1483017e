/// Every person once, breadth first from each unvisited person in turn (in
/// file order): people close in the graph come close in the order.
///
/// Renumbering a graph in this order (``renumberedAdjacency(_:order:weights:)``)
/// puts a person's neighbours, and theirs, near each other in memory; the
/// passes over every neighbour's neighbours then mostly hit the caches.
///
/// ```swift
/// let order = breadthFirstOrder(graph)   // order[i] is the person numbered i
/// ```
///
/// - Complexity: O(*n* + *m*), with an explicit queue.
func breadthFirstOrder(_ graph: TrustGraph) -> [Int32] {
  breadthFirstTraversal(graph).order
}

/// The breadth-first walk behind ``breadthFirstOrder(_:)`` and ``Components``:
/// every person once, from each unvisited person in turn (in file order);
/// `runEnds[c]` ends the run of `order` that is component `c`.
///
/// - Complexity: O(*n* + *m*), with an explicit queue (no recursion).
func breadthFirstTraversal(_ graph: TrustGraph) -> (order: [Int32], runEnds: [Int]) {
  let count = graph.personCount
  var seen = [Bool](repeating: false, count: count)
  var queue = [Int32](repeating: 0, count: count)
  var runEnds: [Int] = []
  seen.withUnsafeMutableBufferPointer { seen in
    queue.withUnsafeMutableBufferPointer { queue in
      graph.offsets.withUnsafeBufferPointer { offsets in
        graph.targets.withUnsafeBufferPointer { targets in
          var head = 0
          var tail = 0
          for start in 0..<count where !seen[start] {
            seen[start] = true
            queue[tail] = Int32(truncatingIfNeeded: start)
            tail += 1
            while head < tail {
              let person = Int(queue[head])
              head += 1
              for slot in offsets[person]..<offsets[person + 1] {
                let neighbour = Int(targets[slot])
                if !seen[neighbour] {
                  seen[neighbour] = true
                  queue[tail] = targets[slot]
                  tail += 1
                }
              }
            }
            runEnds.append(tail)
          }
        }
      }
    }
  }
  return (queue, runEnds)
}

/// The strong-tie adjacency of `graph` with person `order[i]` numbered `i`:
/// offsets, neighbours and, when `weights`, their weights (else empty). The
/// offsets are summed in order, then the rows filled in blocks on every core.
///
/// - Complexity: O(*n* + *m*).
func renumberedAdjacency(_ graph: TrustGraph, order: [Int32], weights includeWeights: Bool)
  -> (offsets: [Int], targets: [Int32], weights: [Double])
{
  let count = graph.personCount
  var rank = [Int32](repeating: 0, count: count)
  var offsets = [Int](repeating: 0, count: count + 1)
  for (node, person) in order.enumerated() {
    rank[Int(person)] = Int32(truncatingIfNeeded: node)
    offsets[node + 1] = offsets[node] + graph.degree(of: Int(person))
  }
  let total = graph.targets.count
  let weightCount = includeWeights ? total : 0
  var weights: [Double] = []
  // Every position is written once, by the block that holds its row.
  let targets = [Int32](unsafeUninitializedCapacity: total) { targets, initialized in
    weights = [Double](unsafeUninitializedCapacity: weightCount) { weights, weightsInitialized in
      offsets.withUnsafeBufferPointer { offsets in
        graph.offsets.withUnsafeBufferPointer { oldOffsets in
          graph.targets.withUnsafeBufferPointer { oldTargets in
            graph.strengths.withUnsafeBufferPointer { oldWeights in
              rank.withUnsafeBufferPointer { rank in
                order.withUnsafeBufferPointer { order in
                  let shared = UnsafeSendable(
                    (offsets, oldOffsets, oldTargets, oldWeights, rank, order, targets, weights))
                  forEachBlockInParallel(count: count, block: 4096) { _, nodes in
                    let (
                      offsets, oldOffsets, oldTargets, oldWeights, rank, order, targets, weights
                    ) =
                      shared.value
                    for node in nodes {
                      let person = Int(order[node])
                      var next = offsets[node]
                      for slot in oldOffsets[person]..<oldOffsets[person + 1] {
                        targets[next] = rank[Int(oldTargets[slot])]
                        if includeWeights { weights[next] = oldWeights[slot] }
                        next += 1
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
      weightsInitialized = weightCount
    }
    initialized = total
  }
  return (offsets, targets, weights)
}
