/// Tribes and tribes of tribes: Leiden on the strong-tie graph, seeded, then
/// on each level's aggregate until one group remains or nothing merges.
///
/// ```swift
/// let answer = try TribesQuery(settings: TribeSettings(seed: 7), level: 0).run(in: session)
/// answer.shownLevels[0].tribes.count
/// ```
///
/// - Complexity: about O(*m*) per Leiden pass and restart; found once per
///   session for each settings.
package struct TribesQuery: Sendable {
  /// How the tribes are found.
  package var settings: TribeSettings
  /// Only this level, when given.
  package var level: Int?

  package init(settings: TribeSettings = TribeSettings(), level: Int? = nil) {
    self.settings = settings
    self.level = level
  }

  /// Answers the question in `session`.
  ///
  /// - Throws: ``TrustQueryError`` for a resolution that is not above 0,
  ///   restarts below 1, or a level the network does not reach.
  package func run(in session: AnalysisSession) throws(TrustQueryError) -> TribesAnswer {
    if let level { session.record(QuerySettings.tribeLevel.name, .integer(level)) }
    _ = try QuerySettings.resolution.validated(settings.resolution)
    if let restarts = settings.restarts { _ = try QuerySettings.restarts.validated(restarts) }
    if let level { _ = try QuerySettings.tribeLevel.validated(level) }
    let hierarchy = session.tribes(settings)
    if let level, level >= hierarchy.levels.count {
      let context = "this network has levels 0 to \(hierarchy.levels.count - 1)"
      throw TrustQueryError(
        code: .invalidSetting, name: "\(level)", closestMatch: nil,
        message: "no level \(level): \(context)", setting: QuerySettings.tribeLevel.name,
        expected: "a level from 0 to \(hierarchy.levels.count - 1)", context: context)
    }
    return TribesAnswer(hierarchy: hierarchy, level: level)
  }
}

/// The answer to a ``TribesQuery``, in person indices.
package struct TribesAnswer: Sendable {
  /// Every level found.
  package var hierarchy: TribeHierarchy
  /// The one level asked for, if any.
  package var level: Int?

  /// The levels to show: the one asked for, or all.
  package var shownLevels: [TribeLevel] {
    level.map { [hierarchy.levels[$0]] } ?? hierarchy.levels
  }
}
