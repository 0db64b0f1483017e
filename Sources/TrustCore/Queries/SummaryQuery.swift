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
/// - Complexity: O(*n* + *m*) and the second-degree counts' (linear in the
///   ties, estimating beyond a budget, unless `exact`: then O(Σ deg²) at
///   worst; ``TrustDegreeCounts``), on every core, on the session's graph
///   renumbered breadth first.
package struct SummaryQuery: Sendable {
  /// Which communities the summary lists.
  package var communities: CommunitySource
  /// Count every second degree exactly, whatever it costs (`--exact`).
  package var exact: Bool

  package init(communities: CommunitySource = .file, exact: Bool = false) {
    self.communities = communities
    self.exact = exact
  }

  /// Answers the question in `session`.
  ///
  /// - Throws: ``TrustQueryError`` for an unknown attribute or tribe level.
  package func run(in session: AnalysisSession) throws(TrustQueryError) -> SummaryAnswer {
    Self.run(in: session, listing: try session.communities(communities), exact: exact)
  }

  /// The summary listing `list`, communities already resolved, every
  /// second degree exact with `exact`; `phase` is told when each of its two
  /// long steps starts (for a progress line).
  package static func run(
    in session: AnalysisSession, listing list: [IndexedCommunity], exact: Bool = false,
    phase: (String) -> Void = { _ in }
  ) -> SummaryAnswer {
    phase("summary and components")
    let local = session.local
    let components = Components(local)
    phase("degrees of trust")
    let degrees = TrustDegreeCounts(local, exact: exact, progress: session.progress)
    // Only when it matters: asked for, or estimates were made.
    if exact || degrees.hasEstimates { session.record("exactSecondDegree", .flag(exact)) }
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
