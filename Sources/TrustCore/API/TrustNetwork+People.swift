extension TrustNetwork {
  /// How many people.
  public var personCount: Int { people.count }

  /// How many tie records.
  public var tieCount: Int { ties.count }

  /// Everyone's id, in file order.
  ///
  /// - Complexity: O(*n*).
  public var personIDs: [String] { (0..<people.count).map { people.id(of: $0) } }

  /// The person with this id, or `nil`.
  ///
  /// ```swift
  /// network.person("ana")?.attributes["team"]  // "design"
  /// ```
  ///
  /// - Complexity: O(*k*) expected for an id of *k* bytes (a hash look-up).
  public func person(_ id: String) -> Person? {
    index(of: id).map { people[$0] }
  }

  /// Everyone, in file order.
  ///
  /// - Complexity: O(*n* + *a*), *a* the attribute entries.
  public var allPeople: [Person] { people.map { $0 } }

  /// Every tie record, in file order, with ids.
  ///
  /// - Complexity: O(*m*).
  public var allTies: [Tie] {
    ties.map { record in
      Tie(
        from: people.id(of: record.from), to: people.id(of: record.to), strength: record.strength,
        mutual: record.mutual, contexts: record.contexts)
    }
  }

  /// The communities named in the file, in file order, with member ids.
  public var communities: [Community] {
    indexedCommunities.map { Community($0, people: people) }
  }

  /// One community per value of `attribute` (id `ATTR=VALUE`), in order of
  /// first appearance; people without the attribute belong to none.
  ///
  /// ```swift
  /// network.communities(byAttribute: "team").map(\.id)  // ["team=design", "team=sales"]
  /// ```
  public func communities(byAttribute attribute: String) -> [Community] {
    indexedCommunities(byAttribute: attribute).map { Community($0, people: people) }
  }
}

/// A tie record with ids: `from` trusts `to`.
public struct Tie: Sendable, Hashable {
  /// Who trusts.
  public var from: String
  /// Whom they trust.
  public var to: String
  /// How strongly, from 0 to 1.
  public var strength: Double
  /// Whether the trust goes both ways.
  public var mutual: Bool
  /// The contexts; empty means general trust, counted in every context.
  public var contexts: [String]

  /// Creates a tie record.
  public init(
    from: String, to: String, strength: Double = 1, mutual: Bool = false, contexts: [String] = []
  ) {
    self.from = from
    self.to = to
    self.strength = strength
    self.mutual = mutual
    self.contexts = contexts
  }
}

/// A community (a guild, a club, a project) with member ids.
public struct Community: Sendable, Hashable {
  /// Its id, unique among communities.
  public var id: String
  /// Its display name.
  public var name: String
  /// The members' ids, in file order of people.
  public var members: [String]

  /// Creates a community.
  public init(id: String, name: String? = nil, members: [String]) {
    self.id = id
    self.name = name ?? id
    self.members = members
  }

  init(_ community: IndexedCommunity, people: People) {
    self.init(
      id: community.id, name: community.name,
      members: community.members.map { people.id(of: Int($0)) })
  }
}
