/// Who would join which community, and how warmly, with ids; shaped like
/// `trustmap joins --format json`.
///
/// ```swift
/// let report = try analyzer.joins(community: "guild")
/// let cold = report.joins.filter { $0.warmth == .cold }
/// cold.first?.pathToWarmth  // whom to ask, through whom
/// ```
public struct JoinReport: Sendable, Hashable {
  /// One row per (non-member, community) pair asked about: by community,
  /// then people in file order.
  public var joins: [Join]
  /// Per community: members, and how many non-members would join each way.
  /// Always counts every non-member, even when the pairs were narrowed.
  public var summary: [JoinCount]

  package init(_ answer: JoinsAnswer, network: TrustNetwork) {
    let people = network.people
    let communities = answer.communities
    joins = zip(answer.pairs, answer.paths).map { pair, path in
      Join(
        person: people.id(of: pair.person), community: communities[pair.community].id,
        warmth: pair.warmth, trustedMembers: people.ids(pair.trustedMembers),
        introducers: people.ids(pair.introducers), pathToWarmth: path.map { people.ids($0) })
    }
    summary = answer.summary.map {
      JoinCount(
        community: communities[$0.community].id, members: $0.members, direct: $0.direct,
        introduced: $0.introduced, cold: $0.cold)
    }
  }
}

/// One person joining one community they are not in.
public struct Join: Sendable, Hashable {
  /// The person.
  public var person: String
  /// The community.
  public var community: String
  /// `direct`, `introduced` or `cold`.
  public var warmth: JoinWarmth
  /// Members the person already trusts.
  public var trustedMembers: [String]
  /// Trusted people outside the community with a strong tie into it.
  public var introducers: [String]
  /// For a cold join: a shortest strong-tie path to the nearest member, the
  /// person first (whom to ask, through whom); `nil` when warm or unreachable.
  public var pathToWarmth: [String]?
}

/// How the non-members of one community would join.
public struct JoinCount: Sendable, Hashable {
  /// The community.
  public var community: String
  /// Its members.
  public var members: Int
  /// Non-members who trust a member.
  public var direct: Int
  /// Non-members with enough introducers.
  public var introduced: Int
  /// The rest.
  public var cold: Int
  /// Whether the community was too small to show (``SuppressibleGroup``):
  /// then only ``community`` is kept.
  public var isSuppressed = false
}

extension JoinReport: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("joins", joins)
      json.field("summary", summary)
    }
  }
}

extension Join: JSONEncodable {
  /// `pathToWarmth` only for a cold join (`null` when no path exists).
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("person", person)
      json.field("community", community)
      json.field("warmth", warmth)
      json.field("trustedMembers", trustedMembers)
      json.field("introducers", introducers)
      if warmth == .cold { json.field("pathToWarmth", pathToWarmth) }
    }
  }
}

extension JoinCount: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    if isSuppressed { return json.suppressedGroup(idKey: "community", id: community) }
    json.object { json in
      json.field("community", community)
      json.field("members", members)
      json.field("direct", direct)
      json.field("introduced", introduced)
      json.field("cold", cold)
    }
  }
}

extension JoinWarmth: JSONEncodable {
  /// `"direct"`, `"introduced"` or `"cold"`.
  public func encode(to json: inout JSONWriter) { json.string(rawValue) }
}
