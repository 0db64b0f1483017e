import Testing

@testable import TrustCore

@Suite("Reading network files")
struct NetworkReaderTests {
  @Test func readsEveryField() throws {
    let net = try network(
      """
      {"trustmap": 1, "name": "Acme", "strongTieThreshold": 0.6,
       "people": [
         {"id": "ana", "name": "Ana", "attributes": {"team": "design", "level": 2, "remote": true, "grade": 1.50}, "reportsTo": "bo"},
         {"id": "bo"}
       ],
       "ties": [{"from": "ana", "to": "bo", "strength": 0.9, "mutual": true, "contexts": ["work", "friendship"]},
                {"from": "bo", "to": "ana"}],
       "communities": [{"id": "guides", "name": "Guides", "members": ["bo", "ana"]}]}
      """)
    #expect(net.name == "Acme")
    #expect(net.strongTieThreshold == 0.6)
    #expect(net.people.count == 2)
    let ana = net.people[0]
    #expect(ana.id == "ana")
    #expect(ana.name == "Ana")
    #expect(ana.attributes == ["team": "design", "level": "2", "remote": "true", "grade": "1.50"])
    #expect(ana.reportsTo == "bo")
    #expect(net.people[1].name == "bo")
    #expect(net.people[1].reportsTo == nil)
    #expect(net.ties.count == 2)
    #expect(net.ties[0] == TieRecord(from: 0, to: 1, strength: 0.9, mutual: true, contexts: ["work", "friendship"]))
    #expect(net.ties[1] == TieRecord(from: 1, to: 0, strength: 1, mutual: false, contexts: []))
    #expect(net.indexedCommunities == [IndexedCommunity(id: "guides", name: "Guides", members: [0, 1])])
    #expect(net.index(of: "bo") == 1)
    #expect(net.index(of: "zed") == nil)
    #expect(net.contexts == ["work", "friendship"])
  }

  @Test func resolvesReferencesToPeopleListedLater() throws {
    let net = try network(
      """
      {"ties": [{"from": "b", "to": "a", "strength": 0.7}],
       "communities": [{"id": "c", "members": ["b"]}],
       "people": [{"id": "a", "reportsTo": "b"}, {"id": "b"}], "trustmap": 1}
      """)
    #expect(net.ties[0].from == 1 && net.ties[0].to == 0)
    #expect(net.people.reportsTo == [1, -1])
    #expect(net.indexedCommunities[0].members == [1])
  }

  @Test func decodesEscapesAndSurrogatePairs() throws {
    let net = try network(
      #"{"trustmap": 1, "people": [{"id": "a\"b\\c\/d\u00e9\ud83d\ude00", "name": "Zoë\n\t😀"}]}"#)
    #expect(net.people.id(of: 0) == "a\"b\\c/dé😀")
    #expect(net.people.name(of: 0) == "Zoë\n\t😀")
    #expect(net.index(of: "a\"b\\c/dé😀") == 0)
  }

  @Test func escapedIdsResolveLikePlainOnes() throws {
    let net = try network(
      #"{"trustmap": 1, "people": [{"id": "\u0061na"}, {"id": "bo"}], "ties": [{"from": "ana", "to": "\u0062o"}]}"#)
    #expect(net.ties[0].from == 0 && net.ties[0].to == 1)
  }

  @Test func acceptsByteOrderMarkAndCRLF() throws {
    let text = "\u{FEFF}{\r\n\"trustmap\": 1,\r\n\"people\": [{\"id\": \"a\"}]\r\n}\r\n"
    let net = try TrustNetwork(json: Array(text.utf8))
    #expect(net.people.count == 1)
  }

  @Test func negativeZeroAndUnderflowAreZero() throws {
    let net = try network(
      """
      {"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}],
       "ties": [{"from": "a", "to": "b", "strength": -0}, {"from": "b", "to": "a", "strength": 1.0e-400}]}
      """)
    #expect(net.ties.strength == [0, 0])
    #expect(net.ties.strength[0].sign == .plus)
  }

  @Test(arguments: [
    ("0.5", 0.5), ("1", 1.0), ("0", 0.0), ("1e-1", 0.1), ("0.123456789012345678901", 0.123456789012345678901),
    ("5E-1", 0.5), ("0.30000000000000004", 0.30000000000000004), ("1.0E+0", 1.0),
  ])
  func parsesStrengths(text: String, value: Double) throws {
    let net = try network(
      #"{"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}], "ties": [{"from": "a", "to": "b", "strength": \#(text)}]}"#)
    #expect(net.ties.strength[0] == value)
  }

  @Test func ignoresUnknownKeysAtEveryLevel() throws {
    let net = try network(
      """
      {"trustmap": 1, "about": {"deep": [1, {"x": null}]}, "people": [{"id": "a", "note": [true, false]}],
       "ties": [], "communities": [{"id": "c", "members": [], "colour": "red"}], "extra": -1.5e3}
      """)
    #expect(net.people.count == 1)
  }
}

@Suite("Bad network files")
struct BadInputTests {
  /// The first error: its code, line, column, path and a part of its message.
  func expectError(
    _ json: String, code: NetworkDiagnostic.Code, line: Int, column: Int, path: String,
    message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) {
    guard let error = loadError(json) else {
      Issue.record("expected an error", sourceLocation: sourceLocation)
      return
    }
    guard let first = error.diagnostics.first(where: { $0.severity == .error }) else {
      Issue.record("no error diagnostic", sourceLocation: sourceLocation)
      return
    }
    #expect(first.code == code, sourceLocation: sourceLocation)
    #expect(first.location?.line == line, sourceLocation: sourceLocation)
    #expect(first.location?.column == column, sourceLocation: sourceLocation)
    #expect(first.path == path, sourceLocation: sourceLocation)
    #expect(first.message.contains(message), "\(first.message)", sourceLocation: sourceLocation)
  }

  @Test func emptyInput() {
    expectError("", code: .emptyInput, line: 1, column: 1, path: "", message: "empty")
    expectError("  \n\t ", code: .emptyInput, line: 1, column: 1, path: "", message: "empty")
  }

  @Test func malformedJSON() {
    expectError(
      "{\n  \"trustmap\": 1,\n  \"people\": [{\"id\" \"a\"}]\n}", code: .syntax, line: 3, column: 20,
      path: "", message: "expected ':' after the key")
    expectError("{\"trustmap\": 1,}", code: .syntax, line: 1, column: 16, path: "", message: "a key")
    expectError("{\"trustmap\": 1} x", code: .syntax, line: 1, column: 17, path: "", message: "after the network object")
    expectError("{\"trustmap\": 1", code: .syntax, line: 1, column: 15, path: "", message: "unexpected end")
    expectError("{\"trustmap\": 01}", code: .syntax, line: 1, column: 14, path: "", message: "leading zero")
    expectError("{\"trustmap\": tru}", code: .syntax, line: 1, column: 14, path: "", message: "expected a value")
    expectError("{\"a\": \"x\ny\"}", code: .syntax, line: 1, column: 9, path: "", message: "control character")
    expectError(#"{"a": "\q"}"#, code: .syntax, line: 1, column: 8, path: "", message: "invalid escape")
  }

  @Test func binaryAndInvalidUTF8() {
    let binary: [UInt8] = [0x7B, 0x00, 0xFF, 0x10]
    let error = loadError(bytes: binary)
    #expect(error?.diagnostics.first?.code == .invalidUTF8)
    #expect(error?.diagnostics.first?.message.contains("binary") == true)
    var bytes = Array(#"{"trustmap": 1, "people": [{"id": "a"#.utf8)
    bytes += [0xC3, 0x28]  // a bad continuation byte
    bytes += Array(#""}]}"#.utf8)
    let utf8 = loadError(bytes: bytes)
    #expect(utf8?.diagnostics.first?.code == .invalidUTF8)
    #expect(utf8?.diagnostics.first?.location == FileLocation(line: 1, column: 37, offset: 36))
    for bad: [UInt8] in [[0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]] {
      let text = Array(#"{"a": ""#.utf8) + bad + Array(#""}"#.utf8)
      #expect(loadError(bytes: text)?.diagnostics.first?.code == .invalidUTF8)
    }
  }

  @Test func loneSurrogates() {
    expectError(
      #"{"trustmap": 1, "people": [{"id": "\ud800"}]}"#, code: .loneSurrogate, line: 1, column: 36,
      path: "", message: "lone surrogate")
    expectError(
      #"{"trustmap": 1, "people": [{"id": "x\udc00"}]}"#, code: .loneSurrogate, line: 1, column: 37,
      path: "", message: "low surrogate")
  }

  @Test func versions() {
    expectError(
      #"{"trustmap": 2, "people": []}"#, code: .unsupportedVersion, line: 1, column: 14,
      path: "trustmap", message: "unsupported format version 2")
    expectError(
      #"{"trustmap": 1.0, "people": []}"#, code: .unsupportedVersion, line: 1, column: 14,
      path: "trustmap", message: "version 1.0")
    expectError(
      #"{"trustmap": "1", "people": []}"#, code: .wrongType, line: 1, column: 14, path: "trustmap",
      message: "expected the integer 1, found a string")
    expectError(
      #"{"people": []}"#, code: .missingKey, line: 1, column: 1, path: "", message: "'trustmap'")
  }

  @Test func misspeltRequiredKeys() {
    expectError(
      #"{"trustmap": 1, "peple": []}"#, code: .missingKey, line: 1, column: 17, path: "",
      message: "found 'peple': did you mean 'people'?")
    expectError(
      #"{"trustmap": 1, "people": [{"ID": "a"}]}"#, code: .missingKey, line: 1, column: 29,
      path: "people[0]", message: "did you mean 'id'?")
    expectError(
      #"{"trustmap": 1, "people": [{"id": "a"}], "ties": [{"form": "a", "to": "a"}]}"#,
      code: .missingKey, line: 1, column: 52, path: "ties[0]", message: "did you mean 'from'?")
  }

  @Test func wrongTypes() {
    expectError(
      #"{"trustmap": 1, "people": {}}"#, code: .wrongType, line: 1, column: 27, path: "people",
      message: "expected an array, found an object")
    expectError(
      #"{"trustmap": 1, "people": [{"id": true}]}"#, code: .wrongType, line: 1, column: 35,
      path: "people[0].id", message: "found a bool")
    expectError(
      #"{"trustmap": 1, "people": [{"id": ""}]}"#, code: .invalidValue, line: 1, column: 35,
      path: "people[0].id", message: "must not be empty")
    expectError(
      #"{"trustmap": 1, "people": [{"id": "a\u0000"}]}"#, code: .invalidValue, line: 1, column: 35,
      path: "people[0].id", message: "control characters (found U+0000)")
    expectError(
      #"{"trustmap": 1, "people": [{"id": "a", "attributes": {"x": null}}]}"#, code: .wrongType,
      line: 1, column: 60, path: "people[0].attributes.x", message: "found null")
    expectError(
      #"{"trustmap": 1, "people": [{"id": "a"}], "ties": [{"from": "a", "to": "a", "mutual": 1}]}"#,
      code: .wrongType, line: 1, column: 86, path: "ties[0].mutual", message: "true or false")
  }

  @Test func duplicateIdsAndKeys() {
    expectError(
      #"{"trustmap": 1, "people": [{"id": "a"}, {"id": "a"}]}"#, code: .duplicateId, line: 1,
      column: 48, path: "people[1].id", message: "duplicate person id 'a' (first used by people[0])")
    expectError(
      #"{"trustmap": 1, "people": [{"id": "a", "id": "b"}]}"#, code: .duplicateKey, line: 1,
      column: 40, path: "people[0]", message: "'id' appears more than once")
    expectError(
      #"{"trustmap": 1, "people": [{"id": "a", "attributes": {"t": "x", "t": "y"}}]}"#,
      code: .duplicateKey, line: 1, column: 65, path: "people[0].attributes", message: "'t'")
    expectError(
      #"{"trustmap": 1, "people": [], "communities": [{"id": "c", "members": []}, {"id": "c", "members": []}]}"#,
      code: .duplicateId, line: 1, column: 82, path: "communities[1].id", message: "duplicate community id 'c'")
  }

  @Test func unknownPeople() {
    let json = """
      {"trustmap": 1,
       "people": [{"id": "ana"}, {"id": "bo", "reportsTo": "cyy"}],
       "ties": [{"from": "ana", "to": "bo"},
                {"from": "ana", "to": "zed"}],
       "communities": [{"id": "c", "members": ["ana", "bob"]}]}
      """
    guard let error = loadError(json) else {
      Issue.record("expected errors")
      return
    }
    #expect(error.errorCount == 3)
    let lines = error.diagnostics.map { $0.formatted(source: "n.json") }
    #expect(
      lines == [
        "n.json:2:54: error: people[1].reportsTo: reports to unknown person 'cyy'",
        "n.json:4:33: error: ties[1].to: tie to unknown person 'zed'",
        "n.json:5:49: error: communities[0].members: member unknown person 'bob'; did you mean 'bo'?",
      ])
  }

  /// Members are looked up in batches of 256: across batch ends, with people
  /// listed after the community, a repeat and an unknown id, every member
  /// keeps its place and order.
  @Test func manyMembersAcrossLookUpBatches() throws {
    var order = Array(0..<600)
    var random = SeededRandom(seed: 5)
    for index in stride(from: order.count - 1, to: 0, by: -1) {
      order.swapAt(index, Int(random.next() % UInt64(index + 1)))
    }
    func json(unknownAt: Int?) -> String {
      var members = order.map { "\"p\($0)\"" }
      members.insert("\"p\(order[10])\"", at: 300)  // a repeat, on line 302
      if let unknownAt { members.insert("\"ghost\"", at: unknownAt) }
      // The people come after the communities: those ids are settled at the end.
      return "{\"trustmap\": 1, \"communities\": [{\"id\": \"c\", \"members\": [\n"
        + members.joined(separator: ",\n") + "]}],\n\"people\": ["
        + (0..<600).map { "{\"id\": \"p\($0)\"}" }.joined(separator: ", ") + "]}"
    }
    let net = try network(json(unknownAt: nil))
    #expect(net.indexedCommunities[0].members.map(Int.init) == Array(0..<600))
    #expect(
      net.warnings.map { $0.formatted(source: "f") } == [
        "f:302:1: warning: communities[0].members: 'p\(order[10])' is listed more than once; counted once"
      ])
    let error = try #require(loadError(json(unknownAt: 513)))
    #expect(
      error.diagnostics.filter { $0.severity == .error }.map { $0.formatted(source: "f") } == [
        "f:515:1: error: communities[0].members: member unknown person 'ghost'"
      ])
  }

  @Test func strengthsOutOfRange() {
    func tie(_ strength: String) -> String {
      #"{"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}], "ties": [{"from": "a", "to": "b", "strength": \#(strength)}]}"#
    }
    expectError(
      tie("1.5"), code: .strengthOutOfRange, line: 1, column: 101, path: "ties[0].strength",
      message: "a strength must be from 0 to 1, not 1.5")
    expectError(
      tie("-0.1"), code: .strengthOutOfRange, line: 1, column: 101, path: "ties[0].strength", message: "not -0.1")
    expectError(
      tie("null"), code: .wrongType, line: 1, column: 101, path: "ties[0].strength", message: "found null")
    expectError(
      tie("\"0.5\""), code: .wrongType, line: 1, column: 101, path: "ties[0].strength", message: "found a string")
    expectError(
      tie("1e400"), code: .numberOutOfRange, line: 1, column: 101, path: "ties[0].strength",
      message: "1e400 is out of range")
    expectError(
      #"{"trustmap": 1, "strongTieThreshold": 2, "people": []}"#, code: .invalidValue, line: 1,
      column: 39, path: "strongTieThreshold", message: "must be from 0 to 1")
  }

  @Test func reportsToCycles() {
    let json = """
      {"trustmap": 1, "people": [
        {"id": "a", "reportsTo": "c"}, {"id": "b", "reportsTo": "a"}, {"id": "c", "reportsTo": "b"},
        {"id": "d", "reportsTo": "d"}, {"id": "e", "reportsTo": "a"}]}
      """
    guard let error = loadError(json) else {
      Issue.record("expected errors")
      return
    }
    #expect(error.errorCount == 2)
    #expect(
      error.diagnostics.map { $0.formatted(source: "f") } == [
        "f:2:28: error: people[0].reportsTo: reports-to cycle: 'a' → 'c' → 'b' → 'a'; reports-to links must form a tree",
        "f:3:28: error: people[3].reportsTo: reports-to cycle: 'd' → 'd'; reports-to links must form a tree",
      ])
  }

  @Test func selfTieIsAWarning() throws {
    let net = try network(
      #"{"trustmap": 1, "people": [{"id": "a"}], "ties": [{"from": "a", "to": "a"}]}"#)
    #expect(net.warnings.count == 1)
    #expect(net.warnings[0].code == NetworkDiagnostic.Code.selfTie)
    #expect(net.warnings[0].formatted(source: "f") == "f:1:60: warning: ties[0]: a tie from 'a' to themselves is ignored")
  }

  @Test func nestingLimit() {
    let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
    let error = loadError(#"{"trustmap": 1, "people": [], "x": \#(deep)}"#)
    #expect(error?.diagnostics.first?.code == .nestingTooDeep)
    #expect(error?.diagnostics.first?.location?.column == 547)
    // 511 levels inside the top-level object is allowed: 512 in all.
    let allowed = String(repeating: "[", count: 511) + String(repeating: "]", count: 511)
    #expect(loadError(#"{"trustmap": 1, "people": [], "x": \#(allowed)}"#) == nil)
    let tooDeep = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
    #expect(loadError(#"{"trustmap": 1, "people": [], "x": \#(tooDeep)}"#)?.diagnostics.first?.code == .nestingTooDeep)
  }

  @Test func manyErrorsAreCappedButCounted() {
    var json = #"{"trustmap": 1, "people": [{"id": "a"}], "ties": ["#
    for index in 0..<10_000 {
      if index > 0 { json += "," }
      json += #"{"from": "a", "to": "x\#(index)"}"#
    }
    json += "]}"
    do {
      _ = try NetworkReader.read(bytes: Array(json.utf8), source: "f", diagnosticLimit: 100)
      Issue.record("expected errors")
    } catch {
      #expect(error.errorCount == 10_000)
      #expect(error.diagnostics.count == 100)
      #expect(error.diagnostics.first?.path == "ties[0].to")
      #expect(error.diagnostics.last?.path == "ties[99].to")
    }
  }

  @Test func truncatedAtEveryOffsetIsAnError() throws {
    let text = Array(
      #"{"trustmap": 1, "name": "é", "people": [{"id": "a", "attributes": {"t": 1.5}}, {"id": "b"}], "ties": [{"from": "a", "to": "b", "strength": 0.5, "contexts": ["w"]}], "communities": [{"id": "c", "members": ["a"]}]}"#
        .utf8)
    _ = try TrustNetwork(json: text)
    for length in 0..<text.count {
      let error = loadError(bytes: Array(text[0..<length]))
      #expect(error != nil, "truncated at \(length)")
      #expect(error?.diagnostics.first?.location != nil)
    }
  }
}

/// Reads `text` in one pass or in two halves, with or without the plain-tie path.
func read(_ text: String, parallel: Bool, plainTies: Bool = true) -> Result<TrustNetwork, NetworkLoadError> {
  Array(text.utf8).withUnsafeBufferPointer {
    NetworkReader.read(
      buffer: $0, source: "t", diagnosticLimit: 1000, parallelMinimumBytes: parallel ? 0 : .max,
      readsPlainTies: plainTies)
  }
}

/// Expects two readings of one text to agree on everything: the network or every diagnostic.
func expectSameResult(
  _ first: Result<TrustNetwork, NetworkLoadError>, _ second: Result<TrustNetwork, NetworkLoadError>,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  switch (first, second) {
  case (.success(let one), .success(let two)):
    #expect(one.ties.from == two.ties.from, sourceLocation: sourceLocation)
    #expect(one.ties.to == two.ties.to, sourceLocation: sourceLocation)
    #expect(one.ties.strength == two.ties.strength, sourceLocation: sourceLocation)
    #expect(one.ties.mutual == two.ties.mutual, sourceLocation: sourceLocation)
    #expect((0..<one.ties.count).map { one.ties.contexts(of: $0) } == (0..<two.ties.count).map { two.ties.contexts(of: $0) })
    #expect(one.contexts == two.contexts, sourceLocation: sourceLocation)
    #expect(one.warnings == two.warnings, sourceLocation: sourceLocation)
    #expect(one.indexedCommunities == two.indexedCommunities, sourceLocation: sourceLocation)
  case (.failure(let one), .failure(let two)):
    #expect(one.diagnostics == two.diagnostics, sourceLocation: sourceLocation)
    #expect(one.errorCount == two.errorCount, sourceLocation: sourceLocation)
    #expect(one.warningCount == two.warningCount, sourceLocation: sourceLocation)
  default:
    Issue.record("one reading failed and the other did not", sourceLocation: sourceLocation)
  }
}

@Suite("Reading ties in two halves at once")
struct ParallelReadTests {
  func expectSameReading(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    expectSameResult(read(text, parallel: false), read(text, parallel: true), sourceLocation: sourceLocation)
  }

  /// The second part of the ties starts before the people are read, found by
  /// a quick scan of the brackets: strings full of brackets and quotes in the
  /// people must not mislead it, and a document that is not what the scan saw
  /// (ties elsewhere, a broken people array) must read as in one pass.
  @Test func tiesStartedBeforeThePeopleReadAsInOnePass() {
    let people = (0..<30).map { #"{"id": "p\#($0)", "name": "x]}\"[{\\", "attributes": {"t": "[\#($0 % 3)]"}}"# }
    let ties = (0..<60).map { #"{"from": "p\#($0 % 30)", "to": "p\#(($0 * 7 + 1) % 30)", "strength": 0.5}"# }
    let peopleText = people.joined(separator: ", ")
    let tiesText = ties.joined(separator: ",\n")
    expectSameReading(#"{"trustmap": 1, "people": [\#(peopleText)], "ties": [\#(tiesText)]}"#)
    expectSameReading(#"{"trustmap": 1, "people" : [\#(peopleText)] ,\n "ties" :\t[\#(tiesText)]}"#)
    expectSameReading(#"{"trustmap": 1, "people": [\#(peopleText)], "communities": [], "ties": [\#(tiesText)]}"#)
    expectSameReading(#"{"trustmap": 1, "people": [\#(peopleText)], "ties": [\#(tiesText)], "ties": []}"#)
    expectSameReading(#"{"trustmap": 1, "people": [\#(peopleText), {"id": }], "ties": [\#(tiesText)]}"#)
    expectSameReading(
      #"{"trustmap": 1, "people": [\#(peopleText), {"id": "zz", "reportsTo": "p1"}], "ties": [\#(tiesText), {"from": "p1", "to": "nobody"}]}"#)
    expectSameReading(#"{"trustmap": 1, "people": [\#(peopleText)], "ties": [\#(tiesText)"#)
  }

  @Test(arguments: 1...8 as ClosedRange<UInt64>)
  func sameAsOnePassOnRandomNetworks(seed: UInt64) {
    expectSameReading(randomNetworkJSON(people: 50, ties: 300, seed: seed))
  }

  @Test func sameAsOnePassWithErrorsInEitherHalf() {
    let people = (0..<20).map { #"{"id": "p\#($0)"}"# }.joined(separator: ",")
    var ties = (0..<40).map { #"{"from": "p\#($0 % 20)", "to": "p\#(($0 * 7 + 1) % 20)", "strength": 0.5}"# }
    let cases: [(Int, String)] = [
      (3, #"{"from": "p1", "to": "zed"}"#),
      (35, #"{"from": "p1", "to": "zed"}"#),
      (5, #"{"from": "p1", "to": "p2", "strength": 1.5}"#),
      (30, #"{"form": "p1", "to": "p2"}"#),
      (31, #"{"from": "\u0070\u0031", "to": "p\u0032", "contexts": ["w\"x", "a"]}"#),
      (38, #"{"from": "p3", "to": "p3"}"#),
      (36, #"{"from" "p3", "to": "p4"}"#),
      (2, #"{"from": "p3", "to": "p4",}"#),
      (20, #"{"from": "p3", "to": "p4", "x": [1, {"y": "]"}]}"#),
    ]
    for (position, replacement) in cases {
      var changed = ties
      changed[position] = replacement
      expectSameReading(#"{"trustmap": 1, "people": [\#(people)], "ties": [\#(changed.joined(separator: ","))]}"#)
    }
    // Strings that look like a boundary between elements, where the guess may land.
    let tricky = (0..<40).map { #"{"from": "p\#($0 % 20)", "note": "x}, {\"from\": \"p1\"}, {y", "to": "p2", "strength": 0.7}"# }
    expectSameReading(#"{"trustmap": 1, "people": [\#(people)], "ties": [\#(tricky.joined(separator: ", "))]}"#)
    var trickyBroken = tricky
    trickyBroken[25] = #"{"from": "p1", "to": "zed", "note": "}, {"}"#
    trickyBroken[12] = #"{"from": "p1", "to": 3}"#
    expectSameReading(#"{"trustmap": 1, "people": [\#(people)], "ties": [\#(trickyBroken.joined(separator: ", "))]}"#)
    ties[10] = #"{"from": "p1", "to": "zed"}"#
    ties[30] = #"{"from": "p1", "to": "zed"}"#
    expectSameReading(#"{"trustmap": 1, "ties": [\#(ties.joined(separator: ","))], "people": [\#(people)]}"#)
    expectSameReading(#"{"trustmap": 1, "people": [\#(people)], "ties": [\#(ties[0])]}"#)
    expectSameReading(#"{"trustmap": 1, "people": [\#(people)], "ties": []}"#)
    // Found by the fuzzer: an empty ties array, with later content where the guess lands.
    expectSameReading(#"{"trustmap": 1, "people": [\#(people)], "ties": [ ], "x": [\#(ties.joined(separator: ","))]}"#)
    expectSameReading(#"{"trustmap": 1, "people": [\#(people)], "ties": [ ]"from": [\#(ties.joined(separator: ","))]}"#)
    expectSameReading(#"{"trustmap": 1, "people": [\#(people)], "ties": [\#(ties.joined(separator: ","))"#)
  }
}

@Suite("Reading plain ties straight from the bytes")
struct PlainTieTests {
  /// Ties of every shape near the plain one: each must read exactly as the general loop reads it.
  static let variants = [
    #"{"from": "a", "to": "b"}"#,
    #"{"from":"a","to":"b","strength":0.5,"mutual":true}"#,
    "{\n  \"from\" :\t\"a\" ,\r\n \"to\":\"b\" , \"strength\" : 1 , \"mutual\" : false\n}",
    #"{"from": "a", "to": "b", "strength": 0, "mutual": false, "contexts": ["work"]}"#,
    #"{"from": "a", "to": "b", "contexts": ["work", "work"], "strength": 0.25}"#,
    #"{"from": "a", "to": "b", "mutual": true, "strength": 0.25}"#,
    #"{"to": "b", "from": "a"}"#,
    #"{"from": "a", "to": "b", "strength": 1.5}"#,
    #"{"from": "a", "to": "b", "strength": 1e999}"#,
    #"{"from": "a", "to": "b", "strength": -0}"#,
    #"{"from": "a", "to": "b", "strength": 0.5e0}"#,
    #"{"from": "a", "to": "b", "strength": 1.0000}"#,
    #"{"from": "a", "to": "b", "strength": 01}"#,
    #"{"from": "a", "to": "b", "strength": 0.}"#,
    #"{"from": "a", "to": "b", "strength": "0.5"}"#,
    #"{"from": "a", "to": "b", "strength": null}"#,
    #"{"from": "a", "to": "b", "strength": 0.5, "from": "c"}"#,
    #"{"from": "a", "to": "b", "to": "c"}"#,
    #"{"from": "a", "to": "b", "strength": 0.5, "strength": 0.7}"#,
    #"{"from": "a", "to": "b", "mutual": "yes"}"#,
    #"{"from": "a", "to": "b", "mutual": tru}"#,
    #"{"from": "a", "to": "b", "mutual": true, "mutual": false}"#,
    #"{"from": "a", "to": "b", "mutual": true, "note": {"x": [1]}}"#,
    #"{"from": "a", "to": "b", "fromage": 1}"#,
    #"{"from": "\u0061", "to": "b"}"#,
    #"{"from": "a", "to": "\u0062"}"#,
    #"{"from": "a", "to": "zed"}"#,
    #"{"from": "a", "to": "a"}"#,
    #"{"from": "\u0061", "to": "a"}"#,
    #"{"from": "a", "to": "b",}"#,
    #"{"from": "a", "to": "b" "strength": 1}"#,
    #"{"from": "a" "to": "b"}"#,
    #"{"from": "a", "to": 3}"#,
    #"{"from": "a", "to": "b\"}"#,
    #"{"from": "a", "to": "b"#,
    #"{"from": "a", "to": "b", "strength": 0.5"#,
    #"{"from": "a", "to": "b", "strength": 0.5,"#,
    #"{"from": "é", "to": "b"}"#,
    #"{"from": "a\tb", "to": "b"}"#,
    #"{"fro": "a", "to": "b"}"#,
    #"{"from": "a"}"#,
    #"{}"#,
    #"{"from": "a", "to": "b", "strength": 0.5, "mutual": true}"#,
  ]

  @Test(arguments: variants)
  func readsAsTheGeneralLoopDoes(tie: String) {
    let people = #"[{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "é"}]"#
    let filler = #"{"from": "b", "to": "c", "strength": 0.9}"#
    let texts = [
      #"{"trustmap": 1, "people": \#(people), "ties": [\#(tie)]}"#,
      #"{"trustmap": 1, "people": \#(people), "ties": [\#(filler), \#(tie), \#(filler)]}"#,
      #"{"trustmap": 1, "ties": [\#(tie), \#(filler)], "people": \#(people)}"#,
    ]
    for text in texts {
      for parallel in [false, true] {
        expectSameResult(read(text, parallel: parallel, plainTies: true), read(text, parallel: parallel, plainTies: false))
      }
    }
  }

  @Test func plainTiesReadTheirValues() throws {
    let text =
      #"{"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}], "ties": [{"from":"a","to":"b","strength":0.25,"mutual":true}, {"from": "b", "to": "a"}]}"#
    let net = try read(text, parallel: false).get()
    #expect(net.ties.from == [0, 1])
    #expect(net.ties.to == [1, 0])
    #expect(net.ties.strength == [0.25, 1])
    #expect(net.ties.mutual == [true, false])
  }

  @Test func selfTieWithAnEscapedIdPointsAtItsQuote() throws {
    let text = #"{"trustmap": 1, "people": [{"id": "a"}], "ties": [{"from": "\u0061", "to": "a"}]}"#
    let net = try read(text, parallel: false).get()
    #expect(net.warnings.map { $0.formatted(source: "f") } == ["f:1:60: warning: ties[0]: a tie from 'a' to themselves is ignored"])
  }
}
