/// The headline figures of a network on its strong-tie graph: people, tie
/// records, strong and weak ties, contexts, communities, components, and
/// everyone's first- and second-degree counts.
///
/// ```swift
/// let answer = try SummaryQuery().run(in: session)
/// answer.summary.components.largest
/// answer.degrees.secondDegree[0]
/// ```
///
/// - Complexity: O(*n* + *m*) and O(Σ deg²) for the second-degree counts,
///   on every core, on the session's graph renumbered breadth first.
package struct SummaryQuery: Sendable {
  /// Which communities the summary lists.
  package var communities: CommunitySource

  package init(communities: CommunitySource = .file) {
    self.communities = communities
  }

  /// Answers the question in `session`.
  ///
  /// - Throws: ``TrustQueryError`` for an unknown attribute or tribe level.
  package func run(in session: AnalysisSession) throws(TrustQueryError) -> SummaryAnswer {
    Self.run(in: session, listing: try session.communities(communities))
  }

  /// The summary listing `list`, communities already resolved; `phase` is
  /// told when each of its two long steps starts (for a progress line).
  package static func run(
    in session: AnalysisSession, listing list: [IndexedCommunity],
    phase: (String) -> Void = { _ in }
  ) -> SummaryAnswer {
    phase("summary and components")
    let local = session.local
    let components = Components(local)
    phase("degrees of trust")
    let degrees = TrustDegreeCounts(local)
    let summary = NetworkSummary(
      session.network, graph: session.graph, communities: list, components: components,
      degrees: degrees)
    return SummaryAnswer(summary: summary, components: components, degrees: degrees)
  }
}

/// The answer to a ``SummaryQuery``.
package struct SummaryAnswer: Sendable {
  /// The headline figures.
  package var summary: NetworkSummary
  /// Each person's component.
  package var components: Components
  /// Each person's first- and second-degree counts.
  package var degrees: TrustDegreeCounts
}
