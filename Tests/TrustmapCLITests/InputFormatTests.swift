import Foundation
import Testing

@testable import TrustmapCLI

/// Every command reads every format (issue 14): by extension, by content or
/// by `--input-format`, with `--people`, `--communities`, `--scale-weights`
/// and `--drop-negative`, and an error in any of them at FILE:LINE:COLUMN.
@Suite("Reading other formats on the command line")
struct InputFormatTests {
  /// The analysis of `Examples/org.json` but for the network's name, which
  /// only trustmap JSON, GraphML, GEXF and node-link JSON keep.
  func summary(_ arguments: String...) -> [String] {
    let result = trustmap(["analyse"] + arguments + ["--sections", "summary"])
    #expect(result.status == 0, "\(result.errors)")
    return Array(result.output.split(separator: "\n", omittingEmptySubsequences: false).dropFirst())
      .map(String.init)
  }

  /// The lines before the first blank one: the network's counts.
  func firstSection(_ lines: [String]) -> [String] {
    Array(lines[..<(lines.firstIndex(of: "") ?? lines.count)])
  }

  @Test func convertedFilesAnalyseAsTheJSON() throws {
    try withTemporaryFolder { folder in
      let expected = summary("Examples/org.json")
      #expect(expected.contains { $0.contains("people") && $0.hasSuffix(" 16") })
      for name in ["org.graphml", "org.gexf", "org.net", "org.csv"] {
        let path = folder.appendingPathComponent(name).path
        #expect(trustmap("convert", "Examples/org.json", path).status == 0)
        let people = folder.appendingPathComponent("org-people.csv").path
        let communities = folder.appendingPathComponent("org-communities.csv").path
        let read =
          name == "org.csv"
          ? summary(path, "--people", people, "--communities", communities) : summary(path)
        // GraphML and GEXF lose community names, Pajek contexts and communities
        // (docs/design.md, 'Other formats'): the network's counts must still agree.
        let counts = firstSection(expected)
        #expect(counts.count == 12, "\(expected)")
        #expect(firstSection(read) == counts, "\(name)")
        if name == "org.csv" { #expect(read == expected) }
      }
      // Node-link JSON in a .json file is told from trustmap JSON by its content.
      let nodeLink = folder.appendingPathComponent("org-nx.json").path
      #expect(trustmap("convert", "Examples/org.json", nodeLink, "--to", "node-link").status == 0)
      #expect(summary(nodeLink) == expected)
    }
  }

  @Test func validateNamesEachFormatsCounts() throws {
    try withTemporaryFolder { folder in
      let graphml = folder.appendingPathComponent("org.graphml").path
      let edges = folder.appendingPathComponent("org.edgelist").path
      #expect(trustmap("convert", "Examples/org.json", graphml).status == 0)
      #expect(trustmap("convert", "Examples/org.json", edges).status == 0)
      let result = trustmap("validate", graphml, edges)
      #expect(result.status == 0)
      // An edge list has no mutual ties: each of the 12 mutual ties is two lines.
      #expect(
        result.output == """
          \(graphml): valid: 16 people, 22 tie records, 18 strong ties; 0 warnings
          \(edges): valid: 16 people, 34 tie records, 18 strong ties; 0 warnings

          """)
    }
  }

  @Test func anErrorInAnyFormatIsAtItsFileLineAndColumn() throws {
    try withTemporaryFolder { folder in
      let cases: [(String, String, String)] = [
        (
          "bad.csv", "from,to,strength\na,b,heavy\n",
          "bad.csv:2:5: error: ties[0].strength: expected a number from 0 to 1, found 'heavy'"
        ),
        (
          "bad.graphml",
          "<graphml><graph><node id=\"a\"/><edge source=\"a\" target=\"b\"/></graph></graphml>",
          "bad.graphml:1:55: error: ties[0].to: tie to unknown person 'b'; did you mean 'a'?"
        ),
        (
          "bad.edgelist", "a b 2\n",
          "bad.edgelist:1:5: error: ties[0].strength: a strength must be from 0 to 1, not 2 "
            + "(--scale-weights maps weights to w / max w)"
        ),
        (
          "bad.net", "*Vertices 1\n1 \"a\"\n*Arcs\n1 2\n",
          "bad.net:4:3: error: "
        ),
      ]
      for (name, text, message) in cases {
        let file = folder.appendingPathComponent(name)
        try text.write(to: file, atomically: true, encoding: .utf8)
        for command in ["validate", "analyse"] {
          let result = trustmap(command, file.path)
          #expect(result.status == 1, "\(command) \(name)")
          #expect(
            result.errors.hasPrefix(folder.path + "/" + message), "\(command) \(name): \(result)")
        }
      }
    }
  }

  @Test func weightsScaledAndNegativeOnesDroppedAreSaid() throws {
    try withTemporaryFolder { folder in
      let ratings = folder.appendingPathComponent("ratings.csv")
      try "Source;Target;Weight;Type\nana;bo;-3;Directed\nbo;cy;5;Undirected\ncy;ana;4;Directed\n"
        .write(to: ratings, atomically: true, encoding: .utf8)
      let refused = trustmap("validate", ratings.path)
      #expect(refused.status == 1)
      #expect(refused.errors.contains("ratings.csv:2:8: error: ties[0].strength:"))
      let read = trustmap("validate", ratings.path, "--scale-weights", "--drop-negative")
      #expect(
        read.output
          == "\(ratings.path): valid: 3 people, 2 tie records, 2 strong ties; 0 warnings; "
          + "weights scaled by 1/5 (the largest weight); 1 tie with a negative weight left out\n")
      let analysed = trustmap(
        "analyse", ratings.path, "--scale-weights", "--drop-negative", "--sections", "summary")
      #expect(analysed.status == 0)
      #expect(
        analysed.errors == """
          trustmap: weights in \(ratings.path) scaled by 1/5 (the largest weight)
          trustmap: 1 tie with a negative weight left out of \(ratings.path)

          """)
    }
  }

  @Test func inputFormatOverridesTheExtension() throws {
    try withTemporaryFolder { folder in
      let file = folder.appendingPathComponent("ties.txt")
      try "# who trusts whom\nana bo 0.8\nbo cy\n".write(to: file, atomically: true, encoding: .utf8)
      let read = trustmap("validate", file.path, "--input-format", "edgelist")
      #expect(read.output == "\(file.path): valid: 3 people, 2 tie records, 2 strong ties; 0 warnings\n")
      let asPajek = trustmap("validate", file.path, "--input-format", "pajek")
      #expect(asPajek.status == 1)
      #expect(asPajek.errors.hasPrefix("\(file.path):1:1: error: a data line before the first section"))
    }
  }

  @Test func usageErrorsOfTheInputOptions() {
    let unknown = trustmap("validate", "Examples/org.json", "--input-format", "xlsx")
    #expect(unknown.status == 64)
    #expect(
      unknown.errors.hasPrefix(
        "Error: invalid format 'xlsx' for '--input-format'; expected json, csv, graphml, gexf, "
          + "node-link, pajek, vna, edgelist"))
    let written = trustmap("validate", "Examples/org.json", "--input-format", "dot")
    #expect(written.errors.contains("(trustmap writes it but does not read it)"))
    let several = trustmap(
      "analyse", "Examples/org.json", "Examples/quiet-team.json", "--people", "p.csv")
    #expect(several.status == 64)
    #expect(several.errors.hasPrefix("Error: '--people' goes with one network file, not 2"))
  }
}
