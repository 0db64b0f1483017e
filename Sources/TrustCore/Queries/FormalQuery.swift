/// Formal versus social: where the strong ties sit in the reports-to
/// hierarchy (along it or across it), how each manager's trust relates to
/// their formal span, and how the formal units hold together.
///
/// ```swift
/// let answer = try FormalQuery(unitDepth: 1).run(in: session)
/// answer.classes.horizontalToVertical  // > 1: trust runs across more than along
/// ```
///
/// - Complexity: O(*n* + *m*) for the classes and units; the managers'
///   reach costs O(Σ over managers of their contacts' degrees), on every core.
package struct FormalQuery: Sendable {
  /// The depth whose people name the units.
  package var unitDepth: Int

  package init(unitDepth: Int = QuerySettings.unitDepth.defaultValue ?? 1) {
    self.unitDepth = unitDepth
  }

  /// Answers the question in `session`.
  ///
  /// - Throws: ``TrustQueryError/Code/unanswerable`` when no one has a
  ///   `reportsTo`; ``TrustQueryError/Code/invalidSetting`` for a negative unit depth.
  package func run(in session: AnalysisSession) throws(TrustQueryError) -> FormalAnswer {
    session.record(QuerySettings.unitDepth.name, .integer(unitDepth))
    let depth = try QuerySettings.unitDepth.validated(unitDepth)
    let forest = try Self.forest(in: session)
    let graph = session.graph
    return FormalAnswer(
      forest: forest, classes: TieClassCounts(graph, forest: forest),
      managers: ManagerReach.all(graph, forest: forest),
      units: FormalUnits(graph, forest: forest, depth: depth))
  }

  /// The session's forest, or the error a network without links gets.
  package static func forest(in session: AnalysisSession) throws(TrustQueryError)
    -> ReportsToForest
  {
    let forest = session.forest
    guard forest.linkCount > 0 else {
      throw TrustQueryError(
        code: .unanswerable, name: "reportsTo", closestMatch: nil,
        message: "no reports-to links: formal needs people's reportsTo")
    }
    return forest
  }
}

/// The answer to a ``FormalQuery``, in person indices.
package struct FormalAnswer: Sendable {
  /// The reports-to forest.
  package var forest: ReportsToForest
  /// The strong ties by class.
  package var classes: TieClassCounts
  /// Every manager, in file order.
  package var managers: [ManagerReach]
  /// The units at the depth asked for.
  package var units: FormalUnits
}
