import Foundation
import Testing
import TrustCore

@testable import TrustmapCLI

@Suite("convert: every format, its goldens and its usage errors")
struct ConvertTests {
  /// Formats of one file, written to standard output.
  static let goldens: [CommandLineCase] = [
    CommandLineCase(["convert", "Examples/org.json", "-", "--to", "json"], "convert-org.json"),
    CommandLineCase(["convert", "Examples/org.json", "-", "--to", "graphml"], "convert-org.graphml"),
    CommandLineCase(["convert", "Examples/org.json", "-", "--to", "gexf"], "convert-org.gexf"),
    CommandLineCase(["convert", "Examples/org.json", "-", "--to", "gexf", "--gexf-version", "1.3"], "convert-org-1.3.gexf"),
    CommandLineCase(["convert", "Examples/org.json", "-", "--to", "node-link"], "convert-org-node-link.json"),
    CommandLineCase(["convert", "Examples/org.json", "-", "--to", "dot"], "convert-org.dot"),
    CommandLineCase(["convert", "Examples/org.json", "-", "--to", "pajek"], "convert-org.net"),
    CommandLineCase(["convert", "Examples/org.json", "-", "--to", "edgelist"], "convert-org.edgelist"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "graphml", "--with-results", "--community", "lisbon"],
      "convert-org-results.graphml"),
    CommandLineCase(["convert", "Examples/org.json", "-", "--to", "gexf", "--with-results"], "convert-org-results.gexf"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "gexf", "--with-results", "--community", "guild"], "convert-org-results-guild.gexf"),
  ]

  @Test(arguments: goldens)
  func golden(_ run: CommandLineCase) throws {
    let result = trustmap(run.arguments)
    #expect(result.status == 0, "\(result.errors)")
    #expect(result.errors.isEmpty)
    try expectGolden(result.output, run.expected)
  }

  /// trustmap JSON to trustmap JSON is the example itself, byte for byte.
  @Test func jsonToJSONIsTheSameFile() throws {
    let original = try String(contentsOf: packageRoot.appendingPathComponent("Examples/org.json"), encoding: .utf8)
    #expect(trustmap("convert", "Examples/org.json", "-", "--to", "json").output == original)
  }

  /// Formats of several files, written beside OUT.
  @Test(arguments: [
    (
      ["--to", "csv"], "org.csv",
      ["org.csv": "convert-org.csv", "org-people.csv": "convert-org-people.csv", "org-communities.csv": "convert-org-communities.csv"]
    ),
    (["--to", "neo4j"], "org.csv", ["org.csv": "convert-org-neo4j.csv", "org-nodes.csv": "convert-org-neo4j-nodes.csv"]),
    (
      ["--to", "graphframes"], "edges.csv",
      ["edges.csv": "convert-org-graphframes.csv", "edges-vertices.csv": "convert-org-graphframes-vertices.csv"]
    ),
    (
      ["--with-results"], "org.csv",
      ["org.csv": "convert-org.csv", "org-people.csv": "convert-org-results-people.csv", "org-communities.csv": "convert-org-communities.csv"]
    ),
  ])
  func writesEveryFileBesideTheOutput(options: [String], output: String, goldens: [String: String]) throws {
    try withTemporaryFolder { folder in
      let path = folder.appendingPathComponent(output).path
      let result = trustmap(["convert", "Examples/org.json", path] + options)
      #expect(result.status == 0, "\(result.errors)")
      #expect(result.output.isEmpty)
      #expect(result.errors.isEmpty)
      let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
      #expect(files == goldens.keys.sorted(), "no other files, no temporary ones")
      for (file, golden) in goldens {
        try expectGolden(try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8), golden)
      }
    }
  }

  /// Without `--to`, the output's extension says; the result is the one `--to` gives.
  @Test(arguments: [
    ("a.graphml", "graphml"), ("a.xml", "graphml"), ("a.GEXF", "gexf"), ("a.json", "json"), ("a.net", "pajek"),
    ("a.gv", "dot"), ("a.edges", "edgelist"),
  ])
  func choosesTheFormatByExtension(file: String, format: String) throws {
    try withTemporaryFolder { folder in
      let path = folder.appendingPathComponent(file).path
      #expect(trustmap("convert", "Examples/org.json", path).status == 0)
      let expected = trustmap("convert", "Examples/org.json", "-", "--to", format).output
      let text = try String(contentsOfFile: path, encoding: .utf8)
      #expect(text == expected)
    }
  }

  static let formats = "json, csv, graphml, gexf, node-link, pajek, edgelist, dot, neo4j, graphframes"
  static let usageErrors: [CommandLineCase] = [
    CommandLineCase(["convert", "Examples/org.json"], "Error: missing output file (a path, or - for standard output)\n"),
    CommandLineCase(["convert"], "Error: missing network file (a path, or - for standard input)\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "a.graphml", "b.graphml"],
      "Error: unexpected argument 'b.graphml': convert takes <network> <output>\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "out.yaml"],
      "Error: cannot tell the format from 'out.yaml'; give --to with one of \(formats)\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-"], "Error: standard output has no extension; give --to with one of \(formats)\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "xml"], "Error: invalid format 'xml' for '--to'; expected \(formats)\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "grapml"],
      "Error: invalid format 'grapml' for '--to'; expected \(formats)\nDid you mean 'graphml'?\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "vna"],
      "Error: invalid format 'vna' for '--to' (trustmap reads it but does not write it); expected \(formats)\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "csv"], "Error: csv writes several files, so it needs a file name, not -\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "graphml", "--gexf-version", "1.3"],
      "Error: '--gexf-version' is for GEXF, not graphml\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "gexf", "--gexf-version", "2"],
      "Error: invalid value '2' for '--gexf-version': expected 1.2 or 1.3\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "gexf", "--community", "lisbon"],
      "Error: '--community' needs '--with-results'\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "gexf", "--strong", "0.7"], "Error: '--strong' needs '--with-results'\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "pajek", "--with-results"],
      "Error: '--with-results' needs node attributes, which pajek does not have\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "json", "--with-results"],
      "Error: '--with-results' needs node attributes, which json does not have\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "gexf", "--with-results", "--community-by", "team"],
      "Error: '--community-by' needs '--community'\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "gexf", "--with-results", "--community", "lisbn"],
      "Error: unknown community 'lisbn'; the closest id is 'lisbon'\nDid you mean '--community lisbon'?\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "gexf", "--with-results", "--context", "wrk"],
      "Error: unknown context 'wrk' (the network's contexts: 'work', 'friendship')\nDid you mean '--context work'?\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "-", "--to", "gexf", "--with-results", "--community-by", "team", "--community", "team=desing"],
      "Error: unknown community 'team=desing'; the closest id is 'team=design'\nDid you mean '--community team=design'?\n"),
    CommandLineCase(
      ["convert", "Examples/org.json", "Examples/org.json"],
      "Error: 'Examples/org.json' is the input file; convert never writes over its input\n"),
  ]

  @Test(arguments: usageErrors)
  func usageError(_ usage: CommandLineCase) {
    let result = trustmap(usage.arguments)
    #expect(result.status == 64)
    #expect(result.output.isEmpty)
    #expect(result.errors.hasPrefix(usage.expected), "\(result.errors)")
    #expect(result.errors.contains("Usage: trustmap convert <network> <output>"))
  }

  @Test func anInvalidInputIsExitOneAndWritesNothing() throws {
    try withTemporaryFolder { folder in
      let input = folder.appendingPathComponent("bad.json")
      try #"{"trustmap": 1, "people": [{"id": "a"}], "ties": [{"from": "a", "to": "zed"}]}"#.write(
        to: input, atomically: true, encoding: .utf8)
      let output = folder.appendingPathComponent("out.graphml").path
      let result = trustmap("convert", input.path, output)
      #expect(result.status == 1)
      #expect(result.errors.contains("error: ties[0].to: tie to unknown person 'zed'"))
      #expect(!FileManager.default.fileExists(atPath: output))
    }
  }

  /// Warnings are counted on standard error, as every command does, and so
  /// are the characters a format cannot hold.
  @Test func notesWarningsAndReplacedCharacters() throws {
    try withTemporaryFolder { folder in
      let input = folder.appendingPathComponent("w.json")
      try #"{"trustmap": 1, "people": [{"id": "a", "name": "bell\u0007"}], "ties": [{"from": "a", "to": "a"}]}"#.write(
        to: input, atomically: true, encoding: .utf8)
      let result = trustmap("convert", input.path, "-", "--to", "graphml")
      #expect(result.status == 0)
      #expect(
        result.errors == "trustmap: 1 warning in \(input.path); run 'trustmap validate \(input.path)' to see it\n"
          + "trustmap: 1 character that graphml cannot hold written as U+FFFD\n")
      #expect(result.output.contains("<data key=\"d0\">bell\u{FFFD}</data>"))
      #expect(trustmap("convert", input.path, "-", "--to", "graphml", "--quiet").errors.isEmpty)
    }
  }

  @Test func helpNamesBothArguments() throws {
    let help = trustmap("help", "convert")
    #expect(help.output.contains("<network>"))
    #expect(help.output.contains("<output>"))
    try expectGolden(help.output, "help-convert.txt")
  }

  /// The real binary: standard input to standard output, and standard input
  /// that is the output file refused.
  @Test func convertsStandardInputWithTheBinary() throws {
    guard let binary = builtExecutable() else {
      Issue.record("the trustmap executable was not found beside \(CommandLine.arguments[0])")
      return
    }
    let example = packageRoot.appendingPathComponent("Examples/org.json")
    func run(_ arguments: [String], input: FileHandle) throws -> (Int32, String, String) {
      let process = Process()
      process.executableURL = binary
      process.arguments = arguments
      let stdout = Pipe()
      let stderr = Pipe()
      process.standardInput = input
      process.standardOutput = stdout
      process.standardError = stderr
      try process.run()
      let output = stdout.fileHandleForReading.readDataToEndOfFile()
      let errors = stderr.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      return (
        process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self)
      )
    }
    let input = try FileHandle(forReadingFrom: example)
    let (status, output, _) = try run(["convert", "-", "-", "--to", "graphml"], input: input)
    #expect(status == 0)
    #expect(output == trustmap("convert", "Examples/org.json", "-", "--to", "graphml").output)
    try withTemporaryFolder { folder in
      let copy = folder.appendingPathComponent("in.json")
      try FileManager.default.copyItem(at: example, to: copy)
      let (status, output, errors) = try run(["convert", "-", copy.path], input: try FileHandle(forReadingFrom: copy))
      #expect(status == 64)
      #expect(output.isEmpty)
      #expect(errors.hasPrefix("Error: '\(copy.path)' is the input file '<stdin>' (the same file); convert never writes"))
    }
  }
}
