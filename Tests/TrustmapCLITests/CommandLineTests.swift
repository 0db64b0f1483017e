import Foundation
import Testing

@testable import TrustmapCLI

@Suite("The command line")
struct CommandLineTests {
  @Test func helpAndVersion() throws {
    for arguments in [["--help"], ["-h"], ["help"], []] {
      let result = trustmap(arguments)
      #expect(result.status == 0)
      #expect(result.errors.isEmpty)
      try expectGolden(result.output, "help.txt")
    }
    let version = trustmap("--version")
    #expect(version.status == 0)
    #expect(version.output == "0.1.0\n")
    for command in commands.map(\.name) {
      let help = trustmap("help", command)
      #expect(help.status == 0)
      #expect(help.output.hasPrefix("OVERVIEW: "))
      #expect(help.output.contains("USAGE: trustmap \(command)"))
      #expect(trustmap(command, "--help").output == help.output)
    }
    try expectGolden(trustmap("help", "joins").output, "help-joins.txt")
  }

  @Test func usageErrors() {
    let cases: [([String], String)] = [
      (["analse", "Examples/org.json"], "Error: unknown command 'analse'\nDid you mean 'analyse'?\n"),
      (["analyse", "Examples/org.json", "--formt", "json"], "Error: unknown option '--formt' for 'analyse'\nDid you mean '--format'?\n"),
      (["analyse"], "Error: missing network file (a path, or - for standard input)\n"),
      (["analyse", "Examples/org.json", "--format", "xml"], "Error: invalid format 'xml' for 'analyse'; expected text, json, csv\n"),
      (["analyse", "Examples/org.json", "--strong", "2"], "Error: invalid value '2' for '--strong': expected a number from 0 to 1\n"),
      (
        ["analyse", "Examples/org.json", "--reciprocity", "mutal"],
        "Error: invalid value 'mutal' for '--reciprocity': expected any or mutual\nDid you mean 'mutual'?\n"
      ),
      (
        ["analyse", "Examples/org.json", "--context", "frendship"],
        "Error: unknown context 'frendship' (the network's contexts: 'work', 'friendship')\nDid you mean '--context friendship'?\n"
      ),
      (["reach", "Examples/org.json", "--person", "anna"], "Error: unknown person 'anna'; the closest id is 'ana'\nDid you mean '--person ana'?\n"),
      (["reach", "Examples/org.json"], "Error: missing '--person <id>'\n"),
      (
        ["groups", "Examples/org.json", "--community", "lead"],
        "Error: unknown community 'lead'; the closest id is 'leads'\nDid you mean '--community leads'?\n"
      ),
      (
        ["joins", "Examples/org.json", "--community-by", "teem"],
        "Error: unknown attribute 'teem' for '--community-by' (the network's attributes: team, site, level, tribe)\nDid you mean 'team'?\n"
      ),
      (["joins", "Examples/org.json", "--introducers", "0"], "Error: invalid value '0' for '--introducers': expected a whole number ≥ 1\n"),
      (
        ["diversity", "Examples/org.json", "--by", "tem"],
        "Error: unknown attribute 'tem' for '--by' (the network's attributes: team, site, level, tribe)\nDid you mean '--by team'?\n"
      ),
      (["diversity", "Examples/org.json", "--seed", "-1"], "Error: invalid value '-1' for '--seed': expected a whole number ≥ 0\n"),
      (["tribes", "Examples/org.json", "--level", "9"], "Error: no level 9: this network has levels 0 to 2\n"),
      (["tribes", "Examples/org.json", "--resolution", "0"], "Error: invalid value '0' for '--resolution': expected a number above 0\n"),
      (
        ["tribes", "Examples/org.json", "--quality", "cmp"],
        "Error: invalid value 'cmp' for '--quality': expected modularity or cpm\nDid you mean 'cpm'?\n"
      ),
      (["generate", "x.json"], "Error: unexpected argument 'x.json': generate reads no network file\n"),
      (["generate", "--people", "-3"], "Error: invalid value '-3' for '--people': expected a whole number ≥ 0\n"),
      (
        ["analyse", "Examples/org.json", "--sections", "sumary"],
        "Error: unknown section 'sumary' for '--sections'; expected summary, communities, diversity, tribes\nDid you mean 'summary'?\n"
      ),
      (
        ["joins", "Examples/org.json", "--community-by", "tribe:9"],
        "Error: no tribe level '9' for '--community-by': this network has levels 0 to 2\n"
      ),
      (["validate", "a.json", "b.json"], "Error: unexpected argument 'b.json': validate reads one network file\n"),
      (["analyse", "Examples/org.json", "--strong", "0.5", "--strong", "0.6"], "Error: option '--strong' given more than once\n"),
    ]
    for (arguments, start) in cases {
      let result = trustmap(arguments)
      #expect(result.status == 64, "\(arguments)")
      #expect(result.output.isEmpty)
      #expect(result.errors.hasPrefix(start), "\(arguments): \(result.errors)")
      #expect(result.errors.contains("Usage: trustmap"))
      #expect(result.errors.contains("--help' for"))
    }
  }

  @Test func invalidInputExitsOne() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trustmap-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let bad = folder.appendingPathComponent("bad.json")
    try """
    {
      "trustmap": 1,
      "people": [{"id": "ana"}, {"id": "bo"}],
      "ties": [{"from" "ana", "to": "bo"}]
    }
    """.write(to: bad, atomically: true, encoding: .utf8)
    for command in ["validate", "analyse"] {
      let result = trustmap(command, bad.path)
      #expect(result.status == 1)
      #expect(result.output.isEmpty)
      #expect(result.errors.hasPrefix("\(bad.path):4:20: error: unexpected '\"'; expected ':' after the key\n"))
    }
    let missing = trustmap("analyse", folder.appendingPathComponent("none.json").path)
    #expect(missing.status == 1)
    #expect(missing.errors.contains("cannot read: No such file or directory"))
    let directory = trustmap("validate", folder.path)
    #expect(directory.status == 1)
    #expect(directory.errors.contains("is a directory"))
  }

  @Test func validateListsEveryProblemAndCaps() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trustmap-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
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
  }

  @Test func goldenReportsOnTheExamples() throws {
    let runs: [([String], String)] = [
      (["validate", "Examples/org.json"], "validate-org.txt"),
      (["analyse", "Examples/org.json"], "analyse-org.txt"),
      (["analyse", "Examples/org.json", "--format", "json"], "analyse-org.json"),
      (["analyse", "Examples/org.json", "--format", "csv"], "analyse-org.csv"),
      (["analyse", "Examples/org.json", "--community-by", "team", "--reciprocity", "mutual"], "analyse-org-by-team.txt"),
      (["reach", "Examples/org.json", "--person", "dee"], "reach-org-dee.txt"),
      (["reach", "Examples/org.json", "--person", "dee", "--format", "json"], "reach-org-dee.json"),
      (["reach", "Examples/org.json", "--person", "dee", "--format", "csv"], "reach-org-dee.csv"),
      (["joins", "Examples/org.json"], "joins-org.txt"),
      (["joins", "Examples/org.json", "--format", "json"], "joins-org.json"),
      (["joins", "Examples/org.json", "--format", "csv", "--community", "guild"], "joins-org-guild.csv"),
      (["groups", "Examples/org.json", "--community", "lisbon"], "groups-org-lisbon.txt"),
      (["groups", "Examples/org.json", "--community", "lisbon", "--format", "json", "--near-depth", "2"], "groups-org-lisbon.json"),
      (["groups", "Examples/org.json", "--community", "lisbon", "--format", "csv"], "groups-org-lisbon.csv"),
      (["analyse", "Examples/grown-community.json"], "analyse-grown-community.txt"),
      (["analyse", "Examples/coffee-van.json", "--context", "coffee"], "analyse-coffee-van.txt"),
      (["analyse", "Examples/org.json", "--sections", "communities,tribes", "--format", "json"], "analyse-org-sections.json"),
      (["diversity", "Examples/org.json", "--by", "team"], "diversity-org-team.txt"),
      (["tribes", "Examples/org.json"], "tribes-org.txt"),
      (["joins", "Examples/org.json", "--community-by", "tribe", "--format", "json"], "joins-org-by-tribe.json"),
      (["groups", "Examples/org.json", "--community-by", "tribe:1", "--community", "tribe:1=L1.T1"], "groups-org-tribe-1.txt"),
      (["diversity", "Examples/org.json", "--by", "tribe", "--by", "team", "--format", "csv"], "diversity-org-by-tribe.csv"),
      (["tribes", "Examples/org.json", "--format", "json", "--seed", "4", "--resolution", "0.8"], "tribes-org.json"),
      (["tribes", "Examples/org.json", "--format", "csv"], "tribes-org.csv"),
      (["tribes", "Examples/grown-community.json", "--level", "0", "--quality", "cpm", "--resolution", "0.2"], "tribes-grown-community-cpm.txt"),
      (["diversity", "Examples/org.json", "--by", "team", "--format", "json", "--permutations", "99", "--seed", "3"], "diversity-org-team.json"),
      (["diversity", "Examples/org.json", "--format", "csv"], "diversity-org.csv"),
      (["diversity", "Examples/grown-community.json", "--by", "cohort", "--by", "city"], "diversity-grown-community.txt"),
    ]
    for (arguments, golden) in runs {
      let result = trustmap(arguments)
      #expect(result.status == 0, "\(arguments): \(result.errors)")
      #expect(result.errors.isEmpty)
      try expectGolden(result.output, golden)
    }
  }

  @Test func generateStreamsAValidNetwork() throws {
    let result = trustmap("generate", "--people", "300", "--ties", "2000", "--seed", "9")
    #expect(result.status == 0)
    #expect(result.errors.isEmpty)
    let object = try json(result.output)
    #expect((object["people"] as? [Any])?.count == 300)
    #expect((object["ties"] as? [Any])?.count == 2000)
    #expect(trustmap("generate", "--people", "300", "--ties", "2000", "--seed", "9").output == result.output)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trustmap-\(UUID())")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("g.json").path
    let written = trustmap("generate", "--people", "300", "--ties", "2000", "--seed", "9", "--output", file)
    #expect(written.status == 0 && written.output.isEmpty)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == result.output)
    let unwritable = trustmap("generate", "--output", folder.appendingPathComponent("no/such/dir.json").path)
    #expect(unwritable.status == 1)
    #expect(unwritable.errors.hasPrefix("Error: cannot write"))
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
