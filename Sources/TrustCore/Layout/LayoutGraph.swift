/// An undirected graph to lay out: a compressed adjacency array (each edge
/// in both rows, no self-loops, no repeats), each node's mass (how many
/// people it stands for) and its group (a tribe, kept together while
/// coarsening), as ``SpringElectricalLayout`` takes it.
///
/// ```swift
/// let graph = LayoutGraph(offsets: [0, 1, 2], targets: [1, 0])  // one edge, 0 – 1
/// graph.nodeCount  // 2
/// ```
///
/// - Complexity: memory 8 bytes per node and 12 per edge end, plus the masses and groups.
package struct LayoutGraph: Sendable {
  /// `offsets[v] ..< offsets[v + 1]` index ``targets`` for node `v`.
  package var offsets: [Int]
  /// Each node's neighbours.
  package var targets: [Int32]
  /// How much each node pushes others away (1 for a person; the people a
  /// coarse node stands for).
  package var masses: [Double]
  /// Each node's group (its tribe), or -1 for none.
  package var groups: [Int32]

  /// How many nodes.
  package var nodeCount: Int { offsets.count - 1 }

  /// A graph from its rows; masses 1 and no groups unless given.
  package init(offsets: [Int], targets: [Int32], masses: [Double]? = nil, groups: [Int32]? = nil) {
    let count = offsets.count - 1
    self.offsets = offsets
    self.targets = targets
    self.masses = masses ?? [Double](repeating: 1, count: count)
    self.groups = groups ?? [Int32](repeating: -1, count: count)
  }

  /// The strong-tie graph, people in file order, each in the group `groups` gives.
  package init(_ graph: TrustGraph, groups: [Int32]? = nil) {
    self.init(offsets: graph.offsets, targets: graph.targets, groups: groups)
  }

  /// The graph's edges `(a, b)` with a < b, given as pairs, in any order:
  /// rows sorted, repeats and self-loops dropped.
  ///
  /// - Complexity: O(*n* + *m* log *m*) for the sort of each row.
  package init(
    nodeCount: Int, edges: [(Int32, Int32)], masses: [Double]? = nil, groups: [Int32]? = nil
  ) {
    var degree = [Int](repeating: 0, count: nodeCount + 1)
    for (a, b) in edges where a != b {
      degree[Int(a) + 1] += 1
      degree[Int(b) + 1] += 1
    }
    for node in 0..<nodeCount { degree[node + 1] += degree[node] }
    var fill = degree
    var targets = [Int32](repeating: 0, count: degree[nodeCount])
    for (a, b) in edges where a != b {
      targets[fill[Int(a)]] = b
      fill[Int(a)] += 1
      targets[fill[Int(b)]] = a
      fill[Int(b)] += 1
    }
    var offsets = [0]
    var kept: [Int32] = []
    kept.reserveCapacity(targets.count)
    for node in 0..<nodeCount {
      let row = targets[degree[node]..<degree[node + 1]].sorted()
      var last: Int32 = -1
      for target in row where target != last {
        kept.append(target)
        last = target
      }
      offsets.append(kept.count)
    }
    self.init(offsets: offsets, targets: kept, masses: masses, groups: groups)
  }

  /// The nodes `nodes` (ascending or not) and the edges among them, renumbered
  /// 0 ..< nodes.count in the order given; `position[v]` must be -1 for every
  /// node not in `nodes`, and is left so.
  ///
  /// - Complexity: O(Σ degrees of `nodes`).
  func subgraph(_ nodes: ArraySlice<Int32>, position: inout [Int32]) -> LayoutGraph {
    for (index, node) in nodes.enumerated() {
      position[Int(node)] = Int32(truncatingIfNeeded: index)
    }
    var offsets = [0]
    offsets.reserveCapacity(nodes.count + 1)
    var targets: [Int32] = []
    var masses: [Double] = []
    var groups: [Int32] = []
    masses.reserveCapacity(nodes.count)
    groups.reserveCapacity(nodes.count)
    for node in nodes {
      let v = Int(node)
      for slot in self.offsets[v]..<self.offsets[v + 1] {
        let local = position[Int(self.targets[slot])]
        if local >= 0 { targets.append(local) }
      }
      offsets.append(targets.count)
      masses.append(self.masses[v])
      groups.append(self.groups[v])
    }
    for node in nodes { position[Int(node)] = -1 }
    return LayoutGraph(offsets: offsets, targets: targets, masses: masses, groups: groups)
  }

  /// The connected components, each as its nodes in breadth-first order;
  /// components in order of their lowest node.
  ///
  /// - Complexity: O(*n* + *m*), an explicit queue (no recursion).
  func components() -> (order: [Int32], ends: [Int]) {
    let count = nodeCount
    var seen = [Bool](repeating: false, count: count)
    var queue = [Int32](repeating: 0, count: count)
    var ends: [Int] = []
    var head = 0
    var tail = 0
    for start in 0..<count where !seen[start] {
      seen[start] = true
      queue[tail] = Int32(truncatingIfNeeded: start)
      tail += 1
      while head < tail {
        let node = Int(queue[head])
        head += 1
        for slot in offsets[node]..<offsets[node + 1] {
          let next = Int(targets[slot])
          if !seen[next] {
            seen[next] = true
            queue[tail] = targets[slot]
            tail += 1
          }
        }
      }
      ends.append(tail)
    }
    return (queue, ends)
  }
}
