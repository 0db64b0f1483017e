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
  let count = graph.personCount
  var seen = [Bool](repeating: false, count: count)
  var queue = [Int32](repeating: 0, count: count)
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
          }
        }
      }
    }
  }
  return queue
}

/// The strong-tie adjacency of `graph` with person `order[i]` numbered `i`:
/// offsets, neighbours and, when `weights`, their weights (else empty).
///
/// - Complexity: O(*n* + *m*).
func renumberedAdjacency(_ graph: TrustGraph, order: [Int32], weights includeWeights: Bool)
  -> (offsets: [Int], targets: [Int32], weights: [Double])
{
  let count = graph.personCount
  var rank = [Int32](repeating: 0, count: count)
  for (node, person) in order.enumerated() { rank[Int(person)] = Int32(truncatingIfNeeded: node) }
  var offsets = [Int](repeating: 0, count: count + 1)
  var targets = [Int32](repeating: 0, count: graph.targets.count)
  var weights = [Double](repeating: 0, count: includeWeights ? graph.targets.count : 0)
  offsets.withUnsafeMutableBufferPointer { offsets in
    targets.withUnsafeMutableBufferPointer { targets in
      weights.withUnsafeMutableBufferPointer { weights in
        graph.offsets.withUnsafeBufferPointer { oldOffsets in
          graph.targets.withUnsafeBufferPointer { oldTargets in
            graph.strengths.withUnsafeBufferPointer { oldWeights in
              rank.withUnsafeBufferPointer { rank in
                var next = 0
                for node in 0..<count {
                  let person = Int(order[node])
                  for slot in oldOffsets[person]..<oldOffsets[person + 1] {
                    targets[next] = rank[Int(oldTargets[slot])]
                    if includeWeights { weights[next] = oldWeights[slot] }
                    next += 1
                  }
                  offsets[node + 1] = next
                }
              }
            }
          }
        }
      }
    }
  }
  return (offsets, targets, weights)
}
