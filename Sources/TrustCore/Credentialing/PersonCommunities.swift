/// The person side of a list of communities: for each person, the
/// communities they belong to and the communities they would join
/// `direct` (spec §3: not a member, but with a strong tie to one), each as a
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
    let stamps = HugePageBuffer<[UInt32]>(
      repeating: [UInt32](repeating: 0, count: communityCount), count: workerCount)
    let lastStamps = HugePageBuffer<UInt32>(repeating: 0, count: workerCount)
    offsets.withUnsafeBufferPointer { offsets in
      targets.withUnsafeBufferPointer { targets in
        memberOffsets.withUnsafeBufferPointer { memberOffsets in
          memberCommunities.withUnsafeBufferPointer { memberCommunities in
            let shared = UnsafeSendable((offsets, targets, memberOffsets, memberCommunities))
            forEachBlockInParallel(count: count, block: block) { worker, range in
              let (offsets, targets, memberOffsets, memberCommunities) = shared.value
              var list: [Int32] = []
              stamps.pointer[worker].withUnsafeMutableBufferPointer { stamp in
                // Two stamps per person: its own communities, and those
                // already listed; cleared when the stamps would wrap.
                var own = lastStamps.pointer[worker]
                for person in range {
                  if own >= UInt32.max - 3 {
                    stamp.update(repeating: 0)
                    own = 0
                  }
                  own &+= 2
                  let listed = own &+ 1
                  let start = list.count
                  for slot in memberOffsets[person]..<memberOffsets[person + 1] {
                    stamp[Int(memberCommunities[slot])] = own
                  }
                  for slot in offsets[person]..<offsets[person + 1] {
                    let friend = Int(targets[slot])
                    for entry in memberOffsets[friend]..<memberOffsets[friend + 1] {
                      let community = Int(memberCommunities[entry])
                      if stamp[community] < own {
                        stamp[community] = listed
                        list.append(Int32(truncatingIfNeeded: community))
                      }
                    }
                  }
                  lengths.pointer[person] = Int32(truncatingIfNeeded: list.count - start)
                }
                lastStamps.pointer[worker] = own
              }
              lists.pointer[range.lowerBound / block] = list
            }
          }
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
