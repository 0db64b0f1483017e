/// Diversity versus volume for some attributes (or the tribes, `tribe` and
/// `tribe:LEVEL`): per person, how broad their strong ties are; for the
/// network, whether like trusts like and whether more means broader.
///
/// ```swift
/// let answer = try DiversityQuery(attributes: ["team"], permutations: 99).run(in: session)
/// answer[0].assortativity
/// ```
///
/// - Complexity: O(*n* + *m*) per attribute, plus O(*n* + *m*) per
///   permutation; several attributes without permutations run at once on
///   every core.
package struct DiversityQuery: Sendable {
  /// The attributes, each once in the order given; empty: every attribute, in file order.
  package var attributes: [String]
  /// Shuffles of each attribute for p-values (0: none).
  package var permutations: Int
  /// The seed of the shuffles.
  package var seed: UInt64

  package init(
    attributes: [String] = [], permutations: Int = QuerySettings.permutations.defaultValue ?? 0,
    seed: UInt64 = QuerySettings.seed.defaultValue ?? 1
  ) {
    self.attributes = attributes
    self.permutations = permutations
    self.seed = seed
  }

  /// Answers the question in `session`: one analysis per attribute.
  ///
  /// - Throws: ``TrustQueryError`` for an unknown attribute or tribe level,
  ///   or negative `permutations`.
  package func run(in session: AnalysisSession) throws(TrustQueryError) -> [DiversityAnalysis] {
    let (columns, shuffles) = try recordedColumns(in: session)
    if shuffles == 0 { return DiversityAnalysis.analyses(session.graph, columns: columns) }
    return columns.map {
      DiversityAnalysis(session.graph, column: $0, permutations: shuffles, seed: seed)
    }
  }

  /// The network's figures alone, as `analyse` lists them, from each
  /// person's volume and Blau without the rows per person
  /// (``DiversityAnalysis/overview(_:column:)``); the permutations, which
  /// the figures do not show, are not run.
  ///
  /// - Throws: as ``run(in:)`` does.
  package func overviews(in session: AnalysisSession) throws(TrustQueryError)
    -> [DiversityOverview]
  {
    DiversityAnalysis.overviews(session.graph, columns: try recordedColumns(in: session).columns)
  }

  /// The attributes' columns and the permutations checked, with the settings
  /// recorded in the session (the permutations are checked first).
  private func recordedColumns(in session: AnalysisSession) throws(TrustQueryError)
    -> (columns: [AttributeColumn], shuffles: Int)
  {
    session.record("attributes", .list(attributes))
    session.record(QuerySettings.permutations.name, .integer(permutations))
    if permutations > 0 { session.record(QuerySettings.seed.name, .unsigned(seed)) }
    let shuffles = try QuerySettings.permutations.validated(permutations)
    let network = session.network
    guard !attributes.isEmpty else {
      return (network.attributeKeys.map { network.people.attributeColumn($0) }, shuffles)
    }
    var columns: [AttributeColumn] = []
    var seen = Set<String>()
    for name in attributes where seen.insert(name).inserted {
      columns.append(try session.attributeColumn(name))
    }
    return (columns, shuffles)
  }
}
