/// Who brokers between groups: Gould–Fernandez roles by an attribute, the
/// tribes or the formal units, and Burt's constraint, effective size and
/// efficiency, for everyone.
///
/// ```swift
/// let answer = try BrokersQuery(by: "team").run(in: session)
/// answer.roles.counts[ana][3]    // Ana's liaison pairs
/// answer.holes.constraint[ana]   // how closed her contacts are
/// ```
///
/// - Complexity: O(*n* + *m*) plus one scan of the overlaps of contacts
///   (``ContactOverlap``), on every core.
package struct BrokersQuery: Sendable {
  /// An attribute, `tribe` / `tribe:LEVEL`, or `unit` (the formal units).
  package var by: String
  /// The depth naming the units, for `unit`.
  package var unitDepth: Int

  package init(by: String, unitDepth: Int = QuerySettings.unitDepth.defaultValue ?? 1) {
    self.by = by
    self.unitDepth = unitDepth
  }

  /// Answers the question in `session`.
  ///
  /// - Throws: ``TrustQueryError`` for an unknown attribute (naming the
  ///   closest), a tribe level the network does not reach, `unit` without
  ///   reports-to links, or a negative unit depth.
  package func run(in session: AnalysisSession) throws(TrustQueryError) -> BrokersAnswer {
    session.record("by", .text(by))
    session.record(QuerySettings.unitDepth.name, .integer(unitDepth))
    let groups: AttributeColumn
    if by == "unit" && !session.network.attributeKeys.contains("unit") {
      let depth = try QuerySettings.unitDepth.validated(unitDepth)
      let forest = try FormalQuery.forest(in: session)
      let units = FormalUnits(session.graph, forest: forest, depth: depth)
      groups = AttributeColumn(
        key: "unit", codes: units.unitOf,
        values: units.units.map { session.network.people.id(of: $0.head) })
    } else {
      groups = try session.attributeColumn(by)
    }
    // One scan of the contacts' overlaps serves the closed pairs and Burt's sums.
    let graph = session.graph
    let overlap = ContactOverlap(graph, local: session.local, groups: groups.codes)
    return BrokersAnswer(
      groups: groups, roles: BrokerageRoles(graph, groups: groups.codes, overlap: overlap),
      holes: StructuralHoles(graph, overlap: overlap))
  }
}

/// The answer to a ``BrokersQuery``, in person indices.
package struct BrokersAnswer: Sendable {
  /// Each person's group.
  package var groups: AttributeColumn
  /// The brokerage roles.
  package var roles: BrokerageRoles
  /// Constraint, effective size, efficiency.
  package var holes: StructuralHoles
}
