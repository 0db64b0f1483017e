/// The questions trustmap answers, asked of one network with one set of
/// strong-tie settings: who trusts whom, who would join which community warm
/// or cold, how far a community's trust reaches, whether more contacts mean
/// broader ones, and which tribes people form.
///
/// Build it once (it builds the strong-tie graph) and ask as often as you
/// like; it is a value, safe to share between tasks. What several questions
/// share (the graph renumbered breadth first, the tribes, the communities by
/// attribute or by tribe) is computed once and kept. Every answer speaks in
/// ids and is shaped like the command line's JSON (`answer.jsonText` writes
/// it).
///
/// ```swift
/// let network = try TrustNetwork(contentsOfFile: "Examples/org.json")
/// let analyzer = try TrustAnalyzer(network)
/// let reach = try analyzer.reach(of: "dee")
/// print(reach.secondDegree)  // ["ceo", "bo", "cy", "eli", "gil"]
/// for join in try analyzer.joins(community: "guild").joins where join.warmth != .cold {
///   print(join.person, "would join warm")
/// }
/// ```
///
/// - Complexity: building is O(*n* + *m*); each question states its own.
public struct TrustAnalyzer: Sendable {
  /// The network.
  public var network: TrustNetwork { session.network }
  /// The settings the strong-tie graph was built with.
  public let settings: StrongTieSettings
  package let session: AnalysisSession

  /// Builds the strong-tie graph of `network` with `settings`.
  ///
  /// - Throws: ``TrustQueryError`` for a context no tie uses or a threshold outside [0, 1].
  public init(_ network: TrustNetwork, settings: StrongTieSettings = StrongTieSettings())
    throws(TrustQueryError)
  {
    session = try AnalysisSession(network, settings: settings)
    self.settings = settings
  }

  package var graph: TrustGraph { session.graph }

  /// The threshold applied (the settings', the file's, or 0.5).
  public var threshold: Double { graph.threshold }

  /// How many strong ties.
  public var strongTieCount: Int { graph.strongTieCount }

  /// How the answers given so far were made: the strong-tie settings applied,
  /// every setting the questions asked used, and the seed (docs/design.md,
  /// 'Provenance and privacy').
  ///
  /// ```swift
  /// let file = try NetworkFile(path: "Examples/org.json")
  /// let analyzer = try TrustAnalyzer(try file.network())
  /// _ = try analyzer.diversity(by: "role", permutations: 99, seed: 7)
  /// analyzer.provenance(input: file.digest()).seed  // 7
  /// ```
  public func provenance(input: InputDigest?) -> Provenance { session.provenance(input: input) }

  /// The headline figures: people, ties, components, isolates, degrees of
  /// trust, and the file's communities.
  ///
  /// - Complexity: O(*n* + *m*), and O(Σ deg²) for the second-degree counts.
  public var summary: NetworkSummary {
    SummaryQuery.run(in: session, listing: network.indexedCommunities).summary
  }

  /// The headline figures, listing the communities `communities` gives.
  ///
  /// - Complexity: as ``summary``.
  public func summary(communities: CommunitySource) throws(TrustQueryError) -> NetworkSummary {
    try SummaryQuery(communities: communities).run(in: session).summary
  }

  /// The people `person` trusts through a strong tie, in file order.
  ///
  /// - Complexity: O(degree) after an O(*k*) id look-up.
  public func trustedContacts(of person: String) throws(TrustQueryError) -> [String] {
    let index = try session.person(person)
    return network.people.ids(graph.neighbours(of: index))
  }

  /// Degrees of trust for `person` and how they would join each community.
  ///
  /// ```swift
  /// let reach = try analyzer.reach(of: "dee")
  /// reach.introducers["gil"]  // ["hana"]: Gil is pre-credentialed to Dee by Hana
  /// ```
  ///
  /// - Parameters:
  ///   - person: the person's id.
  ///   - communities: the file's communities, one per value of an attribute, or the tribes.
  ///   - introducersNeeded: how many introducers make an introduced join (at least 1).
  /// - Complexity: O(Σ degrees of the person's contacts) plus O(Σ |C| +
  ///   |communities| × Σ_{F ∈ first(P)} deg F).
  public func reach(
    of person: String, communities: CommunitySource = .file, introducersNeeded: Int = 1
  ) throws(TrustQueryError) -> PersonReach {
    let query = ReachQuery(
      person: person, communities: communities, introducersNeeded: introducersNeeded)
    return PersonReach(try query.run(in: session), network: network)
  }

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
    let query = JoinsQuery(
      person: person, community: community, communities: communities,
      introducersNeeded: introducersNeeded)
    return JoinReport(try query.run(in: session), network: network)
  }

  /// In, near and out groups of `community`.
  ///
  /// ```swift
  /// let groups = try analyzer.groups(of: "lisbon", nearDepth: 2)
  /// print(groups.near, groups.coherence.density ?? "n/a")
  /// ```
  ///
  /// - Complexity: O(*n* + *m*).
  public func groups(
    of community: String, communities: CommunitySource = .file, nearDepth: Int = 1
  ) throws(TrustQueryError) -> CommunityGroups {
    let query = GroupsQuery(community: community, communities: communities, nearDepth: nearDepth)
    return CommunityGroups(try query.run(in: session), network: network)
  }

  /// Every community at a glance: joins, near and out sizes, coherence.
  ///
  /// - Complexity: one pass over people for every community's joins, plus
  ///   O(Σ degrees of the members).
  public func communityOverview(
    communities: CommunitySource = .file, nearDepth: Int = 1, introducersNeeded: Int = 1
  ) throws(TrustQueryError) -> [CommunityOverview] {
    let query = CommunityOverviewQuery(
      communities: communities, nearDepth: nearDepth, introducersNeeded: introducersNeeded)
    return try query.run(in: session).map(CommunityOverview.init)
  }

  /// Diversity versus volume for `attribute` (or the tribes: `tribe`, `tribe:LEVEL`).
  ///
  /// ```swift
  /// let team = try analyzer.diversity(by: "team", permutations: 999, seed: 1)
  /// print(team.assortativity ?? "n/a", team.significance?.eiIndex?.pTwoSided ?? "n/a")
  /// ```
  ///
  /// - Complexity: O(*n* + *m*) plus O(*n* + *m*) per permutation.
  public func diversity(by attribute: String, permutations: Int = 0, seed: UInt64 = 1)
    throws(TrustQueryError) -> AttributeDiversity
  {
    let query = DiversityQuery(attributes: [attribute], permutations: permutations, seed: seed)
    let analyses = try query.run(in: session)
    return AttributeDiversity(analyses[0], network: network)
  }

  /// The tribes (Leiden, seeded) and the tribes of tribes above them, or
  /// only `level` when given.
  ///
  /// ```swift
  /// let tree = try analyzer.tribes(TribeSettings(seed: 7))
  /// print(tree.levels[0].modularity, tree.levels[0].tribes.map(\.id))
  /// ```
  ///
  /// - Throws: ``TrustQueryError`` for a resolution not above 0, restarts
  ///   below 1, or a level the network does not reach.
  /// - Complexity: about O(*m*) per Leiden pass and restart; found once per settings.
  public func tribes(_ settings: TribeSettings = TribeSettings(), level: Int? = nil)
    throws(TrustQueryError) -> TribeTree
  {
    TribeTree(try TribesQuery(settings: settings, level: level).run(in: session), network: network)
  }
}

extension TrustAnalyzer {
  /// Formal versus social: the strong ties by their place in the reports-to
  /// hierarchy, each manager's trust against their span, and the units at
  /// `unitDepth`.
  ///
  /// ```swift
  /// let formal = try analyzer.formal()
  /// formal.ties.horizontalToVertical  // > 1: trust runs more across the hierarchy
  /// ```
  ///
  /// - Throws: ``TrustQueryError/Code/unanswerable`` when no one has a
  ///   `reportsTo`, or an invalid unit depth.
  /// - Complexity: O(*n* + *m*), plus the managers' two-step reach.
  public func formal(unitDepth: Int = 1) throws(TrustQueryError) -> FormalReport {
    FormalReport(try FormalQuery(unitDepth: unitDepth).run(in: session), network: network)
  }

  /// Who brokers between the groups of `by` (an attribute, `tribe`,
  /// `tribe:LEVEL`, or `unit` for the formal units at `unitDepth`):
  /// Gould–Fernandez roles with expected counts and z-scores, and Burt's
  /// constraint, effective size and efficiency.
  ///
  /// ```swift
  /// let brokers = try analyzer.brokers(by: "team")
  /// brokers.people.max { $0.liaison < $1.liaison }?.id  // the busiest liaison
  /// ```
  ///
  /// - Complexity: O(*n* + *m*) plus one pass over the triangles.
  public func brokers(by groups: String, unitDepth: Int = 1) throws(TrustQueryError)
    -> BrokerReport
  {
    BrokerReport(
      try BrokersQuery(by: groups, unitDepth: unitDepth).run(in: session), network: network)
  }
}

/// Where communities come from.
public enum CommunitySource: Sendable, Hashable {
  /// The file's `communities`.
  case file
  /// One community per value of an attribute, with id `ATTR=VALUE`.
  case attribute(String)
  /// One community per tribe of a level (found with default settings), with
  /// id `tribe=T1` at level 0 and `tribe:1=L1.T1` above.
  case tribes(level: Int)
}

extension TrustAnalyzer {
  /// One speak-up cascade: a person speaks once the share of their strong-tie
  /// contacts who have spoken reaches their threshold (`threshold` for
  /// everyone, or per person from the attribute `thresholdBy`).
  ///
  /// ```swift
  /// let cascade = try analyzer.cascade(start: ["ana"], threshold: 0.25)
  /// print(cascade.finalShare, cascade.heardButSilent.count)
  /// ```
  ///
  /// - Complexity: O(*n*) plus O(Σ degrees of those who speak).
  public func cascade(
    start: [String] = [], startCount: Int? = nil, seed: UInt64 = 1, threshold: Double = 0.25,
    thresholdBy: String? = nil, weighted: Bool = false, communities: CommunitySource = .file
  ) throws(TrustQueryError) -> CascadeReport {
    let query = CascadeQuery(
      threshold: threshold, thresholdBy: thresholdBy, weighted: weighted, start: start,
      startCount: startCount, seed: seed, communities: communities)
    return CascadeReport(try query.run(in: session), query: query, network: network)
  }

  /// `runs` cascades from `startCount` random starting speakers each, the
  /// seeds derived from `seed`.
  ///
  /// - Complexity: `runs` cascades, at once on every core.
  public func cascadeRuns(
    _ runs: Int, startCount: Int, seed: UInt64 = 1, threshold: Double = 0.25,
    thresholdBy: String? = nil, weighted: Bool = false
  ) throws(TrustQueryError) -> CascadeRunsReport {
    let query = CascadeQuery(
      threshold: threshold, thresholdBy: thresholdBy, weighted: weighted, startCount: startCount,
      seed: seed)
    return CascadeRunsReport(try query.runs(runs, in: session), query: query)
  }

  /// The final share at every threshold 0, 0.01, … 1 with the same starting
  /// speakers, and the tipping threshold.
  ///
  /// - Complexity: 101 cascades, at once on every core.
  public func cascadeSweep(
    start: [String] = [], startCount: Int? = nil, seed: UInt64 = 1, weighted: Bool = false
  ) throws(TrustQueryError) -> CascadeSweepReport {
    let query = CascadeQuery(weighted: weighted, start: start, startCount: startCount, seed: seed)
    return CascadeSweepReport(try query.sweep(in: session), query: query, network: network)
  }

  /// The fewest starting speakers found by lazy greedy selection (CELF) that
  /// make at least `target` of people speak, at most `maximumStart`. The
  /// cascade is not submodular, so this is a heuristic.
  ///
  /// - Complexity: one cascade per person for the first gains, then one per step.
  public func cascadeTarget(
    _ target: Double, maximumStart: Int = 100, threshold: Double = 0.25,
    thresholdBy: String? = nil, weighted: Bool = false
  ) throws(TrustQueryError) -> CascadeTargetReport {
    let query = CascadeQuery(threshold: threshold, thresholdBy: thresholdBy, weighted: weighted)
    let greedy = try query.target(target, maximum: maximumStart, in: session)
    return CascadeTargetReport(greedy, target: target, query: query, network: network)
  }
}

extension TrustAnalyzer {
  /// What changed from `old` (an earlier snapshot) to this network, people
  /// matched by id, both with their own strong-tie settings.
  ///
  /// ```swift
  /// let diff = try TrustAnalyzer(after).diff(from: TrustAnalyzer(before))
  /// diff.people.joined
  /// ```
  ///
  /// - Complexity: O(*n* + *m*), plus O(*n* + *m*) per community in both.
  public func diff(
    from old: TrustAnalyzer, communities: CommunitySource = .file, introducersNeeded: Int = 1
  ) throws(TrustQueryError) -> DiffReport {
    let query = DiffQuery(communities: communities, introducersNeeded: introducersNeeded)
    return DiffReport(try query.run(old: old.session, new: session))
  }

  /// The people whose leaving would split trust, and each community's own keystones.
  ///
  /// ```swift
  /// let keystones = try analyzer.keystones()
  /// keystones.keystones.first?.id
  /// ```
  ///
  /// - Complexity: O(*n* + *m*), plus O(Σ degrees of the members) per community.
  public func keystones(communities: CommunitySource = .file) throws(TrustQueryError)
    -> KeystoneReport
  {
    KeystoneReport(
      try KeystonesQuery(communities: communities).run(in: session), network: network)
  }

  /// Where `person` could go next: each community they are not in, with the
  /// warmth and the broadening gain on `by` (default: the file's first
  /// attribute, else the tribes), classed join, stretch or familiar.
  ///
  /// - Complexity: the standings of one person, plus a breadth-first search per stretch.
  public func advise(
    person: String, by: String? = nil, communities: CommunitySource = .file,
    introducersNeeded: Int = 1
  ) throws(TrustQueryError) -> AdviceReport {
    let query = AdviseQuery(
      person: person, by: by, communities: communities, introducersNeeded: introducersNeeded)
    return AdviceReport(try query.run(in: session), network: network)
  }

  /// Up to `count` warm invitees who broaden `community` most, one by one.
  ///
  /// - Complexity: O(*n* + *m*) per invitation.
  public func invitations(
    to community: String, count: Int, by: String? = nil, communities: CommunitySource = .file,
    introducersNeeded: Int = 1
  ) throws(TrustQueryError) -> InvitationReport {
    let query = InviteQuery(
      community: community, count: count, by: by, communities: communities,
      introducersNeeded: introducersNeeded)
    return InvitationReport(try query.run(in: session), network: network)
  }
}
