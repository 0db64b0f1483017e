/// Who brokers between groups, with ids; shaped like `trustmap brokers
/// --format json`.
///
/// ```swift
/// let brokers = try analyzer.brokers(by: "team")
/// let liaisons = brokers.people.filter { $0.liaison > 0 }.map(\.id)
/// brokers.people[0].constraint  // Burt's constraint, strength-weighted
/// ```
public struct BrokerReport: Sendable, Hashable {
  /// What the groups are: an attribute, `tribe`, `tribe:LEVEL` or `unit`.
  public var by: String
  /// Everyone, in file order.
  public var people: [BrokerFigures]

  package init(_ answer: BrokersAnswer, network: TrustNetwork) {
    by = answer.groups.key
    let column = answer.groups
    people = (0..<network.people.count).map { person in
      let counts = answer.roles.counts[person]
      let expected = answer.roles.expected[person]
      let z = answer.roles.z[person]
      let code = column.codes[person]
      return BrokerFigures(
        id: network.people.id(of: person),
        group: code >= 0 ? column.values[Int(code)] : nil, coordinator: counts[0],
        consultant: counts[1], representative: counts[2], liaison: counts[3],
        expected: RoleFigures(
          coordinator: expected?[0], consultant: expected?[1], representative: expected?[2],
          liaison: expected?[3]),
        z: RoleFigures(
          coordinator: z[0], consultant: z[1], representative: z[2], liaison: z[3]),
        constraint: answer.holes.constraint[person],
        effectiveSize: answer.holes.effectiveSize[person],
        efficiency: answer.holes.efficiency[person])
    }
  }
}

/// One person's brokerage and structural holes.
public struct BrokerFigures: Sendable, Hashable {
  /// The person.
  public var id: String
  /// Their group; `nil` without one (then every count is 0).
  public var group: String?
  /// Open pairs inside their own group.
  public var coordinator: Int
  /// Open pairs within another group.
  public var consultant: Int
  /// Open pairs between their group and another.
  public var representative: Int
  /// Open pairs between two other groups.
  public var liaison: Int
  /// The counts expected under random groups; each `nil` without a group.
  public var expected: RoleFigures
  /// (observed − expected) / standard deviation; `nil` where the variance is 0.
  public var z: RoleFigures
  /// Burt's constraint; `nil` without strong ties.
  public var constraint: Double?
  /// Burt's effective size; `nil` without strong ties.
  public var effectiveSize: Double?
  /// Effective size over degree; `nil` without strong ties.
  public var efficiency: Double?

  /// Open pairs of contacts in all four roles.
  public var open: Int { coordinator + consultant + representative + liaison }
}

/// One figure per brokerage role.
public struct RoleFigures: Sendable, Hashable {
  /// Coordinator.
  public var coordinator: Double?
  /// Consultant.
  public var consultant: Double?
  /// Representative.
  public var representative: Double?
  /// Liaison.
  public var liaison: Double?
}

extension BrokerReport: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("by", by)
      json.field("people", people)
    }
  }
}

extension BrokerFigures: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("id", id)
      json.field("group", group)
      json.field("coordinator", coordinator)
      json.field("consultant", consultant)
      json.field("representative", representative)
      json.field("liaison", liaison)
      json.field("open", open)
      json.field("expected", expected)
      json.field("z", z)
      json.field("constraint", constraint)
      json.field("effectiveSize", effectiveSize)
      json.field("efficiency", efficiency)
    }
  }
}

extension RoleFigures: JSONEncodable {
  public func encode(to json: inout JSONWriter) {
    json.object { json in
      json.field("coordinator", coordinator)
      json.field("consultant", consultant)
      json.field("representative", representative)
      json.field("liaison", liaison)
    }
  }
}
