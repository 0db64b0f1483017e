/// The questions trustmap answers, asked of one network with one set of
/// strong-tie settings: who trusts whom, who would join which community warm
/// or cold, how far a community's trust reaches, whether more contacts mean
/// broader ones, and which tribes people form.
///
/// Build it once (it builds the strong-tie graph) and ask as often as you
/// like; it is a value, safe to share between tasks. Every answer speaks in
/// ids.
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
  public let network: TrustNetwork
  /// The settings the strong-tie graph was built with.
  public let settings: StrongTieSettings
  package let graph: TrustGraph

  /// Builds the strong-tie graph of `network` with `settings`.
  ///
  /// - Throws: ``TrustQueryError`` for a context no tie uses or a threshold outside [0, 1].
  public init(_ network: TrustNetwork, settings: StrongTieSettings = StrongTieSettings())
    throws(TrustQueryError)
  {
    do {
      graph = try TrustGraph(network, settings: settings)
    } catch {
      if let context = error.unknownContexts.first {
        throw .unknown(.unknownContext, "context", context, among: error.knownContexts)
      }
      throw TrustQueryError(
        code: .invalidSetting, name: "threshold", closestMatch: nil, message: error.description)
    }
    self.network = network
    self.settings = settings
  }

  /// The threshold applied (the settings', the file's, or 0.5).
  public var threshold: Double { graph.threshold }

  /// How many strong ties.
  public var strongTieCount: Int { graph.strongTieCount }

  /// The headline figures: people, ties, components, isolates.
  ///
  /// - Complexity: O(*n* + *m*).
  public var summary: NetworkSummary { NetworkSummary(network, graph: graph) }

  /// The people `person` trusts through a strong tie, in file order.
  ///
  /// - Complexity: O(degree) after an O(*k*) id look-up.
  public func trustedContacts(of person: String) throws(TrustQueryError) -> [String] {
    let index = try personIndex(person)
    return graph.neighbours(of: index).map { network.people.id(of: Int($0)) }
  }

  // MARK: - Look-ups shared by the questions

  func personIndex(_ id: String) throws(TrustQueryError) -> Int {
    if let index = network.index(of: id) { return index }
    throw .unknown(
      .unknownPerson, "person", id, among: network.people.count <= 100_000 ? network.personIDs : [])
  }

  func indexedCommunities(_ source: CommunitySource) throws(TrustQueryError) -> [IndexedCommunity] {
    switch source {
    case .file:
      return network.indexedCommunities
    case .attribute(let attribute):
      guard network.attributeKeys.contains(attribute) else {
        throw .unknown(.unknownAttribute, "attribute", attribute, among: network.attributeKeys)
      }
      return network.indexedCommunities(byAttribute: attribute)
    case .tribes(let level):
      let hierarchy = TribeHierarchy(network, graph: graph)
      guard level >= 0 && level < hierarchy.levels.count else {
        throw TrustQueryError(
          code: .invalidSetting, name: "tribe:\(level)", closestMatch: nil,
          message:
            "no tribe level \(level): this network has levels 0 to \(hierarchy.levels.count - 1)")
      }
      let key = level == 0 ? "tribe" : "tribe:\(level)"
      return TrustNetwork.communities(from: hierarchy.levels[level].column(key: key))
    }
  }

  func communityIndex(_ id: String, in communities: [IndexedCommunity]) throws(TrustQueryError)
    -> Int
  {
    if let index = communities.firstIndex(where: { $0.id == id }) { return index }
    throw .unknown(.unknownCommunity, "community", id, among: communities.map(\.id))
  }

  func ids(_ people: some Sequence<Int32>) -> [String] {
    people.map { network.people.id(of: Int($0)) }
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
