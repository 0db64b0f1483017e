/// A trust network: people, the ties they name, the communities they belong to,
/// and who reports to whom, as read from a network file (format version 1) or
/// built in code.
///
/// Inside, people are dense indices `0 ..< people.count` in file order, and
/// every per-person and per-tie column is a flat array, so a million people
/// and ten million ties fit in a few hundred megabytes. Ids (strings) appear
/// only at the edges: ``person(_:)`` finds a person by hashing the id,
/// never by scanning.
///
/// ```swift
/// let network = try TrustNetwork(contentsOfFile: "Examples/org.json")
/// print(network.personCount, network.tieCount)   // 16 22
/// print(network.person("ana")?.name ?? "")        // Ana (design lead)
/// ```
public struct TrustNetwork: Sendable {
  /// The network's display name, if the file gives one.
  public var name: String?
  /// The file's `strongTieThreshold`, if it gives one.
  public var strongTieThreshold: Double?
  /// Everyone in the network, in file order.
  package internal(set) var people: People
  /// Every tie record, in file order.
  package internal(set) var ties: Ties
  /// The communities named in the file, in file order.
  package internal(set) var indexedCommunities: [IndexedCommunity]
  /// Problems the reader found that did not stop it (self-ties, repeated
  /// members): the first ones, at most the reader's diagnostic limit.
  public internal(set) var warnings: [NetworkDiagnostic]
  /// How many warnings there were in all, including those not kept in ``warnings``.
  public internal(set) var warningCount: Int

  init(
    name: String?, strongTieThreshold: Double?, people: People, ties: Ties,
    communities: [IndexedCommunity], warnings: [NetworkDiagnostic]
  ) {
    self.name = name
    self.strongTieThreshold = strongTieThreshold
    self.people = people
    self.ties = ties
    self.indexedCommunities = communities
    self.warnings = warnings
    self.warningCount = warnings.count
  }

  /// The index of the person with this id, or `nil`.
  ///
  /// - Complexity: O(*k*) expected, *k* the id's length.
  package func index(of id: String) -> Int? { people.ids.index(of: id) }

  /// The distinct tie contexts, in order of first appearance in the file.
  public var contexts: [String] { ties.contextNames.strings }

  /// The attribute keys used by anyone, in order of first appearance in the file.
  public var attributeKeys: [String] { people.attributeKeys.strings }
}

/// A community as named in the file, with its members as person indices.
package struct IndexedCommunity: Sendable, Hashable {
  /// The community's id, unique among communities.
  package var id: String
  /// The display name (the id when the file gives none).
  package var name: String
  /// The members as person indices, in file order of `people`, each once.
  package var members: [Int32]

  /// Creates a community.
  package init(id: String, name: String, members: [Int32]) {
    self.id = id
    self.name = name
    self.members = members
  }
}
