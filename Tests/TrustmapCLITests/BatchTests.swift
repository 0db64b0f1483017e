import Foundation
import Testing

@testable import TrustmapCLI

/// A file that cannot be used: three errors.
private let brokenNetwork = """
  {"formatVersion":1,"people":[{"id":"x"}],"ties":[{"from":"x","to":"y","strength":2}]}
  """

@Suite("Several networks in one call")
struct BatchTests {
  @Test func textReportsEachFileUnderItsNameAndListsTheOneThatFailed() throws {
    try withTemporaryFolder { folder in
      let broken = folder.appendingPathComponent("broken.json")
      try brokenNetwork.write(to: broken, atomically: true, encoding: .utf8)
      let result = trustmap(
        "analyse", "Examples/org.json", broken.path, "Examples/quiet-team.json", "--sections",
        "summary")
      #expect(result.status == 1)
      let one = trustmap("analyse", "Examples/org.json", "--sections", "summary").output
      let two = trustmap("analyse", "Examples/quiet-team.json", "--sections", "summary").output
      // Each report exactly as alone, under its header, one blank line between.
      #expect(
        result.output
          == "== Examples/org.json\n" + one + "\n== Examples/quiet-team.json\n" + two)
      #expect(result.errors.contains("\(broken.path):1:1: error: missing required key 'trustmap'"))
      #expect(result.errors.contains("\(broken.path):1:82: error: ties[0].strength"))
      #expect(!result.errors.contains("org.json"))
    }
  }

  @Test func oneFileReportsAsItAlwaysDid() {
    let result = trustmap("analyse", "Examples/org.json", "--sections", "summary")
    #expect(result.status == 0)
    #expect(!result.output.contains("=="))
    #expect(result.output.hasPrefix("Northwind Studio"))
  }

  @Test func csvHasOneHeaderAndANetworkColumn() {
    let result = trustmap(
      "analyse", "Examples/org.json", "Examples/quiet-team.json", "--format", "csv", "--sections",
      "summary")
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n")
    #expect(lines.first == "network,id,name,strongTies,weakTies,secondDegree,component")
    #expect(lines.filter { $0.hasPrefix("network,") }.count == 1)
    #expect(lines.count == 1 + 16 + 30)
    #expect(lines.dropFirst().prefix(16).allSatisfy { $0.hasPrefix("Examples/org.json,") })
    #expect(lines.suffix(30).allSatisfy { $0.hasPrefix("Examples/quiet-team.json,") })
    #expect(lines[1] == "Examples/org.json,ceo,Morgan (CEO),1,2,4,1")
  }

  @Test func csvOfFilesWithOtherColumnsRepeatsTheHeaderAndSaysSo() {
    // One column per tribe level: org.json has three, quiet-team.json four.
    let result = trustmap(
      "analyse", "Examples/org.json", "Examples/quiet-team.json", "--format", "csv", "--sections",
      "tribes")
    #expect(result.status == 0)
    let headers = result.output.split(separator: "\n").filter { $0.hasPrefix("network,") }
    #expect(headers.count == 2)
    #expect(result.errors.contains("Examples/quiet-team.json has other CSV columns"))
  }

  @Test func jsonLinesAreOneDocumentPerFileWithItsFileFirst() throws {
    let result = trustmap(
      "tribes", "Examples/org.json", "Examples/coffee-van.json", "--format", "jsonl")
    #expect(result.status == 0)
    let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 3 && lines[2].isEmpty)
    for (line, file) in zip(lines, ["Examples/org.json", "Examples/coffee-van.json"]) {
      #expect(line.hasPrefix("{\"file\":\"\(file)\","))
      let document = try json(String(line))
      #expect(document["levels"] is [Any])
      let provenance = try #require(document["provenance"] as? [String: Any])
      #expect((provenance["input"] as? [String: Any])?["file"] as? String == file)
    }
    // One file still gets its `file` key in JSON Lines.
    let single = trustmap("tribes", "Examples/org.json", "--format", "jsonl").output
    #expect(single.hasPrefix("{\"file\":\"Examples/org.json\",\"resolution\""))
    #expect(single.hasSuffix("}\n") && single.split(separator: "\n").count == 1)
  }

  @Test func jsonOfSeveralFilesIsAnArray() throws {
    let result = trustmap("keystones", "Examples/org.json", "Examples/coffee-van.json", "--format", "json")
    #expect(result.status == 0)
    let documents = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    #expect(documents.map { $0["file"] as? String } == ["Examples/org.json", "Examples/coffee-van.json"])
    #expect(documents.allSatisfy { $0["keystones"] != nil && $0["provenance"] != nil })
  }

  @Test func aJSONArrayStaysWholeWhenAFileFails() throws {
    let result = trustmap("keystones", "Examples/org.json", "missing.json", "--format", "json")
    #expect(result.status == 1)
    let documents = try #require(
      try JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [[String: Any]])
    #expect(documents.count == 1)
    #expect(result.errors == "missing.json: error: cannot read: No such file or directory\n")
    let none = trustmap("keystones", "missing.json", "gone.json", "--format", "json")
    #expect(none.status == 1 && none.output == "[]\n")
  }

  @Test func validateListsEveryFileAndFailsIfAnyIsInvalid() throws {
    try withTemporaryFolder { folder in
      let broken = folder.appendingPathComponent("broken.json")
      try brokenNetwork.write(to: broken, atomically: true, encoding: .utf8)
      let result = trustmap("validate", "Examples/org.json", broken.path, "Examples/coffee-van.json")
      #expect(result.status == 1)
      #expect(
        result.output
          == "Examples/org.json: valid: 16 people, 22 tie records, 18 strong ties; 0 warnings\n"
          + "Examples/coffee-van.json: valid: 16 people, 20 tie records, 18 strong ties; 0 warnings\n"
      )
      #expect(result.errors.hasSuffix("\(broken.path): invalid: 3 errors, 0 warnings\n"))
      let lines = trustmap("validate", "Examples/org.json", broken.path, "--format", "jsonl")
      #expect(lines.status == 1)
      let verdicts = try lines.output.split(separator: "\n").map { try json(String($0)) }
      #expect(verdicts.map { $0["valid"] as? Bool } == [true, false])
      #expect(verdicts[1]["errors"] as? Int == 3)
    }
  }

  @Test func aSettingOneFileCannotTakeFailsThatFileOnly() {
    // org.json has a `team` attribute; quiet-team.json has none.
    let result = trustmap(
      "diversity", "Examples/org.json", "Examples/quiet-team.json", "--by", "team")
    #expect(result.status == 1)
    #expect(result.output.hasPrefix("== Examples/org.json\n"))
    #expect(!result.output.contains("quiet-team"))
    #expect(result.errors.hasPrefix("Examples/quiet-team.json: error: "))
    #expect(result.errors.contains("'team'"))
  }

  @Test func aSettingNoFileCanTakeIsAUsageError() {
    let result = trustmap(
      "diversity", "Examples/org.json", "Examples/coffee-van.json", "--by", "no-such-attribute")
    #expect(result.status == 64)
    #expect(result.errors.hasPrefix("Error: "))
    #expect(result.errors.contains("Usage: trustmap diversity"))
  }

  @Test func anOutputFileKeepsTheReportsOfTheFilesThatWorked() throws {
    try withTemporaryFolder { folder in
      let report = folder.appendingPathComponent("report.csv")
      let result = trustmap(
        "analyse", "Examples/org.json", "missing.json", "--format", "csv", "--sections", "summary",
        "--output", report.path)
      #expect(result.status == 1)
      let written = try String(contentsOf: report, encoding: .utf8)
      #expect(written.split(separator: "\n").count == 17)
      #expect(result.errors.contains("missing.json: error: cannot read"))
    }
  }

  @Test func aCommandOfOneNetworkStillRefusesTwo() {
    let result = trustmap("reach", "Examples/org.json", "Examples/org.json", "--person", "dee")
    #expect(result.status == 64)
    #expect(result.errors.hasPrefix("Error: unexpected argument 'Examples/org.json': reach reads one network file\n"))
  }
}
