/// A community's in, near and out groups, story reach and coherence, with
/// ids; shaped like `trustmap groups --format json`.
///
/// ```swift
/// let groups = try analyzer.groups(of: "lisbon", nearDepth: 2)
/// print(groups.near, groups.coherence.density ?? "n/a")
/// ```
public struct CommunityGroups: Sendable, Hashable {
  /// The community.
  public var community: String
  /// The strong-tie distance that counts as near.
  public var nearDepth: Int
  /// The members.
  public var inGroup: [String]
  /// Non-members within `nearDepth` strong ties of a member.
  public var near: [String]
  /// Everyone else.
  public var out: [String]
  /// The part of `out` with only a weak tie or a reports-to link to a member.
  public var outLinked: [String]
  /// Who hears which kind of story.
  public var storyReach: StoryReach
  /// How well the members hold together by strong ties.
  public var coherence: CommunityCoherence
  /// Whether the community was too small to show (``SuppressibleGroup``):
  /// then only ``community`` and ``nearDepth`` are kept.
  public var isSuppressed = false

  package init(_ answer: GroupsAnswer, network: TrustNetwork) {
    let people = network.people
    let projection = answer.projection
    community = answer.community.id
    nearDepth = projection.nearDepth
    inGroup = people.ids(projection.inGroup)
    near = people.ids(projection.near)
    out = people.ids(projection.out)
    outLinked = people.ids(projection.outLinked)
    let reach = projection.storyReach
    storyReach = StoryReach(
      vulnerable: reach.vulnerable, reflective: reach.reflective, perfected: reach.perfected)
    let coherence = projection.coherence
    self.coherence = CommunityCoherence(
      density: coherence.density, isolatedMembers: people.ids(coherence.isolatedMembers),
      eiIndex: coherence.eiIndex, internalTies: coherence.internalTies,
      externalTies: coherence.externalTies)
  }
}

/// How many people each kind of story reaches.
public struct StoryReach: Sendable, Hashable {
  /// Vulnerable stories: the in group.
  public var vulnerable: Int
  /// Reflective stories: in and near.
  public var reflective: Int
  /// Perfected stories: everyone.
  public var perfected: Int
}

/// How well a community holds together by strong ties.
public struct CommunityCoherence: Sendable, Hashable {
  /// Strong ties among members over possible pairs; `nil` with fewer than 2 members.
  public var density: Double?
  /// Members with no strong tie to another member (not yet credentialed).
  public var isolatedMembers: [String]
  /// (external − internal) / (external + internal) strong ties; `nil` when none touches it.
  public var eiIndex: Double?
  /// Strong ties with both ends in the community.
  public var internalTies: Int
  /// Strong ties with exactly one end in it.
  public var externalTies: Int
}

extension CommunityGroups: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    if isSuppressed { return json.suppressedGroup(idKey: "community", id: community) }
    json.object { json in
      json.field("community", community)
      json.field("nearDepth", nearDepth)
      json.field("in", inGroup)
      json.field("near", near)
      json.field("out", out)
      json.field("outLinked", outLinked)
      json.field("storyReach", storyReach)
      json.field("coherence", coherence)
    }
  }
}

extension StoryReach: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("vulnerable", vulnerable)
      json.field("reflective", reflective)
      json.field("perfected", perfected)
    }
  }
}

extension CommunityCoherence: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("density", density)
      json.field("isolatedMembers", isolatedMembers)
      json.field("eiIndex", eiIndex)
      json.field("internalTies", internalTies)
      json.field("externalTies", externalTies)
    }
  }
}
