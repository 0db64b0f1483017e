/// The person side of a list of communities: for each person, the
/// communities they belong to and the communities they would join
/// `direct` (docs/design.md §5.2: not a member, but with a strong tie to one), each as a
/// compressed row.
///
/// Join summaries need, for a person P and each friend F, the communities F
/// has a tie into; with these rows that is one short list per friend, and
/// the marks that count them are per community (a few kilobytes, in the
/// first-level cache) rather than per person.
///
/// ```swift
/// let rows = PersonCommunities(graph, communities: network.indexedCommunities)
/// let row = rows.directOffsets[cy]..<rows.directOffsets[cy + 1]
/// for slot in row { print(rows.directCommunities[slot]) }  // Cy trusts a member there
/// ```
///
/// - Complexity: O(*n* + Σ|C| + Σ_P Σ_{G ∈ first(P)} |communities(G)|) work
///   on every core; memory O(*n* + Σ|C|) plus at most one entry per strong-tie
///   end.
package struct PersonCommunities: Sendable {
  /// How many communities the indices refer to.
  package let communityCount: Int
  /// The strong-tie adjacency the rows were built on (the graph's, or a
  /// ``LocalGraph``'s, whose numbering the rows then use).
  package let offsets: [Int]
  /// Strong-tie neighbours, indexed by ``offsets``.
  package let targets: [Int32]
  /// `memberOffsets[p] ..< memberOffsets[p + 1]` index `memberCommunities` for person `p`.
  package let memberOffsets: [Int]
  /// The communities each person belongs to, ascending.
  package let memberCommunities: [Int32]
  /// `directOffsets[p] ..< directOffsets[p + 1]` index `directCommunities` for person `p`.
  package let directOffsets: [Int]
  /// The communities each person would join direct, each once, in the order
  /// the person's ties first reach them.
  package let directCommunities: [Int32]

  /// The rows of `communities` (person indices of `graph`).
  package init(_ graph: TrustGraph, communities: [IndexedCommunity]) {
    self.init(
      offsets: graph.offsets, targets: graph.targets, communities: communities.map(\.members))
  }

  /// The rows of `communities` in `local`'s numbering: row `i` is person `local.order[i]`.
  package init(_ local: LocalGraph, communities: [IndexedCommunity]) {
    self.init(
      offsets: local.offsets, targets: local.targets,
      communities: communities.map { local.nodes(of: $0.members) })
  }

  private init(offsets: [Int], targets: [Int32], communities: [[Int32]]) {
    let count = offsets.count - 1
    communityCount = communities.count
    var memberOffsets = [Int](repeating: 0, count: count + 1)
    for community in communities {
      for member in community { memberOffsets[Int(member) + 1] += 1 }
    }
    for person in 0..<count { memberOffsets[person + 1] += memberOffsets[person] }
    var memberCommunities = [Int32](repeating: 0, count: memberOffsets[count])
    var next = memberOffsets
    for (index, community) in communities.enumerated() {
      for member in community {
        memberCommunities[next[Int(member)]] = Int32(truncatingIfNeeded: index)
        next[Int(member)] += 1
      }
    }
    (directOffsets, directCommunities) = Self.directRows(
      offsets: offsets, targets: targets, communityCount: communities.count,
      memberOffsets: memberOffsets, memberCommunities: memberCommunities)
    self.offsets = offsets
    self.targets = targets
    self.memberOffsets = memberOffsets
    self.memberCommunities = memberCommunities
  }

  /// How many people (rows).
  package var personCount: Int { offsets.count - 1 }

  /// Calls `body` with handles on the adjacency and both kinds of rows.
  ///
  /// ```swift
  /// let directJoins = rows.withRows { rows in rows.direct.row(of: cy).count }
  /// ```
  ///
  /// - Complexity: O(1) besides `body`.
  @inline(__always)
  func withRows<Result>(_ body: (PersonCommunityRows) throws -> Result) rethrows -> Result {
    try offsets.withUnsafeBufferPointer { offsets in
      try targets.withUnsafeBufferPointer { targets in
        try memberOffsets.withUnsafeBufferPointer { memberOffsets in
          try memberCommunities.withUnsafeBufferPointer { memberCommunities in
            try directOffsets.withUnsafeBufferPointer { directOffsets in
              try directCommunities.withUnsafeBufferPointer { directCommunities in
                try body(
                  PersonCommunityRows(
                    adjacency: AdjacencyHandle(offsets: offsets, targets: targets),
                    members: CompressedRowsHandle(
                      offsets: memberOffsets, entries: memberCommunities),
                    direct: CompressedRowsHandle(
                      offsets: directOffsets, entries: directCommunities)))
              }
            }
          }
        }
      }
    }
  }

  /// Each person's direct row, built in blocks of people on every core, each
  /// block into its own list, then laid end to end.
  private static func directRows(
    offsets: [Int], targets: [Int32], communityCount: Int, memberOffsets: [Int],
    memberCommunities: [Int32]
  ) -> ([Int], [Int32]) {
    let count = offsets.count - 1
    let block = 2048
    let blocks = (count + block - 1) / block
    let lengths = HugePageBuffer<Int32>(uninitializedCount: count)
    let lists = HugePageBuffer<[Int32]>(repeating: [], count: blocks)
    let stamps = (0..<workerCount).map { _ in
      HugePageBuffer<UInt32>(repeating: 0, count: communityCount)
    }
    let lastStamps = HugePageBuffer<UInt32>(repeating: 0, count: workerCount)
    AdjacencyHandle.with(offsets: offsets, targets: targets) { adjacency in
      CompressedRowsHandle.with(offsets: memberOffsets, entries: memberCommunities) { members in
        forEachBlockInParallel(count: count, block: block) { worker, range in
          var list: [Int32] = []
          let stamp = stamps[worker].pointer
          // Two stamps per person: its own communities, and those already
          // listed; cleared when the stamps would wrap.
          var own = lastStamps.pointer[worker]
          for person in range {
            if own >= UInt32.max - 3 {
              stamp.update(repeating: 0)
              own = 0
            }
            own &+= 2
            let listed = own &+ 1
            let start = list.count
            for slot in members.row(of: person) { stamp[members.entry(at: slot)] = own }
            for slot in adjacency.row(of: person) {
              for entry in members.row(of: adjacency.target(at: slot)) {
                let community = members.entry(at: entry)
                if stamp[community] < own {
                  stamp[community] = listed
                  list.append(Int32(truncatingIfNeeded: community))
                }
              }
            }
            lengths.pointer[person] = Int32(truncatingIfNeeded: list.count - start)
          }
          lastStamps.pointer[worker] = own
          lists.pointer[range.lowerBound / block] = list
        }
      }
    }
    var offsets = [Int](repeating: 0, count: count + 1)
    for person in 0..<count { offsets[person + 1] = offsets[person] + Int(lengths.pointer[person]) }
    var entries: [Int32] = []
    entries.reserveCapacity(offsets[count])
    for list in lists.pointer { entries.append(contentsOf: list) }
    return (offsets, entries)
  }
}

/// Handles on a ``PersonCommunities``' three sets of rows, for the join
/// summary's loop: the strong-tie adjacency, each person's communities, and
/// the communities each person would join direct.
///
/// ```swift
/// rows.withRows { rows in
///   for slot in rows.direct.row(of: cy) { print(rows.direct.entry(at: slot)) }
/// }
/// ```
///
/// - Complexity: every accessor is O(1).
struct PersonCommunityRows: Sendable {
  /// The strong-tie adjacency the rows were built on.
  let adjacency: AdjacencyHandle
  /// Each person's communities, ascending.
  let members: CompressedRowsHandle
  /// The communities each person would join direct.
  let direct: CompressedRowsHandle

  /// How many people (rows).
  var personCount: Int { adjacency.nodeCount }
}
