import Foundation
import Testing

@testable import TrustmapCLI

@Suite("Invalid input: exit 1, with every problem's place")
struct InputErrorTests {
  @Test(arguments: ["validate", "analyse"])
  func aSyntaxErrorNamesItsPlace(command: String) throws {
    try withTemporaryFolder { folder in
      let bad = folder.appendingPathComponent("bad.json")
      try """
      {
        "trustmap": 1,
        "people": [{"id": "ana"}, {"id": "bo"}],
        "ties": [{"from" "ana", "to": "bo"}]
      }
      """.write(to: bad, atomically: true, encoding: .utf8)
      let result = trustmap(command, bad.path)
      #expect(result.status == 1)
      #expect(result.output.isEmpty)
      #expect(result.errors.hasPrefix("\(bad.path):4:20: error: unexpected '\"'; expected ':' after the key\n"))
    }
  }

  @Test func unreadableInputs() throws {
    try withTemporaryFolder { folder in
      let missing = trustmap("analyse", folder.appendingPathComponent("none.json").path)
      #expect(missing.status == 1)
      #expect(missing.errors.contains("cannot read: No such file or directory"))
      let directory = trustmap("validate", folder.path)
      #expect(directory.status == 1)
      #expect(directory.errors.contains("is a directory"))
    }
  }

  @Test func validateListsEveryProblemAndCaps() throws {
    try withTemporaryFolder { folder in
      var text = "{\"trustmap\": 1, \"people\": [{\"id\": \"a\"}], \"ties\": [\n"
      text += (0..<10_000).map { "{\"from\": \"a\", \"to\": \"x\($0)\"}" }.joined(separator: ",\n")
      text += "]}\n"
      let file = folder.appendingPathComponent("many.json")
      try text.write(to: file, atomically: true, encoding: .utf8)
      let result = trustmap("validate", file.path)
      #expect(result.status == 1)
      let lines = result.errors.split(separator: "\n")
      #expect(lines.count == 102)
      #expect(lines[0] == "\(file.path):2:21: error: ties[0].to: tie to unknown person 'x0'")
      #expect(lines[99] == "\(file.path):101:21: error: ties[99].to: tie to unknown person 'x99'")
      #expect(lines[100] == "… and 9900 more problems not listed")
      #expect(lines[101] == "\(file.path): invalid: 10000 errors, 0 warnings")
      let json = try json(trustmap("validate", file.path, "--format", "json").output)
      #expect(json["errors"] as? Int == 10_000)
      #expect((json["problems"] as? [Any])?.count == 100)
      #expect(json["unlisted"] as? Int == 9_900)
    }
  }

  /// A file of 4,000 self-ties: 4,000 warnings and no error.
  func selfTies(in folder: URL, errors: Int = 0) throws -> URL {
    var ties = (0..<4_000).map { _ in #"{"from": "a", "to": "a"}"# }
    ties += (0..<errors).map { #"{"from": "a", "to": "nobody\#($0)"}"# }
    let text =
      #"{"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}], "ties": [{"from": "a", "to": "b"},"#
      + "\n" + ties.joined(separator: ",\n") + "]}\n"
    let file = folder.appendingPathComponent("self-ties.json")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file
  }

  @Test func warningsAreCountedInFull() throws {
    try withTemporaryFolder { folder in
      let file = try selfTies(in: folder)
      let result = trustmap("validate", file.path)
      #expect(result.status == 0)
      let lines = result.output.split(separator: "\n")
      #expect(lines.count == 102)
      #expect(lines[0] == "\(file.path):2:10: warning: ties[1]: a tie from 'a' to themselves is ignored")
      #expect(lines[100] == "… and 3900 more problems not listed")
      #expect(lines[101] == "\(file.path): valid: 2 people, 4001 tie records, 1 strong ties; 4000 warnings")
      let object = try json(trustmap("validate", file.path, "--format", "json").output)
      #expect(object["warnings"] as? Int == 4_000)
      #expect(object["unlisted"] as? Int == 3_900)
      let note = trustmap("analyse", file.path, "--sections", "summary")
      #expect(note.status == 0)
      #expect(note.errors == "trustmap: 4000 warnings in \(file.path); run 'trustmap validate \(file.path)' to see them\n")
      #expect(trustmap("analyse", file.path, "--quiet").errors.isEmpty)
    }
  }

  @Test func errorsAndWarningsAreBothCounted() throws {
    try withTemporaryFolder { folder in
      let file = try selfTies(in: folder, errors: 3)
      let result = trustmap("validate", file.path)
      #expect(result.status == 1)
      #expect(result.errors.hasSuffix("\(file.path): invalid: 3 errors, 4000 warnings\n"))
      #expect(result.errors.contains("… and 3903 more problems not listed\n"))
    }
  }

  @Test(arguments: [["formal"], ["brokers", "--by", "unit"]])
  func theFormalStructureNeedsReportsTo(command: [String]) throws {
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("flat.json")
      try #"{"trustmap": 1, "people": [{"id": "a", "attributes": {"unit": "x"}}, {"id": "b"}]}"#
        .write(to: file, atomically: true, encoding: .utf8)
      let arguments = [command[0], file.path] + command.dropFirst()
      let result = trustmap(arguments)
      #expect(result.status == (command.count == 1 ? 1 : 0))
      if command.count == 1 {
        #expect(result.output.isEmpty)
        #expect(result.errors == "\(file.path): error: no reports-to links: formal needs people's reportsTo\n")
      }
      // An attribute called unit wins over the formal units.
      let none = folder.appendingPathComponent("none.json")
      try #"{"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}]}"#
        .write(to: none, atomically: true, encoding: .utf8)
      let brokers = trustmap("brokers", none.path, "--by", "unit")
      #expect(brokers.status == 1)
      #expect(brokers.errors == "\(none.path): error: no reports-to links: formal needs people's reportsTo\n")
    }
  }

  @Test func aThresholdThatIsNotANumberIsAnInputError() throws {
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("bad.json")
      try #"""
      {"trustmap": 1, "people": [{"id": "a", "attributes": {"phi": "0.5"}},
        {"id": "b", "attributes": {"phi": "lots"}}], "ties": [{"from": "a", "to": "b"}]}
      """#.write(to: file, atomically: true, encoding: .utf8)
      let result = trustmap("cascade", file.path, "--threshold-by", "phi", "--start", "a")
      #expect(result.status == 1)
      #expect(result.output.isEmpty)
      #expect(
        result.errors
          == "\(file.path): error: people[1].attributes.phi: a threshold must be a number from 0 "
          + "to 1, not 'lots'\n")
      try #"{"trustmap": 1, "people": [{"id": "a", "attributes": {"phi": 1.5}}]}"#
        .write(to: file, atomically: true, encoding: .utf8)
      let high = trustmap("cascade", file.path, "--threshold-by", "phi")
      #expect(high.status == 1)
      #expect(high.errors.hasSuffix("people[0].attributes.phi: a threshold must be a number from 0 to 1, not '1.5'\n"))
    }
  }

  @Test func diffListsBothFilesProblems() throws {
    try withTemporaryFolder { folder in
      let first = folder.appendingPathComponent("old.json")
      let second = folder.appendingPathComponent("new.json")
      try #"{"trustmap": 1, "people": [{"id": "a"}], "ties": [{"from": "a", "to": "zed"}]}"#
        .write(to: first, atomically: true, encoding: .utf8)
      try #"{"trustmap": 2, "people": [{"id": "a"}]}"#.write(to: second, atomically: true, encoding: .utf8)
      let result = trustmap("diff", first.path, second.path)
      #expect(result.status == 1)
      #expect(result.output.isEmpty)
      #expect(
        result.errors
          == "\(first.path):1:71: error: ties[0].to: tie to unknown person 'zed'\n"
          + "\(second.path):1:14: error: trustmap: unsupported format version 2; this trustmap "
          + "reads version 1\n")
    }
  }
}
