/// One network and its strong-tie graph, with what several questions share
/// computed once: the graph renumbered breadth first, the tribe hierarchies
/// asked for, and the communities in use. Every question (a query type)
/// runs in a session; ``TrustAnalyzer`` holds one, and so does one run of
/// the command line, so `analyse --community-by tribe` finds its tribes once.
///
/// It is safe to share between tasks: the caches are behind a lock, and
/// everything handed out is a value.
///
/// ```swift
/// let session = try AnalysisSession(network, settings: StrongTieSettings())
/// let tribes = session.tribes()          // found now
/// let again = session.tribes()           // the same, from the cache
/// let byTribe = try session.communities(.tribes(level: 0))  // from the same tribes
/// ```
///
/// - Complexity: building is the graph's, O(*n* + *m*); each cache fills at
///   most once per key.
package final class AnalysisSession: @unchecked Sendable {
  /// The network.
  package let network: TrustNetwork
  /// Its strong-tie graph.
  package let graph: TrustGraph

  // Guarded by `lock`; hot loops never read these (they get the values).
  private let lock = NSLockLike()
  private var cachedLocal: LocalGraph?
  private var cachedForest: ReportsToForest?
  private var cachedTribes: [TribeSettings: TribeHierarchy] = [:]
  private var cachedLevelZero: [TribeSettings: TribeLevel] = [:]
  private var cachedCommunities: [CommunitySource: [IndexedCommunity]] = [:]
  private var settingsLog = SettingsLog()
  private var progressHook: ProgressHook?

  /// Where the long loops of the questions asked next report how far they
  /// have gone (the passes of Leiden, second degrees, joins); `nil`, the
  /// default: nowhere, at no cost.
  package var progress: ProgressHook? {
    get { lock.withLock { progressHook } }
    set { lock.withLock { progressHook = newValue } }
  }

  /// From this many people up, Leiden's first level runs on the graph
  /// renumbered breadth first, the session's shared ``local``.
  package static let localTribesMinimum = 50_000

  /// A session on `graph`, the strong-tie graph of `network`.
  package init(_ network: TrustNetwork, graph: TrustGraph) {
    self.network = network
    self.graph = graph
    settingsLog.record("strongTieThreshold", .number(graph.threshold))
    settingsLog.record("reciprocity", .text(graph.settings.reciprocity.rawValue))
    settingsLog.record("contexts", .list(graph.settings.contexts))
  }

  // MARK: Provenance

  /// Notes that a question used `value` for the setting `name`, for the
  /// session's ``provenance(input:)``; each query records its own settings as it runs.
  package func record(_ name: String, _ value: SettingValue) {
    lock.withLock { settingsLog.record(name, value) }
  }

  /// Notes which communities a question used.
  package func record(_ source: CommunitySource) {
    let value: String
    switch source {
    case .file: value = "file"
    case .attribute(let key): value = "attribute:\(key)"
    case .tribes(let level): value = "tribe:\(level)"
    }
    record("communities", .text(value))
  }

  /// How the answers given so far were made: the graph's settings, then every
  /// setting the questions used, and the seed of anything random.
  package func provenance(input: InputDigest?) -> Provenance {
    let log = lock.withLock { settingsLog }
    var seed: UInt64?
    switch log.value(of: QuerySettings.seed.name) {
    case .unsigned(let value): seed = value
    case .several(let values):
      // The question's own comes last (the tribes behind `tribe` communities come first).
      if case .unsigned(let value) = values.last { seed = value }
    default: seed = nil
    }
    return Provenance(input: input, settings: log.list, seed: seed)
  }

  /// A session on the strong-tie graph of `network` built with `settings`.
  ///
  /// - Throws: ``TrustQueryError`` for a context no tie uses (naming the
  ///   closest) or a threshold outside [0, 1].
  package convenience init(_ network: TrustNetwork, settings: StrongTieSettings)
    throws(TrustQueryError)
  {
    do {
      self.init(network, graph: try TrustGraph(network, settings: settings))
    } catch {
      if let context = error.unknownContexts.first {
        let known = error.knownContexts
        let listed = known.isEmpty ? "none" : known.map { "'\($0)'" }.joined(separator: ", ")
        throw TrustQueryError(
          code: .unknownContext, name: context,
          closestMatch: closestCandidate(to: context, among: known), message: error.description,
          context: "the network's contexts: \(listed)")
      }
      let value = error.invalidThreshold.map { "\($0)" } ?? ""
      throw TrustQueryError.invalid(
        QuerySettings.threshold.name, value, expected: QuerySettings.threshold.expected)
    }
  }

  /// The graph renumbered breadth first (made on first use).
  package var local: LocalGraph {
    lock.withLock {
      if let cachedLocal { return cachedLocal }
      let made = LocalGraph(graph)
      cachedLocal = made
      return made
    }
  }

  /// The reports-to forest (made on first use).
  package var forest: ReportsToForest {
    lock.withLock {
      if let cachedForest { return cachedForest }
      let made = ReportsToForest(reportsTo: network.people.reportsTo)
      cachedForest = made
      return made
    }
  }

  /// The tribe hierarchy found with `settings` (found on first use for each
  /// settings, then kept).
  package func tribes(_ settings: TribeSettings = TribeSettings()) -> TribeHierarchy {
    recordTribeSettings(settings)
    if let found = lock.withLock({ cachedTribes[settings] }) { return found }
    // Taken outside the lock: `local` locks too.
    // Without a tie the tribes need no renumbering (TribeHierarchy skips it).
    let renumbers = graph.personCount >= Self.localTribesMinimum && graph.strongTieCount > 0
    let local = renumbers ? self.local : nil
    let progress = self.progress
    return lock.withLock {
      if let found = cachedTribes[settings] { return found }
      let found = TribeHierarchy(
        network, graph: graph, settings: settings, localOrderMinimum: Self.localTribesMinimum,
        local: local, progress: progress)
      cachedTribes[settings] = found
      return found
    }
  }

  /// The tribes (level 0 of ``tribes(_:)``) alone, without the levels
  /// above: from the hierarchy when the session has found it, else found
  /// and kept on their own.
  ///
  /// ```swift
  /// let tribes = session.levelZeroTribes()
  /// tribes.tribeOf[0]   // person 0's tribe
  /// ```
  ///
  /// - Complexity: Leiden's level 0, about O(*m*) per pass; nothing once found.
  package func levelZeroTribes(_ settings: TribeSettings = TribeSettings()) -> TribeLevel? {
    recordTribeSettings(settings)
    let found = lock.withLock { cachedTribes[settings]?.levels.first ?? cachedLevelZero[settings] }
    if let found { return found }
    // Without a tie the tribes need no renumbering (TribeHierarchy skips it).
    let renumbers = graph.personCount >= Self.localTribesMinimum && graph.strongTieCount > 0
    let local = renumbers ? self.local : nil
    let progress = self.progress
    return lock.withLock {
      if let found = cachedTribes[settings]?.levels.first ?? cachedLevelZero[settings] {
        return found
      }
      let found = TribeHierarchy(
        network, graph: graph, settings: settings, localOrderMinimum: Self.localTribesMinimum,
        local: local, progress: progress, maximumLevels: 1
      ).levels.first
      cachedLevelZero[settings] = found
      return found
    }
  }

  /// Records the settings that shape the tribes, for provenance.
  private func recordTribeSettings(_ settings: TribeSettings) {
    record(QuerySettings.resolution.name, .number(settings.resolution))
    record("quality", .text(settings.quality.rawValue))
    record("unweighted", .flag(settings.unweighted))
    record(
      QuerySettings.restarts.name,
      .integer(settings.effectiveRestarts(strongTies: graph.strongTieCount)))
    record(QuerySettings.seed.name, .unsigned(settings.seed))
  }

  /// How many tribe hierarchies the session has found (one per settings asked for).
  package var tribeHierarchiesFound: Int { lock.withLock { cachedTribes.count } }

  /// The communities `source` names: the file's, one per value of an
  /// attribute, or one per tribe of a level (found with default settings).
  ///
  /// - Throws: ``TrustQueryError`` for an attribute no one has (naming the
  ///   closest) or a tribe level the network does not reach.
  package func communities(_ source: CommunitySource) throws(TrustQueryError)
    -> [IndexedCommunity]
  {
    record(source)
    if case .file = source { return network.indexedCommunities }
    if let found = lock.withLock({ cachedCommunities[source] }) { return found }
    let column: AttributeColumn
    switch source {
    case .file:
      return network.indexedCommunities
    case .attribute(let key):
      column = try attributeColumn(key, allowingTribes: false)
    case .tribes(let level):
      column = try tribeColumn(level: level)
    }
    let found = TrustNetwork.communities(from: column)
    lock.withLock { cachedCommunities[source] = found }
    return found
  }
}
