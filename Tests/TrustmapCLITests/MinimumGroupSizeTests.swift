import Foundation
import Testing

@testable import TrustmapCLI

/// The words of a line: what is left when spaces, commas and brackets split it.
private func words(_ line: Substring) -> Set<String> {
  Set(line.split { " ,:()".contains($0) }.map(String.init))
}

/// The lines of `text` that name `id` as a word.
private func lines(_ text: String, naming id: String) -> [Substring] {
  text.split(separator: "\n").filter { words($0).contains(id) }
}

/// Every object in `value` (a parsed JSON document) that has `id` as the
/// value of one of its keys, besides the provenance.
private func objects(_ value: Any, naming id: String) -> [[String: Any]] {
  if let object = value as? [String: Any] {
    let own = object.values.contains { ($0 as? String) == id } ? [object] : []
    return own + object.filter { $0.key != "provenance" }.values.flatMap { objects($0, naming: id) }
  }
  if let array = value as? [Any] { return array.flatMap { objects($0, naming: id) } }
  return []
}

/// A report on Examples/org.json with `--min-group 4`, and a group it must suppress.
struct SuppressionCase: CustomTestStringConvertible, Sendable {
  var arguments: [String]
  /// The suppressed group's id.
  var group: String
  /// The key its id has in the JSON.
  var key: String
  /// Whether its CSV has a row or cell for groups (else the group is simply absent).
  var csvShowsGroups: Bool
  var testDescription: String { arguments.joined(separator: " ") + " (\(group))" }
}

@Suite("--min-group K: no figure of a group under K in any format")
struct MinimumGroupSizeTests {
  static let cases: [SuppressionCase] = [
    SuppressionCase(arguments: ["analyse", "Examples/org.json"], group: "guild", key: "community", csvShowsGroups: false),
    SuppressionCase(arguments: ["analyse", "Examples/org.json"], group: "T5", key: "id", csvShowsGroups: true),
    SuppressionCase(
      arguments: ["reach", "Examples/org.json", "--person", "dee"], group: "guild", key: "community",
      csvShowsGroups: false),
    SuppressionCase(arguments: ["joins", "Examples/org.json"], group: "guild", key: "community", csvShowsGroups: false),
    SuppressionCase(
      arguments: ["groups", "Examples/org.json", "--community", "guild"], group: "guild", key: "community",
      csvShowsGroups: true),
    SuppressionCase(
      arguments: ["diversity", "Examples/org.json", "--by", "team"], group: "exec", key: "value", csvShowsGroups: false),
    SuppressionCase(arguments: ["tribes", "Examples/org.json"], group: "T5", key: "id", csvShowsGroups: true),
    SuppressionCase(arguments: ["formal", "Examples/org.json"], group: "oz", key: "id", csvShowsGroups: true),
    SuppressionCase(
      arguments: ["cascade", "Examples/org.json", "--start", "ana"], group: "guild", key: "community",
      csvShowsGroups: false),
    SuppressionCase(arguments: ["keystones", "Examples/org.json"], group: "guild", key: "community", csvShowsGroups: false),
    SuppressionCase(
      arguments: ["diff", "Examples/org.json", "Examples/org.json"], group: "guild", key: "community",
      csvShowsGroups: true),
  ]

  @Test(arguments: cases)
  func theGroupIsOnlySuppressedInJSON(_ test: SuppressionCase) throws {
    let plain = try json(trustmap(test.arguments + ["--format", "json"]).output)
    let figures = objects(plain, naming: test.group).filter { $0.keys.contains { $0 != test.key && $0 != "id" } }
    #expect(!figures.isEmpty, "shown in full without --min-group")
    let result = trustmap(test.arguments + ["--min-group", "4", "--format", "json"])
    #expect(result.status == 0, "\(result.errors)")
    let document = try json(result.output)
    let found = objects(document, naming: test.group)
    #expect(!found.isEmpty)
    for object in found {
      #expect(object.keys.filter { $0 != "provenance" }.count == 2, "\(object)")
      #expect(object["suppressed"] as? Bool == true, "\(object)")
    }
    #expect(found.contains { $0[test.key] as? String == test.group })
    let settings = (document["provenance"] as? [String: Any])?["settings"] as? [String: Any]
    #expect(settings?["minimumGroupSize"] as? Int == 4)
  }

  @Test(arguments: cases)
  func theGroupsRowSaysSuppressedInText(_ test: SuppressionCase) throws {
    let result = trustmap(test.arguments + ["--min-group", "4"])
    #expect(result.status == 0, "\(result.errors)")
    let named = lines(result.output, naming: test.group)
    #expect(!named.isEmpty)
    for line in named where !line.contains("fewer than") {
      let tokens = line.split { " ,:()".contains($0) }
      // Wherever the group is named, "suppressed" follows; a row of its own says nothing else.
      for index in tokens.indices where tokens[index] == test.group {
        #expect(index + 1 < tokens.count && tokens[index + 1] == "suppressed", "\(line)")
      }
      if tokens.first == Substring(test.group) {
        #expect(words(line) == [test.group, "suppressed"], "\(line)")
      }
    }
  }

  @Test(arguments: cases)
  func theGroupShowsNoFigureInCSV(_ test: SuppressionCase) throws {
    let result = trustmap(test.arguments + ["--min-group", "4", "--format", "csv"])
    #expect(result.status == 0, "\(result.errors)")
    let rows = result.output.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false) }
    let plain = trustmap(test.arguments + ["--format", "csv"]).output
    if test.csvShowsGroups {
      #expect(result.output.contains("suppressed"))
    }
    // A row that names the group has nothing but "suppressed" after it.
    if test.group != "oz" {
      for row in rows {
        guard let index = row.firstIndex(of: Substring(test.group)) else { continue }
        let after = row[(index + 1)...]
        #expect(!after.isEmpty && after.allSatisfy { $0 == "suppressed" }, "\(row)")
      }
    } else {
      // oz is a person too: only the unit column must not name oz's unit.
      let unit = rows[0].firstIndex(of: "unit")!
      #expect(plain.contains(",oz,"))
      #expect(!rows.dropFirst().contains { $0[unit] == "oz" })
      #expect(rows.dropFirst().contains { $0[unit] == "suppressed" })
    }
  }

  @Test func aGroupOfExactlyKIsShown() throws {
    let text = trustmap("joins", "Examples/org.json", "--min-group", "4").output
    #expect(lines(text, naming: "leads").first.map(words) == ["leads", "4", "7", "3", "2"])
    #expect(lines(text, naming: "lisbon").first.map(words) == ["lisbon", "5", "3", "5", "3"])
    let five = trustmap("joins", "Examples/org.json", "--min-group", "5").output
    #expect(lines(five, naming: "leads").first.map(words) == ["leads", "suppressed"])
  }

  @Test func withoutTheOptionNothingIsSuppressed() throws {
    let result = trustmap("analyse", "Examples/org.json", "--format", "json")
    #expect(!result.output.contains("suppressed"))
    #expect(!result.output.contains("minimumGroupSize"))
  }

  @Test(arguments: ["0", "-1", "x", "2.5", ""])
  func aBadKIsAUsageError(_ value: String) throws {
    let result = trustmap("analyse", "Examples/org.json", "--min-group", value)
    #expect(result.status == 64)
    #expect(result.output.isEmpty)
    #expect(result.errors.hasPrefix("Error: invalid value '\(value)' for '--min-group': expected a whole number ≥ 1"))
  }

  @Test func aCommandThatCannotSuppressRefusesTheOption() throws {
    for arguments in [
      ["convert", "Examples/org.json", "-", "--min-group", "4"],
      ["brokers", "Examples/org.json", "--by", "team", "--min-group", "4"],
      ["render", "Examples/org.json", "--min-group", "4"],
    ] {
      let result = trustmap(arguments)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.errors.hasPrefix("Error: unknown option '--min-group'"), "\(result.errors)")
    }
  }
}
