/// A weighted undirected graph for community detection: compressed adjacency
/// without self-loops, plus each node's self weight, strength and size, so an
/// aggregated graph (a node per community) has the same shape as the original.
///
/// - Complexity: memory O(*n* + *m*).
struct ClusteringGraph: Sendable {
  /// `offsets[v] ..< offsets[v + 1]` index `targets` and `weights`.
  var offsets: [Int]
  var targets: [Int32]
  var weights: [Double]
  /// A_vv: twice the weight of the ties inside an aggregated node.
  var selfWeight: [Double]
  /// k_v = A_vv + Σ_u A_vu.
  var strength: [Double]
  /// How many people the node stands for.
  var size: [Double]
  /// 2m = Σ_v k_v.
  var totalStrength: Double

  var nodeCount: Int { strength.count }

  /// The strong-tie graph, weighted by strength or, when `unweighted`, by 1;
  /// with `local`, in its numbering (person `local.order[i]` is node `i`).
  init(_ graph: TrustGraph, unweighted: Bool, local: LocalGraph? = nil) {
    if let local {
      offsets = local.offsets
      targets = local.targets
      weights =
        unweighted
        ? [Double](repeating: 1, count: local.targets.count) : local.weights(of: graph)
    } else {
      offsets = graph.offsets
      targets = graph.targets
      weights = unweighted ? [Double](repeating: 1, count: graph.targets.count) : graph.strengths
    }
    selfWeight = [Double](repeating: 0, count: graph.personCount)
    var strength = [Double](repeating: 0, count: graph.personCount)
    var total = 0.0
    for node in 0..<graph.personCount {
      var sum = 0.0
      for slot in offsets[node]..<offsets[node + 1] { sum += weights[slot] }
      strength[node] = sum
      total += sum
    }
    self.strength = strength
    size = [Double](repeating: 1, count: graph.personCount)
    totalStrength = total
  }

  init(
    offsets: [Int], targets: [Int32], weights: [Double], selfWeight: [Double], strength: [Double],
    size: [Double]
  ) {
    self.offsets = offsets
    self.targets = targets
    self.weights = weights
    self.selfWeight = selfWeight
    self.strength = strength
    self.size = size
    totalStrength = strength.reduce(0, +)
  }

  /// The graph with one node per cluster of `membership` (labels `0 ..< clusterCount`).
  ///
  /// Each cluster's row is independent of the others: on a large graph,
  /// blocks of clusters are aggregated on every core, each worker with its
  /// own scratch, and the rows joined in cluster order, so the result is the
  /// same on any number of cores (`parallelMinimumTies` lets tests force it).
  ///
  /// - Complexity: O(*n* + *m*).
  func aggregated(
    by membership: [Int32], clusterCount: Int, parallelMinimumTies: Int = 1 << 18
  ) -> ClusteringGraph {
    // Nodes grouped by cluster (a counting sort), then one row per cluster.
    let (members, starts) = groupedByKey(
      membership, groupCount: clusterCount, startsAs: Int.self)
    let block = 2048
    let blockCount = (clusterCount + block - 1) / block
    let workers = targets.count >= parallelMinimumTies ? workerCount : 1
    let rowTargets = HugePageBuffer<[Int32]>(repeating: [], count: blockCount)
    let rowWeights = HugePageBuffer<[Double]>(repeating: [], count: blockCount)
    let rowLength = HugePageBuffer<Int>(repeating: 0, count: clusterCount)
    let newSelf = HugePageBuffer<Double>(repeating: 0, count: clusterCount)
    let newStrength = HugePageBuffer<Double>(repeating: 0, count: clusterCount)
    let newSize = HugePageBuffer<Double>(repeating: 0, count: clusterCount)
    let scratch = (0..<workers).map { _ in
      UnsafeSendable(
        (
          Scratch<Double>(clusterCount, 0), Scratch<Bool>(clusterCount, false),
          Scratch<Int32>(clusterCount, 0)
        ))
    }
    defer {
      for worker in scratch {
        worker.value.0.raw.deallocate()
        worker.value.1.raw.deallocate()
        worker.value.2.raw.deallocate()
      }
    }
    withHandle { graph in
      membership.withUnsafeBufferPointer { membership in
        CompressedRowsHandle.with(offsets: starts, entries: members) { clusters in
          // Handed over as one value and unpacked into each worker's locals:
          // captured one by one, the handles sat in the closure's context,
          // which the loop's stores through pointers might alias, so their
          // pointers were loaded again in the loop (3 % more instructions).
          let shared = UnsafeSendable((graph, membership, clusters))
          forEachBlockInParallel(count: clusterCount, block: block, workers: workers) {
            worker, range in
            let (graph, membership, clusters) = shared.value
            let adjacency = graph.adjacency
            let (weightTo, isTouched, touched) = scratch[worker].value
            var targets: [Int32] = []
            var weights: [Double] = []
            for cluster in range {
              var selfSum = 0.0
              var strengthSum = 0.0
              var sizeSum = 0.0
              var touchedCount = 0
              for position in clusters.row(of: cluster) {
                let node = clusters.entry(at: position)
                selfSum += graph.selfWeight[node]
                strengthSum += graph.strength[node]
                sizeSum += graph.size[node]
                for slot in adjacency.row(of: node) {
                  let other = Int(membership[adjacency.target(at: slot)])
                  if other == cluster {
                    selfSum += adjacency.weight(at: slot)
                  } else {
                    if !isTouched[other] {
                      isTouched[other] = true
                      touched[touchedCount] = Int32(truncatingIfNeeded: other)
                      touchedCount &+= 1
                    }
                    weightTo[other] += adjacency.weight(at: slot)
                  }
                }
              }
              newSelf.pointer[cluster] = selfSum
              newStrength.pointer[cluster] = strengthSum
              newSize.pointer[cluster] = sizeSum
              for index in 0..<touchedCount {
                let other = Int(touched[index])
                targets.append(Int32(truncatingIfNeeded: other))
                weights.append(weightTo[other])
                weightTo[other] = 0
                isTouched[other] = false
              }
              rowLength.pointer[cluster] = touchedCount
            }
            rowTargets.pointer[range.lowerBound / block] = targets
            rowWeights.pointer[range.lowerBound / block] = weights
          }
        }
      }
    }
    var newOffsets = [Int](repeating: 0, count: clusterCount + 1)
    for cluster in 0..<clusterCount {
      newOffsets[cluster + 1] = newOffsets[cluster] + rowLength.pointer[cluster]
    }
    var newTargets: [Int32] = []
    var newWeights: [Double] = []
    newTargets.reserveCapacity(newOffsets[clusterCount])
    newWeights.reserveCapacity(newOffsets[clusterCount])
    for index in 0..<blockCount {
      newTargets += rowTargets.pointer[index]
      newWeights += rowWeights.pointer[index]
    }
    return ClusteringGraph(
      offsets: newOffsets, targets: newTargets, weights: newWeights, selfWeight: newSelf.array,
      strength: newStrength.array, size: newSize.array)
  }

  /// Newman's modularity of `membership` at `resolution`:
  /// Σ_c (in_c / 2m − γ (K_c / 2m)²); 0 for a graph without ties.
  ///
  /// - Complexity: O(*n* + *m*).
  func modularity(of membership: [Int32], resolution: Double) -> Double {
    guard totalStrength > 0 else { return 0 }
    let clusters = (membership.max().map { Int($0) } ?? -1) + 1
    var inside = [Double](repeating: 0, count: clusters)
    var total = [Double](repeating: 0, count: clusters)
    for node in 0..<nodeCount {
      let cluster = Int(membership[node])
      total[cluster] += strength[node]
      inside[cluster] += selfWeight[node]
      for slot in offsets[node]..<offsets[node + 1]
      where membership[Int(targets[slot])] == membership[node] {
        inside[cluster] += weights[slot]
      }
    }
    var quality = 0.0
    for cluster in 0..<clusters {
      let share = total[cluster] / totalStrength
      quality += inside[cluster] / totalStrength - resolution * share * share
    }
    return quality
  }
}

/// Handles on a clustering graph's arrays, for the hot loops of Leiden: the
/// weighted adjacency, and each node's self weight, strength and size.
///
/// ```swift
/// graph.withHandle { graph in
///   print(graph.adjacency.degree(of: 0), graph.strength[0])
/// }
/// ```
///
/// - Complexity: every accessor is O(1).
struct ClusteringGraphHandle: @unchecked Sendable {
  /// The ties, with their weights.
  let adjacency: AdjacencyHandle
  /// A_vv per node.
  let selfWeight: UnsafeBufferPointer<Double>
  /// k_v per node.
  let strength: UnsafeBufferPointer<Double>
  /// How many people each node stands for.
  let size: UnsafeBufferPointer<Double>
}

extension ClusteringGraph {
  /// Calls `body` with a handle on the weighted adjacency.
  ///
  /// - Complexity: O(1) besides `body`.
  @inline(__always)
  func withAdjacency<Result>(_ body: (AdjacencyHandle) throws -> Result) rethrows -> Result {
    try offsets.withUnsafeBufferPointer { offsets in
      try targets.withUnsafeBufferPointer { targets in
        try weights.withUnsafeBufferPointer { weights in
          try body(AdjacencyHandle(offsets: offsets, targets: targets, weights: weights))
        }
      }
    }
  }

  /// Calls `body` with a handle on the adjacency and the per-node columns.
  ///
  /// - Complexity: O(1) besides `body`.
  @inline(__always)
  func withHandle<Result>(_ body: (ClusteringGraphHandle) throws -> Result) rethrows -> Result {
    try withAdjacency { adjacency in
      try selfWeight.withUnsafeBufferPointer { selfWeight in
        try strength.withUnsafeBufferPointer { strength in
          try size.withUnsafeBufferPointer { size in
            try body(
              ClusteringGraphHandle(
                adjacency: adjacency, selfWeight: selfWeight, strength: strength, size: size))
          }
        }
      }
    }
  }
}

/// Relabels cluster ids densely, in order of first appearance by node; returns the count.
func relabelDensely(_ membership: inout [Int32]) -> Int {
  guard let largest = membership.max() else { return 0 }
  var label = [Int32](repeating: -1, count: Int(largest) + 1)
  var next: Int32 = 0
  for node in membership.indices {
    let old = Int(membership[node])
    if label[old] < 0 {
      label[old] = next
      next += 1
    }
    membership[node] = label[old]
  }
  return Int(next)
}
