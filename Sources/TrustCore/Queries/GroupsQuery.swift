/// A community's in, near and out groups, its story reach and its coherence.
///
/// ```swift
/// let answer = try GroupsQuery(community: "lisbon", nearDepth: 2).run(in: session)
/// answer.projection.near  // within two strong ties of a member
/// ```
///
/// - Complexity: O(*n* + *m*): a breadth-first search from the members.
package struct GroupsQuery: Sendable {
  /// The community's id.
  package var community: String
  /// Where the communities come from.
  package var communities: CommunitySource
  /// The strong-tie distance that counts as near.
  package var nearDepth: Int

  package init(
    community: String, communities: CommunitySource = .file,
    nearDepth: Int = QuerySettings.nearDepth.defaultValue ?? 1
  ) {
    self.community = community
    self.communities = communities
    self.nearDepth = nearDepth
  }

  /// Answers the question in `session`.
  ///
  /// - Throws: ``TrustQueryError`` for an unknown community, attribute or
  ///   tribe level, or a negative `nearDepth`.
  package func run(in session: AnalysisSession) throws(TrustQueryError) -> GroupsAnswer {
    session.record(QuerySettings.nearDepth.name, .integer(nearDepth))
    let depth = try QuerySettings.nearDepth.validated(nearDepth)
    let list = try session.communities(communities)
    let index = try session.community(community, in: list, source: communities)
    let projection = GroupProjection(
      session.graph, network: session.network, members: list[index].members, nearDepth: depth)
    return GroupsAnswer(community: list[index], projection: projection)
  }
}

/// The answer to a ``GroupsQuery``, in person indices.
package struct GroupsAnswer: Sendable {
  /// The community.
  package var community: IndexedCommunity
  /// Its groups, story reach and coherence.
  package var projection: GroupProjection
}
