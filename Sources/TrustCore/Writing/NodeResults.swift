/// Each person's figures, ready to be written as node attributes so that a
/// tool such as Gephi can colour by them (`trustmap convert --with-results`):
/// the tribe at every level (`tribe`, `tribe:1`, …, the tribe's number, 1 for
/// T1), the strong-tie component (`component`, numbered from 1 in order of the
/// earliest person), the first- and second-degree counts (`firstDegree`,
/// `secondDegree`) and, for a community, the group (`group`: `in`, `near` or `out`).
/// When some second degrees are estimates, `secondDegreeRelativeError` gives
/// each one's relative standard error (empty where exact).
///
/// ```swift
/// let analyzer = try TrustAnalyzer(network)
/// let results = try analyzer.nodeResults(groupsOf: "lisbon")
/// results.columns.map(\.name)  // ["tribe", "tribe:1", "component", "firstDegree", "secondDegree", "group"]
/// try NetworkWriter(format: .gexf).write(network, results: results) { text += $0 }
/// ```
///
/// - Complexity: memory O(*n* × columns).
public struct NodeResults: Sendable, Hashable {
  /// One figure for everyone.
  public struct Column: Sendable, Hashable {
    /// The values, one per person in file order.
    public enum Values: Sendable, Hashable {
      /// Whole numbers (written typed: GraphML `int`, GEXF `integer`, Neo4j `int`).
      case integers([Int32])
      /// Texts.
      case texts([String])
    }

    /// The attribute name written.
    public var name: String
    /// The values.
    public var values: Values

    /// A column.
    public init(name: String, values: Values) {
      self.name = name
      self.values = values
    }

    /// How many values.
    public var count: Int {
      switch values {
      case .integers(let values): return values.count
      case .texts(let values): return values.count
      }
    }

    /// Whether the values are whole numbers.
    public var isInteger: Bool {
      if case .integers = values { return true }
      return false
    }
  }

  /// How many people the results are for.
  public var personCount: Int
  /// The figures, in the order they are written.
  public var columns: [Column]

  /// Results of your own: every column must have `personCount` values.
  public init(personCount: Int, columns: [Column]) {
    self.personCount = personCount
    self.columns = columns
  }
}

extension TrustAnalyzer {
  /// Everyone's figures for writing as node attributes (``NodeResults``):
  /// tribes at every level (default ``TribeSettings``), component, first and
  /// second degree, and with `community` each person's group in it.
  ///
  /// - Parameters:
  ///   - community: a community's id, for the `group` column; `nil` for none.
  ///   - communities: where `community` comes from.
  ///   - nearDepth: the strong-tie distance that counts as near.
  ///   - exactSecondDegree: count every second degree exactly, whatever it
  ///     costs, instead of estimating beyond the budget.
  /// - Throws: ``TrustQueryError`` for an unknown community, attribute or
  ///   tribe level, or a negative `nearDepth`.
  /// - Complexity: the tribes' (about O(*m*) per Leiden pass), and the
  ///   second-degree counts' (linear in the ties; O(Σ deg²) at worst when exact).
  public func nodeResults(
    groupsOf community: String? = nil, communities: CommunitySource = .file, nearDepth: Int = 1,
    exactSecondDegree: Bool = false
  ) throws(TrustQueryError) -> NodeResults {
    try NodeResultsQuery(
      community: community, communities: communities, nearDepth: nearDepth,
      exact: exactSecondDegree
    ).run(in: session)
  }
}

/// The question behind ``NodeResults``, asked in a session so that what it
/// shares with other questions (the graph renumbered breadth first, the
/// tribes) is computed once.
///
/// ```swift
/// let results = try NodeResultsQuery(community: "guild").run(in: session)
/// ```
///
/// - Complexity: the tribes', and the second-degree counts' (``TrustDegreeCounts``).
package struct NodeResultsQuery: Sendable {
  /// The community whose groups to add, if any.
  package var community: String?
  /// Where the community comes from.
  package var communities: CommunitySource
  /// The strong-tie distance that counts as near.
  package var nearDepth: Int

  /// Count every second degree exactly (`--exact`).
  package var exact: Bool

  package init(
    community: String? = nil, communities: CommunitySource = .file, nearDepth: Int = 1,
    exact: Bool = false
  ) {
    self.community = community
    self.communities = communities
    self.nearDepth = nearDepth
    self.exact = exact
  }

  /// Answers the question in `session`.
  ///
  /// - Throws: ``TrustQueryError`` for an unknown community, attribute or
  ///   tribe level, or a negative `nearDepth`.
  package func run(in session: AnalysisSession) throws(TrustQueryError) -> NodeResults {
    // The group first: a bad community is reported before the long steps.
    var group: [String]?
    if let community {
      let answer = try GroupsQuery(
        community: community, communities: communities, nearDepth: nearDepth
      ).run(in: session)
      var names = [String](repeating: "out", count: session.network.people.count)
      for person in answer.projection.inGroup { names[Int(person)] = "in" }
      for person in answer.projection.near { names[Int(person)] = "near" }
      group = names
    }
    var columns: [NodeResults.Column] = []
    for level in session.tribes().levels {
      columns.append(
        NodeResults.Column(
          name: level.level == 0 ? "tribe" : "tribe:\(level.level)",
          values: .integers(level.tribeOf.map { $0 + 1 })))
    }
    let local = session.local
    let components = Components(local)
    columns.append(
      NodeResults.Column(
        name: "component", values: .integers(components.componentOf.map { $0 + 1 })))
    let degrees = TrustDegreeCounts(local, exact: exact)
    columns.append(NodeResults.Column(name: "firstDegree", values: .integers(degrees.firstDegree)))
    columns.append(
      NodeResults.Column(name: "secondDegree", values: .integers(degrees.secondDegree)))
    if degrees.hasEstimates {
      // Estimates are never silent: each one's relative error, empty where exact.
      columns.append(
        NodeResults.Column(
          name: "secondDegreeRelativeError",
          values: .texts(
            degrees.secondDegreeError.map { $0 > 0 ? formatRelativeError(Double($0)) : "" })))
    }
    if let group { columns.append(NodeResults.Column(name: "group", values: .texts(group))) }
    return NodeResults(personCount: session.network.people.count, columns: columns)
  }
}

/// A relative error as written beside estimates: four decimals at most, rounded up.
func formatRelativeError(_ error: Double) -> String {
  let rounded = (error * 10_000).rounded(.up) / 10_000
  return "\(rounded)"
}
