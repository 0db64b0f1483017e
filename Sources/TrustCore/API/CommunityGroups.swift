/// A community's in, near and out groups, story reach and coherence, with ids.
public struct CommunityGroups: Sendable, Hashable {
  /// The community.
  public var community: String
  /// The strong-tie distance that counts as near.
  public var nearDepth: Int
  /// The members.
  public var inGroup: [String]
  /// Non-members within `nearDepth` strong ties of a member.
  public var near: [String]
  /// Everyone else.
  public var out: [String]
  /// The part of `out` with only a weak tie or a reports-to link to a member.
  public var outLinked: [String]
  /// Vulnerable stories reach in; reflective stories in and near; perfected stories everyone.
  public var vulnerableReach: Int
  /// In and near.
  public var reflectiveReach: Int
  /// Everyone.
  public var perfectedReach: Int
  /// Strong ties among members over possible pairs; `nil` with fewer than 2 members.
  public var density: Double?
  /// Members with no strong tie to another member (not yet credentialed).
  public var isolatedMembers: [String]
  /// (external − internal) / (external + internal) strong ties; `nil` when none touches it.
  public var eiIndex: Double?
}

extension TrustAnalyzer {
  /// In, near and out groups of `community`.
  ///
  /// ```swift
  /// let groups = try analyzer.groups(of: "lisbon", nearDepth: 2)
  /// print(groups.near, groups.density ?? "n/a")
  /// ```
  ///
  /// - Complexity: O(*n* + *m*).
  public func groups(
    of community: String, communities: CommunitySource = .file, nearDepth: Int = 1
  ) throws(TrustQueryError) -> CommunityGroups {
    let list = try indexedCommunities(communities)
    let index = try communityIndex(community, in: list)
    guard nearDepth >= 0 else {
      throw TrustQueryError(
        code: .invalidSetting, name: "nearDepth", closestMatch: nil,
        message: "nearDepth must be 0 or more")
    }
    let projection = GroupProjection(
      graph, network: network, members: list[index].members, nearDepth: nearDepth)
    let reach = projection.storyReach
    return CommunityGroups(
      community: community, nearDepth: nearDepth, inGroup: ids(projection.inGroup),
      near: ids(projection.near),
      out: ids(projection.out), outLinked: ids(projection.outLinked),
      vulnerableReach: reach.vulnerable,
      reflectiveReach: reach.reflective, perfectedReach: reach.perfected,
      density: projection.coherence.density,
      isolatedMembers: ids(projection.coherence.isolatedMembers),
      eiIndex: projection.coherence.eiIndex)
  }
}
