/// Where to go next (docs/design.md, 'Advice'): for a person, which
/// communities would broaden their trust and how warmly they would join
/// (Social Leadership's "which communities we should join, which we should
/// leave, and which we should create afresh", and its warning that more warm
/// joins are not broader ones); for a community, whom to invite.
package enum Advice {
  /// How a community would change a person's reach.
  package enum Kind: String, Sendable, Hashable {
    /// Warm, and broadening.
    case join
    /// Cold, but broadening: worth building a cold connection.
    case stretch
    /// More of the same: the gain is not above 0.
    case familiar
  }

  /// A community the person is not in.
  package struct Option: Sendable, Hashable {
    package var community: Int
    package var warmth: JoinWarmth
    /// Blau(first(P) ∪ C) − Blau(first(P)); `nil` when no one in the union has the attribute.
    package var gain: Double?
    package var kind: Kind
    /// For a stretch: whom to ask, through whom (the person excluded, a member last);
    /// `nil` otherwise, or when no strong-tie path leads there.
    package var pathToWarmth: [Int32]?
  }

  /// The Blau index of the values of `codes` over `people` (those with a
  /// value); 0 for a set with none, so that a gain from nothing is the
  /// union's own Blau.
  static func blau(_ people: some Sequence<Int32>, codes: [Int32], scratch: inout [Int]) -> Double?
  {
    var touched: [Int32] = []
    var total = 0
    for person in people {
      let code = codes[Int(person)]
      guard code >= 0 else { continue }
      if scratch[Int(code)] == 0 { touched.append(code) }
      scratch[Int(code)] += 1
      total += 1
    }
    var squares = 0
    for code in touched {
      squares += scratch[Int(code)] * scratch[Int(code)]
      scratch[Int(code)] = 0
    }
    return total > 0 ? 1 - Double(squares) / Double(total * total) : nil
  }

  /// For `person`: each community they are not in with its warmth, gain and
  /// kind; and for each community they are in, whether they are isolated
  /// there (no strong tie to another member).
  ///
  /// - Complexity: O(Σ |C| + |communities| × Σ_{F ∈ first(P)} deg F) for
  ///   the standings, O(|C| + deg P) per community for the gains, and a
  ///   breadth-first search per stretch.
  package static func options(
    for person: Int, graph: TrustGraph, communities: [IndexedCommunity], codes: [Int32],
    valueCount: Int, introducersNeeded: Int
  ) -> (options: [Option], isolated: [(community: Int, isolated: Bool)]) {
    let joins = CommunityJoins(
      graph, communities: communities, introducersNeeded: introducersNeeded)
    let standings = joins.standings(of: person)
    let friends = graph.neighbours(of: person)
    var scratch = [Int](repeating: 0, count: valueCount)
    let base = blau(friends, codes: codes, scratch: &scratch) ?? 0
    var options: [Option] = []
    var isolated: [(community: Int, isolated: Bool)] = []
    for (index, standing) in standings.enumerated() {
      let members = communities[index].members
      guard let join = standing else {
        let alone = !friends.contains { members.binarySearchContains($0) }
        isolated.append((community: index, isolated: alone))
        continue
      }
      // The union of first(P) and C: each member once, then friends outside C.
      let outside = friends.filter { !members.binarySearchContains($0) }
      let gain = blau(members + outside, codes: codes, scratch: &scratch).map { $0 - base }
      let broadens = (gain ?? 0) > 0
      let kind: Kind = !broadens ? .familiar : join.warmth == .cold ? .stretch : .join
      let path =
        kind == .stretch
        ? joins.pathToWarmth(person: person, community: index).map { Array($0.dropFirst()) } : nil
      options.append(
        Option(community: index, warmth: join.warmth, gain: gain, kind: kind, pathToWarmth: path))
    }
    return (options, isolated)
  }

  /// One invitation and the community's Blau with it.
  package struct Invitation: Sendable, Hashable {
    package var person: Int32
    package var warmth: JoinWarmth
    package var blau: Double?
  }

  /// Up to `count` invitees to `community`, one by one: each a warm join
  /// (direct or introduced) to the community as it has grown so far, chosen
  /// for the members' Blau after it joins (the largest; ties by file order).
  ///
  /// - Complexity: O(*n* + *m*) per invitation (the warm joins reassessed).
  package static func invitations(
    to community: IndexedCommunity, count: Int, graph: TrustGraph, codes: [Int32],
    valueCount: Int, introducersNeeded: Int
  ) -> (before: Double?, invitations: [Invitation]) {
    var members = community.members
    var counts = [Int](repeating: 0, count: valueCount)
    var total = 0
    var squares = 0
    for member in members where codes[Int(member)] >= 0 {
      let code = Int(codes[Int(member)])
      squares += 2 * counts[code] + 1
      counts[code] += 1
      total += 1
    }
    func blau(_ total: Int, _ squares: Int) -> Double? {
      total > 0 ? 1 - Double(squares) / Double(total * total) : nil
    }
    let before = blau(total, squares)
    var invitations: [Invitation] = []
    while invitations.count < count {
      let current = IndexedCommunity(id: community.id, name: community.name, members: members)
      let joins = CommunityJoins(
        graph, communities: [current], introducersNeeded: introducersNeeded)
      var best: (person: Int32, warmth: JoinWarmth, blau: Double?)?
      for row in joins.assessments(community: 0) where row.warmth != .cold {
        let code = Int(codes[row.person])
        let after =
          code >= 0 ? blau(total + 1, squares + 2 * counts[code] + 1) : blau(total, squares)
        // The larger Blau wins; an undefined one loses to any defined one;
        // on a tie the earlier person (rows come in file order) stays.
        if best == nil || (after ?? -1) > (best?.blau ?? -1) {
          best = (Int32(truncatingIfNeeded: row.person), row.warmth, after)
        }
      }
      guard let chosen = best else { break }
      let code = Int(codes[Int(chosen.person)])
      if code >= 0 {
        squares += 2 * counts[code] + 1
        counts[code] += 1
        total += 1
      }
      members.append(chosen.person)
      members.sort()
      invitations.append(
        Invitation(person: chosen.person, warmth: chosen.warmth, blau: chosen.blau))
    }
    return (before, invitations)
  }
}

extension Array where Element == Int32 {
  /// Whether the sorted array holds `value`.
  func binarySearchContains(_ value: Int32) -> Bool {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if self[middle] < value { low = middle + 1 } else { high = middle }
    }
    return low < count && self[low] == value
  }
}
