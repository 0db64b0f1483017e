/// The headline figures of a network on its strong-tie graph: the first
/// section of `trustmap analyse`, shaped like its JSON.
///
/// ```swift
/// let summary = analyzer.summary
/// print(summary.strongTies, summary.components.largest, summary.degreesOfTrust.meanSecondDegree)
/// ```
///
/// - Complexity: O(*n* + *m*), and O(Σ deg²) for the second-degree counts.
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
  /// Every community in use with its size, in order.
  public var communities: [CommunitySize]
  /// The connected components of the strong-tie graph.
  public var components: ComponentCounts
  /// People with no strong tie.
  public var isolates: Int
  /// First- and second-degree counts over everyone.
  public var degreesOfTrust: DegreesOfTrust

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
    /// Whether the community was too small to show (``SuppressibleGroup``):
    /// then only ``id`` is kept.
    public var isSuppressed = false
  }

  /// How many connected components, and the largest one's size.
  public struct ComponentCounts: Sendable, Hashable {
    /// Components of the strong-tie graph (an isolate counts as one).
    public var count: Int
    /// The size of the largest component (0 for an empty network).
    public var largest: Int
  }

  /// Degrees of trust over everyone: how many people each person trusts
  /// (first degree) and how many are pre-credentialed to them (second).
  public struct DegreesOfTrust: Sendable, Hashable {
    /// The mean first degree (0 for an empty network).
    public var meanFirstDegree: Double
    /// The mean second degree (0 for an empty network).
    public var meanSecondDegree: Double
    /// The largest first degree.
    public var largestFirstDegree: Int
    /// The largest second degree.
    public var largestSecondDegree: Int
    /// The relative standard error of ``meanSecondDegree`` when some second
    /// degrees are estimated (a hub's neighbours beyond the exact budget),
    /// `nil` when every one is exact. JSON then writes the mean as
    /// `{"estimate": 56100.2, "relativeError": 0.033}`.
    public var meanSecondDegreeError: Double?
    /// The relative standard error of ``largestSecondDegree`` when it is an
    /// estimate, `nil` when exact.
    public var largestSecondDegreeError: Double?
  }

  /// Computes the summary of `network` on `graph`, listing the file's
  /// communities, finding the components and degree counts itself.
  package init(_ network: TrustNetwork, graph: TrustGraph) {
    let local = LocalGraph(graph)
    self.init(
      network, graph: graph, communities: network.indexedCommunities,
      components: Components(local), degrees: TrustDegreeCounts(local))
  }

  /// Computes the summary of `network` on `graph`, listing `communities`.
  package init(
    _ network: TrustNetwork, graph: TrustGraph, communities: [IndexedCommunity],
    components found: Components, degrees: TrustDegreeCounts
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
    self.communities = communities.map {
      CommunitySize(id: $0.id, name: $0.name, members: $0.members.count)
    }
    components = ComponentCounts(count: found.count, largest: found.largestSize)
    isolates = (0..<graph.personCount).reduce(0) { $0 + (graph.degree(of: $1) == 0 ? 1 : 0) }
    let largest = degrees.largestSecondDegree
    let meanError = degrees.meanSecondDegreeError
    degreesOfTrust = DegreesOfTrust(
      meanFirstDegree: degrees.meanFirstDegree, meanSecondDegree: degrees.meanSecondDegree,
      largestFirstDegree: Int(degrees.firstDegree.max() ?? 0),
      largestSecondDegree: largest.value,
      meanSecondDegreeError: degrees.hasEstimates ? meanError : nil,
      largestSecondDegreeError: largest.error > 0 ? largest.error : nil)
  }
}

extension NetworkSummary: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("name", name)
      json.field("people", people)
      json.field("tieRecords", tieRecords)
      json.field("keptRecords", keptRecords)
      json.field("strongTies", strongTies)
      json.field("weakTies", weakTies)
      json.field("reciprocatedPairs", reciprocatedPairs)
      json.field("threshold", threshold)
      json.field("reciprocity", reciprocity.rawValue)
      json.field("contextFilter", contextFilter)
      json.field("contexts", contexts)
      json.field("communities", communities)
      json.field("components", components)
      json.field("isolates", isolates)
      json.field("degreesOfTrust", degreesOfTrust)
    }
  }
}

extension NetworkSummary.ContextCount: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("context", context)
      json.field("records", records)
    }
  }
}

extension NetworkSummary.CommunitySize: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    if isSuppressed { return json.suppressedGroup(idKey: "id", id: id) }
    json.object { json in
      json.field("id", id)
      json.field("name", name)
      json.field("members", members)
    }
  }
}

extension NetworkSummary.ComponentCounts: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("count", count)
      json.field("largest", largest)
    }
  }
}

extension NetworkSummary.DegreesOfTrust: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("meanFirstDegree", meanFirstDegree)
      if let meanSecondDegreeError {
        json.field("meanSecondDegree", Estimate(meanSecondDegree, error: meanSecondDegreeError))
      } else {
        json.field("meanSecondDegree", meanSecondDegree)
      }
      json.field("largestFirstDegree", largestFirstDegree)
      if let largestSecondDegreeError {
        json.field(
          "largestSecondDegree",
          Estimate(Double(largestSecondDegree), error: largestSecondDegreeError))
      } else {
        json.field("largestSecondDegree", largestSecondDegree)
      }
    }
  }
}

/// An estimated figure as JSON: `{"estimate": 56100, "relativeError": 0.033}`,
/// the error rounded to four decimals; whole estimates are written whole.
struct Estimate: JSONEncodable {
  var value: Double
  var error: Double

  init(_ value: Double, error: Double) {
    self.value = value
    self.error = error
  }

  func encode(to json: inout JSONWriter) {
    json.object { json in
      if value == value.rounded(), abs(value) < 1e15 {
        json.field("estimate", Int(value))
      } else {
        json.field("estimate", value)
      }
      json.field("relativeError", (error * 10_000).rounded(.up) / 10_000)
    }
  }
}
