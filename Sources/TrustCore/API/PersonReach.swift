/// Degrees of trust for one person, with ids: whom they trust, who is
/// pre-credentialed to them and by whom, and how they would join each community.
public struct PersonReach: Sendable, Hashable {
  /// The person.
  public var person: String
  /// Strong-tie contacts, in file order.
  public var firstDegree: [String]
  /// People at distance exactly 2 (friends of trusted friends), in file order.
  public var secondDegree: [String]
  /// For each second-degree person, the contacts they share with ``person``.
  public var introducers: [String: [String]]
  /// For each community, in order: membership, or how the person would join.
  public var communities: [CommunityStanding]
}

/// A person's place relative to one community.
public struct CommunityStanding: Sendable, Hashable {
  /// The community's id.
  public var community: String
  /// Whether the person is a member.
  public var isMember: Bool
  /// How the person would join; `nil` for a member.
  public var warmth: JoinWarmth?
  /// Members the person trusts (empty for a member).
  public var trustedMembers: [String]
  /// Trusted people outside the community with a strong tie into it.
  public var introducers: [String]
}

extension TrustAnalyzer {
  /// Degrees of trust for `person` and how they would join each community.
  ///
  /// ```swift
  /// let reach = try analyzer.reach(of: "dee")
  /// reach.introducers["gil"]  // ["hana"]: Gil is pre-credentialed to Dee by Hana
  /// ```
  ///
  /// - Parameters:
  ///   - person: the person's id.
  ///   - communities: the file's communities, or one per value of an attribute.
  ///   - introducersNeeded: how many introducers make an introduced join (at least 1).
  /// - Complexity: O(Σ degrees of the person's contacts) plus O(*n* + *m*) per community.
  public func reach(
    of person: String, communities: CommunitySource = .file, introducersNeeded: Int = 1
  ) throws(TrustQueryError) -> PersonReach {
    let index = try personIndex(person)
    let list = try indexedCommunities(communities)
    let reach = TrustReach(graph, person: index)
    let joins = CommunityJoins(graph, communities: list, introducersNeeded: introducersNeeded)
    var introducers: [String: [String]] = [:]
    for (position, other) in reach.secondDegree.enumerated() {
      introducers[network.people.id(of: Int(other))] = ids(reach.introducers[position])
    }
    let standings = zip(list.indices, joins.standings(of: index)).map { community, standing in
      guard let join = standing else {
        return CommunityStanding(
          community: list[community].id, isMember: true, warmth: nil, trustedMembers: [],
          introducers: [])
      }
      return CommunityStanding(
        community: list[community].id, isMember: false, warmth: join.warmth,
        trustedMembers: ids(join.trustedMembers), introducers: ids(join.introducers))
    }
    return PersonReach(
      person: person, firstDegree: ids(reach.firstDegree), secondDegree: ids(reach.secondDegree),
      introducers: introducers, communities: standings)
  }
}
