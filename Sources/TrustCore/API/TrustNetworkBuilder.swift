/// Builds a ``TrustNetwork`` in code, with the same checks as a file: unknown
/// ids, duplicate ids, strengths outside [0, 1], reports-to cycles.
///
/// ```swift
/// var builder = TrustNetworkBuilder(name: "Book club")
/// builder.addPerson("ana", attributes: ["team": "design"])
/// builder.addPerson("bo", reportsTo: "ana")
/// builder.addTie(from: "ana", to: "bo", strength: 0.9, mutual: true)
/// builder.addCommunity("readers", members: ["ana"])
/// let network = try builder.build()
/// ```
///
/// - Complexity: O(*n* + *m*) to build.
public struct TrustNetworkBuilder: Sendable {
  /// What was added, in the order it was added.
  private var records: [Record] = []
  private let name: String?
  private let strongTieThreshold: Double?

  private enum Record: Sendable {
    case person(id: String, name: String?, attributes: [String: String], reportsTo: String?)
    case tie(from: String, to: String, strength: Double, mutual: Bool, contexts: [String])
    case community(id: String, name: String?, members: [String])
  }

  /// Starts an empty network.
  public init(name: String? = nil, strongTieThreshold: Double? = nil) {
    self.name = name
    self.strongTieThreshold = strongTieThreshold
  }

  /// Adds a person; `name` defaults to the id.
  public mutating func addPerson(
    _ id: String, name: String? = nil, attributes: [String: String] = [:], reportsTo: String? = nil
  ) {
    records.append(.person(id: id, name: name, attributes: attributes, reportsTo: reportsTo))
  }

  /// Adds a tie record: `from` trusts `to`.
  public mutating func addTie(
    from: String, to: String, strength: Double = 1, mutual: Bool = false, contexts: [String] = []
  ) {
    records.append(
      .tie(from: from, to: to, strength: strength, mutual: mutual, contexts: contexts))
  }

  /// Adds a community with its members' ids.
  public mutating func addCommunity(_ id: String, name: String? = nil, members: [String]) {
    records.append(.community(id: id, name: name, members: members))
  }

  /// The network, checked as a file would be.
  ///
  /// - Throws: ``NetworkLoadError`` whose diagnostics name the element by
  ///   path (`ties[3].to`), in the order the elements were added, with no
  ///   location (there is no file to point into).
  public func build() throws(NetworkLoadError) -> TrustNetwork {
    var feed = Feed()
    feed.assembler.name = name
    if let strongTieThreshold {
      feed.assembler.strongTieThreshold = feed.assembler.checkedThreshold(
        strongTieThreshold, text: Self.text(of: strongTieThreshold), at: feed.nextPlace())
    }
    for record in records {
      switch record {
      case .person(let id, let name, let attributes, let reportsTo):
        feed.addPerson(id, name: name, attributes: attributes, reportsTo: reportsTo)
      case .tie(let from, let to, let strength, let mutual, let contexts):
        feed.addTie(from: from, to: to, strength: strength, mutual: mutual, contexts: contexts)
      case .community(let id, let name, let members):
        feed.addCommunity(id, name: name, members: members)
      }
    }
    return try feed.assembler.finish(source: "<builder>").get()
  }

  /// A number as a network file writes it, for messages.
  private static func text(of value: Double) -> String {
    var json = JSONWriter()
    json.number(value)
    return value.isFinite ? json.output : "\(value)"
  }

  /// The records fed to an assembler, each field at the next place of a
  /// source with no bytes: problems come out in the order things were added.
  private struct Feed {
    var assembler = NetworkAssembler(diagnosticLimit: NetworkReader.defaultDiagnosticLimit)
    let source: Int
    var sequence = 0
    var counts = (people: 0, ties: 0, communities: 0)

    init() {
      source = assembler.addSource(name: nil)
    }

    mutating func nextPlace() -> SourcePlace {
      defer { sequence += 1 }
      return SourcePlace(source: source, sequence: sequence)
    }

    mutating func addPerson(
      _ id: String, name: String?, attributes: [String: String], reportsTo: String?
    ) {
      assembler.beginPerson(ordinal: counts.people)
      counts.people += 1
      let idPlace = nextPlace()
      _ = withBytes(of: id) { assembler.personID($0, at: idPlace) }
      assembler.personName(name)
      for key in attributes.keys.sorted() {
        let (code, repeated) = withBytes(of: key) { assembler.personAttributeKey($0) }
        guard !repeated else { continue }
        withBytes(of: attributes[key] ?? "") { assembler.personAttribute(key: code, value: $0) }
      }
      if let reportsTo {
        let place = nextPlace()
        withBytes(of: reportsTo) { assembler.personReportsTo($0, at: place) }
      }
      assembler.finishPerson()
    }

    mutating func addTie(
      from: String, to: String, strength: Double, mutual: Bool, contexts: [String]
    ) {
      let ordinal = counts.ties
      counts.ties += 1
      let fromPlace = nextPlace()
      let toPlace = nextPlace()
      let fromEnd = withBytes(of: from) { assembler.tieEnd(id: $0, at: fromPlace, side: .from) }
      let toEnd = withBytes(of: to) { assembler.tieEnd(id: $0, at: toPlace, side: .to) }
      let checked = assembler.checkedStrength(
        strength, text: TrustNetworkBuilder.text(of: strength), at: nextPlace(),
        ordinal: ordinal)
      for context in contexts { withBytes(of: context) { assembler.addTieContext($0) } }
      assembler.addTie(
        ordinal: ordinal, from: fromEnd, to: toEnd, strength: checked ?? 1, mutual: mutual)
    }

    mutating func addCommunity(_ id: String, name: String?, members: [String]) {
      assembler.beginCommunity(ordinal: counts.communities)
      counts.communities += 1
      assembler.communityID(id, at: nextPlace())
      assembler.communityName(name)
      for member in members {
        let place = nextPlace()
        withBytes(of: member) { assembler.addMember($0, at: place) }
      }
      assembler.finishCommunity()
    }

  }
}

/// Calls `body` with the UTF-8 bytes of `string`.
private func withBytes<Result>(of string: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result)
  -> Result
{
  var copy = string
  return copy.withUTF8(body)
}
