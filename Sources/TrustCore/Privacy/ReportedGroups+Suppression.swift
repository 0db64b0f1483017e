/// Which figures each reported group loses when suppressed
/// (``SuppressibleGroup``), and each report's `suppressingGroups(smallerThan:)`:
/// the groups suppressed, and whatever else the report says about a
/// suppressed group (a join into it, a link to it) left out.

extension NetworkSummary.CommunitySize: SuppressibleGroup {
  public var groupSize: Int { members }

  public func suppressed() -> NetworkSummary.CommunitySize {
    NetworkSummary.CommunitySize(id: id, name: "", members: 0, isSuppressed: true)
  }
}

extension NetworkSummary {
  /// The summary with every community of fewer than `k` members suppressed
  /// in ``communities``.
  ///
  /// ```swift
  /// let shared = try analyzer.summary(communities: .file).suppressingGroups(smallerThan: 5)
  /// ```
  ///
  /// - Parameter k: the smallest community whose size is shown.
  /// - Complexity: O(*c*) for *c* communities.
  public func suppressingGroups(smallerThan k: Int) -> NetworkSummary {
    var copy = self
    copy.communities = communities.suppressingGroups(smallerThan: k)
    return copy
  }
}

extension CommunityOverview: SuppressibleGroup {
  public var groupSize: Int { members }

  public func suppressed() -> CommunityOverview {
    var copy = self
    (copy.members, copy.direct, copy.introduced, copy.cold) = (0, 0, 0, 0)
    (copy.near, copy.out, copy.isolatedMembers) = (0, 0, 0)
    (copy.density, copy.eiIndex, copy.isSuppressed) = (nil, nil, true)
    return copy
  }
}

extension CommunityGroups: SuppressibleGroup {
  public var groupSize: Int { inGroup.count }

  public func suppressed() -> CommunityGroups {
    var copy = self
    (copy.inGroup, copy.near, copy.out, copy.outLinked) = ([], [], [], [])
    copy.storyReach = StoryReach(vulnerable: 0, reflective: 0, perfected: 0)
    copy.coherence = CommunityCoherence(
      density: nil, isolatedMembers: [], eiIndex: nil, internalTies: 0, externalTies: 0)
    copy.isSuppressed = true
    return copy
  }
}

extension JoinCount: SuppressibleGroup {
  public var groupSize: Int { members }

  public func suppressed() -> JoinCount {
    JoinCount(
      community: community, members: 0, direct: 0, introduced: 0, cold: 0, isSuppressed: true)
  }
}

extension JoinReport {
  /// The report with every community of fewer than `k` members suppressed
  /// in ``summary``, and the joins into those communities left out.
  ///
  /// ```swift
  /// let shared = try analyzer.joins().suppressingGroups(smallerThan: 5)
  /// shared.summary.filter(\.isSuppressed).map(\.community)
  /// ```
  ///
  /// - Parameter k: the smallest community whose figures are shown.
  /// - Complexity: O(*c* + *j*) for *c* communities and *j* joins.
  public func suppressingGroups(smallerThan k: Int) -> JoinReport {
    var copy = self
    copy.summary = summary.suppressingGroups(smallerThan: k)
    let hidden = copy.summary.suppressedIDs(\.community)
    copy.joins = joins.filter { !hidden.contains($0.community) }
    return copy
  }
}

extension ValueEIIndex: SuppressibleGroup {
  public var groupSize: Int { people }

  public func suppressed() -> ValueEIIndex {
    ValueEIIndex(
      value: value, people: 0, internalTies: 0, externalTies: 0, eiIndex: nil, isSuppressed: true)
  }
}

extension AttributeDiversity {
  /// The report with every attribute value held by fewer than `k` people
  /// suppressed in ``valueEIIndex``.
  ///
  /// ```swift
  /// let shared = try analyzer.diversity(by: "team").suppressingGroups(smallerThan: 5)
  /// ```
  ///
  /// - Parameter k: the smallest value group whose figures are shown.
  /// - Complexity: O(*v*) for *v* values.
  public func suppressingGroups(smallerThan k: Int) -> AttributeDiversity {
    var copy = self
    copy.valueEIIndex = valueEIIndex.suppressingGroups(smallerThan: k)
    return copy
  }
}

extension TribeSummary: SuppressibleGroup {
  public var groupSize: Int { members.count }

  public func suppressed() -> TribeSummary {
    TribeSummary(
      id: id, members: [], density: nil, internalTies: 0, dominant: KeyedList(keys: [], values: []),
      bridges: [], parts: [], isSuppressed: true)
  }
}

extension TribeTreeLevel {
  /// The level with every tribe of fewer than `k` members suppressed, and
  /// the links touching those tribes left out.
  ///
  /// - Parameter k: the smallest tribe whose figures are shown.
  /// - Complexity: O(*t* + *l*) for *t* tribes and *l* links.
  public func suppressingGroups(smallerThan k: Int) -> TribeTreeLevel {
    var copy = self
    copy.tribes = tribes.suppressingGroups(smallerThan: k)
    let hidden = copy.tribes.suppressedIDs(\.id)
    copy.links = links.filter { !$0.tribes.contains(where: hidden.contains) }
    return copy
  }
}

extension TribeSize: SuppressibleGroup {
  public var groupSize: Int { size }

  public func suppressed() -> TribeSize { TribeSize(id: id, size: 0, isSuppressed: true) }
}

extension TribeLevelOverview {
  /// The overview with every tribe of fewer than `k` members suppressed
  /// among ``largest``.
  ///
  /// ```swift
  /// let shared = try analyzer.tribes().overview.map { $0.suppressingGroups(smallerThan: 5) }
  /// ```
  ///
  /// - Parameter k: the smallest tribe whose size is shown.
  /// - Complexity: O(*t*) for the *t* tribes listed.
  public func suppressingGroups(smallerThan k: Int) -> TribeLevelOverview {
    var copy = self
    copy.largest = largest.suppressingGroups(smallerThan: k)
    return copy
  }
}

extension TribeTree {
  /// The tree with every tribe of fewer than `k` members suppressed at every
  /// level (``TribeTreeLevel/suppressingGroups(smallerThan:)``).
  ///
  /// ```swift
  /// let shared = try analyzer.tribes().suppressingGroups(smallerThan: 5)
  /// shared.levels[0].tribes.filter(\.isSuppressed).map(\.id)
  /// ```
  ///
  /// - Parameter k: the smallest tribe whose figures are shown.
  /// - Complexity: O(*t* + *l*) for *t* tribes and *l* links over all levels.
  public func suppressingGroups(smallerThan k: Int) -> TribeTree {
    var copy = self
    copy.levels = levels.map { $0.suppressingGroups(smallerThan: k) }
    return copy
  }
}

extension UnitFigures.Unit: SuppressibleGroup {
  public var groupSize: Int { size }

  public func suppressed() -> UnitFigures.Unit {
    UnitFigures.Unit(id: id, size: 0, density: nil, eiIndex: nil, isSuppressed: true)
  }
}

extension ManagerFigures: SuppressibleGroup {
  /// The manager's team: they and everyone below them.
  public var groupSize: Int { span + 1 }

  public func suppressed() -> ManagerFigures {
    ManagerFigures(
      id: id, reports: 0, span: 0, reportsWithStrongTie: 0, share: 0, socialReach: 0,
      reachBeyondSpan: 0, isSuppressed: true)
  }
}

extension FormalReport {
  /// The report with every formal unit of fewer than `k` members, and
  /// every manager whose team (they and their span) is smaller, suppressed.
  ///
  /// ```swift
  /// let shared = try analyzer.formal().suppressingGroups(smallerThan: 5)
  /// shared.units.units.filter(\.isSuppressed).map(\.id)
  /// ```
  ///
  /// - Parameter k: the smallest unit whose figures are shown.
  /// - Complexity: O(*u* + *m*) for *u* units and *m* managers.
  public func suppressingGroups(smallerThan k: Int) -> FormalReport {
    var copy = self
    copy.units.units = units.units.suppressingGroups(smallerThan: k)
    copy.managers = managers.suppressingGroups(smallerThan: k)
    return copy
  }
}

extension CascadeCommunity: SuppressibleGroup {
  public var groupSize: Int { members }

  public func suppressed() -> CascadeCommunity {
    CascadeCommunity(community: community, members: 0, spoke: 0, share: nil, isSuppressed: true)
  }
}

extension CascadeReport {
  /// The report with every community of fewer than `k` members suppressed
  /// in ``communities``.
  ///
  /// ```swift
  /// let shared = try analyzer.cascade(start: ["ana"]).suppressingGroups(smallerThan: 5)
  /// ```
  ///
  /// - Parameter k: the smallest community whose figures are shown.
  /// - Complexity: O(*c*) for *c* communities.
  public func suppressingGroups(smallerThan k: Int) -> CascadeReport {
    var copy = self
    copy.communities = communities.suppressingGroups(smallerThan: k)
    return copy
  }
}

extension CommunityDiff: SuppressibleGroup {
  /// The smaller of its sizes in the snapshots it is in (a community new in
  /// the later one, or gone from it, is judged by the one it has).
  public var groupSize: Int {
    let sizes = [members.before, members.after].filter { $0 > 0 }
    return sizes.min() ?? 0
  }

  public func suppressed() -> CommunityDiff {
    CommunityDiff(
      community: community, joined: [], left: [], members: BeforeAfter(before: 0, after: 0),
      density: BeforeAfter(before: nil, after: nil), eiIndex: BeforeAfter(before: nil, after: nil),
      isolatedMembers: BeforeAfter(before: [], after: []), isSuppressed: true)
  }
}

extension DiffReport {
  /// The report with every community of fewer than `k` members (in either
  /// snapshot) suppressed, and the changed standings towards it left out.
  ///
  /// ```swift
  /// let shared = try TrustAnalyzer(after).diff(from: TrustAnalyzer(before))
  ///   .suppressingGroups(smallerThan: 5)
  /// ```
  ///
  /// - Parameter k: the smallest community whose figures are shown.
  /// - Complexity: O(*c* + *s*) for *c* communities and *s* changed standings.
  public func suppressingGroups(smallerThan k: Int) -> DiffReport {
    var copy = self
    copy.communities = communities.suppressingGroups(smallerThan: k)
    let hidden = copy.communities.suppressedIDs(\.community)
    copy.warmth = warmth.filter { !hidden.contains($0.community) }
    return copy
  }
}

extension KeystoneReport.CommunityKeystones: SuppressibleGroup {
  public var groupSize: Int { members }

  public func suppressed() -> KeystoneReport.CommunityKeystones {
    KeystoneReport.CommunityKeystones(
      community: community, keystones: [], members: 0, isSuppressed: true)
  }
}

extension KeystoneReport {
  /// The report with every community of fewer than `k` members suppressed
  /// in ``communities`` (the network-wide keystones are people, not groups,
  /// and stay).
  ///
  /// ```swift
  /// let shared = try analyzer.keystones().suppressingGroups(smallerThan: 5)
  /// ```
  ///
  /// - Parameter k: the smallest community whose keystones are shown.
  /// - Complexity: O(*c*) for *c* communities.
  public func suppressingGroups(smallerThan k: Int) -> KeystoneReport {
    var copy = self
    copy.communities = communities.suppressingGroups(smallerThan: k)
    return copy
  }
}

extension CommunityStanding: SuppressibleGroup {
  public var groupSize: Int { members }

  public func suppressed() -> CommunityStanding {
    CommunityStanding(
      community: community, isMember: false, warmth: nil, trustedMembers: [], introducers: [],
      members: 0, isSuppressed: true)
  }
}

extension PersonReach {
  /// The reach with the person's standing towards every community of fewer
  /// than `k` members suppressed (it names whom they trust there).
  ///
  /// ```swift
  /// let shared = try analyzer.reach(of: "dee").suppressingGroups(smallerThan: 5)
  /// ```
  ///
  /// - Parameter k: the smallest community whose standing is shown.
  /// - Complexity: O(*c*) for *c* communities.
  public func suppressingGroups(smallerThan k: Int) -> PersonReach {
    var copy = self
    copy.communities = communities.suppressingGroups(smallerThan: k)
    return copy
  }
}
