/// Degrees of trust for one person and how they stand towards every
/// community: whom they trust, who is pre-credentialed to them and by whom,
/// and, for each community, membership or how warmly they would join.
///
/// ```swift
/// let answer = try ReachQuery(person: "dee").run(in: session)
/// answer.reach.secondDegree  // person indices, in file order
/// ```
///
/// - Complexity: O(Σ degrees of the person's contacts) plus O(Σ |C| +
///   |communities| × Σ_{F ∈ first(P)} deg F) for the standings.
package struct ReachQuery: Sendable {
  /// The person's id.
  package var person: String
  /// Where the communities come from.
  package var communities: CommunitySource
  /// How many introducers make an introduced join.
  package var introducersNeeded: Int

  package init(
    person: String, communities: CommunitySource = .file,
    introducersNeeded: Int = QuerySettings.introducersNeeded.defaultValue ?? 1
  ) {
    self.person = person
    self.communities = communities
    self.introducersNeeded = introducersNeeded
  }

  /// Answers the question in `session`.
  ///
  /// - Throws: ``TrustQueryError`` for an unknown person, attribute or tribe
  ///   level, or `introducersNeeded` below 1.
  package func run(in session: AnalysisSession) throws(TrustQueryError) -> ReachAnswer {
    session.record(QuerySettings.introducersNeeded.name, .integer(introducersNeeded))
    let needed = try QuerySettings.introducersNeeded.validated(introducersNeeded)
    let index = try session.person(person)
    let list = try session.communities(communities)
    let joins = CommunityJoins(session.graph, communities: list, introducersNeeded: needed)
    return ReachAnswer(
      reach: TrustReach(session.graph, person: index), communities: list,
      standings: joins.standings(of: index))
  }
}

/// The answer to a ``ReachQuery``, in person indices.
package struct ReachAnswer: Sendable {
  /// First and second degree, and each second-degree person's introducers.
  package var reach: TrustReach
  /// The communities, in order.
  package var communities: [IndexedCommunity]
  /// Beside ``communities``: `nil` where the person is a member, else how they would join.
  package var standings: [JoinAssessment?]
}
