/// The headline figures of a network on its strong-tie graph: the first
/// section of `trustmap analyse`.
///
/// ```swift
/// let summary = NetworkSummary(network, graph: graph)
/// print(summary.strongTies, summary.largestComponent)
/// ```
///
/// - Complexity: O(*n* + *m*).
public struct NetworkSummary: Sendable, Hashable {
  /// The network's name, if the file gives one.
  public var name: String?
  /// How many people.
  public var people: Int
  /// How many tie records in the file (before any filter).
  public var tieRecords: Int
  /// Records kept by the context filter (self-ties excluded).
  public var keptRecords: Int
  /// Strong ties (undirected pairs).
  public var strongTies: Int
  /// Weak ties (kept pairs that are not strong).
  public var weakTies: Int
  /// Pairs with kept records in both directions.
  public var reciprocatedPairs: Int
  /// The threshold applied.
  public var threshold: Double
  /// The reciprocity rule applied.
  public var reciprocity: StrongTieSettings.Reciprocity
  /// The contexts the filter kept (empty: all).
  public var contextFilter: [String]
  /// Every context with how many records name it, in order of first appearance.
  public var contexts: [ContextCount]
  /// Every community of the file with its size, in file order.
  public var communities: [CommunitySize]
  /// Connected components of the strong-tie graph (an isolate counts as one).
  public var components: Int
  /// The size of the largest component.
  public var largestComponent: Int
  /// People with no strong tie.
  public var isolates: Int

  /// A context and how many tie records name it.
  public struct ContextCount: Sendable, Hashable {
    /// The context's name.
    public var context: String
    /// Records that name it.
    public var records: Int
  }

  /// A community and its size.
  public struct CommunitySize: Sendable, Hashable {
    /// The community's id.
    public var id: String
    /// Its display name.
    public var name: String
    /// How many members.
    public var members: Int
  }

  /// Computes the summary of `network` on `graph`.
  package init(
    _ network: TrustNetwork, graph: TrustGraph, communities: [IndexedCommunity]? = nil,
    components found: Components? = nil
  ) {
    name = network.name
    people = network.people.count
    tieRecords = network.ties.count
    keptRecords = graph.keptRecordCount
    strongTies = graph.strongTieCount
    weakTies = graph.weakTieCount
    reciprocatedPairs = graph.reciprocatedPairCount
    threshold = graph.threshold
    reciprocity = graph.settings.reciprocity
    contextFilter = graph.settings.contexts
    let ties = network.ties
    var counts = [Int](repeating: 0, count: ties.contextNames.count)
    for code in ties.contextOfRecord { counts[Int(code)] += 1 }
    contexts = network.contexts.enumerated().map {
      ContextCount(context: $0.element, records: counts[$0.offset])
    }
    self.communities = (communities ?? network.indexedCommunities).map {
      CommunitySize(id: $0.id, name: $0.name, members: $0.members.count)
    }
    let parts = found ?? Components(graph)
    components = parts.count
    largestComponent = parts.largestSize
    isolates = (0..<graph.personCount).reduce(0) { $0 + (graph.degree(of: $1) == 0 ? 1 : 0) }
  }
}
