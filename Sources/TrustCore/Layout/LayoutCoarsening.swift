/// One step of the multilevel layout's coarsening: neighbours are matched in
/// pairs (the lighter neighbour first, so clusters stay even), and a node left
/// without a partner joins its lightest neighbour's cluster, so a star
/// collapses at once. While `respectingGroups`, only nodes of the same group
/// (tribe) merge: the coarse levels then follow the tribes, and a tribe is
/// laid out as one body before its people spread.
///
/// ```swift
/// let step = LayoutCoarsening(graph, respectingGroups: true)
/// step.coarse.nodeCount   // about half of graph.nodeCount
/// step.parent[7]          // the coarse node that node 7 became part of
/// ```
///
/// - Complexity: O(*n* + *m*): nodes visited by degree (a counting sort), the
///   coarse rows made with one marker array.
struct LayoutCoarsening {
  /// The coarser graph: a node per cluster, masses summed, edges merged.
  let coarse: LayoutGraph
  /// Each node's cluster, a node of ``coarse``.
  let parent: [Int32]

  init(_ graph: LayoutGraph, respectingGroups: Bool) {
    let count = graph.nodeCount
    let offsets = graph.offsets
    let targets = graph.targets
    let groups = graph.groups
    // Visit nodes by degree, lowest first (ties by number): leaves pick before hubs.
    let degrees = (0..<count).map { Int32(truncatingIfNeeded: offsets[$0 + 1] - offsets[$0]) }
    let order = groupedByKey(degrees, groupCount: Int(degrees.max() ?? 0) + 1).order
    var parent = [Int32](repeating: -1, count: count)
    var clusterMass: [Double] = []
    clusterMass.reserveCapacity(count / 2 + 1)
    // Pairs.
    for node32 in order {
      let node = Int(node32)
      guard parent[node] < 0 else { continue }
      var best = -1
      var bestMass = Double.infinity
      for slot in offsets[node]..<offsets[node + 1] {
        let other = Int(targets[slot])
        guard parent[other] < 0, other != node else { continue }
        if respectingGroups && groups[other] != groups[node] { continue }
        let mass = graph.masses[other]
        if mass < bestMass {
          best = other
          bestMass = mass
        }
      }
      guard best >= 0 else { continue }
      let cluster = Int32(truncatingIfNeeded: clusterMass.count)
      parent[node] = cluster
      parent[best] = cluster
      clusterMass.append(graph.masses[node] + bestMass)
    }
    // Those left over join their lightest neighbouring cluster, or stay alone.
    for node32 in order {
      let node = Int(node32)
      guard parent[node] < 0 else { continue }
      var best: Int32 = -1
      var bestMass = Double.infinity
      for slot in offsets[node]..<offsets[node + 1] {
        let other = Int(targets[slot])
        let cluster = parent[other]
        guard cluster >= 0 else { continue }
        if respectingGroups && groups[other] != groups[node] { continue }
        if clusterMass[Int(cluster)] < bestMass {
          best = cluster
          bestMass = clusterMass[Int(cluster)]
        }
      }
      if best >= 0 {
        parent[node] = best
        clusterMass[Int(best)] += graph.masses[node]
      } else {
        parent[node] = Int32(truncatingIfNeeded: clusterMass.count)
        clusterMass.append(graph.masses[node])
      }
    }
    self.parent = parent
    coarse = Self.merged(
      graph, parent: parent, clusterCount: clusterMass.count, masses: clusterMass)
  }

  /// The graph of clusters: an edge between two clusters when any of their
  /// nodes are neighbours; a cluster's group is its nodes' when they agree.
  private static func merged(
    _ graph: LayoutGraph, parent: [Int32], clusterCount: Int, masses: [Double]
  ) -> LayoutGraph {
    let (members, starts) = groupedByKey(parent, groupCount: clusterCount, startsAs: Int.self)
    var seen = [Int32](repeating: -1, count: clusterCount)
    var groups = [Int32](repeating: -1, count: clusterCount)
    var offsets = [0]
    offsets.reserveCapacity(clusterCount + 1)
    var targets: [Int32] = []
    targets.reserveCapacity(graph.targets.count / 2)
    for cluster in 0..<clusterCount {
      let own = Int32(truncatingIfNeeded: cluster)
      seen[cluster] = own
      var group = graph.groups[Int(members[starts[cluster]])]
      for position in starts[cluster]..<starts[cluster + 1] {
        let node = Int(members[position])
        if graph.groups[node] != group { group = -1 }
        for slot in graph.offsets[node]..<graph.offsets[node + 1] {
          let other = parent[Int(graph.targets[slot])]
          if seen[Int(other)] != own {
            seen[Int(other)] = own
            targets.append(other)
          }
        }
      }
      groups[cluster] = group
      offsets.append(targets.count)
    }
    return LayoutGraph(offsets: offsets, targets: targets, masses: masses, groups: groups)
  }
}
