/// The communities each person belongs to, in the file's order of
/// communities, for writers that put membership on the people (a
/// `communities` attribute of ids joined with `;`).
///
/// ```swift
/// let membership = CommunityMembership(network)
/// membership.communities(of: 7)  // [1, 2]: the second and third communities
/// membership.joinedIDs(of: 7)    // "guild;lisbon" as bytes
/// ```
///
/// - Complexity: O(*n* + *c*) time and memory for *c* memberships.
struct CommunityMembership {
  private let offsets: [Int]
  private let list: [Int32]
  private let ids: [[UInt8]]

  /// The membership of `network`'s communities.
  init(_ network: TrustNetwork) {
    let communities = network.indexedCommunities
    var offsets = [Int](repeating: 0, count: network.people.count + 1)
    for community in communities {
      for member in community.members { offsets[Int(member) + 1] += 1 }
    }
    for person in 0..<network.people.count { offsets[person + 1] += offsets[person] }
    var next = offsets
    var list = [Int32](repeating: 0, count: offsets[network.people.count])
    for (index, community) in communities.enumerated() {
      for member in community.members {
        list[next[Int(member)]] = Int32(truncatingIfNeeded: index)
        next[Int(member)] += 1
      }
    }
    self.offsets = offsets
    self.list = list
    ids = communities.map { Array($0.id.utf8) }
  }

  /// Whether anyone belongs to a community.
  var isEmpty: Bool { list.isEmpty }

  /// The indices of the communities `person` belongs to.
  func communities(of person: Int) -> ArraySlice<Int32> {
    list[offsets[person]..<offsets[person + 1]]
  }

  /// The ids of `person`'s communities joined with `;` (empty for none).
  func joinedIDs(of person: Int) -> [UInt8] {
    var joined: [UInt8] = []
    for (position, community) in communities(of: person).enumerated() {
      if position > 0 { joined.append(UInt8(ascii: ";")) }
      joined.append(contentsOf: ids[Int(community)])
    }
    return joined
  }
}
