/// Degrees of trust for one person, with ids: whom they trust, who is
/// pre-credentialed to them and by whom, and how they would join each
/// community; shaped like `trustmap reach --format json`.
///
/// ```swift
/// let reach = try analyzer.reach(of: "dee")
/// reach.introducers["gil"]  // ["hana"]: Gil is pre-credentialed to Dee by Hana
/// reach.introducers.keys    // the second degree, in file order
/// ```
public struct PersonReach: Sendable, Hashable {
  /// The person.
  public var person: String
  /// Strong-tie contacts, in file order.
  public var firstDegree: [String]
  /// People at distance exactly 2 (friends of trusted friends), in file order.
  public var secondDegree: [String]
  /// For each second-degree person, in file order, the contacts they share
  /// with ``person`` (the introducers who credential them).
  public var introducers: KeyedList<[String]>
  /// For each community, in order: membership, or how the person would join.
  public var communities: [CommunityStanding]

  package init(_ answer: ReachAnswer, network: TrustNetwork) {
    let people = network.people
    let reach = answer.reach
    person = people.id(of: reach.person)
    firstDegree = people.ids(reach.firstDegree)
    secondDegree = people.ids(reach.secondDegree)
    introducers = KeyedList(keys: secondDegree, values: reach.introducers.map { people.ids($0) })
    communities = zip(answer.communities, answer.standings).map { community, standing in
      CommunityStanding(
        community: community.id, isMember: standing == nil, warmth: standing?.warmth,
        trustedMembers: standing.map { people.ids($0.trustedMembers) } ?? [],
        introducers: standing.map { people.ids($0.introducers) } ?? [],
        members: community.members.count)
    }
  }
}

/// A person's place relative to one community.
public struct CommunityStanding: Sendable, Hashable {
  /// The community's id.
  public var community: String
  /// Whether the person is a member.
  public var isMember: Bool
  /// How the person would join; `nil` for a member.
  public var warmth: JoinWarmth?
  /// Members the person trusts (empty for a member).
  public var trustedMembers: [String]
  /// Trusted people outside the community with a strong tie into it (empty for a member).
  public var introducers: [String]
  /// How many members the community has (not in the JSON).
  public var members = 0
  /// Whether the community was too small to show (``SuppressibleGroup``):
  /// then only ``community`` is kept.
  public var isSuppressed = false
}

extension PersonReach: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("person", person)
      json.field("firstDegree", firstDegree)
      json.field("secondDegree", secondDegree)
      json.field("introducers", introducers)
      json.field("communities", communities)
    }
  }
}

extension CommunityStanding: JSONEncodable {
  /// `member` and `warmth` (null for a member); for a non-member, also
  /// `trustedMembers` and `introducers`; a suppressed community only its id.
  public func encode(to json: inout JSONWriter) {
    if isSuppressed { return json.suppressedGroup(idKey: "community", id: community) }
    json.object { json in
      json.field("community", community)
      json.field("member", isMember)
      json.field("warmth", warmth)
      if !isMember {
        json.field("trustedMembers", trustedMembers)
        json.field("introducers", introducers)
      }
    }
  }
}

extension KeyedList: ExpressibleByDictionaryLiteral {
  /// The pairs in the order written: `["cy": ["bo"], "dee": ["bo", "ana"]]`.
  public init(dictionaryLiteral elements: (String, Value)...) {
    self.init(keys: elements.map(\.0), values: elements.map(\.1))
  }
}

extension People {
  /// The ids of `people` (indices), in the same order.
  package func ids(_ people: some Sequence<Int32>) -> [String] {
    people.map { id(of: Int($0)) }
  }
}
