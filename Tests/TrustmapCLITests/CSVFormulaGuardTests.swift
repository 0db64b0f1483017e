import Foundation
import Testing

@testable import TrustmapCLI

/// People whose ids, names and attribute values a spreadsheet would run as
/// formulas: what a hostile survey answer could hold.
private func hostileNetwork() -> [String: Any] {
  [
    "trustmap": 1,
    "people": [
      ["id": "=cmd", "name": "=HYPERLINK(\"http://x\")", "attributes": ["team": "-ops"]],
      ["id": "+plus", "name": "@SUM(A1)", "attributes": ["team": "-ops"]],
      ["id": "ana", "name": "\tTab", "attributes": ["team": "@home"]],
      ["id": "bo", "name": "\rReturn", "attributes": ["team": "@home"]],
      ["id": "-dash", "name": "Plain", "attributes": ["team": "plain"]],
    ],
    "ties": [
      ["from": "=cmd", "to": "+plus", "strength": 0.9],
      ["from": "+plus", "to": "ana", "strength": 0.9],
      ["from": "ana", "to": "bo", "strength": 0.9],
      ["from": "bo", "to": "-dash", "strength": 0.9],
      ["from": "-dash", "to": "=cmd", "strength": 0.9],
      ["from": "ana", "to": "=cmd", "strength": 0.9],
    ],
  ]
}

@Suite("CSV formula guard: text a spreadsheet would run gets a leading quote")
struct CSVFormulaGuardTests {
  @Test func guardedIsOWASPsRuleOnTheFirstCharacterOnly() {
    #expect(CSVWriter.guarded("=1+1") == "'=1+1")
    #expect(CSVWriter.guarded("+1") == "'+1")
    #expect(CSVWriter.guarded("-1") == "'-1")
    #expect(CSVWriter.guarded("@A1") == "'@A1")
    #expect(CSVWriter.guarded("\tx") == "'\tx")
    #expect(CSVWriter.guarded("\rx") == "'\rx")
    #expect(CSVWriter.guarded("a=b") == "a=b")
    #expect(CSVWriter.guarded("") == "")
    #expect(CSVWriter.guarded("'already") == "'already")
  }

  @Test func textCellsAreGuardedButNumbersAreNot() {
    #expect(Cell.text("-ops").csv() == "'-ops")
    #expect(Cell.list(["=a", "b"]).csv() == "'=a;b")
    #expect(Cell.list(["b", "=a"]).csv() == "b;=a")
    #expect(Cell.number(-0.25, .decimals(2)).csv() == "-0.25")
    #expect(Cell.integer(-3).csv() == "-3")
    #expect(Cell.text("-ops").csv(raw: true) == "-ops")
  }

  @Test func analyseCSVGuardsIdsAndNamesAndCSVRawKeepsThem() throws {
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("hostile.json")
      try JSONSerialization.data(withJSONObject: hostileNetwork()).write(to: file)
      let guarded = trustmap("analyse", file.path, "--format", "csv")
      #expect(guarded.status == 0)
      let lines = guarded.output.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(lines[1].hasPrefix("'=cmd,\"'=HYPERLINK(\"\"http://x\"\")\","))
      #expect(lines[2].hasPrefix("'+plus,'@SUM(A1),"))
      #expect(lines[3].hasPrefix("ana,'\tTab,"))
      // A carriage return needs quotes (RFC 4180); the quote mark goes inside them.
      #expect(lines[4].hasPrefix("bo,\"'\rReturn\","))
      #expect(lines[5].hasPrefix("'-dash,Plain,"))

      let raw = trustmap("analyse", file.path, "--format", "csv", "--csv-raw")
      #expect(raw.status == 0)
      let rawLines = raw.output.split(separator: "\n", omittingEmptySubsequences: false)
      #expect(rawLines[1].hasPrefix("=cmd,\"=HYPERLINK(\"\"http://x\"\")\","))
      #expect(rawLines[2].hasPrefix("+plus,@SUM(A1),"))
      #expect(rawLines[5].hasPrefix("-dash,Plain,"))
    }
  }

  @Test func attributeValuesAndListsAreGuardedAndNegativeNumbersStayNumbers() throws {
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("hostile.json")
      try JSONSerialization.data(withJSONObject: hostileNetwork()).write(to: file)
      let brokers = trustmap("brokers", file.path, "--by", "team", "--format", "csv")
      #expect(brokers.status == 0)
      let rows = brokers.output.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
      let groups = rows.dropFirst().map { String($0[2]) }
      #expect(groups == ["'-ops", "'-ops", "'@home", "'@home", "plain"])
      // Every cell that is not text is a number as written, negative ones included.
      let numbers = rows.dropFirst().flatMap { $0.dropFirst(3) }.filter { !$0.isEmpty }
      #expect(numbers.allSatisfy { Double($0) != nil })

      let reach = trustmap("reach", file.path, "--person", "ana", "--format", "csv")
      #expect(reach.status == 0)
      // The introducers list starts with a formula-like id: the cell is guarded once.
      #expect(reach.output.contains(",'=cmd"))
      #expect(!reach.output.contains("''"))
    }
  }

  @Test func csvRawIsOfferedWhereverCSVIs() {
    for command in commandRegistry {
      let names = command.allOptions.map(\.name)
      let formats = command.allOptions.first { $0.name == "--format" }?.help ?? ""
      #expect(names.contains("--csv-raw") == formats.contains("csv"), "\(command.name)")
    }
  }
}
