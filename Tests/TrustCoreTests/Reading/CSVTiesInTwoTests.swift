import Testing

@testable import TrustCore

/// A long CSV ties file with a people file is read in two parts on two
/// threads, split at a guessed line end: every file must read exactly as
/// in one pass, whichever way the guess falls (on a record's end, inside a
/// quoted cell, on an empty line) and whatever is wrong in either part.
@Suite("Reading a CSV ties file in two parts")
struct CSVTiesInTwoTests {
  static let people = "id,name,team\n" + (0..<20).map { "p\($0),P \($0),t\($0 % 3)" }.joined(separator: "\n")

  /// Reads `ties` (with the people file) in one pass and in two parts, and
  /// expects the same network, adjustments and warnings, or the same problems.
  func expectSameReading(
    _ ties: String, people: String = CSVTiesInTwoTests.people, options: ReadOptions = ReadOptions(),
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let onePass = readFormat(ties, as: .csv, people: people, options: options, parallelMinimumBytes: .max)
    let inTwo = readFormat(ties, as: .csv, people: people, options: options, parallelMinimumBytes: 0)
    expectSameResult(onePass, inTwo, sourceLocation: sourceLocation)
    if case .success(let one) = onePass, case .success(let two) = inTwo {
      #expect(one.weightAdjustments == two.weightAdjustments, sourceLocation: sourceLocation)
      #expect(one.ties.count == two.ties.count, sourceLocation: sourceLocation)
      #expect(one.people.map(\.id) == two.people.map(\.id), sourceLocation: sourceLocation)
      #expect(one.people.map(\.reportsTo) == two.people.map(\.reportsTo), sourceLocation: sourceLocation)
      #expect(one.warningCount == two.warningCount, sourceLocation: sourceLocation)
    }
  }

  /// A small diagnostic limit keeps the first problems in file order, and
  /// counts the rest, across the split.
  @Test(arguments: [1, 2, 3, 5])
  func diagnosticLimits(limit: Int) {
    var options = ReadOptions()
    options.diagnosticLimit = limit
    expectSameReading(ties(200) { $0 % 17 == 3 ? "p1,zed\($0),2,c" : $0 % 23 == 0 ? "p2,p2,0.5,c" : nil }, options: options)
    expectSameReading(ties(200) { $0 % 40 == 0 ? "p3,p3,0.5,c" : nil }, options: options)
  }

  /// People with managers (references resolved after the ties), a
  /// byte-order mark, and the other delimiters.
  @Test func managersMarksAndDelimiters() {
    let people = "id,name,reportsTo\np0,P,\n" + (1..<20).map { "p\($0),P,p\($0 / 3)" }.joined(separator: "\n")
    expectSameReading(ties(150), people: people)
    expectSameReading("\u{FEFF}" + ties(150), people: "\u{FEFF}" + people)
    expectSameReading(ties(150).replacingOccurrences(of: ",", with: ";"), people: people)
    expectSameReading(
      ties(150).replacingOccurrences(of: ",", with: "\t"), people: people.replacingOccurrences(of: ",", with: "\t"))
  }

  /// The reservation for the records is estimated from non-empty lines and
  /// bounded by the bytes: a file that opens with empty lines reserves
  /// nothing near a record per byte.
  @Test func estimatedRecordsAreBounded() {
    func estimate(_ text: String) -> Int {
      Array(text.utf8).withUnsafeBufferPointer { CSVNetworkReader.estimatedRecords(in: $0, from: 0) }
    }
    let records = String(repeating: "p1,p2,0.5\n", count: 1000)
    #expect(estimate(records) == 1000 + 1000 / 8 + 64)
    #expect(estimate(String(repeating: "\n", count: 70_000) + records) <= 1 + 1)
    #expect(estimate(String(repeating: "\r\n", count: 40_000) + records) <= 2)
    #expect(estimate(String(repeating: "\n\na,b\n", count: 10_000)) <= 60_000 / 4 + 60_000 / 32 + 64)
    #expect(estimate("") == 1)
  }

  /// `count` tie records, the `index`th given by `record` when it returns one.
  func ties(
    _ count: Int, header: String = "from,to,strength,contexts", record: (Int) -> String? = { _ in nil }
  ) -> String {
    header + "\n"
      + (0..<count).map { index in
        record(index) ?? "p\(index % 20),p\((index * 7 + 1) % 20),0.\(index % 9 + 1),c\(index % 4)"
      }.joined(separator: "\n") + "\n"
  }

  @Test func plainRecordsReadAsInOnePass() throws {
    let text = ties(200)
    expectSameReading(text)
    let network = try #require(try? readFormat(text, as: .csv, people: Self.people, parallelMinimumBytes: 0).get())
    #expect(network.ties.count == 200)
    #expect(network.ties.strength[199] == 0.2)
    #expect(network.contexts == ["c0", "c1", "c2", "c3"])
  }

  /// Contexts first named in the second part, and a context only that part
  /// names: the parts' context numbers are put together in first-use order.
  @Test func contextsNamedInEitherPart() {
    expectSameReading(ties(120) { $0 < 100 ? "p1,p2,0.5,early" : "p3,p4,0.5,late;early;\($0 % 2 == 0 ? "even" : "odd")" })
    expectSameReading(ties(120) { $0 % 50 == 0 ? "p1,p2,0.5,\"a;b\"" : "p1,p2,0.5," })
  }

  /// Cells with line feeds inside quotes, so that the guessed split may lie
  /// inside a cell (then the file is read again in one pass) or not.
  @Test(arguments: 0..<12)
  func lineFeedsInsideQuotes(padding: Int) {
    let pad = String(repeating: "x", count: padding)
    expectSameReading(ties(80) { "p\($0 % 20),p\(($0 + 3) % 20),0.5,\"\(pad)\nline\($0)\"" })
    expectSameReading(ties(80) { $0 % 2 == 0 ? "p1,p2,0.5,\"\(pad)\n\n\"" : "p2,p3,,c" })
  }

  /// Ids with doubled quotes are staged, in both parts.
  @Test func stagedIdsInBothParts() {
    let people = "id\n" + (0..<6).map { "\"q\"\"\($0)\"" }.joined(separator: "\n") + "\np0\np1"
    expectSameReading(ties(90, header: "from,to") { "\"q\"\"\($0 % 6)\",\($0 % 3 == 0 ? "p1" : "\"q\"\"\(($0 + 1) % 6)\"")" }, people: people)
  }

  @Test func emptyLinesAndCRLF() {
    expectSameReading(ties(100) { $0 % 7 == 0 ? "\np1,p2,0.5," : nil })
    expectSameReading(ties(100).replacingOccurrences(of: "\n", with: "\r\n"))
    expectSameReading(ties(100) + "\n\n\n")
  }

  /// Problems anywhere: each at its place and in the order of one pass,
  /// ties numbered across the split.
  @Test(arguments: [3, 50, 95, 140, 197])
  func problemsInEitherPart(position: Int) {
    let cases: [String] = [
      "p1,nobody,0.5,c",  // an unknown person
      "p1,p2,1.5,c",  // a weight out of range
      "p1,p2,x,c",  // not a number
      "p1",  // a short record
      ",p2,0.5,c",  // an empty end
      "p1,p1,0.5,c",  // a self tie (a warning)
      "p1,p2,0.5,c,extra",  // too many fields: stops the read
      "p1,p2,0.5,\"open",  // an unclosed quote: stops the read
      "p1,p2,0.5,a\"b",  // a quote inside an unquoted cell
    ]
    for replacement in cases {
      expectSameReading(ties(200) { $0 == position ? replacement : nil })
    }
    // One in each part at once.
    expectSameReading(ties(200) { $0 == 10 || $0 == position ? "p1,zed,2,c" : nil })
    expectSameReading(ties(200) { $0 == 10 ? "p1,p2,0.5,\"open" : $0 == position ? "p1,zed,0.5,c" : nil })
  }

  /// The largest weight and the dropped negative ones are counted across both parts.
  @Test func weightRulesAcrossParts() {
    var options = ReadOptions()
    options.scalesWeights = true
    options.dropsNegativeWeights = true
    for position in [5, 100, 190] {
      expectSameReading(ties(200) { $0 == position ? "p1,p2,40,c" : $0 % 33 == 0 ? "p3,p4,-2,c" : nil }, options: options)
    }
  }

  /// A Gephi layout with a `Type` column, mutual ties, and a header with
  /// a column that is not read (warned of once).
  @Test func gephiLayout() {
    expectSameReading(
      ties(150, header: "Source,Target,Type,Id,Weight,Label") {
        "p\($0 % 20),p\(($0 + 5) % 20),\($0 % 3 == 0 ? "Undirected" : "Directed"),\($0),0.5,x"
      })
  }

  /// The split is guessed before the people are read: a broken people
  /// file or a broken ties header reads as in one pass.
  @Test func brokenPeopleOrHeader() {
    let text = ties(100)
    expectSameReading(text, people: "name\nx")
    expectSameReading(text, people: "id,name\np1,\"open\np2,b")
    expectSameReading(text, people: "id\np1\np1\np2")
    expectSameReading("to,strength\n" + text, people: Self.people)
    expectSameReading("from,to,\"bad\n" + text)
    expectSameReading("from,to\n")
    expectSameReading("")
  }

  @Test(arguments: 1...6 as ClosedRange<UInt64>)
  func randomFiles(seed: UInt64) {
    var random = SeededRandom(seed: seed)
    let count = 50 + random.below(300)
    let text = ties(count) { _ in
      let from = random.below(22)
      let to = random.below(22)
      let strength = random.below(12)
      let quoted = random.below(5) == 0
      return "p\(from),p\(to),\(strength == 11 ? "" : "0.\(strength)"),\(quoted ? "\"c\n\(to)\"" : "c\(to % 3)")"
    }
    expectSameReading(text)
  }
}
