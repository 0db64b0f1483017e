/// Every community at a glance: its members, how its non-members would join
/// (direct, introduced, cold), the sizes of its near and out groups, its
/// density, isolated members and E-I index.
///
/// ```swift
/// let rows = try CommunityOverviewQuery(communities: .attribute("team")).run(in: session)
/// rows[0].join.direct
/// ```
///
/// - Complexity: one pass over people for every community's joins
///   (O(*n* + *m* + Σ_P Σ_{F ∈ first(P)} |direct(F)|), on every core, on the
///   graph renumbered breadth first), plus O(Σ degrees of the members) for
///   the coherences, and at a near depth above 1 a bounded search per community.
package struct CommunityOverviewQuery: Sendable {
  /// Where the communities come from.
  package var communities: CommunitySource
  /// The strong-tie distance that counts as near.
  package var nearDepth: Int
  /// How many introducers make an introduced join.
  package var introducersNeeded: Int

  package init(
    communities: CommunitySource = .file,
    nearDepth: Int = QuerySettings.nearDepth.defaultValue ?? 1,
    introducersNeeded: Int = QuerySettings.introducersNeeded.defaultValue ?? 1
  ) {
    self.communities = communities
    self.nearDepth = nearDepth
    self.introducersNeeded = introducersNeeded
  }

  /// Answers the question in `session`: one row per community, in order.
  ///
  /// - Throws: ``TrustQueryError`` for an unknown attribute or tribe level,
  ///   a negative `nearDepth` or `introducersNeeded` below 1.
  package func run(in session: AnalysisSession) throws(TrustQueryError) -> [CommunityOverviewRow] {
    session.record(QuerySettings.nearDepth.name, .integer(nearDepth))
    session.record(QuerySettings.introducersNeeded.name, .integer(introducersNeeded))
    let depth = try QuerySettings.nearDepth.validated(nearDepth)
    let needed = try QuerySettings.introducersNeeded.validated(introducersNeeded)
    let list = try session.communities(communities)
    let graph = session.graph
    let joins = CommunityJoins(graph, communities: list, introducersNeeded: needed)
    let summary = joins.summary(local: session.local)
    // Near at depth 1 is exactly the direct joiners.
    let near =
      depth == 1
      ? summary.map(\.direct)
      : GroupProjection.nearCounts(graph, communities: list, nearDepth: depth)
    let coherences = GroupProjection.coherences(graph, communities: list)
    return list.indices.map { index in
      CommunityOverviewRow(
        community: list[index], join: summary[index], near: near[index],
        out: graph.personCount - list[index].members.count - near[index],
        coherence: coherences[index])
    }
  }
}

/// One community's row of a ``CommunityOverviewQuery``.
package struct CommunityOverviewRow: Sendable {
  /// The community.
  package var community: IndexedCommunity
  /// Its members and how its non-members would join.
  package var join: JoinSummary
  /// Non-members within the near depth of a member.
  package var near: Int
  /// Everyone else.
  package var out: Int
  /// Density, isolated members, E-I index.
  package var coherence: GroupProjection.Coherence
}
