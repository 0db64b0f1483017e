/// Tribes, and tribes of tribes, with ids.
public struct TribeTree: Sendable, Hashable {
  /// The settings used.
  public var settings: TribeSettings
  /// Level 0 (the tribes) first.
  public var levels: [TribeTreeLevel]
}

/// One level of tribes.
public struct TribeTreeLevel: Sendable, Hashable {
  /// 0 for the tribes.
  public var level: Int
  /// Newman's modularity at resolution 1, weights = strengths.
  public var modularity: Double
  /// The tribes, largest first.
  public var tribes: [TribeSummary]
}

/// One tribe, with ids.
public struct TribeSummary: Sendable, Hashable {
  /// `T1`, … at level 0; `L1.T1`, … above.
  public var id: String
  /// The members, in file order.
  public var members: [String]
  /// Strong-tie density; `nil` for one member.
  public var density: Double?
  /// The dominant value of each attribute and its share of members that have it.
  public var dominant: [String: DominantShare]
  /// Members with strong ties to other tribes.
  public var bridges: [String]
  /// The ids of the tribes one level down that this tribe joins (empty at level 0).
  public var parts: [String]
}

/// An attribute's most common value in a tribe, and its share.
public struct DominantShare: Sendable, Hashable {
  /// The value.
  public var value: String
  /// Its share of the members that have the attribute.
  public var share: Double
}

extension TrustAnalyzer {
  /// The tribes (Leiden, seeded) and the tribes of tribes above them.
  ///
  /// ```swift
  /// let tree = analyzer.tribes(TribeSettings(seed: 7))
  /// print(tree.levels[0].modularity, tree.levels[0].tribes.map(\.id))
  /// ```
  ///
  /// - Complexity: about O(*m*) per Leiden pass and restart.
  public func tribes(_ settings: TribeSettings = TribeSettings()) -> TribeTree {
    let hierarchy = TribeHierarchy(network, graph: graph, settings: settings)
    var levels: [TribeTreeLevel] = []
    for level in hierarchy.levels {
      let below = levels.last
      levels.append(
        TribeTreeLevel(
          level: level.level, modularity: level.modularity,
          tribes: level.tribes.map { tribe in
            TribeSummary(
              id: tribe.id, members: ids(tribe.members), density: tribe.density,
              dominant: Dictionary(
                uniqueKeysWithValues: tribe.dominant.map {
                  ($0.attribute, DominantShare(value: $0.value, share: $0.share))
                }),
              bridges: ids(tribe.bridges), parts: tribe.parts.map { below?.tribes[$0].id ?? "" })
          }))
    }
    return TribeTree(settings: settings, levels: levels)
  }
}
