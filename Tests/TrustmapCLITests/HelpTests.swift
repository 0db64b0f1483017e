import Foundation
import Testing

@testable import TrustmapCLI

@Suite("Help, generated from the declarations")
struct HelpTests {
  @Test(arguments: [["--help"], ["-h"], ["help"], []])
  func rootHelp(arguments: [String]) throws {
    let result = trustmap(arguments)
    #expect(result.status == 0)
    #expect(result.errors.isEmpty)
    try expectGolden(result.output, "help.txt")
  }

  @Test func version() {
    let version = trustmap("--version")
    #expect(version.status == 0)
    #expect(version.output == "0.1.0\n")
  }

  @Test(arguments: commandRegistry.map { $0.name })
  func everyCommandHasHelp(name: String) throws {
    let help = trustmap("help", name)
    #expect(help.status == 0)
    #expect(help.errors.isEmpty)
    #expect(help.output.hasPrefix("OVERVIEW: "))
    #expect(help.output.contains("USAGE: trustmap \(name)"))
    #expect(trustmap(name, "--help").output == help.output)
    #expect(trustmap(name, "-h").output == help.output)
    // Wrapped at 80 columns, like swift-argument-parser's help.
    for line in help.output.split(separator: "\n") {
      #expect(line.count <= 80, "\(name): \(line.count) columns: \(line)")
    }
    // The usage line shows every option the command takes.
    let found = command(named: name)
    let declared = try #require(found)
    let usage = HelpText.usageLine(declared)
    for option in declared.options { #expect(usage.contains(option.label), "\(option.label)") }
  }

  @Test func aliasesWorkInHelpToo() {
    let analyse = trustmap("help", "analyse")
    let analyze = trustmap("help", "analyze")
    #expect(analyze.status == 0)
    #expect(analyze.errors.isEmpty)
    #expect(analyze.output == analyse.output)
    #expect(trustmap("analyze", "--help").output == analyse.output)
  }

  @Test func analyseUsageShowsAllTenOptions() {
    let help = trustmap("help", "analyse").output
    #expect(
      help.contains(
        """
        USAGE: trustmap analyse <network>... [--format <format>] [--csv-raw]
               [--strong <threshold>] [--reciprocity <rule>] [--context <name> ...]
               [--community-by <attribute>] [--introducers <k>] [--near-depth <d>]
               [--sections <list>] [--exact] [--quiet] [--output <file>]
        """))
  }

  @Test func eachCommandListsOnlyTheFormatsItWrites() {
    let validate = trustmap("help", "validate").output
    #expect(validate.contains("--format <format>       Output format: text, json or jsonl. (default:"))
    #expect(!validate.contains("jsonl or csv"))
    #expect(validate.contains("Read the network as json, csv, graphml"))
    let reach = trustmap("help", "reach").output
    #expect(reach.contains("Output format: text, json, jsonl or csv."))
  }

  @Test func generateTakesNoNetworkArgument() {
    let help = trustmap("help", "generate").output
    #expect(!help.contains("<network>"))
    #expect(!help.contains("ARGUMENTS:"))
    #expect(help.contains("USAGE: trustmap generate [--people <n>] [--ties <m>] [--seed <s>]"))
  }

  @Test func goldenCommandHelp() throws {
    try expectGolden(trustmap("help", "joins").output, "help-joins.txt")
  }

  @Test func wrappingKeepsWordsWhole() {
    let text = HelpText.wrap(String(repeating: "word ", count: 40), indent: 26)
    for line in text.split(separator: "\n") {
      #expect(line.count <= 80)
      #expect(line.hasPrefix(String(repeating: " ", count: 26)))
    }
    let long = HelpText.row(
      label: "--a-very-long-option-name <value>", help: "Help.", column: 26)
    #expect(long == "  --a-very-long-option-name <value>\n                          Help.\n")
  }
}
