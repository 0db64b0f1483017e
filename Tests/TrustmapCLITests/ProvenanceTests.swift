import Foundation
import Testing
import TrustCore

@testable import TrustmapCLI

/// A network whose bytes are fixed here, so its digest is known:
/// `sha256sum` of exactly these 107 bytes.
private let tinyNetwork = """
  {"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}], "ties": [{"from": "a", "to": "b", "strength": 0.8}]}

  """
private let tinyDigest = "edf6c829f76a25608c7c0f2b02a08daa3448285306676018ef49d0a0b2846b49"

@Suite("Provenance: how every JSON report was made")
struct ProvenanceTests {
  func provenance(_ arguments: String...) throws -> [String: Any] {
    let result = trustmap(arguments + ["--format", "json"])
    #expect(result.status == 0, "\(result.errors)")
    return try #require(try json(result.output)["provenance"] as? [String: Any])
  }

  @Test func theInputsDigestIsSHA256OfItsBytes() throws {
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("tiny.json")
      try tinyNetwork.write(to: file, atomically: true, encoding: .utf8)
      for command in ["analyse", "validate", "tribes", "keystones"] {
        let made = try provenance(command, file.path)
        let input = try #require(made["input"] as? [String: Any])
        #expect(input["sha256"] as? String == tinyDigest)
        #expect(input["bytes"] as? Int == 107)
        #expect(input["file"] as? String == file.path)
        #expect(made["version"] as? String == TrustmapVersion.current)
      }
    }
  }

  @Test func theProvenanceIsTheLastKey() {
    let text = trustmap("reach", "Examples/org.json", "--person", "dee", "--format", "json").output
    let start = text.range(of: ",\"provenance\":{\"version\":")
    #expect(start != nil)
    #expect(start.map { text[$0.upperBound...].filter { $0 == "}" }.count } ?? 0 >= 3)
    #expect(text.hasSuffix("}}\n"))
  }

  @Test func everySettingThatShapedTheTribesIsListed() throws {
    let made = try provenance(
      "tribes", "Examples/org.json", "--seed", "4", "--resolution", "0.8", "--strong", "0.6",
      "--reciprocity", "mutual", "--context", "work")
    let settings = try #require(made["settings"] as? [String: Any])
    #expect(settings["strongTieThreshold"] as? Double == 0.6)
    #expect(settings["reciprocity"] as? String == "mutual")
    #expect(settings["contexts"] as? [String] == ["work"])
    #expect(settings["resolution"] as? Double == 0.8)
    #expect(settings["restarts"] as? Int == 10)
    #expect(settings["quality"] as? String == "modularity")
    #expect(settings["seed"] as? Int == 4)
    #expect(made["seed"] as? Int == 4)
  }

  @Test func defaultsAreWrittenOutNotLeftImplicit() throws {
    let made = try provenance("analyse", "Examples/org.json")
    let settings = try #require(made["settings"] as? [String: Any])
    // The file gives no threshold: the default applied is named.
    #expect(settings["strongTieThreshold"] as? Double == 0.5)
    #expect(settings["contexts"] as? [String] == [])
    #expect(settings["introducersNeeded"] as? Int == 1)
    #expect(settings["nearDepth"] as? Int == 1)
    #expect(settings["communities"] as? String == "file")
    #expect(
      settings["sections"] as? [String]
        == ["summary", "communities", "formal", "keystones", "diversity", "tribes"])
    #expect(made["seed"] as? Int == 1)
  }

  @Test func aCascadeNamesItsThresholdStartAndSeed() throws {
    let made = try provenance(
      "cascade", "Examples/quiet-team.json", "--start-count", "2", "--runs", "5", "--seed", "9",
      "--threshold", "0.3", "--community-by", "tribe")
    let settings = try #require(made["settings"] as? [String: Any])
    #expect(settings["threshold"] as? Double == 0.3)
    #expect(settings["startCount"] as? Int == 2)
    #expect(settings["runs"] as? Int == 5)
    #expect(settings["weighted"] as? Bool == false)
    #expect(made["seed"] as? Int == 9)
  }

  @Test func aReportWithNothingRandomHasANullSeed() throws {
    let made = try provenance("reach", "Examples/org.json", "--person", "dee")
    #expect(made["seed"] is NSNull)
    let settings = try #require(made["settings"] as? [String: Any])
    #expect(Set(settings.keys) == ["strongTieThreshold", "reciprocity", "contexts", "introducersNeeded", "communities"])
  }

  @Test func diffNamesBothInputs() throws {
    let made = try provenance(
      "diff", "Examples/grown-community-before.json", "Examples/grown-community.json")
    #expect((made["input"] as? [String: Any])?["file"] as? String == "Examples/grown-community.json")
    #expect(
      (made["previousInput"] as? [String: Any])?["file"] as? String
        == "Examples/grown-community-before.json")
  }

  @Test func textAndCSVHaveNoProvenance() {
    #expect(!trustmap("analyse", "Examples/org.json").output.contains("sha256"))
    #expect(!trustmap("analyse", "Examples/org.json", "--format", "csv").output.contains("sha256"))
  }
}
