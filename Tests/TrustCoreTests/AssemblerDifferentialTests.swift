import Testing

@testable import TrustCore

/// A network's records, as any reader might find them: text, not yet checked.
struct NetworkRecords {
  struct Person {
    var id: String
    var name: String?
    /// Keys with a value's JSON text: `"x"` for a string, `2` for a number.
    var attributes: [(String, String)] = []
    var reportsTo: String?
  }
  struct Tie {
    var from: String
    var to: String
    var strength: String?
    var mutual = false
    var contexts: [String] = []
  }
  struct Community {
    var id: String
    var name: String?
    var members: [String]
  }

  var name: String?
  var threshold: String?
  var people: [Person] = []
  var ties: [Tie] = []
  var communities: [Community] = []

  /// Random records with every kind of network problem in them now and
  /// then: taken, empty and unknown ids, strengths out of range, self-ties,
  /// reports-to cycles, repeated members and contexts.
  static func random(seed: UInt64) -> NetworkRecords {
    var random = SeededGenerator(seed: seed)
    func chance(_ percent: Int) -> Bool { Int.random(in: 0..<100, using: &random) < percent }
    var records = NetworkRecords()
    records.name = chance(50) ? "Net \(seed)" : nil
    records.threshold = chance(30) ? ["0.5", "2", "0"].randomElement(using: &random) : nil
    for index in 0..<30 {
      var id = "p\(index)"
      if chance(5) { id = "p\(Int.random(in: 0..<30, using: &random))" }
      if chance(3) { id = "" }
      var person = Person(id: id)
      if chance(30) { person.name = "Name \(index)" }
      if chance(70) { person.attributes.append(("team", "\"t\(index % 4)\"")) }
      if chance(40) { person.attributes.append(("level", "\(index % 3)")) }
      if chance(40) { person.reportsTo = "p\(Int.random(in: 0..<34, using: &random))" }
      records.people.append(person)
    }
    let strengths: [String?] = ["0.5", "1", "0", "0.25", "1.5", "-0.25", "1e400", nil, nil]
    for _ in 0..<120 {
      var tie = Tie(
        from: "p\(Int.random(in: 0..<33, using: &random))", to: "p\(Int.random(in: 0..<33, using: &random))",
        strength: strengths.randomElement(using: &random) ?? nil)
      tie.mutual = chance(20)
      while chance(30) { tie.contexts.append(["work", "home", "advice"].randomElement(using: &random) ?? "") }
      records.ties.append(tie)
    }
    for id in ["c0", "c1", "c0", "", "c2"] {
      let members = (0..<Int.random(in: 0..<12, using: &random)).map { _ in "p\(Int.random(in: 0..<34, using: &random))" }
      records.communities.append(Community(id: id, name: chance(50) ? "Club \(id)" : nil, members: members))
    }
    return records
  }

  /// The records as a network file, with where each value sits in it.
  func json() -> (bytes: [UInt8], layout: Layout) {
    var writer = Writer()
    var layout = Layout()
    writer.raw(#"{"trustmap": 1"#)
    if let name {
      writer.raw(#", "name": "#)
      _ = writer.string(name)
    }
    if let threshold {
      writer.raw(#", "strongTieThreshold": "#)
      layout.threshold = writer.raw(threshold)
    }
    writer.raw(#", "people": ["#)
    for (index, person) in people.enumerated() {
      writer.raw(index == 0 ? "{" : ", {")
      writer.raw(#""id": "#)
      var places = Layout.Person(id: writer.string(person.id))
      if let name = person.name {
        writer.raw(#", "name": "#)
        _ = writer.string(name)
      }
      if !person.attributes.isEmpty {
        writer.raw(#", "attributes": {"#)
        for (number, (key, value)) in person.attributes.enumerated() {
          if number > 0 { writer.raw(", ") }
          let keyAt = writer.string(key)
          writer.raw(": ")
          places.attributes.append((keyAt, writer.raw(value)))
        }
        writer.raw("}")
      }
      if let manager = person.reportsTo {
        writer.raw(#", "reportsTo": "#)
        places.reportsTo = writer.string(manager)
      }
      writer.raw("}")
      layout.people.append(places)
    }
    writer.raw(#"], "ties": ["#)
    for (index, tie) in ties.enumerated() {
      writer.raw(index == 0 ? #"{"from": "# : #", {"from": "#)
      var places = Layout.Tie(from: writer.string(tie.from))
      writer.raw(#", "to": "#)
      places.to = writer.string(tie.to)
      if let strength = tie.strength {
        writer.raw(#", "strength": "#)
        places.strength = writer.raw(strength)
      }
      if tie.mutual { writer.raw(#", "mutual": true"#) }
      if !tie.contexts.isEmpty {
        writer.raw(#", "contexts": ["#)
        for (number, context) in tie.contexts.enumerated() {
          if number > 0 { writer.raw(", ") }
          places.contexts.append(writer.string(context))
        }
        writer.raw("]")
      }
      writer.raw("}")
      layout.ties.append(places)
    }
    writer.raw(#"], "communities": ["#)
    for (index, community) in communities.enumerated() {
      writer.raw(index == 0 ? #"{"id": "# : #", {"id": "#)
      var places = Layout.Community(id: writer.string(community.id))
      if let name = community.name {
        writer.raw(#", "name": "#)
        _ = writer.string(name)
      }
      writer.raw(#", "members": ["#)
      for (number, member) in community.members.enumerated() {
        if number > 0 { writer.raw(", ") }
        places.members.append(writer.string(member))
      }
      writer.raw("]}")
      layout.communities.append(places)
    }
    writer.raw("]}")
    return (writer.bytes, layout)
  }

  /// Where each value of the records sits in their JSON text: the offset
  /// of a string's opening quote, or of a number's first digit.
  struct Layout {
    struct Person {
      var id: Int
      var attributes: [(key: Int, value: Int)] = []
      var reportsTo = -1
    }
    struct Tie {
      var from: Int
      var to = -1
      var strength = -1
      var contexts: [Int] = []
    }
    struct Community {
      var id: Int
      var members: [Int] = []
    }
    var threshold = -1
    var people: [Person] = []
    var ties: [Tie] = []
    var communities: [Community] = []
  }

  /// Appends JSON text, returning where each value starts.
  struct Writer {
    var bytes: [UInt8] = []
    @discardableResult
    mutating func raw(_ text: String) -> Int {
      defer { bytes += text.utf8 }
      return bytes.count
    }
    /// A string with no characters to escape.
    mutating func string(_ text: String) -> Int { raw("\"" + text + "\"") }
  }

  /// Feeds the records to an assembler at the places `layout` gives in
  /// `bytes` (their JSON text), as a reader of another format would: ids
  /// as bytes of the source, tie ends as its ranges, strengths as numbers.
  func assemble(layout: Layout, bytes: UnsafeBufferPointer<UInt8>) -> Result<TrustNetwork, NetworkLoadError> {
    var assembler = NetworkAssembler(diagnosticLimit: 1000)
    let source = assembler.addSource(name: nil, bytes: bytes)
    func place(_ offset: Int) -> SourcePlace { SourcePlace(source: source, offset: offset) }
    /// The text of the string whose quote is at `quote`.
    func string(at quote: Int, count: Int) -> UnsafeBufferPointer<UInt8> {
      UnsafeBufferPointer(rebasing: bytes[quote + 1..<quote + 1 + count])
    }
    assembler.name = name
    if let threshold, let value = Double(threshold) {
      assembler.strongTieThreshold = assembler.checkedThreshold(value, text: threshold, at: place(layout.threshold))
    }
    for (ordinal, person) in people.enumerated() {
      let places = layout.people[ordinal]
      assembler.beginPerson(ordinal: ordinal)
      assembler.personID(string(at: places.id, count: person.id.utf8.count), at: place(places.id))
      assembler.personName(person.name)
      for ((key, value), at) in zip(person.attributes, places.attributes) {
        let (code, repeated) = assembler.personAttributeKey(string(at: at.key, count: key.utf8.count))
        guard !repeated else { continue }
        let text =
          value.hasPrefix("\"")
          ? string(at: at.value, count: value.utf8.count - 2)
          : UnsafeBufferPointer(rebasing: bytes[at.value..<at.value + value.utf8.count])
        assembler.personAttribute(key: code, value: text)
      }
      if let manager = person.reportsTo {
        assembler.personReportsTo(string(at: places.reportsTo, count: manager.utf8.count), at: place(places.reportsTo))
      }
      assembler.finishPerson()
    }
    for (ordinal, tie) in ties.enumerated() {
      let places = layout.ties[ordinal]
      var strength = 1.0
      if let text = tie.strength, let value = Double(text),
        let checked = assembler.checkedStrength(value, text: text, at: place(places.strength), ordinal: ordinal)
      {
        strength = checked
      }
      for (context, at) in zip(tie.contexts, places.contexts) {
        assembler.addTieContext(string(at: at, count: context.utf8.count))
      }
      assembler.addTie(
        ordinal: ordinal, from: TieEnd(start: places.from + 1, length: tie.from.utf8.count, quoted: true),
        to: TieEnd(start: places.to + 1, length: tie.to.utf8.count, quoted: true), strength: strength,
        mutual: tie.mutual)
    }
    for (ordinal, community) in communities.enumerated() {
      let places = layout.communities[ordinal]
      assembler.beginCommunity(ordinal: ordinal)
      assembler.communityID(community.id, at: place(places.id))
      assembler.communityName(community.name)
      for (member, at) in zip(community.members, places.members) {
        assembler.addMember(string(at: at, count: member.utf8.count), at: place(at))
      }
      assembler.finishCommunity()
    }
    return assembler.finish(source: "t")
  }
}

/// Expects a network read from JSON and one assembled from the same records
/// to be the same in everything, or to fail with the same problems.
func expectSameNetwork(
  _ read: Result<TrustNetwork, NetworkLoadError>, _ assembled: Result<TrustNetwork, NetworkLoadError>,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  expectSameResult(read, assembled, sourceLocation: sourceLocation)
  guard case .success(let one) = read, case .success(let two) = assembled else { return }
  #expect(one.name == two.name, sourceLocation: sourceLocation)
  #expect(one.strongTieThreshold == two.strongTieThreshold, sourceLocation: sourceLocation)
  #expect(Array(one.people) == Array(two.people), sourceLocation: sourceLocation)
  #expect(one.attributeKeys == two.attributeKeys, sourceLocation: sourceLocation)
  #expect(one.warningCount == two.warningCount, sourceLocation: sourceLocation)
}

@Suite("The JSON reader and the assembler agree")
struct AssemblerDifferentialTests {
  /// The same records, read from their JSON and fed to an assembler at the
  /// same places, give the same network and the same diagnostics, in one
  /// pass and with the ties read in two parts.
  @Test(arguments: 1...24 as ClosedRange<UInt64>)
  func sameNetworkAndProblems(seed: UInt64) {
    let records = NetworkRecords.random(seed: seed)
    let (bytes, layout) = records.json()
    bytes.withUnsafeBufferPointer { buffer in
      let assembled = records.assemble(layout: layout, bytes: buffer)
      for parallel in [Int.max, 0] {
        let read = NetworkReader.read(buffer: buffer, source: "t", diagnosticLimit: 1000, parallelMinimumBytes: parallel)
        expectSameNetwork(read, assembled)
      }
    }
  }

  /// Without the problems, both give a network, and the same one.
  @Test func sameValidNetwork() throws {
    var records = NetworkRecords.random(seed: 99)
    records.threshold = "0.5"
    for index in records.people.indices {
      records.people[index].id = "p\(index)"
      records.people[index].reportsTo = index == 0 ? nil : "p\(index / 2)"
    }
    records.ties = records.ties.map { tie in
      var tie = tie
      tie.to = tie.to == tie.from || tie.to == "p30" || tie.to == "p31" || tie.to == "p32" ? "p0" : tie.to
      tie.from = ["p30", "p31", "p32", "p0"].contains(tie.from) ? "p1" : tie.from
      tie.strength = "0.5"
      return tie
    }
    records.communities = [NetworkRecords.Community(id: "c", name: nil, members: ["p3", "p1", "p3"])]
    let (bytes, layout) = records.json()
    try bytes.withUnsafeBufferPointer { buffer in
      let assembled = records.assemble(layout: layout, bytes: buffer)
      let read = NetworkReader.read(buffer: buffer, source: "t", diagnosticLimit: 1000)
      let network = try read.get()
      #expect(network.people.count == 30)
      #expect(network.warningCount == 1)  // p3 listed twice
      expectSameNetwork(read, assembled)
    }
  }
}

@Suite("Element positions count the reader's elements")
struct ReaderPositionTests {
  /// An element that is not an object still has its place in the list: the
  /// elements after it keep their own positions in messages.
  @Test func elementsThatAreNotObjectsCount() {
    let ties = loadError(#"{"trustmap": 1, "people": [{"id": "a"}], "ties": [5, {"from": "a", "to": "zed"}]}"#)
    #expect(ties?.diagnostics.map(\.path) == ["ties[0]", "ties[1].to"])
    let people = loadError(#"{"trustmap": 1, "people": [5, {"id": "a"}, {"id": "a"}, {"id": "b", "reportsTo": "b"}]}"#)
    #expect(people?.diagnostics.map(\.path) == ["people[0]", "people[2].id", "people[3].reportsTo"])
    #expect(people?.diagnostics[1].message == "duplicate person id 'a' (first used by people[1])")
    let communities = loadError(
      #"{"trustmap": 1, "people": [], "communities": [{"members": []}, {"id": "c", "members": ["zed"]}, {"id": "c", "members": []}]}"#)
    #expect(communities?.diagnostics.map(\.path) == ["communities[0]", "communities[1].members", "communities[2].id"])
    #expect(communities?.diagnostics[2].message == "duplicate community id 'c' (first used by communities[1])")
  }

  /// The same with the ties read in two parts: a dropped element in the
  /// first part moves the second part's positions on by one more.
  @Test func elementsThatAreNotObjectsCountAcrossTheSplit() throws {
    var ties = [String](repeating: #"{"from": "a", "to": "a", "strength": 0.5}"#, count: 40)
    ties[3] = "7"
    ties[36] = #"{"from": "a", "to": "zed"}"#
    let text = #"{"trustmap": 1, "people": [{"id": "a"}], "ties": [\#(ties.joined(separator: ", "))]}"#
    for parallel in [false, true] {
      guard case .failure(let error) = read(text, parallel: parallel) else {
        Issue.record("expected errors")
        continue
      }
      let errors = error.diagnostics.filter { $0.severity == .error }
      #expect(errors.map(\.path) == ["ties[3]", "ties[36].to"])
      #expect(error.warningCount == 38)
    }
  }

  /// A tie naming one context many times costs a look-up per name, not a
  /// search of the tie's contexts so far; each counts once.
  @Test func aContextNamedOverAndOverCountsOnce() throws {
    let contexts = (0..<20_000).map { #""c\#($0 % 7)""# }.joined(separator: ",")
    let net = try network(
      #"{"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}], "ties": [{"from": "a", "to": "b", "contexts": [\#(contexts)]}]}"#)
    #expect(net.ties.contexts(of: 0) == (0..<7).map { "c\($0)" })
  }
}
