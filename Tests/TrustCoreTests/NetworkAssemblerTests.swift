import Testing

@testable import TrustCore

/// The bytes of a source, alive as long as the test holds them (the
/// assembler keeps only a pointer).
final class SourceBytes: @unchecked Sendable {
  private let storage: UnsafeMutableBufferPointer<UInt8>

  init(_ text: String) {
    storage = .allocate(capacity: max(1, text.utf8.count))
    _ = storage.initialize(from: text.utf8)
    count = text.utf8.count
  }

  deinit { storage.deallocate() }

  let count: Int
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(rebasing: storage[0..<count]) }

  /// The bytes at `range`, as a reader would pass them.
  func slice(_ range: Range<Int>) -> UnsafeBufferPointer<UInt8> {
    UnsafeBufferPointer(rebasing: bytes[range])
  }
}

/// Calls `body` with bytes that lie in no source (decoded text, say).
func withLooseBytes<Result>(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
  Array(text.utf8).withUnsafeBufferPointer(body)
}

func failure(_ result: Result<TrustNetwork, NetworkLoadError>) -> NetworkLoadError? {
  if case .failure(let error) = result { return error }
  return nil
}

@Suite("Assembling a network from records")
struct NetworkAssemblerTests {
  /// A people "file" of one id per line: every id check, with its message,
  /// code, path and line and column, counting dropped people in the paths.
  @Test func checksEveryPersonId() throws {
    let file = SourceBytes("id\nana\n\na\u{07}b\nana\nbo\n")
    var assembler = NetworkAssembler(diagnosticLimit: 100)
    let source = assembler.addSource(name: nil, bytes: file.bytes)
    let ids: [Range<Int>] = [3..<6, 7..<7, 8..<11, 12..<15, 16..<18]
    var kept: [Int?] = []
    for (ordinal, range) in ids.enumerated() {
      assembler.beginPerson(ordinal: ordinal)
      assembler.personID(file.slice(range), at: SourcePlace(source: source, offset: range.lowerBound))
      kept.append(assembler.finishPerson())
    }
    #expect(kept == [0, nil, nil, nil, 1])
    let error = try #require(failure(withExtendedLifetime(file) { assembler.finish(source: "people.txt") }))
    #expect(error.source == "people.txt")
    #expect(error.errorCount == 3)
    #expect(error.warningCount == 0)
    #expect(error.diagnostics.map(\.path) == ["people[1].id", "people[2].id", "people[3].id"])
    #expect(error.diagnostics.map(\.code) == [.invalidValue, .invalidValue, .duplicateId])
    #expect(error.diagnostics.allSatisfy { $0.severity == .error && $0.source == nil })
    #expect(
      error.diagnostics.map(\.message) == [
        "an id must not be empty",
        "an id must not contain control characters (found U+0007)",
        "duplicate person id 'ana' (first used by people[0])",
      ])
    #expect(
      error.diagnostics.map(\.location) == [
        FileLocation(line: 3, column: 1, offset: 7), FileLocation(line: 4, column: 1, offset: 8),
        FileLocation(line: 5, column: 1, offset: 12),
      ])
  }

  /// "First used by" names the first person's position in the reader's
  /// list, which counts the people dropped before them.
  @Test func duplicateIdsNameTheReadersPosition() throws {
    var assembler = NetworkAssembler(diagnosticLimit: 10)
    let source = assembler.addSource(name: nil)
    for (ordinal, id) in ["", "ana", "ana"].enumerated() {
      assembler.beginPerson(ordinal: ordinal)
      withLooseBytes(id) { _ = assembler.personID($0, at: SourcePlace(source: source, sequence: ordinal)) }
      assembler.finishPerson()
    }
    let error = try #require(failure(assembler.finish(source: "s")))
    #expect(error.diagnostics.map(\.path) == ["people[0].id", "people[2].id"])
    #expect(error.diagnostics[1].message == "duplicate person id 'ana' (first used by people[1])")
    #expect(error.diagnostics.allSatisfy { $0.location == nil })
  }

  /// Tie ends as ranges of the tie source (quoted or not) and as ids that
  /// lie elsewhere, resolved together; unknown ends and self-ties at their places.
  @Test func resolvesTieEndsFromRangesAndCopies() throws {
    let ties = SourceBytes("from,to\nana,bo\nana,anna\n\"bo\",zed\nbo,bo\n")
    let people = SourceBytes("ana\nbo\n")
    var assembler = NetworkAssembler(diagnosticLimit: 100)
    let tieSource = assembler.addSource(name: nil, bytes: ties.bytes)
    let peopleSource = assembler.addSource(name: "people.csv", bytes: people.bytes)
    for (ordinal, range) in [0..<3, 4..<6].enumerated() {
      assembler.beginPerson(ordinal: ordinal)
      assembler.personID(people.slice(range), at: SourcePlace(source: peopleSource, offset: range.lowerBound))
      assembler.finishPerson()
    }
    func at(_ offset: Int) -> SourcePlace { SourcePlace(source: tieSource, offset: offset) }
    // Through tieEnd(id:at:side:): ranges of the tie source where the place says.
    let from0 = assembler.tieEnd(id: ties.slice(8..<11), at: at(8), side: .from)
    let to0 = assembler.tieEnd(id: ties.slice(12..<14), at: at(12), side: .to)
    #expect(from0 == TieEnd(start: 8, length: 3, quoted: false))
    assembler.addTie(ordinal: 0, from: from0, to: to0, strength: 0.5, mutual: true)
    assembler.addTie(
      ordinal: 1, from: TieEnd(start: 15, length: 3, quoted: false),
      to: TieEnd(start: 19, length: 4, quoted: false), strength: 1, mutual: false)
    let quoted = assembler.tieEnd(id: ties.slice(25..<27), at: at(24), side: .from)
    #expect(quoted == TieEnd(start: 25, length: 2, quoted: true))
    assembler.addTie(
      ordinal: 2, from: quoted, to: TieEnd(start: 29, length: 3, quoted: false), strength: 1, mutual: false)
    // Ids from outside the tie source are copied and resolved as references.
    let staged = withLooseBytes("bo") { assembler.tieEnd(id: $0, at: at(33), side: .from) }
    #expect(staged.isStaged)
    let stagedTo = withLooseBytes("bo") { assembler.tieEnd(id: $0, at: at(36), side: .to) }
    assembler.addTie(ordinal: 3, from: staged, to: stagedTo, strength: 0.25, mutual: false)
    #expect(assembler.pending.count == 2)
    let error = try #require(failure(withExtendedLifetime((ties, people)) { assembler.finish(source: "ties.csv") }))
    #expect(error.errorCount == 2)
    #expect(error.warningCount == 1)
    #expect(
      error.diagnostics.map { $0.formatted(source: error.source) } == [
        "ties.csv:3:5: error: ties[1].to: tie to unknown person 'anna'; did you mean 'ana'?",
        "ties.csv:4:6: error: ties[2].to: tie to unknown person 'zed'",
        "ties.csv:5:1: warning: ties[3]: a tie from 'bo' to themselves is ignored",
      ])
    #expect(error.diagnostics.map(\.code) == [.unknownPerson, .unknownPerson, .selfTie])
  }

  @Test func buildsTheNetworkFromTieRecords() throws {
    let ties = SourceBytes("ana bo\nbo cy\n")
    var assembler = NetworkAssembler(diagnosticLimit: 10)
    let source = assembler.addSource(name: nil, bytes: ties.bytes)
    for (ordinal, id) in ["ana", "bo", "cy"].enumerated() {
      assembler.beginPerson(ordinal: ordinal)
      withLooseBytes(id) { _ = assembler.personID($0, at: SourcePlace(source: source, line: ordinal + 1, column: 1)) }
      assembler.finishPerson()
    }
    withLooseBytes("work") { assembler.addTieContext($0) }
    withLooseBytes("home") { assembler.addTieContext($0) }
    withLooseBytes("work") { assembler.addTieContext($0) }
    assembler.addTie(
      ordinal: 0, from: TieEnd(start: 0, length: 3, quoted: false), to: TieEnd(start: 4, length: 2, quoted: false),
      strength: -0.0, mutual: true)
    let cy = withLooseBytes("cy") { assembler.stageTieEnd(id: $0, at: SourcePlace(source: source, offset: 10), side: .to) }
    assembler.addTie(
      ordinal: 1, from: TieEnd(start: 7, length: 2, quoted: false), to: cy, strength: 0.75, mutual: false)
    let network = try withExtendedLifetime(ties) { try assembler.finish(source: "t").get() }
    #expect(network.ties.from == [0, 1])
    #expect(network.ties.to == [1, 2])
    #expect(network.ties.strength == [0, 0.75])
    #expect(network.ties.strength[0].sign == .plus)
    #expect(network.ties.mutual == [true, false])
    #expect(network.ties.contexts(of: 0) == ["work", "home"])
    #expect(network.ties.contexts(of: 1) == [])
    #expect(network.warnings.isEmpty && network.warningCount == 0)
  }

  /// Reports-to links and members, found at once or later, and every
  /// problem with them: unknown people (with a hint), cycles, repeats.
  @Test func checksReportsToAndMembers() throws {
    let file = SourceBytes("")
    var assembler = NetworkAssembler(diagnosticLimit: 100)
    let source = assembler.addSource(name: "people.csv", bytes: file.bytes)
    func cell(_ line: Int, _ column: Int) -> SourcePlace { SourcePlace(source: source, line: line, column: column) }
    // id, reports to: ana → cy (later), bo → ana, cy → bo (a cycle), dee → dee, eve → anna (unknown).
    let rows = [("ana", "cy"), ("bo", "ana"), ("cy", "bo"), ("dee", "dee"), ("eve", "anna")]
    for (ordinal, (id, manager)) in rows.enumerated() {
      assembler.beginPerson(ordinal: ordinal)
      assembler.personName(id.uppercased())
      withLooseBytes(id) { _ = assembler.personID($0, at: cell(ordinal + 2, 1)) }
      withLooseBytes(manager) { assembler.personReportsTo($0, at: cell(ordinal + 2, 5)) }
      assembler.finishPerson()
    }
    assembler.beginCommunity(ordinal: 0)
    assembler.communityID("guild", at: cell(10, 1))
    for (column, member) in ["bo", "zed", "bo", "ana", "eve", "ana"].enumerated() {
      withLooseBytes(member) { assembler.addMember($0, at: cell(10, 10 + column * 4)) }
    }
    #expect(assembler.finishCommunity() == 0)
    let error = try #require(failure(assembler.finish(source: "ties.csv")))
    #expect(error.errorCount == 4)
    #expect(error.warningCount == 2)
    #expect(
      error.diagnostics.map { $0.formatted(source: error.source) } == [
        "people.csv:2:5: error: people[0].reportsTo: reports-to cycle: 'ana' → 'cy' → 'bo' → 'ana'; reports-to links must form a tree",
        "people.csv:5:5: error: people[3].reportsTo: reports-to cycle: 'dee' → 'dee'; reports-to links must form a tree",
        "people.csv:6:5: error: people[4].reportsTo: reports to unknown person 'anna'; did you mean 'ana'?",
        "people.csv:10:14: error: communities[0].members: member unknown person 'zed'",
        "people.csv:10:18: warning: communities[0].members: 'bo' is listed more than once; counted once",
        "people.csv:10:30: warning: communities[0].members: 'ana' is listed more than once; counted once",
      ])
    #expect(error.diagnostics.allSatisfy { $0.source == "people.csv" })
    #expect(error.diagnostics[0].location == FileLocation(line: 2, column: 5, offset: -1))
    #expect(
      error.diagnostics.map(\.code) == [
        .reportsToCycle, .reportsToCycle, .unknownPerson, .unknownPerson, .duplicateMember, .duplicateMember,
      ])
  }

  @Test func membersAreKeptOnceInTheOrderOfPeople() throws {
    var assembler = NetworkAssembler(diagnosticLimit: 10)
    let source = assembler.addSource(name: nil)
    var sequence = 0
    func next() -> SourcePlace {
      sequence += 1
      return SourcePlace(source: source, sequence: sequence)
    }
    assembler.beginCommunity(ordinal: 0)
    assembler.communityID("early", at: next())
    assembler.communityName("Early birds")
    for member in ["cy", "ana", "cy"] { withLooseBytes(member) { assembler.addMember($0, at: next()) } }
    assembler.finishCommunity()
    for (ordinal, id) in ["ana", "bo", "cy"].enumerated() {
      assembler.beginPerson(ordinal: ordinal)
      withLooseBytes(id) { _ = assembler.personID($0, at: next()) }
      assembler.finishPerson()
    }
    let network = try assembler.finish(source: "s").get()
    #expect(network.indexedCommunities == [IndexedCommunity(id: "early", name: "Early birds", members: [0, 2])])
    #expect(network.warningCount == 1)
    #expect(network.warnings.map(\.path) == ["communities[0].members"])
    #expect(network.warnings.map(\.location) == [nil])
  }

  @Test func checksCommunityIds() throws {
    var assembler = NetworkAssembler(diagnosticLimit: 10)
    let source = assembler.addSource(name: nil)
    let ids: [String?] = ["a", "", nil, "a", "b"]
    var kept: [Int?] = []
    for (ordinal, id) in ids.enumerated() {
      assembler.beginCommunity(ordinal: ordinal)
      assembler.communityID(id, at: SourcePlace(source: source, sequence: ordinal))
      kept.append(assembler.finishCommunity())
    }
    #expect(kept == [0, nil, nil, nil, 1])
    let error = try #require(failure(assembler.finish(source: "s")))
    #expect(error.diagnostics.map(\.path) == ["communities[1].id", "communities[3].id"])
    #expect(error.diagnostics.map(\.code) == [.invalidValue, .duplicateId])
    #expect(
      error.diagnostics.map(\.message) == [
        "an id must not be empty", "duplicate community id 'a' (first used by communities[0])",
      ])
  }

  @Test func checksStrengthsAndTheThreshold() throws {
    var assembler = NetworkAssembler(diagnosticLimit: 100)
    let source = assembler.addSource(name: nil)
    func at(_ line: Int) -> SourcePlace { SourcePlace(source: source, line: line, column: 3) }
    #expect(assembler.checkedStrength(0.5, text: "0.5", at: at(1), ordinal: 0) == 0.5)
    #expect(assembler.checkedStrength(1.5, text: "1.50", at: at(2), ordinal: 1) == nil)
    #expect(assembler.checkedStrength(-.infinity, text: "-1e999", at: at(3), ordinal: 2) == nil)
    #expect(assembler.checkedStrength(.nan, text: "nan", at: at(4), ordinal: 3) == nil)
    func parse(_ text: String, _ line: Int) -> Double? {
      withLooseBytes(text) {
        assembler.checkedUnitNumber(
          parsing: $0, what: "a strength", code: .strengthOutOfRange, at: at(line), path: .tie(line, .strength))
      }
    }
    #expect(parse("0.25", 5) == 0.25)
    #expect(parse(" 1 ", 6) == 1)
    #expect(parse("5e-1", 7) == 0.5)
    #expect(parse("abc", 8) == nil)
    #expect(parse("", 9) == nil)
    #expect(parse("1e400", 10) == nil)
    #expect(parse("0.5x", 11) == nil)
    #expect(parse("2", 12) == nil)
    #expect(assembler.checkedThreshold(2, text: "2", at: at(13)) == nil)
    #expect(assembler.checkedThreshold(0.7, text: "0.7", at: at(14)) == 0.7)
    let error = try #require(failure(assembler.finish(source: "s")))
    #expect(error.errorCount == 9)
    #expect(
      error.diagnostics.map { "\($0.location?.line ?? 0) \($0.code) \($0.path): \($0.message)" } == [
        "2 strength-out-of-range ties[1].strength: a strength must be from 0 to 1, not 1.50",
        "3 number-out-of-range ties[2].strength: -1e999 is out of range for a number",
        "4 number-out-of-range ties[3].strength: nan is out of range for a number",
        "8 wrong-type ties[8].strength: expected a number from 0 to 1, found 'abc'",
        "9 wrong-type ties[9].strength: expected a number from 0 to 1, found ''",
        "10 number-out-of-range ties[10].strength: 1e400 is out of range for a number",
        "11 wrong-type ties[11].strength: expected a number from 0 to 1, found '0.5x'",
        "12 strength-out-of-range ties[12].strength: a strength must be from 0 to 1, not 2",
        "13 invalid-value strongTieThreshold: the strong-tie threshold must be from 0 to 1, not 2",
      ])
  }

  /// Past the limit, problems are counted but not kept; the kept ones are
  /// the first by place (source, then position), then by the order added.
  @Test func keepsTheFirstProblemsByPlaceAndCountsTheRest() throws {
    var assembler = NetworkAssembler(diagnosticLimit: 3)
    let first = assembler.addSource(name: nil, bytes: SourceBytes.shared.bytes)
    let second = assembler.addSource(name: "other.csv")
    let places = [
      SourcePlace(source: second, line: 1, column: 1), SourcePlace(source: first, offset: 9),
      SourcePlace(source: first, offset: 2), SourcePlace(source: first, offset: 9),
      SourcePlace(source: first, offset: 30), SourcePlace(source: first, offset: 5),
    ]
    for (index, place) in places.enumerated() {
      assembler.diagnostics.add(.error, .invalidValue, at: place, path: .tie(index), "problem \(index)")
    }
    for index in 0..<4 {
      assembler.diagnostics.add(
        .warning, .selfTie, at: SourcePlace(source: second, line: 2, column: index + 1), path: .tie(index),
        "warning \(index)")
    }
    let error = try #require(failure(assembler.finish(source: "s")))
    #expect(error.errorCount == 6)
    #expect(error.warningCount == 4)
    #expect(error.diagnostics.map(\.message) == ["problem 2", "problem 5", "problem 1"])
    #expect(error.diagnostics.map(\.location?.line) == [1, 2, 2])
    #expect(error.diagnostics.map(\.location?.column) == [3, 3, 7])
  }

  /// A network with more warnings than the limit keeps the first and counts all.
  @Test func countsEveryWarningOfANetwork() throws {
    var assembler = NetworkAssembler(diagnosticLimit: 2)
    let source = assembler.addSource(name: nil)
    assembler.beginPerson(ordinal: 0)
    withLooseBytes("a") { _ = assembler.personID($0, at: SourcePlace(source: source, sequence: 0)) }
    assembler.finishPerson()
    for ordinal in 0..<5 {
      let from = withLooseBytes("a") {
        assembler.tieEnd(id: $0, at: SourcePlace(source: source, sequence: 10 + ordinal), side: .from)
      }
      let to = withLooseBytes("a") { assembler.stageTieEnd(id: $0, at: SourcePlace(source: source, sequence: 0), side: .to) }
      assembler.addTie(ordinal: ordinal * 2, from: from, to: to, strength: 1, mutual: false)
    }
    let network = try assembler.finish(source: "s").get()
    #expect(network.warningCount == 5)
    #expect(network.warnings.map(\.path) == ["ties[0]", "ties[2]"])
  }

  @Test func pathsRenderAsTheNetworkFilesPaths() {
    let cases: [(DiagnosticPath, String)] = [
      (.document, ""), (.key("strongTieThreshold"), "strongTieThreshold"), (.person(2), "people[2]"),
      (.person(2, .id), "people[2].id"), (.person(2, .name), "people[2].name"),
      (.person(2, .attributes), "people[2].attributes"), (.person(0, .attribute("team")), "people[0].attributes.team"),
      (.person(2, .reportsTo), "people[2].reportsTo"), (.tie(3), "ties[3]"), (.tie(3, .from), "ties[3].from"),
      (.tie(3, .to), "ties[3].to"), (.tie(3, .strength), "ties[3].strength"), (.tie(3, .mutual), "ties[3].mutual"),
      (.tie(3, .contexts), "ties[3].contexts"), (.tie(3, .context(1)), "ties[3].contexts[1]"),
      (.community(1), "communities[1]"), (.community(1, .id), "communities[1].id"),
      (.community(1, .name), "communities[1].name"), (.community(1, .members), "communities[1].members"),
      (.community(1, .member(4)), "communities[1].members[4]"),
    ]
    for (path, text) in cases { #expect(path.description == text) }
    #expect(DiagnosticPath.tie(3, .to).shiftingTies(by: 10) == .tie(13, .to))
    #expect(DiagnosticPath.person(3, .id).shiftingTies(by: 10) == .person(3, .id))
  }

  @Test func placesSortBySourceThenPosition() {
    let places = [
      SourcePlace(source: 1, offset: 0), SourcePlace(source: 0, sequence: 5), SourcePlace(source: 0, offset: 7),
      SourcePlace(source: 0, line: 2, column: 9), SourcePlace(source: 0, line: 2, column: 3),
      SourcePlace(source: 0, offset: 1 << 40),
    ]
    #expect(
      places.sorted() == [
        SourcePlace(source: 0, offset: 7), SourcePlace(source: 0, offset: 1 << 40),
        SourcePlace(source: 0, line: 2, column: 3), SourcePlace(source: 0, line: 2, column: 9),
        SourcePlace(source: 0, sequence: 5), SourcePlace(source: 1, offset: 0),
      ])
    let cell = SourcePlace(source: 3, line: 1 << 30, column: 1 << 22)
    #expect(cell.source == 3)
    #expect(cell.kind == .lineAndColumn)
    #expect(cell.lineAndColumn == (SourcePlace.largestLine, SourcePlace.largestColumn))
    #expect(SourcePlace(source: 2, offset: 301).offset == 301)
    #expect(SourcePlace(source: 2, offset: 301).advanced(by: -1) == SourcePlace(source: 2, offset: 300))
  }

  @Test func ordinalsCountDroppedElements() {
    var map = OrdinalMap()
    for ordinal in [0, 1, 2] { map.record(ordinal: ordinal) }
    #expect((0..<3).map { map.ordinal(of: $0) } == [0, 1, 2])
    map.record(ordinal: 5)
    #expect((0..<4).map { map.ordinal(of: $0) } == [0, 1, 2, 5])
    var second = OrdinalMap()
    for ordinal in [0, 2] { second.record(ordinal: ordinal) }
    map.absorb(second, shiftedBy: 6)
    #expect(map.count == 6)
    #expect((0..<6).map { map.ordinal(of: $0) } == [0, 1, 2, 5, 6, 8])
    var dense = OrdinalMap()
    for ordinal in 0..<3 { dense.record(ordinal: ordinal) }
    var rest = OrdinalMap()
    for ordinal in 0..<2 { rest.record(ordinal: ordinal) }
    dense.absorb(rest, shiftedBy: 3)
    #expect((0..<5).map { dense.ordinal(of: $0) } == [0, 1, 2, 3, 4])
  }
}

extension SourceBytes {
  /// Three lines of bytes that outlive every test: "ab\ncdefgh\nxx…".
  static let shared = SourceBytes("ab\ncdefgh\n" + String(repeating: "x", count: 40))
}

@Suite("Collecting diagnostics from parts")
struct DiagnosticCollectorTests {
  /// Problems taken in from a part come after this collector's so far and
  /// before any added later, at one place as at any other.
  @Test func absorbedProblemsKeepTheirOrderAtOnePlace() {
    let place = SourcePlace(source: 0, offset: 4)
    var part = DiagnosticCollector(limit: 10)
    part.add(.error, .unknownPerson, at: place, path: .tie(0, .to), "from the part, first")
    part.add(.error, .unknownPerson, at: place, path: .tie(1, .to), "from the part, second")
    var whole = DiagnosticCollector(limit: 10)
    whole.add(.warning, .selfTie, at: place, path: .tie(0), "before the part")
    whole.absorb(part, shiftingTiesBy: 5)
    whole.add(.error, .unknownPerson, at: place, path: .tie(9, .from), "after the part")
    let messages = whole.finish(sources: []).map(\.message)
    #expect(messages == ["before the part", "from the part, first", "from the part, second", "after the part"])
    #expect(whole.errorCount == 3 && whole.warningCount == 1)
  }
}
