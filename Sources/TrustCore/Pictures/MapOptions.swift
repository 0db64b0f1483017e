/// What a trust map draws and how: the colours, the emphasis (a community's
/// in, near and out groups, or one person's first and second degree), the
/// largest network drawn person by person, the layout's seed and how many
/// people are named.
///
/// ```swift
/// var options = MapOptions()
/// options.community = "lisbon"     // in / near / out as three rings of emphasis
/// options.colorBy = "team"         // instead of the level-0 tribes
/// let map = try analyzer.map(options)
/// ```
public struct MapOptions: Sendable, Hashable {
  /// Colour people by this attribute (or `tribe`, `tribe:LEVEL`); `nil`: by level-0 tribe.
  public var colorBy: String?
  /// Emphasise this community's in, near and out groups.
  public var community: String?
  /// Where ``community`` is looked up: the file's communities, by attribute, or the tribes.
  public var communities: CommunitySource
  /// The strong-tie distance that counts as near.
  public var nearDepth: Int
  /// Emphasise this person, their first and second degree and their introducers' paths.
  public var person: String?
  /// Above this many people, the map draws the tribes as discs instead.
  public var maxPeople: Int
  /// The layout's seed.
  public var seed: UInt64
  /// At most this many people (or tribes) are named on the map.
  public var labels: Int

  /// The defaults: tribe colours, no emphasis, up to 5,000 people, seed 1, 20 names.
  public init(
    colorBy: String? = nil, community: String? = nil, communities: CommunitySource = .file,
    nearDepth: Int = 1, person: String? = nil, maxPeople: Int = 5000, seed: UInt64 = 1,
    labels: Int = 20
  ) {
    self.colorBy = colorBy
    self.community = community
    self.communities = communities
    self.nearDepth = nearDepth
    self.person = person
    self.maxPeople = maxPeople
    self.seed = seed
    self.labels = labels
  }
}
