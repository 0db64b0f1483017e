import Foundation
import Testing

@testable import TrustCore

// Round trips through the other formats: trustmap JSON → FORMAT → read back
// by the format's reader. The expected network is `view(_:keeping:)` of the
// original: what docs/design.md, 'Other formats', says the format keeps.

/// What a format keeps of a network through a write and a read.
struct Keeps: OptionSet {
  let rawValue: Int
  /// The network's name.
  static let networkName = Keeps(rawValue: 1 << 0)
  /// `strongTieThreshold`.
  static let threshold = Keeps(rawValue: 1 << 1)
  /// Display names (else each name reads back as the id).
  static let names = Keeps(rawValue: 1 << 2)
  /// Attributes (an empty value reads back as none unless `emptyValues`).
  static let attributes = Keeps(rawValue: 1 << 3)
  static let emptyValues = Keeps(rawValue: 1 << 4)
  static let reportsTo = Keeps(rawValue: 1 << 5)
  /// Tie contexts.
  static let contexts = Keeps(rawValue: 1 << 6)
  /// Community membership (in the order of each community's earliest
  /// member unless `communityOrder`).
  static let communities = Keeps(rawValue: 1 << 7)
  static let communityNames = Keeps(rawValue: 1 << 8)
  static let emptyCommunities = Keeps(rawValue: 1 << 9)
  static let communityOrder = Keeps(rawValue: 1 << 10)
  /// People without ties (an edge list has only ties).
  static let isolates = Keeps(rawValue: 1 << 11)
  /// `mutual` as a flag (else a mutual record reads back as two records, one each way).
  static let mutual = Keeps(rawValue: 1 << 12)
  /// Ties in file order (Pajek puts the mutual ones last).
  static let tieOrder = Keeps(rawValue: 1 << 13)
  /// Text exactly (XML replaces what it cannot hold with U+FFFD).
  static let allCharacters = Keeps(rawValue: 1 << 14)

  static let everything = Keeps(rawValue: (1 << 15) - 1)

  /// What each format that trustmap both writes and reads keeps.
  static func of(_ format: NetworkFormat) -> Keeps {
    switch format {
    case .json, .nodeLink: return .everything
    case .graphml:
      return .everything.subtracting([
        .communityNames, .emptyCommunities, .communityOrder, .allCharacters,
      ])
    case .gexf:
      return Keeps.of(.graphml).subtracting(.threshold)
    case .csv:
      return .everything.subtracting([.networkName, .threshold, .emptyCommunities, .emptyValues])
    case .pajek: return [.networkName, .isolates, .mutual, .allCharacters]
    case .edgeList: return [.tieOrder, .allCharacters]
    default: return []
    }
  }
}

/// A network as plain values, to compare what a format gave back.
struct NetworkView: Equatable {
  var name: String?
  var threshold: Double?
  var people: [Person]
  var ties: [Tie]
  var communities: [Community]
}

/// `network` as a format that keeps `keeps` gives it back.
func view(_ network: TrustNetwork, keeping keeps: Keeps) -> NetworkView {
  let exact = keeps.contains(.allCharacters)
  let text: (String) -> String = { exact ? $0 : Hostile.xmlView($0) }
  var ties: [Tie] = network.allTies.map { tie in
    var tie = tie
    tie.contexts = keeps.contains(.contexts) ? tie.contexts.map(text) : []
    return tie
  }
  if !keeps.contains(.mutual) {
    ties = ties.flatMap { tie -> [Tie] in
      guard tie.mutual else { return [tie] }
      var back = tie
      (back.from, back.to) = (tie.to, tie.from)
      back.mutual = false
      var forth = tie
      forth.mutual = false
      return [forth, back]
    }
  }
  if !keeps.contains(.tieOrder) { ties = ties.filter { !$0.mutual } + ties.filter(\.mutual) }
  var people = network.allPeople.map { person in
    Person(
      id: person.id, name: keeps.contains(.names) ? text(person.name) : person.id,
      attributes: keeps.contains(.attributes)
        ? person.attributes.filter { keeps.contains(.emptyValues) || !$0.value.isEmpty }
          .mapValues(text) : [:],
      reportsTo: keeps.contains(.reportsTo) ? person.reportsTo : nil)
  }
  if !keeps.contains(.isolates) {
    var seen = Set<String>()
    let byID = Dictionary(uniqueKeysWithValues: people.map { ($0.id, $0) })
    people = ties.flatMap { [$0.from, $0.to] }.filter { seen.insert($0).inserted }.compactMap { byID[$0] }
  }
  var communities: [Community] = []
  if keeps.contains(.communities) {
    let position = Dictionary(uniqueKeysWithValues: network.personIDs.enumerated().map { ($1, $0) })
    communities = network.communities.map {
      Community(id: $0.id, name: keeps.contains(.communityNames) ? text($0.name) : $0.id, members: $0.members)
    }
    if !keeps.contains(.emptyCommunities) { communities = communities.filter { !$0.members.isEmpty } }
    if !keeps.contains(.communityOrder) {
      communities = communities.enumerated().sorted {
        (position[$0.element.members[0]] ?? 0, $0.offset) < (position[$1.element.members[0]] ?? 0, $1.offset)
      }.map(\.element)
    }
  }
  return NetworkView(
    name: keeps.contains(.networkName) ? network.name.map(text) : nil,
    threshold: keeps.contains(.threshold) ? network.strongTieThreshold : nil, people: people,
    ties: ties, communities: communities)
}

/// Reads back the files written in `format` with its reader (CSV with its
/// people and communities files).
func readBack(_ files: [NetworkFilePart: String], format: NetworkFormat) throws -> TrustNetwork {
  try readFormat(
    files[.main] ?? "", as: format, people: files[.nodes], communities: files[.communities]
  ).get()
}

/// Writes `network` in `format`, reads it back, and expects what the format keeps.
func expectRoundTrip(
  _ network: TrustNetwork, _ format: NetworkFormat,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws {
  let writer = try NetworkWriter(format: format)
  var files: [NetworkFilePart: String] = [:]
  for part in writer.parts(for: network) {
    files[part] = try written(network, format, part: part)
  }
  let read = try readBack(files, format: format)
  let keeps = Keeps.of(format)
  #expect(view(read, keeping: .everything) == view(network, keeping: keeps), sourceLocation: sourceLocation)
}

@Suite("Round trips through the other formats")
struct FormatRoundTripTests {
  /// The harness itself, through the one reader there is.
  @Test func trustmapJSONKeepsEverything() throws {
    try expectRoundTrip(try exampleOrganisation(), .json)
    try expectRoundTrip(try Hostile.network(), .json)
    #expect(view(try Hostile.network(), keeping: Keeps.of(.pajek)).people.map(\.name) == Hostile.ids)
    #expect(view(try exampleOrganisation(), keeping: Keeps.of(.edgeList)).ties.count == 22 + 12)
  }

  @Test func nodeLinkKeepsEverything() throws {
    try expectRoundTrip(try exampleOrganisation(), .nodeLink)
    try expectRoundTrip(try Hostile.network(), .nodeLink)
  }

  @Test func graphMLLosesCommunityNames() throws {
    try expectRoundTrip(try exampleOrganisation(), .graphml)
    try expectRoundTrip(try Hostile.network(), .graphml)
  }

  @Test func gexfLosesTheThresholdAndCommunityNames() throws {
    try expectRoundTrip(try exampleOrganisation(), .gexf)
    try expectRoundTrip(try Hostile.network(), .gexf)
  }

  @Test func csvLosesTheNetworksNameAndThreshold() throws {
    try expectRoundTrip(try exampleOrganisation(), .csv)
    try expectRoundTrip(try Hostile.network(), .csv)
  }

  @Test func pajekKeepsOnlyIdsAndTies() throws {
    try expectRoundTrip(try exampleOrganisation(), .pajek)
    try expectRoundTrip(try Hostile.network(), .pajek)
  }

  @Test func edgeListKeepsOnlyTies() throws {
    try expectRoundTrip(try exampleOrganisation(), .edgeList)
    try expectRoundTrip(try Hostile.network(), .edgeList)
  }
}
