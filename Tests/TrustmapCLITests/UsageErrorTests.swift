import Foundation
import Testing

@testable import TrustmapCLI

@Suite("Usage errors: exit 64, the message, the usage line and a hint")
struct UsageErrorTests {
  static let cases: [CommandLineCase] = [
    CommandLineCase(["analse", "Examples/org.json"], "Error: unknown command 'analse'\nDid you mean 'analyse'?\n"),
    CommandLineCase(
      ["analyse", "Examples/org.json", "--formt", "json"], "Error: unknown option '--formt' for 'analyse'\nDid you mean '--format'?\n"),
    CommandLineCase(["analyse"], "Error: missing network file (a path, or - for standard input)\n"),
    CommandLineCase(
      ["analyse", "Examples/org.json", "--format", "xml"], "Error: invalid format 'xml' for 'analyse'; expected text, json, jsonl, csv\n"),
    CommandLineCase(
      ["validate", "Examples/org.json", "--format", "csv"], "Error: invalid format 'csv' for 'validate'; expected text, json, jsonl\n"),
    CommandLineCase(["analyse", "Examples/org.json", "--strong", "2"], "Error: invalid value '2' for '--strong': expected a number from 0 to 1\n"),
    CommandLineCase(
      ["analyse", "Examples/org.json", "--strong", "-0.5"], "Error: invalid value '-0.5' for '--strong': expected a number from 0 to 1\n"),
    CommandLineCase(
      ["analyse", "Examples/org.json", "--reciprocity", "mutal"],
      "Error: invalid value 'mutal' for '--reciprocity': expected any or mutual\nDid you mean 'mutual'?\n"),
    CommandLineCase(
      ["analyse", "Examples/org.json", "--context", "frendship"],
      "Error: unknown context 'frendship' (the network's contexts: 'work', 'friendship')\nDid you mean '--context friendship'?\n"),
    CommandLineCase(
      ["reach", "Examples/org.json", "--person", "anna"], "Error: unknown person 'anna'; the closest id is 'ana'\nDid you mean '--person ana'?\n"),
    CommandLineCase(["reach", "Examples/org.json"], "Error: missing '--person <id>'\n"),
    CommandLineCase(
      ["groups", "Examples/org.json", "--community", "lead"],
      "Error: unknown community 'lead'; the closest id is 'leads'\nDid you mean '--community leads'?\n"),
    CommandLineCase(["groups", "Examples/org.json"], "Error: missing '--community <id>'\n"),
    CommandLineCase(
      ["joins", "Examples/org.json", "--community-by", "teem"],
      "Error: unknown attribute 'teem' for '--community-by' (the network's attributes: team, site, level, tribe)\nDid you mean 'team'?\n"),
    CommandLineCase(
      ["joins", "Examples/org.json", "--introducers", "0"], "Error: invalid value '0' for '--introducers': expected a whole number ≥ 1\n"),
    CommandLineCase(
      ["diversity", "Examples/org.json", "--by", "tem"],
      "Error: unknown attribute 'tem' for '--by' (the network's attributes: team, site, level, tribe)\nDid you mean '--by team'?\n"),
    CommandLineCase(["diversity", "Examples/org.json", "--seed", "-1"], "Error: invalid value '-1' for '--seed': expected a whole number ≥ 0\n"),
    CommandLineCase(["tribes", "Examples/org.json", "--level", "9"], "Error: no level 9: this network has levels 0 to 2\n"),
    CommandLineCase(
      ["tribes", "Examples/org.json", "--resolution", "0"], "Error: invalid value '0' for '--resolution': expected a number above 0\n"),
    CommandLineCase(
      ["tribes", "Examples/org.json", "--quality", "cmp"],
      "Error: invalid value 'cmp' for '--quality': expected modularity or cpm\nDid you mean 'cpm'?\n"),
    CommandLineCase(["tribes", "Examples/org.json", "--unweighted=yes"], "Error: option '--unweighted' takes no value\n"),
    CommandLineCase(["generate", "x.json"], "Error: unexpected argument 'x.json': generate reads no network file\n"),
    CommandLineCase(["generate", "--people", "-3"], "Error: invalid value '-3' for '--people': expected a whole number ≥ 0\n"),
    CommandLineCase(
      ["analyse", "Examples/org.json", "--sections", "sumary"],
      "Error: unknown section 'sumary' for '--sections'; expected summary, communities, formal, keystones, diversity, tribes\nDid you mean 'summary'?\n"
    ),
    CommandLineCase(
      ["joins", "Examples/org.json", "--community-by", "tribe:9"],
      "Error: no tribe level '9' for '--community-by': this network has levels 0 to 2\n"),
    CommandLineCase(["reach", "a.json", "b.json", "--person", "x"], "Error: unexpected argument 'b.json': reach reads one network file\n"),
    CommandLineCase(["analyse", "Examples/org.json", "--strong", "0.5", "--strong", "0.6"], "Error: option '--strong' given more than once\n"),
    CommandLineCase(["--verison"], "Error: unknown option '--verison'; expected a command first\nDid you mean '--version'?\n"),
    CommandLineCase(["help", "reech"], "Error: unknown command 'reech'\nDid you mean 'reach'?\n"),
    CommandLineCase(["analyze", "Examples/org.json", "--sections"], "Error: missing value for '--sections <list>'\n"),
    CommandLineCase(
      ["formal", "Examples/org.json", "--unit-depth", "-1"],
      "Error: invalid value '-1' for '--unit-depth': expected a whole number ≥ 0\n"),
    CommandLineCase(
      ["formal", "Examples/org.json", "--unit-depth", "one"],
      "Error: invalid value 'one' for '--unit-depth': expected a whole number ≥ 0\n"),
    CommandLineCase(["brokers", "Examples/org.json"], "Error: missing '--by <groups>'\n"),
    CommandLineCase(
      ["brokers", "Examples/org.json", "--by", "teem"],
      "Error: unknown attribute 'teem' for '--by' (the network's attributes: team, site, level, "
        + "tribe)\nDid you mean '--by team'?\n"),
    CommandLineCase(
      ["cascade", "Examples/quiet-team.json", "--threshold", "1.5"],
      "Error: invalid value '1.5' for '--threshold': expected a number from 0 to 1\n"),
    CommandLineCase(
      ["cascade", "Examples/quiet-team.json", "--start", "adaa"],
      "Error: unknown person 'adaa'; the closest id is 'ada'\nDid you mean '--start ada'?\n"),
    CommandLineCase(
      ["cascade", "Examples/quiet-team.json", "--start-count", "31"],
      "Error: invalid value '31' for '--start-count': expected a whole number from 0 to 30\n"),
    CommandLineCase(
      ["cascade", "Examples/quiet-team.json", "--target", "0"],
      "Error: invalid value '0' for '--target': expected a number above 0, at most 1\n"),
    CommandLineCase(
      ["cascade", "Examples/quiet-team.json", "--target", "1.01"],
      "Error: invalid value '1.01' for '--target': expected a number above 0, at most 1\n"),
    CommandLineCase(
      ["cascade", "Examples/quiet-team.json", "--runs", "5"],
      "Error: '--runs' needs '--start-count <k>'\n"),
    CommandLineCase(
      ["cascade", "Examples/quiet-team.json", "--start", "ada", "--start-count", "2"],
      "Error: '--start' and '--start-count' cannot be used together\n"),
    CommandLineCase(
      ["cascade", "Examples/quiet-team.json", "--sweep", "--threshold-by", "speakUp"],
      "Error: '--sweep' and '--threshold-by' cannot be used together\n"),
    CommandLineCase(
      ["cascade", "Examples/quiet-team.json", "--threshold-by", "speakup"],
      "Error: unknown attribute 'speakup' for '--threshold-by' (the network's attributes: shift, "
        + "speakUp)\nDid you mean '--threshold-by speakUp'?\n"),
    CommandLineCase(
      ["diff", "Examples/org.json"],
      "Error: missing <new>: diff compares two network files\n"),
    CommandLineCase(
      ["diff", "a.json", "b.json", "c.json"],
      "Error: unexpected argument 'c.json': diff reads two network files\n"),
    CommandLineCase(
      ["advise", "Examples/org.json"],
      "Error: advise needs '--person <id>' or '--community <id>' with '--invite <k>'\n"),
    CommandLineCase(
      ["advise", "Examples/org.json", "--invite", "2"],
      "Error: '--invite' needs '--community <id>'\n"),
    CommandLineCase(
      ["advise", "Examples/org.json", "--community", "guild", "--invite", "0"],
      "Error: invalid value '0' for '--invite': expected a whole number ≥ 1\n"),
    CommandLineCase(
      ["advise", "Examples/org.json", "--community", "guild"],
      "Error: '--community' needs '--invite <k>' here\n"),
    CommandLineCase(
      ["advise", "Examples/org.json", "--person", "oz", "--by", "teem"],
      "Error: unknown attribute 'teem' for '--by' (the network's attributes: team, site, level, "
        + "tribe)\nDid you mean '--by team'?\n"),
  ]

  @Test(arguments: cases)
  func usageError(_ usage: CommandLineCase) {
    let result = trustmap(usage.arguments)
    #expect(result.status == 64)
    #expect(result.output.isEmpty)
    #expect(result.errors.hasPrefix(usage.expected), "\(result.errors)")
    #expect(result.errors.contains("Usage: trustmap"))
    #expect(result.errors.contains("--help' for"))
  }

  /// The drift list of issue 13: each, exactly.
  @Test func anOptionIsNeverTakenAsAValue() throws {
    let result = trustmap("reach", "Examples/org.json", "--person", "--format", "json")
    #expect(result.status == 64)
    #expect(
      result.errors == """
        Error: missing value for '--person <id>'
        Usage: trustmap reach <network> --person <id> [--introducers <k>]
               [--community-by <attribute>] [--format <format>] [--csv-raw]
               [--strong <threshold>] [--reciprocity <rule>] [--context <name> ...]
               [--quiet] [--output <file>] [<input options>] [<privacy options>]
          See 'trustmap reach --help' for more information.

        """)
    // `-` (standard input) and negative numbers are values, not options.
    let negative = trustmap("analyse", "Examples/org.json", "--near-depth", "-1")
    #expect(negative.errors.hasPrefix("Error: invalid value '-1' for '--near-depth': expected a whole number ≥ 0\n"))
    let inline = trustmap("reach", "Examples/org.json", "--person=dee", "--format=json")
    #expect(inline.status == 0)
    #expect(try json(inline.output)["person"] as? String == "dee")
  }

  @Test func anUnknownPersonAlwaysNamesTheClosestId() {
    let far = trustmap("reach", "Examples/org.json", "--person", "xyzzy")
    #expect(far.status == 64)
    #expect(far.errors.hasPrefix("Error: unknown person 'xyzzy'; the closest id is 'cy'\nDid you mean '--person cy'?\n"))
    let named = trustmap("reach", "Examples/org.json", "--person", "Morgan (CEO)")
    #expect(named.status == 64)
    #expect(
      named.errors.hasPrefix(
        "Error: unknown person 'Morgan (CEO)'; 'Morgan (CEO)' is the name of 'ceo'\nDid you mean '--person ceo'?\n"))
  }

  @Test func aCommunityByAttributeSuggestsTheOption() {
    let result = trustmap("groups", "Examples/org.json", "--community", "team=design")
    #expect(result.status == 64)
    #expect(
      result.errors.hasPrefix(
        "Error: unknown community 'team=design' (the file's communities: leads, guild, lisbon)\n"
          + "Did you mean '--community-by team --community team=design'?\n"))
    let tribe = trustmap("joins", "Examples/org.json", "--community", "tribe=T1")
    #expect(
      tribe.errors.hasPrefix(
        "Error: unknown community 'tribe=T1' (the file's communities: leads, guild, lisbon)\nDid you mean '--community-by tribe --community tribe=T1'?\n"
      ))
  }

  @Test func aNetworkWithoutAttributesSaysSo() throws {
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("plain.json")
      try #"{"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}], "ties": [{"from": "a", "to": "b"}]}"#
        .write(to: file, atomically: true, encoding: .utf8)
      let result = trustmap("diversity", file.path, "--by", "team")
      #expect(result.status == 64)
      #expect(
        result.errors.hasPrefix(
          "Error: unknown attribute 'team' for '--by' (the network has no attributes; tribe and tribe:LEVEL name its tribes)\nUsage:"))
    }
  }

  @Test(arguments: commandRegistry.map { $0.name })
  func theRegistryDispatchesEachCommandToItsOwnType(name: String) throws {
    // Before, a command missing from a switch printed the analyse report.
    if name == "render" || name == "report" {  // pictures: SVG and HTML, not JSON
      let result = trustmap(name, "Examples/org.json", "-o", "-")
      #expect(result.status == 0, "\(result.errors)")
      #expect(result.output.hasPrefix(name == "render" ? "<?xml" : "<!DOCTYPE html>"))
      return
    }
    if name == "completions" || name == "manual" {  // scripts and roff, from the registry
      let result = trustmap(name == "manual" ? [name] : [name, "bash"])
      #expect(result.status == 0, "\(result.errors)")
      #expect(result.output.hasPrefix(name == "manual" ? ".\\\" Generated" : "# bash completion"))
      return
    }
    let arguments: [String]
    switch name {
    case "reach": arguments = [name, "Examples/org.json", "--person", "dee", "--format", "json"]
    case "brokers": arguments = [name, "Examples/org.json", "--by", "team", "--format", "json"]
    case "cascade": arguments = [name, "Examples/org.json", "--start", "ana", "--format", "json"]
    case "diff": arguments = [name, "Examples/org.json", "Examples/org.json", "--format", "json"]
    case "advise": arguments = [name, "Examples/org.json", "--person", "oz", "--format", "json"]
    case "groups": arguments = [name, "Examples/org.json", "--community", "guild", "--format", "json"]
    case "generate": arguments = [name, "--people", "3", "--ties", "2"]
    case "convert": arguments = [name, "Examples/org.json", "-", "--to", "json"]
    default: arguments = [name, "Examples/org.json", "--format", "json"]
    }
    let result = trustmap(arguments)
    #expect(result.status == 0, "\(result.errors)")
    let keys = Set(try json(result.output).keys)
    let expected: Set<String> =
      switch name {
      case "analyse": ["summary", "communities", "formal", "keystones", "diversity", "tribes"]
      case "formal": ["ties", "managers", "units"]
      case "brokers": ["by", "people"]
      case "diff": ["people", "ties", "communities", "warmth", "tribes"]
      case "keystones": ["keystones", "communities"]
      case "advise": ["person", "by", "communities", "memberships"]
      case "cascade":
        [
          "threshold", "weighted", "start", "finalShare", "spoke", "rounds", "silent",
          "heardButSilent", "communities",
        ]
      case "reach": ["person", "firstDegree", "secondDegree", "introducers", "communities"]
      case "joins": ["joins", "summary"]
      case "groups": ["community", "nearDepth", "in", "near", "out", "outLinked", "storyReach", "coherence"]
      case "diversity": ["attributes"]
      case "tribes": ["resolution", "seed", "quality", "weighted", "restarts", "levels"]
      case "validate": ["file", "valid", "errors", "warnings", "people", "ties", "strongTies", "problems", "unlisted"]
      case "generate": ["trustmap", "name", "people", "ties", "communities"]
      case "convert": ["trustmap", "name", "strongTieThreshold", "people", "ties", "communities"]
      default: []
      }
    // Every JSON report ends with how it was made; the network files convert and generate write do not.
    let provenance: Set<String> = ["generate", "convert"].contains(name) ? [] : ["provenance"]
    #expect(keys == expected.union(provenance))
  }
}
