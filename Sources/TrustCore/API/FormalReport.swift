/// Formal versus social, with ids; shaped like `trustmap formal --format json`.
///
/// ```swift
/// let formal = try analyzer.formal(unitDepth: 1)
/// formal.ties.horizontalToVertical      // > 1: trust runs more across the hierarchy
/// formal.managers.filter { $0.reportsWithStrongTie == 0 }.map(\.id)  // formal authority only
/// ```
public struct FormalReport: Sendable, Hashable {
  /// The strong ties by their place in the hierarchy.
  public var ties: TieClassFigures
  /// Every manager (a placed person with at least one report), in file order.
  public var managers: [ManagerFigures]
  /// The units at one depth.
  public var units: UnitFigures

  package init(_ answer: FormalAnswer, network: TrustNetwork) {
    let people = network.people
    ties = TieClassFigures(answer.classes)
    managers = answer.managers.map {
      ManagerFigures(
        id: people.id(of: $0.person), reports: $0.reports, span: $0.span,
        reportsWithStrongTie: $0.reportsWithStrongTie, share: $0.share,
        socialReach: $0.socialReach, reachBeyondSpan: $0.reachBeyondSpan)
    }
    units = UnitFigures(answer.units, network: network)
  }
}

/// Strong ties per class, the placed pairs each class could hold, and the densities.
public struct TieClassFigures: Sendable, Hashable {
  /// Ties between a manager and a direct report.
  public var direct: Int
  /// Ties between an ancestor and someone further down (not the manager).
  public var skip: Int
  /// Ties across the hierarchy at the same depth.
  public var horizontal: Int
  /// Ties across the hierarchy at different depths.
  public var diagonal: Int
  /// Ties with an end outside the hierarchy.
  public var unplaced: Int
  /// Possible placed pairs per class (`vertical` = direct + skip).
  public var possible: PerTieClass<Int>
  /// Ties over possible pairs per class; `nil` where none are possible.
  public var density: PerTieClass<Double?>
  /// The horizontal density over the vertical one; `nil` when either is undefined or vertical is 0.
  public var horizontalToVertical: Double?

  package init(_ counts: TieClassCounts) {
    func count(_ kind: TieClass) -> Int { counts.ties[kind.rawValue] }
    func pairs(_ kind: TieClass) -> Int { counts.possible[kind.rawValue] }
    direct = count(.direct)
    skip = count(.skip)
    horizontal = count(.horizontal)
    diagonal = count(.diagonal)
    unplaced = count(.unplaced)
    possible = PerTieClass(
      direct: pairs(.direct), skip: pairs(.skip), horizontal: pairs(.horizontal),
      diagonal: pairs(.diagonal), vertical: pairs(.direct) + pairs(.skip))
    density = PerTieClass(
      direct: counts.density(.direct), skip: counts.density(.skip),
      horizontal: counts.density(.horizontal), diagonal: counts.density(.diagonal),
      vertical: counts.verticalDensity)
    horizontalToVertical = counts.horizontalToVertical
  }

  /// Direct and skip ties: along the hierarchy.
  public var vertical: Int { direct + skip }
}

/// One figure per placed tie class, and for vertical ones together.
public struct PerTieClass<Value: Sendable & Hashable>: Sendable, Hashable {
  public var direct: Value
  public var skip: Value
  public var horizontal: Value
  public var diagonal: Value
  public var vertical: Value
}

/// One manager's trust against their formal span.
public struct ManagerFigures: Sendable, Hashable {
  /// The manager.
  public var id: String
  /// Direct reports.
  public var reports: Int
  /// Everyone below them.
  public var span: Int
  /// Direct reports with a strong tie to the manager.
  public var reportsWithStrongTie: Int
  /// Their share of the reports.
  public var share: Double
  /// First + second degree: the people the manager reaches through trust.
  public var socialReach: Int
  /// Of those, the people outside the manager's span.
  public var reachBeyondSpan: Int
  /// Whether the manager's team (they and their span) was too small to show
  /// (``SuppressibleGroup``): then only ``id`` is kept.
  public var isSuppressed = false
}

/// The formal units at one depth and the share of trust that crosses them.
public struct UnitFigures: Sendable, Hashable {
  /// The depth whose people name the units.
  public var depth: Int
  /// Strong ties between different units over strong ties with both ends in
  /// units; `nil` when there are none.
  public var crossUnitShare: Double?
  /// The units, in file order of their heads.
  public var units: [Unit]

  /// One unit.
  public struct Unit: Sendable, Hashable {
    /// The unit head's id, which names the unit.
    public var id: String
    /// Members: the head and everyone below.
    public var size: Int
    /// Internal strong ties over possible pairs; `nil` below 2 members.
    public var density: Double?
    /// The unit's E-I index over strong ties; `nil` when no tie touches it.
    public var eiIndex: Double?
    /// Whether the unit was too small to show (``SuppressibleGroup``): then
    /// only ``id`` is kept.
    public var isSuppressed = false
  }

  package init(_ units: FormalUnits, network: TrustNetwork) {
    depth = units.depth
    crossUnitShare = units.crossUnitShare
    self.units = units.units.map {
      Unit(
        id: network.people.id(of: $0.head), size: $0.size, density: $0.density,
        eiIndex: $0.eiIndex)
    }
  }
}

/// The formal structure at a glance, as the `analyse` report lists it.
public struct FormalOverview: Sendable, Hashable {
  /// The strong ties by class.
  public var ties: TieClassFigures
  /// The cross-unit share at depth 1.
  public var crossUnitShare: Double?
  /// Managers none of whose reports holds a strong tie to them.
  public var managersWithoutTrustedTie: [String]

  package init(_ answer: FormalAnswer, network: TrustNetwork) {
    ties = TieClassFigures(answer.classes)
    crossUnitShare = answer.units.crossUnitShare
    managersWithoutTrustedTie = answer.managers.filter { $0.reportsWithStrongTie == 0 }.map {
      network.people.id(of: $0.person)
    }
  }
}

extension FormalReport: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("ties", ties)
      json.field("managers", managers)
      json.field("units", units)
    }
  }
}

extension TieClassFigures: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("direct", direct)
      json.field("skip", skip)
      json.field("horizontal", horizontal)
      json.field("diagonal", diagonal)
      json.field("unplaced", unplaced)
      json.field("vertical", vertical)
      json.field("possible", possible)
      json.field("density", density)
      json.field("horizontalToVertical", horizontalToVertical)
    }
  }
}

extension PerTieClass: JSONEncodable where Value: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("direct", direct)
      json.field("skip", skip)
      json.field("horizontal", horizontal)
      json.field("diagonal", diagonal)
      json.field("vertical", vertical)
    }
  }
}

extension ManagerFigures: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    if isSuppressed { return json.suppressedGroup(idKey: "id", id: id) }
    json.object { json in
      json.field("id", id)
      json.field("reports", reports)
      json.field("span", span)
      json.field("reportsWithStrongTie", reportsWithStrongTie)
      json.field("share", share)
      json.field("socialReach", socialReach)
      json.field("reachBeyondSpan", reachBeyondSpan)
    }
  }
}

extension UnitFigures: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("depth", depth)
      json.field("crossUnitShare", crossUnitShare)
      json.field("units", units)
    }
  }
}

extension UnitFigures.Unit: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    if isSuppressed { return json.suppressedGroup(idKey: "id", id: id) }
    json.object { json in
      json.field("id", id)
      json.field("size", size)
      json.field("density", density)
      json.field("eiIndex", eiIndex)
    }
  }
}

extension FormalOverview: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("ties", ties)
      json.field("crossUnitShare", crossUnitShare)
      json.field("managersWithoutTrustedTie", managersWithoutTrustedTie)
    }
  }
}
