#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The quality a community detection maximises.
public enum ClusteringQuality: String, Sendable, Hashable, CaseIterable {
  /// Newman's modularity with resolution γ: Σ_c (in_c / 2m − γ (K_c / 2m)²).
  case modularity
  /// The constant Potts model: Σ_c (e_c − γ n_c (n_c − 1) / 2).
  case cpm
}

/// The Leiden algorithm (Traag, Waltman & van Eck, 2019): fast local moving
/// with a queue, refinement into well-connected subsets, aggregation on the
/// refined partition, repeated until a full pass changes nothing.
///
/// Every random choice comes from a ``SeededRandom``, so the same graph and
/// seed give the same partition on every machine.
///
/// - Complexity: each pass is O(*m*) expected; passes shrink the graph
///   geometrically in practice. No recursion.
struct Leiden {
  var quality: ClusteringQuality
  var resolution: Double
  /// θ, the randomness of the refinement (0.01 as in the paper).
  var randomness = 0.01
  /// A safety bound on full passes.
  var maximumIterations = 100
  /// The gain in quality (relative to the quality when above 1) below which
  /// another iteration is not run: far below the smallest step of
  /// modularity on a network of fewer than 1,000 tie ends, 1 / (2m)².
  static let stallTolerance = 1e-6
  /// How much more than staying a move must gain, relative to the node's
  /// share of its cluster's weight: more than the rounding of the running
  /// cluster weights, which near a hub is large enough to make nodes swap
  /// back and forth for ever on noise.
  static let moveMargin = 1e-10

  /// The resolution in the units of the node weights used by the moves.
  func scaledResolution(_ graph: ClusteringGraph) -> Double {
    switch quality {
    case .modularity: return graph.totalStrength > 0 ? resolution / graph.totalStrength : 0
    case .cpm: return resolution
    }
  }

  /// Each node's weight in the moves: its strength for modularity, its size for CPM.
  func nodeWeights(_ graph: ClusteringGraphHandle) -> UnsafeBufferPointer<Double> {
    quality == .modularity ? graph.strength : graph.size
  }

  /// The quality of `membership` on `graph` under these settings.
  func value(of membership: [Int32], on graph: ClusteringGraph) -> Double {
    switch quality {
    case .modularity:
      return graph.modularity(of: membership, resolution: resolution)
    case .cpm:
      let clusters = (membership.max().map { Int($0) } ?? -1) + 1
      var inside = [Double](repeating: 0, count: clusters)
      var sizes = [Double](repeating: 0, count: clusters)
      for node in 0..<graph.nodeCount {
        let cluster = Int(membership[node])
        sizes[cluster] += graph.size[node]
        inside[cluster] += graph.selfWeight[node] / 2
        for slot in graph.offsets[node]..<graph.offsets[node + 1]
        where membership[Int(graph.targets[slot])] == membership[node] {
          inside[cluster] += graph.weights[slot] / 2
        }
      }
      var total = 0.0
      for cluster in 0..<clusters {
        total += inside[cluster] - resolution * sizes[cluster] * (sizes[cluster] - 1) / 2
      }
      return total
    }
  }

  /// Runs Leiden from `initial` (singletons when `nil`) to a stable partition,
  /// then makes sure every cluster is connected and no single node can move
  /// to raise the quality. Clusters come back labelled densely. `iterated`
  /// hears after each iteration how far the run may have gone: 1 − 2^−k
  /// after k iterations (how many are needed is not known beforehand), and
  /// 0.99 before polishing.
  func run(
    _ graph: ClusteringGraph, initial: [Int32]? = nil, random: inout SeededRandom,
    iterated: ((Double) -> Void)? = nil
  ) -> [Int32] {
    var membership = initial ?? (0..<graph.nodeCount).map { Int32(truncatingIfNeeded: $0) }
    _ = relabelDensely(&membership)
    var reached = value(of: membership, on: graph)
    var remaining = 1.0
    for _ in 0..<maximumIterations {
      let moved = iterate(graph, membership: &membership, random: &random)
      remaining /= 2
      iterated?(min(0.98, 1 - remaining))
      if !moved { break }
      // An iteration that moves nodes but gains (next to) nothing ends the
      // search: on networks with hubs, iterations went on by the dozen,
      // each a full pass over every level, for gains of a millionth.
      let next = value(of: membership, on: graph)
      if next - reached <= Self.stallTolerance * max(abs(reached), 1) { break }
      reached = next
    }
    iterated?(0.99)
    polish(graph, membership: &membership, random: &random)
    _ = relabelDensely(&membership)
    return membership
  }

  /// One Leiden iteration over all levels; returns whether any node moved.
  func iterate(_ original: ClusteringGraph, membership: inout [Int32], random: inout SeededRandom)
    -> Bool
  {
    var graph = original
    var partition = membership
    var nodeOfOriginal = (0..<original.nodeCount).map { Int32(truncatingIfNeeded: $0) }
    var changed = false
    while true {
      changed = moveNodes(graph, membership: &partition, random: &random) || changed
      let clusterCount = relabelDensely(&partition)
      if clusterCount == graph.nodeCount { break }
      var refined = refine(graph, partition: partition, clusterCount: clusterCount, random: &random)
      var refinedCount = relabelDensely(&refined)
      if refinedCount == graph.nodeCount {
        // Refinement merged nothing: aggregate on the partition itself.
        refined = partition
        refinedCount = clusterCount
      }
      var next = [Int32](repeating: 0, count: refinedCount)
      for node in 0..<graph.nodeCount { next[Int(refined[node])] = partition[node] }
      let aggregate = graph.aggregated(by: refined, clusterCount: refinedCount)
      for node in nodeOfOriginal.indices {
        nodeOfOriginal[node] = refined[Int(nodeOfOriginal[node])]
      }
      graph = aggregate
      partition = next
    }
    for node in membership.indices { membership[node] = partition[Int(nodeOfOriginal[node])] }
    return changed
  }

  /// Fast local moving (Traag et al., Algorithm A.2): nodes in a queue, each
  /// moved to the neighbouring cluster (or an empty one) with the largest
  /// strict gain; neighbours outside the new cluster are queued again.
  /// Returns whether any node moved.
  func moveNodes(_ graph: ClusteringGraph, membership: inout [Int32], random: inout SeededRandom)
    -> Bool
  {
    let count = graph.nodeCount
    guard count > 0 else { return false }
    let gamma = scaledResolution(graph)
    let margin = Self.moveMargin
    let order = randomPermutation(count, &random)
    let clusterWeight = Scratch<Double>(count, 0)
    let clusterSize = Scratch<Int32>(count, 0)
    let queue = Scratch<Int32>(count, 0)
    let inQueue = Scratch<Bool>(count, true)
    let edgeWeightTo = Scratch<Double>(count, 0)
    let isNeighbouring = Scratch<Bool>(count, false)
    let neighbouring = Scratch<Int32>(count + 1, 0)
    let unused = Scratch<Int32>(count, 0)
    defer {
      for scratch in [clusterWeight.raw, clusterSize.raw, queue.raw, inQueue.raw] {
        scratch.deallocate()
      }
      for scratch in [edgeWeightTo.raw, isNeighbouring.raw, neighbouring.raw, unused.raw] {
        scratch.deallocate()
      }
    }
    var changed = false
    graph.withHandle { graph in
      let (adjacency, weights) = (graph.adjacency, nodeWeights(graph))
      membership.withUnsafeMutableBufferPointer { membership in
        for node in 0..<count {
          clusterWeight[Int(membership[node])] += weights[node]
          clusterSize[Int(membership[node])] += 1
          queue[node] = order[node]
        }
        var unusedCount = 0
        for cluster in stride(from: count - 1, through: 0, by: -1) where clusterSize[cluster] == 0 {
          unused[unusedCount] = Int32(truncatingIfNeeded: cluster)
          unusedCount += 1
        }
        var head = 0
        var queued = count
        while queued > 0 {
          let node = Int(queue[head])
          head = head &+ 1 == count ? 0 : head &+ 1
          queued &-= 1
          inQueue[node] = false
          let current = Int(membership[node])
          let weight = weights[node]
          clusterWeight[current] -= weight
          clusterSize[current] &-= 1
          if clusterSize[current] == 0 {
            unused[unusedCount] = Int32(truncatingIfNeeded: current)
            unusedCount &+= 1
          }
          let empty = Int(unused[unusedCount &- 1])
          neighbouring[0] = Int32(truncatingIfNeeded: empty)
          isNeighbouring[empty] = true
          var neighbourCount = 1
          let row = adjacency.row(of: node)
          for slot in row {
            let cluster = Int(membership[adjacency.target(at: slot)])
            if !isNeighbouring[cluster] {
              isNeighbouring[cluster] = true
              neighbouring[neighbourCount] = Int32(truncatingIfNeeded: cluster)
              neighbourCount &+= 1
            }
            edgeWeightTo[cluster] += adjacency.weight(at: slot)
          }
          var best = current
          let stay = weight * clusterWeight[current] * gamma
          var bestGain =
            edgeWeightTo[current] - stay + margin * (edgeWeightTo[current] + stay + weight * gamma)
          for position in 0..<neighbourCount {
            let cluster = Int(neighbouring[position])
            let gain = edgeWeightTo[cluster] - weight * clusterWeight[cluster] * gamma
            if gain > bestGain {
              best = cluster
              bestGain = gain
            }
            edgeWeightTo[cluster] = 0
            isNeighbouring[cluster] = false
          }
          clusterWeight[best] += weight
          clusterSize[best] &+= 1
          if best == Int(unused[unusedCount &- 1]) { unusedCount &-= 1 }
          guard best != current else { continue }
          membership[node] = Int32(truncatingIfNeeded: best)
          changed = true
          for slot in row {
            let neighbour = adjacency.target(at: slot)
            if !inQueue[neighbour] && Int(membership[neighbour]) != best {
              inQueue[neighbour] = true
              var tail = head &+ queued
              if tail >= count { tail &-= count }
              queue[tail] = Int32(truncatingIfNeeded: neighbour)
              queued &+= 1
            }
          }
        }
      }
    }
    return changed
  }

  /// The refinement (Traag et al., Algorithm A.2, RefinePartition): inside
  /// each cluster, singletons that are well connected to it merge, at random
  /// with probability ∝ exp(gain / θ), into well-connected subsets.
  ///
  /// Clusters are refined independently, each with its own random stream
  /// drawn from `random`, so they run on every core and the result does not
  /// depend on how many there are.
  func refine(
    _ graph: ClusteringGraph, partition: [Int32], clusterCount: Int, random: inout SeededRandom
  ) -> [Int32] {
    let count = graph.nodeCount
    let gamma = scaledResolution(graph)
    let streamSeed = random.next()
    // Nodes grouped by cluster.
    var starts = [Int](repeating: 0, count: clusterCount + 1)
    for cluster in partition { starts[Int(cluster) + 1] += 1 }
    for cluster in 0..<clusterCount { starts[cluster + 1] += starts[cluster] }
    let members = HugePageBuffer<Int32>(repeating: 0, count: count)
    var fill = starts
    for (node, cluster) in partition.enumerated() {
      members.pointer[fill[Int(cluster)]] = Int32(truncatingIfNeeded: node)
      fill[Int(cluster)] += 1
    }
    let refined = HugePageBuffer<Int32>(repeating: 0, count: count)
    let refinedWeight = HugePageBuffer<Double>(repeating: 0, count: count)
    let nonSingleton = HugePageBuffer<Bool>(repeating: false, count: count)
    let external = HugePageBuffer<Double>(repeating: 0, count: count)
    let edgeWeightTo = HugePageBuffer<Double>(repeating: 0, count: count)
    let isNeighbouring = HugePageBuffer<Bool>(repeating: false, count: count)
    let neighbouringOf = (0..<workerCount).map { _ in
      HugePageBuffer<Int32>(repeating: 0, count: count + 1)
    }
    let cumulativeOf = (0..<workerCount).map { _ in
      HugePageBuffer<Double>(repeating: 0, count: count + 1)
    }
    let randomness = self.randomness
    let startsShared = UnsafeSendable(starts)
    graph.withHandle { graph in
      partition.withUnsafeBufferPointer { partition in
        // One value unpacked into each worker's locals, not captured piece
        // by piece (see `ClusteringGraph.aggregated(by:clusterCount:)`).
        let shared = UnsafeSendable((graph.adjacency, nodeWeights(graph), partition))
        forEachBlockInParallel(count: clusterCount, block: 16) { worker, clusters in
          let (adjacency, weights, partition) = shared.value
          let starts = startsShared.value
          let refined = refined.pointer
          let refinedWeight = refinedWeight.pointer
          let nonSingleton = nonSingleton.pointer
          let external = external.pointer
          let edgeWeightTo = edgeWeightTo.pointer
          let isNeighbouring = isNeighbouring.pointer
          let neighbouring = neighbouringOf[worker].pointer
          let cumulative = cumulativeOf[worker].pointer
          for cluster in clusters {
            let first = starts[cluster]
            let last = starts[cluster + 1]
            if last - first < 2 {
              for position in first..<last {
                refined[Int(members.pointer[position])] = members.pointer[position]
              }
              continue
            }
            var total = 0.0
            for position in first..<last {
              let node = Int(members.pointer[position])
              refined[node] = Int32(truncatingIfNeeded: node)
              refinedWeight[node] = weights[node]
              total += weights[node]
              // E(S, C − S) for each refined cluster S, starting with singletons.
              var sum = 0.0
              for slot in adjacency.row(of: node)
              where partition[adjacency.target(at: slot)] == Int32(truncatingIfNeeded: cluster) {
                sum += adjacency.weight(at: slot)
              }
              external[node] = sum
            }
            var stream = SeededRandom(
              seed: streamSeed ^ (UInt64(cluster) &* 0x9E37_79B9_7F4A_7C15))
            // Visit the cluster's nodes in a random order (Fisher–Yates in place).
            let size = last - first
            for index in stride(from: size - 1, to: 0, by: -1) {
              let other = stream.below(index + 1)
              let a = members.pointer[first + index]
              members.pointer[first + index] = members.pointer[first + other]
              members.pointer[first + other] = a
            }
            for position in first..<last {
              let node = Int(members.pointer[position])
              let weight = weights[node]
              guard !nonSingleton[node], external[node] >= weight * (total - weight) * gamma
              else { continue }
              refinedWeight[node] = 0
              let ownExternal = external[node]
              external[node] = 0
              neighbouring[0] = Int32(truncatingIfNeeded: node)
              isNeighbouring[node] = true
              var neighbourCount = 1
              let row = adjacency.row(of: node)
              for slot in row {
                let neighbour = adjacency.target(at: slot)
                guard partition[neighbour] == Int32(truncatingIfNeeded: cluster) else { continue }
                let target = Int(refined[neighbour])
                if !isNeighbouring[target] {
                  isNeighbouring[target] = true
                  neighbouring[neighbourCount] = Int32(truncatingIfNeeded: target)
                  neighbourCount &+= 1
                }
                edgeWeightTo[target] += adjacency.weight(at: slot)
              }
              var best = node
              var bestGain = 0.0
              var sum = 0.0
              for index in 0..<neighbourCount {
                let candidate = Int(neighbouring[index])
                if external[candidate] >= refinedWeight[candidate]
                  * (total - refinedWeight[candidate]) * gamma
                {
                  let gain = edgeWeightTo[candidate] - weight * refinedWeight[candidate] * gamma
                  if gain > bestGain {
                    best = candidate
                    bestGain = gain
                  }
                  if gain >= 0 { sum += exp(gain / randomness) }
                }
                cumulative[index] = sum
                edgeWeightTo[candidate] = 0
                isNeighbouring[candidate] = false
              }
              var chosen = best
              if sum.isFinite && sum > 0 {
                let target = sum * stream.unit()
                var low = 0
                var high = neighbourCount - 1
                while low < high {
                  let middle = (low + high) / 2
                  if target >= cumulative[middle] { low = middle + 1 } else { high = middle }
                }
                chosen = Int(neighbouring[low])
              }
              refinedWeight[chosen] += weight
              var externalChange = 0.0
              for slot in row {
                let neighbour = adjacency.target(at: slot)
                guard partition[neighbour] == Int32(truncatingIfNeeded: cluster) else { continue }
                externalChange +=
                  Int(refined[neighbour]) == chosen
                  ? -adjacency.weight(at: slot) : adjacency.weight(at: slot)
              }
              if chosen == node {
                external[node] = ownExternal
              } else {
                external[chosen] += externalChange
                refined[node] = Int32(truncatingIfNeeded: chosen)
                nonSingleton[chosen] = true
              }
            }
          }
        }
      }
    }
    return refined.array
  }

  /// Until stable: full local-moving passes with every node queued, then
  /// disconnected clusters split into their parts (which never lowers the quality).
  func polish(_ graph: ClusteringGraph, membership: inout [Int32], random: inout SeededRandom) {
    for _ in 0..<maximumIterations {
      var passes = 0
      while passes < maximumIterations && moveNodes(graph, membership: &membership, random: &random)
      {
        passes += 1
      }
      // Moves can disconnect a cluster; splitting raises the quality and can open new moves.
      if !splitDisconnected(graph, membership: &membership) { return }
    }
  }
}

/// Splits every cluster that is not connected into its connected parts;
/// returns whether any was split.
///
/// - Complexity: O(*n* + *m*), breadth-first with an explicit queue.
func splitDisconnected(_ graph: ClusteringGraph, membership: inout [Int32]) -> Bool {
  let count = graph.nodeCount
  var component = [Int32](repeating: -1, count: count)
  var queue = [Int32](repeating: 0, count: count)
  var next: Int32 = 0
  var partsOfCluster: [Int32: Int] = [:]
  for start in 0..<count where component[start] < 0 {
    let cluster = membership[start]
    component[start] = next
    queue[0] = Int32(truncatingIfNeeded: start)
    var head = 0
    var tail = 1
    while head < tail {
      let node = Int(queue[head])
      head += 1
      for slot in graph.offsets[node]..<graph.offsets[node + 1] {
        let neighbour = Int(graph.targets[slot])
        if component[neighbour] < 0 && membership[neighbour] == cluster {
          component[neighbour] = next
          queue[tail] = Int32(truncatingIfNeeded: neighbour)
          tail += 1
        }
      }
    }
    partsOfCluster[cluster, default: 0] += 1
    next += 1
  }
  guard partsOfCluster.values.contains(where: { $0 > 1 }) else { return false }
  membership = component
  return true
}

/// A uniformly random permutation of `0 ..< count` (Fisher–Yates).
func randomPermutation(_ count: Int, _ random: inout SeededRandom) -> [Int32] {
  var order = (0..<count).map { Int32(truncatingIfNeeded: $0) }
  if count > 1 {
    for index in stride(from: count - 1, to: 0, by: -1) {
      order.swapAt(index, random.below(index + 1))
    }
  }
  return order
}

/// A fixed-size scratch buffer for the hot loops: no bounds checks, no
/// reference counting, no exclusivity checks. The owner deallocates `raw`.
struct Scratch<Element> {
  let raw: UnsafeMutableRawPointer
  let base: UnsafeMutablePointer<Element>

  init(_ count: Int, _ value: Element) {
    base = UnsafeMutablePointer<Element>.allocate(capacity: max(count, 1))
    base.initialize(repeating: value, count: max(count, 1))
    raw = UnsafeMutableRawPointer(base)
  }

  @inline(__always)
  subscript(index: Int) -> Element {
    get { base[index] }
    nonmutating set { base[index] = newValue }
  }
}
