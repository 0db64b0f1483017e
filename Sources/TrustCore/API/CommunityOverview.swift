/// One community at a glance, as the `analyse` report lists it: its members,
/// how its non-members would join, its near and out groups' sizes, and its
/// coherence.
///
/// ```swift
/// for row in try analyzer.communityOverview(communities: .attribute("team")) {
///   print(row.community, row.direct, row.cold, row.density ?? "n/a")
/// }
/// ```
public struct CommunityOverview: Sendable, Hashable {
  /// The community's id.
  public var community: String
  /// How many members (the in group).
  public var members: Int
  /// Non-members who trust a member.
  public var direct: Int
  /// Non-members with enough introducers.
  public var introduced: Int
  /// The other non-members.
  public var cold: Int
  /// Non-members within the near depth of a member.
  public var near: Int
  /// Everyone else.
  public var out: Int
  /// Strong ties among members over possible pairs; `nil` with fewer than 2 members.
  public var density: Double?
  /// How many members have no strong tie to another member.
  public var isolatedMembers: Int
  /// The community's E-I index; `nil` when no strong tie touches it.
  public var eiIndex: Double?
  /// Whether the community was too small to show (``SuppressibleGroup``):
  /// then only ``community`` is kept.
  public var isSuppressed = false

  package init(_ row: CommunityOverviewRow) {
    community = row.community.id
    members = row.join.members
    direct = row.join.direct
    introduced = row.join.introduced
    cold = row.join.cold
    near = row.near
    out = row.out
    density = row.coherence.density
    isolatedMembers = row.coherence.isolatedMembers.count
    eiIndex = row.coherence.eiIndex
  }
}

extension CommunityOverview: JSONEncodable {
  /// `in` repeats `members`: the in group is the members.
  public func encode(to json: inout JSONWriter) {
    if isSuppressed { return json.suppressedGroup(idKey: "community", id: community) }
    json.object { json in
      json.field("community", community)
      json.field("members", members)
      json.field("direct", direct)
      json.field("introduced", introduced)
      json.field("cold", cold)
      json.field("in", members)
      json.field("near", near)
      json.field("out", out)
      json.field("density", density)
      json.field("isolatedMembers", isolatedMembers)
      json.field("eiIndex", eiIndex)
    }
  }
}
