/// Tribes, and tribes of tribes, with ids; shaped like `trustmap tribes
/// --format json`.
///
/// ```swift
/// let tree = try analyzer.tribes(TribeSettings(seed: 7))
/// print(tree.levels[0].modularity, tree.levels[0].tribes.map(\.id))
/// tree.levels[0].tribes[0].dominant["team"]?.value  // the tribe's most common team
/// ```
public struct TribeTree: Sendable, Hashable {
  /// The settings used.
  public var settings: TribeSettings
  /// The runs per level that the best was kept from.
  public var restarts: Int
  /// The levels shown, level 0 (the tribes) first.
  public var levels: [TribeTreeLevel]

  package init(_ answer: TribesAnswer, network: TrustNetwork) {
    let people = network.people
    let hierarchy = answer.hierarchy
    settings = hierarchy.settings
    restarts = hierarchy.restarts
    levels = answer.shownLevels.map { level in
      let below = level.level > 0 ? hierarchy.levels[level.level - 1] : nil
      return TribeTreeLevel(
        level: level.level, modularity: level.modularity, resolution: level.resolution,
        quality: level.quality,
        tribes: level.tribes.map { tribe in
          TribeSummary(
            id: tribe.id, members: people.ids(tribe.members), density: tribe.density,
            internalTies: tribe.internalTies,
            dominant: KeyedList(
              keys: tribe.dominant.map(\.attribute),
              values: tribe.dominant.map { DominantShare(value: $0.value, share: $0.share) }),
            bridges: people.ids(tribe.bridges),
            parts: tribe.parts.map { below?.tribes[$0].id ?? "" })
        },
        links: level.links.map {
          TribeLinkSummary(
            tribes: [level.tribes[$0.first].id, level.tribes[$0.second].id], ties: $0.ties,
            weight: $0.weight)
        })
    }
  }

  /// Each level's size and modularity with its largest tribes, as `analyse` lists them.
  public var overview: [TribeLevelOverview] {
    levels.map { level in
      TribeLevelOverview(
        level: level.level, tribeCount: level.tribes.count, modularity: level.modularity,
        largest: level.tribes.prefix(10).map {
          TribeSize(id: $0.id, size: $0.members.count, isSuppressed: $0.isSuppressed)
        })
    }
  }
}

/// One level of tribes.
public struct TribeTreeLevel: Sendable, Hashable {
  /// 0 for the tribes.
  public var level: Int
  /// Newman's modularity at resolution 1, weights = strengths.
  public var modularity: Double
  /// The resolution this level was found at.
  public var resolution: Double
  /// The quality maximised, at ``resolution``.
  public var quality: Double
  /// The tribes, largest first.
  public var tribes: [TribeSummary]
  /// Pairs of tribes joined by strong ties, the most ties first (JSON lists
  /// the first 1,000 and the count).
  public var links: [TribeLinkSummary]
}

/// One tribe, with ids.
public struct TribeSummary: Sendable, Hashable {
  /// `T1`, … at level 0; `L1.T1`, … above.
  public var id: String
  /// The members, in file order.
  public var members: [String]
  /// Strong-tie density; `nil` for one member.
  public var density: Double?
  /// Strong ties with both ends in the tribe.
  public var internalTies: Int
  /// Each attribute's dominant value and its share of the members that have
  /// the attribute, in the order attributes first appear in the file.
  public var dominant: KeyedList<DominantShare>
  /// Members with strong ties to other tribes.
  public var bridges: [String]
  /// The ids of the tribes one level down that this tribe joins (empty at level 0).
  public var parts: [String]
  /// Whether the tribe was too small to show (``SuppressibleGroup``): then
  /// only ``id`` is kept.
  public var isSuppressed = false
}

/// An attribute's most common value in a tribe, and its share.
public struct DominantShare: Sendable, Hashable {
  /// The value.
  public var value: String
  /// Its share of the members that have the attribute.
  public var share: Double
}

/// Two tribes of one level and the strong ties between them.
public struct TribeLinkSummary: Sendable, Hashable {
  /// The two tribes' ids.
  public var tribes: [String]
  /// Strong ties between them.
  public var ties: Int
  /// The sum of those ties' strengths.
  public var weight: Double
}

/// One level at a glance, as the `analyse` report lists it.
public struct TribeLevelOverview: Sendable, Hashable {
  /// The level.
  public var level: Int
  /// How many tribes.
  public var tribeCount: Int
  /// Its modularity at resolution 1.
  public var modularity: Double
  /// The ten largest tribes.
  public var largest: [TribeSize]
}

extension TribeLevelOverview {
  package init(_ level: TribeLevel) {
    self.init(
      level: level.level, tribeCount: level.tribes.count, modularity: level.modularity,
      largest: level.tribes.prefix(10).map { TribeSize(id: $0.id, size: $0.members.count) })
  }
}

/// A tribe's id and size.
public struct TribeSize: Sendable, Hashable {
  /// The tribe's id.
  public var id: String
  /// Its members.
  public var size: Int
  /// Whether the tribe was too small to show: then ``size`` is 0.
  public var isSuppressed = false
}

extension TribeTree: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("resolution", settings.resolution)
      json.field("seed", settings.seed)
      json.field("quality", settings.quality.rawValue)
      json.field("weighted", !settings.unweighted)
      json.field("restarts", restarts)
      json.field("levels", levels)
    }
  }
}

extension TribeTreeLevel: JSONEncodable {
  /// The first 1,000 links, then `linkCount`, all of them.
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("level", level)
      json.field("modularity", modularity)
      json.field("resolution", resolution)
      json.field("quality", quality)
      json.field("tribes", tribes)
      json.field("links", Array(links.prefix(1000)))
      json.field("linkCount", links.count)
    }
  }
}

extension TribeSummary: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    if isSuppressed { return json.suppressedGroup(idKey: "id", id: id) }
    json.object { json in
      json.field("id", id)
      json.field("size", members.count)
      json.field("members", members)
      json.field("density", density)
      json.field("internalTies", internalTies)
      json.field("dominant", dominant)
      json.field("bridges", bridges)
      json.field("parts", parts)
    }
  }
}

extension DominantShare: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("value", value)
      json.field("share", share)
    }
  }
}

extension TribeLinkSummary: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("tribes", tribes)
      json.field("ties", ties)
      json.field("weight", weight)
    }
  }
}

extension TribeLevelOverview: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("level", level)
      json.field("tribes", tribeCount)
      json.field("modularity", modularity)
      json.field("largest", largest)
    }
  }
}

extension TribeSize: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    if isSuppressed { return json.suppressedGroup(idKey: "id", id: id) }
    json.object { json in
      json.field("id", id)
      json.field("size", size)
    }
  }
}
