/// What changed between two snapshots, read with the same settings.
///
/// ```swift
/// let answer = try DiffQuery().run(old: before, new: after)
/// answer.diff.joined.count
/// ```
///
/// - Complexity: that of ``NetworkDiff``.
package struct DiffQuery: Sendable {
  /// Where both snapshots' communities come from.
  package var communities: CommunitySource
  /// How many introducers make an introduced join.
  package var introducersNeeded: Int

  package init(
    communities: CommunitySource = .file,
    introducersNeeded: Int = QuerySettings.introducersNeeded.defaultValue ?? 1
  ) {
    self.communities = communities
    self.introducersNeeded = introducersNeeded
  }

  /// Answers the question for the snapshots in `old` and `new`.
  ///
  /// - Throws: ``TrustQueryError`` for an attribute or tribe level one of
  ///   them lacks, or `introducersNeeded` below 1.
  package func run(old: AnalysisSession, new: AnalysisSession) throws(TrustQueryError)
    -> DiffAnswer
  {
    for session in [old, new] {
      session.record(QuerySettings.introducersNeeded.name, .integer(introducersNeeded))
    }
    let needed = try QuerySettings.introducersNeeded.validated(introducersNeeded)
    let oldCommunities = try old.communities(communities)
    let newCommunities = try new.communities(communities)
    return DiffAnswer(
      old: old, new: new,
      diff: NetworkDiff(
        old: old, new: new, oldCommunities: oldCommunities, newCommunities: newCommunities,
        introducersNeeded: needed))
  }
}

/// The answer to a ``DiffQuery``: the change, and the two snapshots it refers to.
package struct DiffAnswer: Sendable {
  package var old: AnalysisSession
  package var new: AnalysisSession
  package var diff: NetworkDiff
}

/// The keystones of a network and of each community.
package struct KeystonesQuery: Sendable {
  /// Where the communities come from.
  package var communities: CommunitySource

  package init(communities: CommunitySource = .file) {
    self.communities = communities
  }

  /// Answers the question in `session`.
  ///
  /// - Throws: ``TrustQueryError`` for an unknown attribute or tribe level.
  package func run(in session: AnalysisSession) throws(TrustQueryError) -> KeystonesAnswer {
    let list = try session.communities(communities)
    return KeystonesAnswer(
      keystones: Keystones(session.graph, local: session.local, communities: list),
      communities: list)
  }
}

/// The answer to a ``KeystonesQuery``.
package struct KeystonesAnswer: Sendable {
  package var keystones: Keystones
  package var communities: [IndexedCommunity]
}

/// The attribute advice measures broadening by: the one asked for, else the
/// file's first, else the tribes.
private func broadeningColumn(_ session: AnalysisSession, _ by: String?) throws(TrustQueryError)
  -> AttributeColumn
{
  try session.attributeColumn(by ?? session.network.attributeKeys.first ?? "tribe")
}

/// Advice for one person: which communities would broaden their trust.
package struct AdviseQuery: Sendable {
  package var person: String
  /// The attribute broadening is measured by (default: the file's first, else the tribes).
  package var by: String?
  package var communities: CommunitySource
  package var introducersNeeded: Int

  package init(
    person: String, by: String? = nil, communities: CommunitySource = .file,
    introducersNeeded: Int = QuerySettings.introducersNeeded.defaultValue ?? 1
  ) {
    self.person = person
    self.by = by
    self.communities = communities
    self.introducersNeeded = introducersNeeded
  }

  package func run(in session: AnalysisSession) throws(TrustQueryError) -> AdviceAnswer {
    session.record(QuerySettings.introducersNeeded.name, .integer(introducersNeeded))
    if let by { session.record("by", .text(by)) }
    let needed = try QuerySettings.introducersNeeded.validated(introducersNeeded)
    let index = try session.person(person)
    let column = try broadeningColumn(session, by)
    let list = try session.communities(communities)
    let (options, memberships) = Advice.options(
      for: index, graph: session.graph, communities: list, codes: column.codes,
      valueCount: column.values.count, introducersNeeded: needed)
    return AdviceAnswer(
      person: index, by: column.key, communities: list, options: options,
      memberships: memberships)
  }
}

/// The answer to an ``AdviseQuery``.
package struct AdviceAnswer: Sendable {
  package var person: Int
  package var by: String
  package var communities: [IndexedCommunity]
  package var options: [Advice.Option]
  package var memberships: [(community: Int, isolated: Bool)]
}

/// Whom to invite into a community to broaden it.
package struct InviteQuery: Sendable {
  package var community: String
  package var count: Int
  package var by: String?
  package var communities: CommunitySource
  package var introducersNeeded: Int

  package init(
    community: String, count: Int, by: String? = nil, communities: CommunitySource = .file,
    introducersNeeded: Int = QuerySettings.introducersNeeded.defaultValue ?? 1
  ) {
    self.community = community
    self.count = count
    self.by = by
    self.communities = communities
    self.introducersNeeded = introducersNeeded
  }

  package func run(in session: AnalysisSession) throws(TrustQueryError) -> InvitationAnswer {
    session.record(QuerySettings.introducersNeeded.name, .integer(introducersNeeded))
    session.record(QuerySettings.invitations.name, .integer(count))
    if let by { session.record("by", .text(by)) }
    let needed = try QuerySettings.introducersNeeded.validated(introducersNeeded)
    let count = try QuerySettings.invitations.validated(self.count)
    let list = try session.communities(communities)
    let index = try session.community(community, in: list, source: communities)
    let column = try broadeningColumn(session, by)
    let (before, invitations) = Advice.invitations(
      to: list[index], count: count, graph: session.graph, codes: column.codes,
      valueCount: column.values.count, introducersNeeded: needed)
    return InvitationAnswer(
      community: list[index], by: column.key, blauBefore: before, invitations: invitations)
  }
}

/// The answer to an ``InviteQuery``.
package struct InvitationAnswer: Sendable {
  package var community: IndexedCommunity
  package var by: String
  package var blauBefore: Double?
  package var invitations: [Advice.Invitation]
}
