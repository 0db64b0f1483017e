/// Who would join which community, and how warmly, with ids.
public struct JoinReport: Sendable, Hashable {
  /// One row per (non-member, community) pair asked about.
  public var joins: [Join]
  /// Per community: members, and how many non-members would join each way.
  /// Always counts every non-member, even when the pairs were narrowed.
  public var summary: [JoinCount]
}

/// One person joining one community they are not in.
public struct Join: Sendable, Hashable {
  /// The person.
  public var person: String
  /// The community.
  public var community: String
  /// `direct`, `introduced` or `cold`.
  public var warmth: JoinWarmth
  /// Members the person already trusts.
  public var trustedMembers: [String]
  /// Trusted people outside the community with a strong tie into it.
  public var introducers: [String]
  /// For a cold join: a shortest strong-tie path to the nearest member, the
  /// person first (whom to ask, through whom); `nil` when warm or unreachable.
  public var pathToWarmth: [String]?
}

/// How the non-members of one community would join.
public struct JoinCount: Sendable, Hashable {
  /// The community.
  public var community: String
  /// Its members.
  public var members: Int
  /// Non-members who trust a member.
  public var direct: Int
  /// Non-members with enough introducers.
  public var introduced: Int
  /// The rest.
  public var cold: Int
}

extension TrustAnalyzer {
  /// Warm and cold joins: every non-member pair, narrowed to one person or one
  /// community when given, with paths to warmth for the cold ones.
  ///
  /// ```swift
  /// let report = try analyzer.joins(community: "guild")
  /// let cold = report.joins.filter { $0.warmth == .cold }
  /// ```
  ///
  /// - Complexity: O(*n* + *m*) per community listed, plus the rows.
  public func joins(
    person: String? = nil, community: String? = nil, communities: CommunitySource = .file,
    introducersNeeded: Int = 1
  ) throws(TrustQueryError) -> JoinReport {
    let list = try indexedCommunities(communities)
    let personIndex = try person.map { (id: String) throws(TrustQueryError) in
      try self.personIndex(id)
    }
    let communityIndex = try community.map { (id: String) throws(TrustQueryError) in
      try self.communityIndex(id, in: list)
    }
    let assessor = CommunityJoins(graph, communities: list, introducersNeeded: introducersNeeded)
    var rows: [Join] = []
    for index in communityIndex.map({ [$0] }) ?? Array(list.indices) {
      let assessments = assessor.assessments(community: index, people: personIndex.map { [$0] })
      let routes =
        assessments.contains { $0.warmth == .cold } ? assessor.warmthRoutes(community: index) : nil
      for row in assessments {
        rows.append(
          Join(
            person: network.people.id(of: row.person), community: list[index].id,
            warmth: row.warmth,
            trustedMembers: ids(row.trustedMembers), introducers: ids(row.introducers),
            pathToWarmth: row.warmth == .cold ? routes?.path(from: row.person).map { ids($0) } : nil
          ))
      }
    }
    let summary = (communityIndex.map { [assessor.summary(of: $0)] } ?? assessor.summary()).map {
      JoinCount(
        community: list[$0.community].id, members: $0.members, direct: $0.direct,
        introduced: $0.introduced,
        cold: $0.cold)
    }
    return JoinReport(joins: rows, summary: summary)
  }
}
