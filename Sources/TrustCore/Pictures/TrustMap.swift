/// A drawn trust network: where each person (or tribe) sits, how large and
/// in which colour, the lines between them, the names shown, the legend, a
/// title and a caption. The geometry is TrustCore's; ``svg(standalone:)``
/// writes it as SVG 1.1, and any other renderer can draw the same values.
///
/// ```swift
/// let map = try analyzer.map(MapOptions(person: "dee"))
/// map.discs.count            // one per person (or per tribe, for large networks)
/// let svg = map.svg()        // a standalone .svg file's text
/// ```
public struct TrustMap: Sendable, Hashable {
  /// What the discs stand for.
  public enum Subject: Sendable, Hashable {
    /// One disc per person.
    case people
    /// One disc per tribe of this level (the network had more than ``MapOptions/maxPeople``).
    case tribes(level: Int)
  }

  /// What the discs stand for.
  public var subject: Subject
  /// The heading.
  public var title: String
  /// One line: what is drawn and with which settings.
  public var caption: String
  /// The picture's size in pixels (the legend included).
  public var width: Double
  public var height: Double
  /// People (or tribes), in file (or tribe) order.
  public var discs: [MapDisc]
  /// Strong ties (or links between tribes), then reports-to links.
  public var lines: [MapLine]
  /// The names shown, none overlapping another.
  public var labels: [MapLabel]
  /// What the colours and rings mean.
  public var legend: [MapLegendEntry]
  /// Sentences under the legend (sizes, line widths, what was left out).
  public var notes: [String]

  /// The ten colours discs take (`palette[k]`), as `#rrggbb`; the same as the GEXF writer's.
  public static let palette = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf",
  ]
  /// The colour of a disc with no colour of its own (colour -1).
  public static let neutral = "#c7c7c7"

  /// The `#rrggbb` of colour `index`: a palette colour, or ``neutral`` for -1.
  public static func colour(_ index: Int) -> String {
    index >= 0 ? palette[index % palette.count] : neutral
  }
}

/// How strongly a disc is drawn.
public enum MapEmphasis: String, Sendable, Hashable {
  /// Drawn plainly (no emphasis asked for).
  case plain
  /// The person asked about.
  case focus
  /// A member of the community (a thick ring).
  case inGroup = "in"
  /// Near the community, or in the person's first degree (a thin ring).
  case near
  /// Second degree of the person (a dotted ring).
  case second
  /// Everyone else, faded.
  case out
}

/// One person (or tribe) on the map.
public struct MapDisc: Sendable, Hashable {
  /// The person's id (a tribe's id).
  public var id: String
  /// The display name (a tribe's id and size).
  public var name: String
  /// The centre, in pixels.
  public var x: Double
  public var y: Double
  /// The radius, in pixels.
  public var radius: Double
  /// The colour: an index into ``TrustMap/palette``, or -1 for ``TrustMap/neutral``.
  public var colour: Int
  /// How strongly it is drawn.
  public var emphasis: MapEmphasis
}

/// A line between two discs.
public struct MapLine: Sendable, Hashable {
  /// What it stands for.
  public enum Kind: String, Sendable, Hashable {
    /// A strong tie.
    case strongTie = "tie"
    /// A strong tie on the person's introducers' paths (or touching the person).
    case path
    /// Strong ties between two tribes.
    case tribeLink = "link"
    /// A reports-to link (drawn faint and dashed).
    case reportsTo = "reports-to"
  }

  /// The discs it joins (indices into ``TrustMap/discs``).
  public var from: Int
  public var to: Int
  /// Its width in pixels.
  public var width: Double
  /// What it stands for.
  public var kind: Kind
  /// Whether it touches an emphasised disc (drawn darker).
  public var emphasised: Bool
}

/// A name on the map.
public struct MapLabel: Sendable, Hashable {
  /// The disc it names.
  public var disc: Int
  /// The text.
  public var text: String
  /// Where the text starts (its baseline's left end), in pixels.
  public var x: Double
  public var y: Double
}

/// One line of the legend.
public struct MapLegendEntry: Sendable, Hashable {
  /// A colour swatch (an index, or -1), or none.
  public var colour: Int?
  /// An emphasis ring shown beside it, or none.
  public var emphasis: MapEmphasis?
  /// What it means.
  public var text: String
}
