/// Warm and cold joins: every (non-member, community) pair, narrowed to one
/// person or one community when given, with the path to warmth of each cold
/// join, and a summary per community that always counts every non-member.
///
/// ```swift
/// let answer = try JoinsQuery(community: "guild").run(in: session)
/// answer.pairs.filter { $0.warmth == .cold }.count
/// ```
///
/// - Complexity: O(*n* + *m*) per community listed (its marks and one
///   breadth-first search for the paths), plus the rows; the summary is one
///   pass over people for every community at once.
package struct JoinsQuery: Sendable {
  /// Only this person's joins, when given.
  package var person: String?
  /// Only this community's joins and summary, when given.
  package var community: String?
  /// Where the communities come from.
  package var communities: CommunitySource
  /// How many introducers make an introduced join.
  package var introducersNeeded: Int

  package init(
    person: String? = nil, community: String? = nil, communities: CommunitySource = .file,
    introducersNeeded: Int = QuerySettings.introducersNeeded.defaultValue ?? 1
  ) {
    self.person = person
    self.community = community
    self.communities = communities
    self.introducersNeeded = introducersNeeded
  }

  /// Answers the question in `session`, whole: every pair in memory (see
  /// ``plan(in:)`` to have them one community at a time).
  ///
  /// - Throws: ``TrustQueryError`` for an unknown person, community,
  ///   attribute or tribe level, or `introducersNeeded` below 1.
  package func run(in session: AnalysisSession) throws(TrustQueryError) -> JoinsAnswer {
    try plan(in: session).answer()
  }

  /// Checks the question in `session` and returns what answers it lazily:
  /// its joins one community at a time (``JoinsPlan/communityJoins``), so a
  /// report of people × communities rows can be written as it is computed,
  /// in memory bounded by the network.
  ///
  /// ```swift
  /// let plan = try JoinsQuery().plan(in: session)
  /// for joins in plan.communityJoins { print(joins.community, joins.pairs.count) }
  /// ```
  ///
  /// - Complexity: O(*n* + *m*) to check it; nothing is assessed yet.
  /// - Throws: as ``run(in:)``.
  package func plan(in session: AnalysisSession) throws(TrustQueryError) -> JoinsPlan {
    session.record(QuerySettings.introducersNeeded.name, .integer(introducersNeeded))
    let needed = try QuerySettings.introducersNeeded.validated(introducersNeeded)
    let list = try session.communities(communities)
    let personIndex = try person.map { (id: String) throws(TrustQueryError) in
      try session.person(id)
    }
    let communityIndex = try community.map { (id: String) throws(TrustQueryError) in
      try session.community(id, in: list, source: communities)
    }
    return JoinsPlan(
      joins: CommunityJoins(session.graph, communities: list, introducersNeeded: needed),
      community: communityIndex, person: personIndex, progress: session.progress)
  }
}

/// The answer to a ``JoinsQuery``, in person indices.
package struct JoinsAnswer: Sendable {
  /// The communities the pairs' `community` positions refer to.
  package var communities: [IndexedCommunity]
  /// Every pair asked about: by community, then people in file order.
  package var pairs: [JoinAssessment]
  /// Beside ``pairs``: the path to warmth of a cold join (the person first,
  /// a member last); `nil` for a warm join or when no path exists.
  package var paths: [[Int32]?]
  /// Per community listed: members and how its non-members would join.
  package var summary: [JoinSummary]
}
