import Foundation
import Testing
import TrustCore

@testable import TrustmapCLI

/// Every id and name of Examples/org.json: none may appear in pseudonymised output.
private let originalIDs = [
  "ceo", "ana", "bo", "cy", "dee", "eli", "fay", "gil", "hana", "ike", "jo", "kit", "lou", "mo",
  "nia", "oz", "leads", "guild", "lisbon",
]
private let originalNames = [
  "Morgan", "Ana", "Bo", "Cy", "Dee", "Eli", "Fay", "Gil", "Hana", "Ike", "Jo", "Kit", "Lou", "Mo",
  "Nia", "Oz", "Leadership circle", "Cross-team design guild", "Lisbon office social", "Northwind",
]

/// The words of a text (ids are made of letters, digits, `-` and `_`).
private func words(_ text: String) -> Set<String> {
  var found = Set<String>()
  var word = ""
  for character in text {
    if character.isLetter || character.isNumber || character == "_" || character == "-" {
      word.append(character)
    } else if !word.isEmpty {
      found.insert(word)
      word = ""
    }
  }
  if !word.isEmpty { found.insert(word) }
  return found
}

/// What in `text` gives away an id or a name of org.json: an id or a
/// one-word name as a word of its own, a longer name anywhere. (The site
/// attribute's value `Lisbon` is not the community id `lisbon`, and stays.)
private func leaks(_ text: String) -> [String] {
  let present = words(text)
  return (originalIDs + originalNames).filter { item in
    item.contains(" ") ? text.contains(item) : present.contains(item)
  }
}

@Suite("Pseudonymised output: shareable, stable, and still the same analysis")
struct PrivacyTests {
  let key = "wave-key-2026"

  func withKeyFile<Result>(_ body: (String) throws -> Result) throws -> Result {
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("key")
      try (key + "\n").write(to: file, atomically: true, encoding: .utf8)
      return try body(file.path)
    }
  }

  func pseudonym(_ id: String) throws -> String {
    try Pseudonymiser(key: Array(key.utf8)).pseudonym(for: id)
  }

  static let reports: [[String]] = [
    ["analyse", "Examples/org.json"],
    ["analyse", "Examples/org.json", "--community-by", "tribe"],
    ["reach", "Examples/org.json", "--person", "dee"],
    ["joins", "Examples/org.json"],
    ["groups", "Examples/org.json", "--community", "lisbon"],
    ["diversity", "Examples/org.json", "--by", "team"],
    ["tribes", "Examples/org.json"],
    ["formal", "Examples/org.json"],
    ["brokers", "Examples/org.json", "--by", "team"],
    ["cascade", "Examples/org.json", "--start", "ana,bo"],
    ["keystones", "Examples/org.json"],
    ["advise", "Examples/org.json", "--person", "nia"],
    ["advise", "Examples/org.json", "--community", "guild", "--invite", "2"],
    ["diff", "Examples/org.json", "Examples/org.json"],
  ]

  @Test(arguments: reports)
  func noIDOrNameIsLeftInAnyFormat(_ report: [String]) throws {
    try withKeyFile { keyFile in
      for format in ["text", "json", "csv"] {
        let result = trustmap(report + ["--pseudonymise", "--key-file", keyFile, "--format", format])
        #expect(result.status == 0, "\(report) \(format): \(result.errors)")
        #expect(leaks(result.output) == [], "\(report) \(format)")
        #expect(leaks(result.errors) == [], "\(report) \(format)")
        #expect(!result.output.contains(key))
      }
    }
  }

  @Test func convertWritesAShareableCopyInEveryFormat() throws {
    try withKeyFile { keyFile in
      for format in ["json", "graphml", "gexf", "node-link", "dot", "pajek", "edgelist"] {
        let results = ["graphml", "gexf", "node-link", "dot"].contains(format) ? ["--with-results"] : []
        let result = trustmap(
          ["convert", "Examples/org.json", "-", "--to", format, "--pseudonymise", "--key-file", keyFile]
            + results)
        #expect(result.status == 0, "\(format): \(result.errors)")
        #expect(leaks(result.output) == [], "\(format)")
      }
    }
  }

  @Test func theSameKeyGivesTheSamePseudonymsInEveryRunAndFormat() throws {
    try withKeyFile { keyFile in
      let dee = try pseudonym("dee")
      let text = trustmap("reach", "Examples/org.json", "--person", "dee", "--pseudonymise", "--key-file", keyFile)
      #expect(text.output.hasPrefix(dee + "\n"))
      let json = try TrustmapCLITests.json(
        trustmap(
          "reach", "Examples/org.json", "--person", "dee", "--pseudonymise", "--key-file", keyFile,
          "--format", "json"
        ).output)
      #expect(json["person"] as? String == dee)
      #expect(json["firstDegree"] as? [String] == [try pseudonym("ana"), try pseudonym("hana")])
      // The environment variable holds the same key: the same pseudonyms.
      let fromEnvironment = Environment.$overrides.withValue(["TRUSTMAP_KEY": key]) {
        trustmap("reach", "Examples/org.json", "--person", "dee", "--pseudonymise")
      }
      #expect(fromEnvironment.output == text.output)
      // The file wins over the variable.
      let both = Environment.$overrides.withValue(["TRUSTMAP_KEY": "another key"]) {
        trustmap("reach", "Examples/org.json", "--person", "dee", "--pseudonymise", "--key-file", keyFile)
      }
      #expect(both.output == text.output)
    }
  }

  @Test func aPersonMayBeNamedByIdOrByPseudonym() throws {
    try withKeyFile { keyFile in
      let byID = trustmap("reach", "Examples/org.json", "--person", "dee", "--pseudonymise", "--key-file", keyFile)
      let byPseudonym = trustmap(
        "reach", "Examples/org.json", "--person", try pseudonym("dee"), "--pseudonymise", "--key-file", keyFile)
      #expect(byID.status == 0 && byPseudonym.output == byID.output)
      let unknown = trustmap("reach", "Examples/org.json", "--person", "zed", "--pseudonymise", "--key-file", keyFile)
      #expect(unknown.status == 64)
      #expect(leaks(unknown.errors) == [])  // a suggestion names a pseudonym, never an id
    }
  }

  @Test func theAnalysisIsTheSameUnderPseudonyms() throws {
    try withKeyFile { keyFile in
      let plain = try json(trustmap("analyse", "Examples/org.json", "--format", "json").output)
      let shared = try json(
        trustmap("analyse", "Examples/org.json", "--format", "json", "--pseudonymise", "--key-file", keyFile).output)
      let figures = { (report: [String: Any]) -> [Int?] in
        let summary = report["summary"] as? [String: Any] ?? [:]
        return ["people", "strongTies", "weakTies", "reciprocatedPairs", "isolates"].map { summary[$0] as? Int }
      }
      #expect(figures(plain) == figures(shared))
      let provenance = try #require(shared["provenance"] as? [String: Any])
      let settings = try #require(provenance["settings"] as? [String: Any])
      #expect(settings["pseudonymised"] as? Bool == true)
      #expect(settings["pseudonymKey"] as? String == (try Pseudonymiser(key: Array(key.utf8))).keyFingerprint)
    }
  }

  @Test func noKeyIsAUsageErrorAndTheToolNeverMakesOneUp() {
    let result = Environment.$overrides.withValue(["TRUSTMAP_KEY": String?.none]) {
      trustmap("analyse", "Examples/org.json", "--pseudonymise")
    }
    #expect(result.status == 64)
    #expect(result.output.isEmpty)
    #expect(
      result.errors.hasPrefix(
        "Error: '--pseudonymise' needs a key: give --key-file FILE or set TRUSTMAP_KEY"))
    let empty = Environment.$overrides.withValue(["TRUSTMAP_KEY": ""]) {
      trustmap("analyse", "Examples/org.json", "--pseudonymise")
    }
    #expect(empty.status == 64 && empty.errors.hasPrefix("Error: the pseudonym key is empty\n"))
  }

  @Test func aKeyFileWithoutPseudonymsOrThatCannotBeReadIsRefused() {
    let alone = trustmap("analyse", "Examples/org.json", "--key-file", "k")
    #expect(alone.status == 64)
    #expect(alone.errors.hasPrefix("Error: '--key-file' is the key of '--pseudonymise'\n"))
    let missing = trustmap("analyse", "Examples/org.json", "--pseudonymise", "--key-file", "/no/such/key")
    #expect(missing.status == 1)
    #expect(missing.errors == "/no/such/key: error: the key file: cannot read: No such file or directory\n")
  }

  @Test func droppedAttributesAppearNowhere() throws {
    let result = trustmap(
      "convert", "Examples/org.json", "-", "--to", "json", "--drop-attributes", "team,site")
    #expect(result.status == 0)
    let network = try TrustNetwork(jsonString: result.output)
    #expect(network.attributeKeys == ["level"])
    let report = trustmap("analyse", "Examples/org.json", "--drop-attributes", "team", "--format", "json")
    let body = try #require(report.output.components(separatedBy: ",\"provenance\":").first)
    #expect(body.contains("\"site\"") && !body.contains("\"team\""))
    let provenance = try json(report.output)["provenance"] as? [String: Any]
    #expect((provenance?["settings"] as? [String: Any])?["droppedAttributes"] as? [String] == ["team"])
    let typo = trustmap("analyse", "Examples/org.json", "--drop-attributes", "tema")
    #expect(typo.status == 64)
    #expect(typo.errors.hasPrefix("Error: unknown attribute 'tema' for '--drop-attributes'\nDid you mean 'team'?\n"))
  }

  @Test func diffMatchesPeopleAcrossSnapshotsUnderTheSameKey() throws {
    try withKeyFile { keyFile in
      let result = trustmap(
        "diff", "Examples/grown-community-before.json", "Examples/grown-community.json", "--format", "json",
        "--pseudonymise", "--key-file", keyFile)
      let people = try json(result.output)["people"] as? [String: Any]
      #expect((people?["joined"] as? [String])?.first == (try pseudonym("hal")))
      #expect((people?["left"] as? [String]) == [])
    }
  }
}
