import Foundation
import Testing

@testable import TrustmapCLI

/// `render` and `report`: files written safely, the same bytes every run,
/// names as text, a page that fetches nothing.
@Suite("render and report")
struct PictureTests {
  static let hostile = "<script>alert(1)</script> & \"Bo\" 'x' \u{202E}gnp.exe http://evil.example"

  /// A small network whose every name is hostile.
  func hostileNetwork(in folder: URL) throws -> String {
    let name = try String(data: JSONEncoder().encode(Self.hostile), encoding: .utf8) ?? "\"\""
    let text = """
      {"trustmap": 1, "name": \(name),
       "people": [{"id": "a", "name": \(name), "attributes": {"team": \(name)}}, {"id": "b"},
                  {"id": "c", "reportsTo": "a"}],
       "ties": [{"from": "a", "to": "b", "strength": 0.9}, {"from": "b", "to": "c"}],
       "communities": [{"id": "h", "name": \(name), "members": ["a", "b"]}]}
      """
    let path = folder.appendingPathComponent("hostile.json").path
    try text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }

  /// `--output FILE` is `-o FILE` for the picture and the page (it was
  /// once taken for the report's `--output`, which left the file empty).
  @Test(arguments: ["render", "report"])
  func outputIsTheSameAsO(command: String) throws {
    try withTemporaryFolder { folder in
      let short = folder.appendingPathComponent("short").path
      let long = folder.appendingPathComponent("long").path
      #expect(trustmap(command, "Examples/org.json", "-o", short).status == 0)
      let run = trustmap(command, "Examples/org.json", "--output", long)
      #expect(run.status == 0)
      #expect(run.output.isEmpty)
      let written = try String(contentsOfFile: long, encoding: .utf8)
      #expect(written.count > 1000)
      #expect(written == (try String(contentsOfFile: short, encoding: .utf8)))
    }
  }

  /// The picture never overwrites a file it reads, the people file of a
  /// CSV network included.
  @Test(arguments: ["render", "report"])
  func refusesToWriteOverThePeopleFile(command: String) throws {
    try withTemporaryFolder { folder in
      let ties = folder.appendingPathComponent("ties.csv").path
      let people = folder.appendingPathComponent("people.csv").path
      try "from,to,strength\na,b,0.9\n".write(toFile: ties, atomically: true, encoding: .utf8)
      try "id,name\na,Ana\nb,Bo\n".write(toFile: people, atomically: true, encoding: .utf8)
      let run = trustmap(command, ties, "--people", people, "-o", people)
      #expect(run.status == 64)
      #expect(run.errors.hasPrefix("Error: '\(people)' is the input file"))
      #expect(try String(contentsOfFile: people, encoding: .utf8) == "id,name\na,Ana\nb,Bo\n")
    }
  }

  /// The ids of the page's sections, in order.
  func sectionIDs(_ html: String) -> [String] {
    html.components(separatedBy: "<section id=\"").dropFirst().map {
      String($0.prefix { $0 != "\"" })
    }
  }

  @Test func renderWritesTheSameSVGEveryRun() throws {
    try withTemporaryFolder { folder in
      let path = folder.appendingPathComponent("map.svg").path
      let run = trustmap("render", "Examples/org.json", "-o", path, "--seed", "3")
      #expect(run.status == 0)
      #expect(run.output.isEmpty)
      let first = try String(contentsOfFile: path, encoding: .utf8)
      #expect(first.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns="))
      #expect(first.components(separatedBy: "<circle ").count - 1 == 16)
      let again = trustmap("render", "Examples/org.json", "--output=-", "--seed", "3")
      #expect(again.status == 0)
      #expect(again.output == first)
      let tribes = trustmap("render", "Examples/org.json", "-o", "-", "--max-people", "5")
      #expect(tribes.output.components(separatedBy: "<circle ").count - 1 == 5)
      #expect(tribes.output.contains("16 people in 5 tribes, 18 strong ties"))
    }
  }

  @Test func renderEmphasisesACommunityOrAPerson() {
    let community = trustmap("render", "Examples/org.json", "-o", "-", "--community", "lisbon")
    #expect(community.status == 0)
    #expect(community.output.contains("in: the members"))
    #expect(community.output.components(separatedBy: "stroke-width=\"2.5\"").count - 1 >= 5)
    let byTeam = trustmap(
      "render", "Examples/org.json", "-o", "-", "--community-by", "team", "--community",
      "team=design", "--color-by", "site")
    #expect(byTeam.status == 0)
    #expect(byTeam.output.contains("Colour: &#x2068;site&#x2069;"))
    let person = trustmap("render", "Examples/org.json", "-o", "-", "--person", "dee")
    #expect(person.output.contains("Trust around &#x2068;Dee&#x2069;"))
    #expect(person.output.contains("second degree: pre-credentialed"))
  }

  @Test(arguments: [
    CommandLineCase(["render", "Examples/org.json"], "Error: missing output file: give -o FILE"),
    CommandLineCase(
      ["render", "Examples/org.json", "-o", "a.svg", "--output", "b.svg"],
      "Error: give -o or --output, not both"),
    CommandLineCase(
      ["render", "Examples/org.json", "-o", "-", "--community", "guild", "--person", "dee"],
      "Error: give --community or --person, not both"),
    CommandLineCase(
      ["render", "Examples/org.json", "-o", "-", "--person", "anna"],
      "Error: unknown person 'anna'; the closest id is 'ana'"),
    CommandLineCase(
      ["render", "Examples/org.json", "-o", "-", "--max-people", "0"],
      "Error: invalid value '0' for '--max-people': expected a whole number ≥ 1"),
    CommandLineCase(
      ["render", "Examples/org.json", "-o", "Examples/org.json"],
      "Error: 'Examples/org.json' is the input file; render never writes over its input"),
    CommandLineCase(
      ["report", "Examples/org.json", "-o", "-", "--sections", "sumary"],
      "Error: unknown section 'sumary' for '--sections'"),
  ])
  func usageErrors(_ line: CommandLineCase) {
    let run = trustmap(line.arguments)
    #expect(run.status == 64)
    #expect(run.errors.hasPrefix(line.expected), "\(run.errors)")
    #expect(run.output.isEmpty)
  }

  @Test func reportSectionsFollowTheGoldenStructure() throws {
    let run = trustmap("report", "Examples/org.json", "-o", "-")
    #expect(run.status == 0)
    try expectGolden(sectionIDs(run.output).joined(separator: "\n") + "\n", "report-org-sections.txt")
    #expect(run.output.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
    #expect(run.output.contains("<h1>Northwind Studio: a small organisation</h1>"))
    for community in ["Leadership circle", "Cross-team design guild", "Lisbon office social"] {
      #expect(run.output.contains("<h3>\(community) <small>"))
    }
    let asked = trustmap("report", "Examples/org.json", "-o", "-", "--sections", "tribes,map")
    #expect(sectionIDs(asked.output) == ["map", "tribes"])
    // Without reports-to links there is no formal section unless asked for.
    let coffee = trustmap("report", "Examples/coffee-van.json", "-o", "-")
    #expect(!sectionIDs(coffee.output).contains("formal"))
    #expect(sectionIDs(coffee.output).contains("cascade"))
  }

  @Test func theReportFetchesNothingAndNamesNoAddress() throws {
    for example in ["org", "coffee-van", "quiet-team", "grown-community"] {
      let html = trustmap("report", "Examples/\(example).json", "-o", "-").output
      #expect(!html.lowercased().contains("http:"))
      #expect(!html.lowercased().contains("https:"))
      #expect(!html.contains("xmlns"))
      #expect(!html.contains("src="))
      #expect(html.components(separatedBy: "<script").count == 2)  // the one sorting script
      #expect(html.contains("<svg class=\"map\""))
    }
  }

  @Test func hostileNamesAreTextInTheReportAndTheMap() throws {
    try withTemporaryFolder { folder in
      let network = try hostileNetwork(in: folder)
      let escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Bo&quot; &apos;x&apos; &#x202E;gnp.exe"
      let report = trustmap("report", network, "-o", "-")
      #expect(report.status == 0)
      #expect(report.output.contains(escaped + " http&#58;//evil.example"))
      #expect(report.output.components(separatedBy: "<script").count == 2)
      #expect(!report.output.contains("\u{202E}"))
      #expect(!report.output.contains("http:"))
      let map = trustmap("render", network, "-o", "-", "--color-by", "team")
      #expect(map.status == 0)
      #expect(map.output.contains(escaped))
      #expect(!map.output.contains("<script"))
      #expect(!map.output.contains("\u{202E}"))
    }
  }

  @Test func theREADMEMapIsWhatRenderDrawsToday() throws {
    // docs/org-map.svg, byte for byte: the layout is the same on every machine.
    let run = trustmap("render", "Examples/org.json", "-o", "-", "--community", "lisbon")
    let committed = try String(
      contentsOf: packageRoot.appendingPathComponent("docs/org-map.svg"), encoding: .utf8)
    #expect(run.output == committed, "run the README's render command to update docs/org-map.svg")
  }

  @Test func reportWritesAFileSafely() throws {
    try withTemporaryFolder { folder in
      let path = folder.appendingPathComponent("report.html").path
      try "old".write(toFile: path, atomically: true, encoding: .utf8)
      let run = trustmap("report", "Examples/org.json", "-o", path, "--sections", "summary")
      #expect(run.status == 0)
      let html = try String(contentsOfFile: path, encoding: .utf8)
      #expect(sectionIDs(html) == ["summary"])
      let left = try FileManager.default.contentsOfDirectory(atPath: folder.path)
      #expect(left == ["report.html"])
      let missing = trustmap("report", "Examples/org.json", "-o", folder.path + "/no/such/r.html")
      #expect(missing.status == 74)
    }
  }
}
