import Foundation
import Testing
import TrustCore

@testable import TrustmapCLI

@Suite("Reports on the examples")
struct ReportTests {
  static let runs: [CommandLineCase] = [
    CommandLineCase(["validate", "Examples/org.json"], "validate-org.txt"),
    CommandLineCase(["analyse", "Examples/org.json"], "analyse-org.txt"),
    CommandLineCase(["analyse", "Examples/org.json", "--format", "json"], "analyse-org.json"),
    CommandLineCase(["analyse", "Examples/org.json", "--format", "csv"], "analyse-org.csv"),
    CommandLineCase(["analyse", "Examples/org.json", "--community-by", "team", "--reciprocity", "mutual"], "analyse-org-by-team.txt"),
    CommandLineCase(["reach", "Examples/org.json", "--person", "dee"], "reach-org-dee.txt"),
    CommandLineCase(["reach", "Examples/org.json", "--person", "dee", "--format", "json"], "reach-org-dee.json"),
    CommandLineCase(["reach", "Examples/org.json", "--person", "dee", "--format", "csv"], "reach-org-dee.csv"),
    CommandLineCase(["joins", "Examples/org.json"], "joins-org.txt"),
    CommandLineCase(["joins", "Examples/org.json", "--format", "json"], "joins-org.json"),
    CommandLineCase(["joins", "Examples/org.json", "--format", "csv", "--community", "guild"], "joins-org-guild.csv"),
    CommandLineCase(["groups", "Examples/org.json", "--community", "lisbon"], "groups-org-lisbon.txt"),
    CommandLineCase(["groups", "Examples/org.json", "--community", "lisbon", "--format", "json", "--near-depth", "2"], "groups-org-lisbon.json"),
    CommandLineCase(["groups", "Examples/org.json", "--community", "lisbon", "--format", "csv"], "groups-org-lisbon.csv"),
    CommandLineCase(["analyse", "Examples/grown-community.json"], "analyse-grown-community.txt"),
    CommandLineCase(["analyse", "Examples/coffee-van.json", "--context", "coffee"], "analyse-coffee-van.txt"),
    CommandLineCase(["analyse", "Examples/org.json", "--sections", "communities,tribes", "--format", "json"], "analyse-org-sections.json"),
    CommandLineCase(["diversity", "Examples/org.json", "--by", "team"], "diversity-org-team.txt"),
    CommandLineCase(["tribes", "Examples/org.json"], "tribes-org.txt"),
    CommandLineCase(["joins", "Examples/org.json", "--community-by", "tribe", "--format", "json"], "joins-org-by-tribe.json"),
    CommandLineCase(["groups", "Examples/org.json", "--community-by", "tribe:1", "--community", "tribe:1=L1.T1"], "groups-org-tribe-1.txt"),
    CommandLineCase(["diversity", "Examples/org.json", "--by", "tribe", "--by", "team", "--format", "csv"], "diversity-org-by-tribe.csv"),
    CommandLineCase(["tribes", "Examples/org.json", "--format", "json", "--seed", "4", "--resolution", "0.8"], "tribes-org.json"),
    CommandLineCase(["tribes", "Examples/org.json", "--format", "csv"], "tribes-org.csv"),
    CommandLineCase(
      ["tribes", "Examples/grown-community.json", "--level", "0", "--quality", "cpm", "--resolution", "0.2"], "tribes-grown-community-cpm.txt"),
    CommandLineCase(
      ["diversity", "Examples/org.json", "--by", "team", "--format", "json", "--permutations", "99", "--seed", "3"], "diversity-org-team.json"),
    CommandLineCase(["diversity", "Examples/org.json", "--format", "csv"], "diversity-org.csv"),
    CommandLineCase(["diversity", "Examples/grown-community.json", "--by", "cohort", "--by", "city"], "diversity-grown-community.txt"),
    CommandLineCase(["cascade", "Examples/quiet-team.json", "--threshold-by", "speakUp", "--start", "ada"], "cascade-quiet-ada.txt"),
    CommandLineCase(
      ["cascade", "Examples/quiet-team.json", "--threshold-by", "speakUp", "--start", "ada,bram", "--format", "json"], "cascade-quiet-ada-bram.json"),
    CommandLineCase(
      ["cascade", "Examples/quiet-team.json", "--threshold-by", "speakUp", "--start", "ada", "--format", "csv"], "cascade-quiet-ada.csv"),
    CommandLineCase(["cascade", "Examples/quiet-team.json", "--start", "ada", "--sweep"], "cascade-quiet-sweep.txt"),
    CommandLineCase(
      ["cascade", "Examples/quiet-team.json", "--threshold-by", "speakUp", "--start-count", "1", "--runs", "50", "--seed", "3", "--format", "json"],
      "cascade-quiet-runs.json"),
    CommandLineCase(["cascade", "Examples/quiet-team.json", "--threshold-by", "speakUp", "--target", "0.9"], "cascade-quiet-target.txt"),
    CommandLineCase(["diff", "Examples/grown-community-before.json", "Examples/grown-community.json"], "diff-grown.txt"),
    CommandLineCase(["diff", "Examples/grown-community-before.json", "Examples/grown-community.json", "--format", "json"], "diff-grown.json"),
    CommandLineCase(["diff", "Examples/grown-community-before.json", "Examples/grown-community.json", "--format", "csv"], "diff-grown.csv"),
    CommandLineCase(["keystones", "Examples/org.json"], "keystones-org.txt"),
    CommandLineCase(["keystones", "Examples/org.json", "--format", "json", "--community-by", "team"], "keystones-org-team.json"),
    CommandLineCase(["advise", "Examples/org.json", "--person", "oz", "--by", "team"], "advise-org-oz.txt"),
    CommandLineCase(["advise", "Examples/org.json", "--person", "nia", "--format", "json"], "advise-org-nia.json"),
    CommandLineCase(["advise", "Examples/org.json", "--community", "guild", "--invite", "3", "--by", "site"], "advise-org-guild.txt"),
    CommandLineCase(["advise", "Examples/org.json", "--community", "guild", "--invite", "2", "--format", "json"], "advise-org-guild.json"),
    CommandLineCase(["formal", "Examples/org.json"], "formal-org.txt"),
    CommandLineCase(["formal", "Examples/org.json", "--format", "json"], "formal-org.json"),
    CommandLineCase(["formal", "Examples/org.json", "--format", "csv", "--unit-depth", "2"], "formal-org.csv"),
    CommandLineCase(["brokers", "Examples/org.json", "--by", "team"], "brokers-org-team.txt"),
    CommandLineCase(["brokers", "Examples/org.json", "--by", "unit", "--format", "json"], "brokers-org-unit.json"),
    CommandLineCase(["brokers", "Examples/org.json", "--by", "tribe", "--format", "csv"], "brokers-org-tribe.csv"),
  ]

  @Test(arguments: runs)
  func golden(_ run: CommandLineCase) throws {
    let result = trustmap(run.arguments)
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.errors.isEmpty)
    try expectGolden(result.output, run.expected)
  }

  @Test func generateStreamsAValidNetwork() throws {
    let result = trustmap("generate", "--people", "300", "--ties", "2000", "--seed", "9")
    #expect(result.status == 0)
    #expect(result.errors.isEmpty)
    let object = try json(result.output)
    #expect((object["people"] as? [Any])?.count == 300)
    #expect((object["ties"] as? [Any])?.count == 2000)
    #expect(trustmap("generate", "--people", "300", "--ties", "2000", "--seed", "9").output == result.output)
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("g.json").path
      let written = trustmap("generate", "--people", "300", "--ties", "2000", "--seed", "9", "--output", file)
      #expect(written.status == 0 && written.output.isEmpty)
      let contents = try String(contentsOfFile: file, encoding: .utf8)
      #expect(contents == result.output)
      let unwritable = trustmap("generate", "--output", folder.appendingPathComponent("no/such/dir.json").path)
      #expect(unwritable.status == 74)  // a write error, as for every command
      #expect(unwritable.errors.hasPrefix("Error: cannot write"))
    }
  }

  @Test func handCheckedReachOnTheOrganisation() throws {
    // Dee trusts Ana (0.7 one way) and Hana (0.7 mutual). Through Ana: Morgan,
    // Bo, Cy and Eli; through Hana: Gil. Dee is in the Lisbon social; she
    // trusts Ana of the leadership circle; Ana and Hana both have strong ties
    // into the guild (to Bo and Gil).
    let object = try json(trustmap("reach", "Examples/org.json", "--person", "dee", "--format", "json").output)
    #expect(object["firstDegree"] as? [String] == ["ana", "hana"])
    #expect(object["secondDegree"] as? [String] == ["ceo", "bo", "cy", "eli", "gil"])
    let introducers = object["introducers"] as? [String: [String]]
    #expect(introducers?["gil"] == ["hana"])
    #expect(introducers?["eli"] == ["ana"])
    let communities = object["communities"] as? [[String: Any]] ?? []
    #expect(communities.map { $0["community"] as? String } == ["leads", "guild", "lisbon"])
    #expect(communities.map { $0["warmth"] as? String } == ["direct", "introduced", nil])
    #expect(communities.map { $0["member"] as? Bool } == [false, false, true])
    #expect(communities[1]["introducers"] as? [String] == ["ana", "hana"])
  }

  @Test func handCheckedColdJoinHasAPathToWarmth() throws {
    // Nia's only tie (0.3 to Mo) is weak: she has no path to anyone. Oz's tie
    // to Ike (0.8) is strong; Ike trusts Fay, who is in the guild.
    let object = try json(trustmap("joins", "Examples/org.json", "--format", "json").output)
    let rows = object["joins"] as? [[String: Any]] ?? []
    func row(_ person: String, _ community: String) -> [String: Any]? {
      rows.first { $0["person"] as? String == person && $0["community"] as? String == community }
    }
    #expect(row("nia", "leads")?["warmth"] as? String == "cold")
    #expect(row("nia", "leads")?["pathToWarmth"] is NSNull)
    #expect(row("oz", "guild")?["warmth"] as? String == "introduced")
    #expect(row("oz", "lisbon")?["warmth"] as? String == "cold")
    #expect(row("oz", "lisbon")?["pathToWarmth"] as? [String] == ["oz", "ike", "fay", "eli", "gil"])
  }

  @Test func densitiesKeepTheirSignificantDigits() throws {
    // 50 members and one strong tie: 1 of 1,225 pairs, 0.000816, which three
    // decimals printed as 0.001.
    try withTemporaryFolder { folder in
      let people = (0..<50).map { #"{"id": "p\#($0)", "attributes": {"team": "big"}}"# }
      let text =
        #"{"trustmap": 1, "people": ["# + people.joined(separator: ",")
        + #"], "ties": [{"from": "p0", "to": "p1"}]}"#
      let file = folder.appendingPathComponent("big.json")
      try text.write(to: file, atomically: true, encoding: .utf8)
      let result = trustmap("analyse", file.path, "--community-by", "team", "--sections", "communities")
      #expect(result.status == 0)
      #expect(result.output.contains("  team=big        50       0           0     0     0    0  0.000816        48\n"))
    }
    #expect(formatSignificant(1.0 / 3, digits: 3) == "0.333")
    #expect(formatSignificant(0.000_421_7, digits: 3) == "0.000422")
    #expect(formatSignificant(12.345, digits: 3) == "12.3")
    #expect(formatSignificant(1, digits: 3) == "1")
    #expect(formatSignificant(0, digits: 3) == "0")
    #expect(formatSignificant(nil, digits: 3) == "n/a")
    #expect(formatNumber(0.000_01, decimals: 7) == "0.00001")
    #expect(formatNumber(-2.5, decimals: 0) == "-3")
    #expect(formatNumber(-0.0001, decimals: 2) == "0")
  }

  @Test(.enabled(if: hasSharedDatasets, "needs ../shared/datasets"))
  func readsTheSharedDatasets() throws {
    for name in ["krackhardt_hightech.json", "lazega_lawfirm.json"] {
      let path = sharedFolder.appendingPathComponent("datasets/\(name)").path
      let result = trustmap("analyse", path, "--format", "json")
      #expect(result.status == 0)
      let summary = try json(result.output)["summary"] as? [String: Any]
      #expect((summary?["people"] as? Int ?? 0) > 20)
    }
  }
}

@Suite("A Swift caller and a script see the same answer")
struct SameAnswerTests {
  let analyzer: TrustAnalyzer

  init() throws {
    let path = packageRoot.appendingPathComponent("Examples/org.json").path
    analyzer = try TrustAnalyzer(try TrustNetwork(contentsOfFile: path))
  }

  /// The command line's JSON without its provenance (which a Swift caller asks for apart).
  func cli(_ arguments: String...) -> String {
    let text = trustmap(arguments + ["--format", "json"]).output
    guard let start = text.range(of: ",\"provenance\":") else { return text }
    return text[..<start.lowerBound] + "}\n"
  }

  @Test func everyAnswerIsTheCommandLinesJSON() throws {
    #expect(try analyzer.reach(of: "dee").jsonText + "\n" == cli("reach", "Examples/org.json", "--person", "dee"))
    #expect(try analyzer.joins().jsonText + "\n" == cli("joins", "Examples/org.json"))
    #expect(
      try analyzer.joins(person: "oz", communities: .attribute("team")).jsonText + "\n"
        == cli("joins", "Examples/org.json", "--person", "oz", "--community-by", "team"))
    #expect(
      try analyzer.groups(of: "lisbon", nearDepth: 2).jsonText + "\n"
        == cli("groups", "Examples/org.json", "--community", "lisbon", "--near-depth", "2"))
    #expect(
      try analyzer.diversity(by: "team", permutations: 99, seed: 3).jsonText + "\n"
        == cli("diversity", "Examples/org.json", "--by", "team", "--permutations", "99", "--seed", "3"))
    #expect(
      try analyzer.tribes(TribeSettings(resolution: 0.8, seed: 4)).jsonText + "\n"
        == cli("tribes", "Examples/org.json", "--seed", "4", "--resolution", "0.8"))
    let analyse = try json(cli("analyse", "Examples/org.json"))
    let summary = try json(analyzer.summary.jsonText)
    #expect(NSDictionary(dictionary: summary).isEqual(to: analyse["summary"] as? [String: Any] ?? [:]))
    let overview = try JSONSerialization.jsonObject(with: Data(analyzer.communityOverview().jsonText.utf8))
    #expect((overview as? NSArray)?.isEqual(to: analyse["communities"] as? [Any] ?? []) == true)
    let validation = NetworkValidation(contentsOfFile: packageRoot.appendingPathComponent("Examples/org.json").path)
    #expect(validation.isValid && validation.size?.people == 16)
  }
}
