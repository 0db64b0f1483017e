import Testing

@testable import TrustCore

/// The CSV reader: each layout people export read to the same network as
/// its JSON twin, and every bad input with its file, line and column.
@Suite("Reading CSV")
struct CSVReaderTests {
  @Test func gephiSpreadsheetLayout() throws {
    let read = try network(
      """
      Source,Target,Type,Id,Weight,Contexts
      ana,bo,Undirected,0,0.9,work
      bo,cy,Directed,1,0.5,

      """, as: .csv,
      people: "Id,Label,ReportsTo,team\r\nana,Ana,,design\r\nbo,Bo,ana,eng\r\ncy,,,\r\ndee,,,\r\n",
      communities: "Community,Name,Member\nguild,guild,ana\nguild,guild,cy\n")
    expectSameNetwork(read, try twinNetwork())
  }

  @Test func plainLayoutWithSemicolonsAndABOM() throws {
    let read = try network(
      "\u{FEFF}from;to;strength;mutual;contexts\nana;bo;0.9;true;work\nbo;cy;0.5;false;\n",
      as: .csv,
      people: "id;name;reportsTo;team\nana;Ana;;design\nbo;Bo;ana;eng\ncy;;;\ndee;;;\n",
      communities: "community;member\nguild;ana\nguild;cy\n")
    expectSameNetwork(read, try twinNetwork())
  }

  @Test func kumuLayoutWithTabsAndSeveralValuesInACell() throws {
    // Kumu names elements by Label, and a connection's Type is its kind (a context).
    let read = try network(
      "From\tTo\tType\tStrength\nana\tbo\tUndirected|work\t0.9\nbo\tcy\t\t0.5\n", as: .csv,
      people: "Label\tTeam\nana\tdesign|research\nbo\t\ncy\t\ndee\t\n")
    #expect(
      read.allTies == [
        Tie(from: "ana", to: "bo", strength: 0.9, mutual: true, contexts: ["work"]),
        Tie(from: "bo", to: "cy", strength: 0.5, mutual: false, contexts: []),
      ])
    #expect(read.allPeople.map(\.id) == ["ana", "bo", "cy", "dee"])
    #expect(read.allPeople[0].attributes == ["Team": "design|research"])
    #expect(read.allPeople[0].name == "ana")
  }

  @Test func polinodeNamesPeopleByName() throws {
    let read = try network(
      "Source,Target,Weight\nana,bo,0.9\nana,bo,0.9\n", as: .csv,
      people: "Name,Department\nana,design\nbo,eng\n")
    #expect(read.personIDs == ["ana", "bo"])
    #expect(read.allPeople[1].attributes == ["Department": "eng"])
    #expect(read.ties.count == 2)
  }

  /// Viva's person-to-person query: the people are the collaborators, with
  /// their `PrimaryCollaborator_` and `SecondaryCollaborator_` cells as attributes.
  @Test func vivaPersonToPersonQuery() throws {
    let read = try network(
      """
      PrimaryCollaborator_PersonId,SecondaryCollaborator_PersonId,PrimaryCollaborator_Organization,SecondaryCollaborator_Organization,StrongTieScore
      p1,p2,Sales,Design,0.8
      p2,p3,Design,Ops,0.4
      p1,p3,Sales,Ops,1

      """, as: .csv)
    #expect(read.personIDs == ["p1", "p2", "p3"])
    #expect(read.allPeople.map { $0.attributes["Organization"] } == ["Sales", "Design", "Ops"])
    #expect(read.ties.strength == [0.8, 0.4, 1])
    #expect(read.warnings.isEmpty)
  }

  @Test func stringTieScoreAliasAndQuotedIds() throws {
    let read = try network(
      "Ego,Alter,Strong_tie_score\n\"a \"\"x\"\"\",\"b,c\",0.25\n", as: .csv)
    #expect(read.personIDs == ["a \"x\"", "b,c"])
    #expect(read.allTies[0].strength == 0.25)
  }

  @Test func weightsAreScaledOrNegativeOnesDropped() throws {
    let ratings = "from,to,weight\nana,bo,10\nbo,cy,-3\ncy,ana,2.5\n"
    #expect(
      problems(ratings, as: .csv) == [
        "in:2:8: error: ties[0].strength: a strength must be from 0 to 1, not 10 (--scale-weights maps weights to w / max w)",
        "in:3:7: error: ties[1].strength: a strength must be from 0 to 1, not -3 (a negative weight, distrust: --drop-negative leaves such ties out)",
        "in:4:8: error: ties[2].strength: a strength must be from 0 to 1, not 2.5 (--scale-weights maps weights to w / max w)",
      ])
    let read = try network(
      ratings, as: .csv, options: ReadOptions(scalesWeights: true, dropsNegativeWeights: true))
    #expect(read.ties.strength == [1, 0.25])
    #expect(read.weightAdjustments == WeightAdjustments(largestWeight: 10, droppedNegative: 1))
    #expect(read.personIDs == ["ana", "bo", "cy"])
    let unscaled = try network("from,to,weight\na,b,0.5\n", as: .csv)
    #expect(unscaled.weightAdjustments.isEmpty)
  }

  @Test func missingColumnsAreReportedAtTheHeader() {
    #expect(
      problems("source,weight\nana,1\n", as: .csv) == [
        "in:1:1: error: the ties file has no 'to' (or target, alter, secondarycollaborator_personid) column; its header is 'source', 'weight'"
      ])
    #expect(
      problems("from,to\na,b\n", as: .csv, people: "team\nx\n") == [
        "people.csv:1:1: error: the people file has no 'id' (or personid, person_id, label) column; its header is 'team'"
      ])
    #expect(
      problems("from,to\na,b\n", as: .csv, communities: "community,name\ng,G\n") == [
        "communities.csv:1:1: error: the communities file has no 'member' (or memberid, member_id, person) column; its header is 'community', 'name'"
      ])
    #expect(problems("", as: .csv) == ["in:1:1: error: the ties file is empty; expected a header row such as from,to,strength"])
  }

  @Test func aColumnNamedTwiceIsADuplicateKey() {
    #expect(
      problems("from,source,to\na,a,b\n", as: .csv) == [
        "in:1:6: error: the header names the column 'from' twice: 'from' and 'source'"
      ])
  }

  @Test func unknownPeopleAndDuplicateIdsEachAtTheirOwnFile() {
    let found = problems(
      "from,to\nana,bo\nana,zed\n", as: .csv, people: "id,manager\nana,\nbo,anna\nana,\n",
      communities: "Community,Member\ng,bo\ng,zoe\n")
    #expect(
      found == [
        "in:3:5: error: ties[1].to: tie to unknown person 'zed'",
        "people.csv:3:4: error: people[1].reportsTo: reports to unknown person 'anna'; did you mean 'ana'?",
        "people.csv:4:1: error: people[2].id: duplicate person id 'ana' (first used by people[0])",
        "communities.csv:3:3: error: communities[0].members: member unknown person 'zoe'",
      ])
  }

  @Test func badCellsAreReportedWhereTheyAre() {
    #expect(
      problems("from,to,strength,mutual\nana,,x,maybe\n,bo,,\nana,bo\n", as: .csv) == [
        "in:2:5: error: ties[0].to: the cell of whom they trust is empty",
        "in:2:6: error: ties[0].strength: expected a number from 0 to 1, found 'x'",
        "in:2:8: error: ties[0].mutual: expected true or false, found 'maybe'",
        "in:3:1: error: ties[1].from: the cell of who trusts is empty",
      ])
    #expect(
      problems("from,to,extra\na,b,1\n", as: .csv) == [
        "in:1:9: warning: the column 'extra' is not read; a ties file's columns are from, to, strength, mutual, type and contexts"
      ])
    #expect(problems("from,to\na\n", as: .csv) == ["in:2:1: error: ties[0]: this record has 1 field; it needs at least 2"])
  }

  @Test func syntaxErrorsStopTheReadAtTheirPlace() {
    #expect(problems("from,to\n\"ana,bo\n", as: .csv) == ["in:2:1: error: unclosed quote: the field runs to the end of the file"])
    #expect(
      problems("from,to\na,b,c\n", as: .csv) == ["in:2:4: error: this record has 3 fields, 1 more than the header's 2"])
    #expect(
      problems("from,to\na,b\n", as: .csv, people: "id\n\"x\"y\n") == [
        "people.csv:2:4: error: unexpected 'y' after a quoted field; expected the delimiter ',' or the end of the line"
      ])
  }

  @Test func controlCharactersAreTextInsideQuotes() throws {
    let read = try network("from,to\na,b\n", as: .csv, people: "id,name\na,\"bell\u{7}\"\nb,\n")
    #expect(read.allPeople.map(\.name) == ["bell\u{7}", "b"])
    #expect(problems("from,to\na\u{7},b\n", as: .csv) == ["in:2:2: error: control character U+0007 in a field (binary data?)"])
  }
}

@Suite("Weights read from text")
struct WeightTextTests {
  func short(_ text: String) -> Double? {
    Array(text.utf8).withUnsafeBufferPointer { parseShortDecimal($0) }
  }

  func decimal(_ text: String) -> Double? {
    Array(text.utf8).withUnsafeBufferPointer { parseDecimal($0) }
  }

  /// The short path gives exactly what `Double` parses, bit for bit, on
  /// seeded random decimals of every length it takes, and leaves every
  /// other spelling to the general path.
  @Test func theShortPathIsExact() {
    var random = SeededRandom(seed: 14)
    for _ in 0..<20_000 {
      let digits = 1 + random.below(15)
      var text = String(random.below(9) + 1)
      for _ in 1..<digits { text += String(random.below(10)) }
      let point = random.below(digits + 1)
      if point > 0 && point < digits {
        text.insert(".", at: text.index(text.startIndex, offsetBy: point))
      }
      #expect(short(text) == Double(text), "\(text)")
      let fraction = "0." + text.filter { $0 != "." }
      #expect(short(fraction) == Double(fraction) || fraction.count > 16, "\(fraction)")
    }
    for text in ["0", "0.5", "0.85", "1", "12.5", "0.000000000001", "123456789012345"] {
      #expect(short(text) == Double(text), "\(text)")
    }
    for text in ["", ".5", "5.", "-0.5", "+1", "1e3", "00", "01", "00.5", "1.2.3", "1234567890123456", "0.1234567890123456", " 1", "1 ", "inf"] {
      #expect(short(text) == nil, "\(text)")
    }
    // The general path still takes what the short one leaves.
    #expect(decimal("1e3") == 1000 && decimal("-0.5") == -0.5 && decimal(".5") == 0.5)
    #expect(decimal("0.1234567890123456") == 0.1234567890123456 && decimal("inf") == nil)
  }
}
