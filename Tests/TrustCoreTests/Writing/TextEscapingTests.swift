import Foundation
import Testing

@testable import TrustCore

/// Names are text, never markup: each format's escaping, exactly, and XML
/// that stays well formed whatever the names hold.
@Suite("Escaping names for each format")
struct TextEscapingTests {
  /// What one escaping makes of `text`, with the characters it replaced.
  func escaped(_ text: String, _ append: (inout ChunkedOutput, String) -> Void) -> (String, Int) {
    var result = ""
    var out = ChunkedOutput { result += $0 }
    append(&out, text)
    try? out.finish()
    return (result, out.replacedCharacters)
  }

  @Test func xmlEscapesTheFiveCharactersAndReplacesWhatXMLForbids() {
    #expect(XMLText.escaped("Tom & \"Jerry\" <'x'>") == ("Tom &amp; &quot;Jerry&quot; &lt;&apos;x&apos;&gt;", 0))
    #expect(XMLText.escaped("a\tb\nc\rd") == ("a&#9;b&#10;c&#13;d", 0))
    #expect(XMLText.escaped("bell\u{7}nul\u{0}\u{1F}") == ("bell\u{FFFD}nul\u{FFFD}\u{FFFD}", 3))
    #expect(XMLText.escaped("\u{FFFE}x\u{FFFF}") == ("\u{FFFD}x\u{FFFD}", 2))
    // U+FFFD, U+FF01 (fullwidth !) and other characters led by 0xEF pass unchanged.
    #expect(XMLText.escaped("\u{FFFD}\u{FF01}\u{F000}") == ("\u{FFFD}\u{FF01}\u{F000}", 0))
    #expect(XMLText.escaped("Zoë 日本 🌍") == ("Zoë 日本 🌍", 0))
  }

  @Test func jsonEscapesQuotesBackslashesAndControlCharacters() {
    let (text, replaced) = escaped("say \"hi\"\\\n\t\u{1}é") { $0.appendJSONString($1) }
    #expect(text == #""say \"hi\"\\\n\t\u0001é""#)
    #expect(replaced == 0)
    let decoded = try? JSONSerialization.jsonObject(with: Data("[\(text)]".utf8)) as? [String]
    #expect(decoded == ["say \"hi\"\\\n\t\u{1}é"])
  }

  @Test func csvQuotesOnlyWhatNeedsIt() {
    #expect(escaped("plain text") { $0.appendCSVField($1) }.0 == "plain text")
    #expect(escaped("a,b") { $0.appendCSVField($1) }.0 == "\"a,b\"")
    #expect(escaped("say \"hi\"") { $0.appendCSVField($1) }.0 == "\"say \"\"hi\"\"\"")
    #expect(escaped("two\nlines\r") { $0.appendCSVField($1) }.0 == "\"two\nlines\r\"")
    #expect(escaped("") { $0.appendCSVField($1) }.0 == "")
  }

  @Test func quotedTextEscapesQuotesAndBackslashes() {
    #expect(escaped("Ana \"the lead\" \\o/") { $0.appendQuoted($1) }.0 == #""Ana \"the lead\" \\o/""#)
    #expect(escaped("two\nlines\ttab") { $0.appendQuoted($1) } == (#""two\nlines"# + "\ttab\"", 0))
    #expect(escaped("bell\u{7}") { $0.appendQuoted($1) } == ("\"bell\u{FFFD}\"", 1))
    #expect(escaped("p1") { $0.appendToken($1.utf8) }.0 == "p1")
    #expect(escaped("two words") { $0.appendToken($1.utf8) }.0 == "\"two words\"")
    #expect(escaped("it's#1") { $0.appendToken($1.utf8) }.0 == "\"it's#1\"")
    #expect(escaped("") { $0.appendToken($1.utf8) }.0 == "\"\"")
  }

  /// GraphML of hostile names parses, and gives back every id, name,
  /// attribute and context (what XML forbids as U+FFFD).
  @Test func graphMLOfHostileNamesIsWellFormedAndKeepsThem() throws {
    let network = try Hostile.network()
    let elements = parseXML(try written(network, .graphml))
    let keys = Dictionary(
      uniqueKeysWithValues: elements.filter { $0.name == "key" }.map {
        ($0.attributes["id"] ?? "", $0.attributes["attr.name"] ?? "")
      })
    #expect(keys.values.contains("team & <role>"))
    var labels: [String: String] = [:]
    var current = ""
    var communities: [String] = []
    for element in elements {
      if element.name == "node" { current = element.attributes["id"] ?? "" }
      if element.name == "data", keys[element.attributes["key"] ?? ""] == "label" {
        labels[current] = element.text
      }
      if element.name == "data", keys[element.attributes["key"] ?? ""] == "communities" {
        communities.append(element.text)
      }
    }
    #expect(Array(labels.keys).sorted() == Hostile.ids.sorted())
    for (index, id) in Hostile.ids.enumerated() {
      #expect(labels[id] == Hostile.xmlView(Hostile.names[index]))
    }
    #expect(communities == ["c<1>", "c<1>"])
    let edges = elements.filter { $0.name == "edge" }
    #expect(edges.map { $0.attributes["source"] ?? "" } == [Hostile.ids[0], Hostile.ids[2], Hostile.ids[4]])
    let contexts = elements.filter { keys[$0.attributes["key"] ?? ""] == "contexts" }.map(\.text)
    #expect(contexts == ["<work>", "a\"b;c&d"])
    let graphName = elements.first { keys[$0.attributes["key"] ?? ""] == "name" }?.text
    #expect(graphName == "R&D <\"lab\">")
  }

  @Test func gexfOfHostileNamesIsWellFormedAndKeepsThem() throws {
    let network = try Hostile.network()
    for version in GEXFVersion.allCases {
      let elements = parseXML(try written(network, .gexf, options: WriteOptions(gexfVersion: version)))
      let nodes = elements.filter { $0.name == "node" }
      #expect(nodes.map { $0.attributes["id"] ?? "" } == Hostile.ids)
      #expect(nodes.map { $0.attributes["label"] ?? "" } == Hostile.names.map(Hostile.xmlView))
      let titles = elements.filter { $0.name == "attribute" }.map { $0.attributes["title"] ?? "" }
      #expect(titles == ["reportsTo", "communities", "level", "team & <role>", "contexts"])
      let values = elements.filter { $0.name == "attvalue" }.map { $0.attributes["value"] ?? "" }
      #expect(values.contains("x\"y'z"))
      #expect(values.contains("a\"b;c&d"))
      #expect(elements.first { $0.name == "description" }?.text == "R&D <\"lab\">")
    }
  }

  /// Every XML-forbidden character is counted once.
  @Test func writersCountTheCharactersTheyReplace() throws {
    let network = try Hostile.network()
    let writer = try NetworkWriter(format: .graphml)
    let summary = try writer.write(network) { _ in }
    // "bell\u{7}and nul\u{0}" has 2, "\u{FFFE}\u{FFFF}" 2.
    #expect(summary.replacedCharacters == 4)
    #expect(try NetworkWriter(format: .json).write(network) { _ in }.replacedCharacters == 0)
    #expect(try NetworkWriter(format: .csv).write(network, part: .nodes) { _ in }.replacedCharacters == 0)
    #expect(try NetworkWriter(format: .dot).write(network) { _ in }.replacedCharacters == 2)
  }

  @Test func csvOfHostileNamesParsesBack() throws {
    let network = try Hostile.network()
    let people = parseCSV(try written(network, .csv, part: .nodes))
    #expect(people[0] == ["Id", "Label", "ReportsTo", "level", "team & <role>"])
    #expect(people.dropFirst().map { $0[0] } == Hostile.ids)
    #expect(people.dropFirst().map { $0[1] } == Hostile.names)
    #expect(people[2] == [Hostile.ids[1], Hostile.names[1], Hostile.ids[0], "a,b", "x\"y'z"])
    let ties = parseCSV(try written(network, .csv))
    #expect(ties[2] == [Hostile.ids[2], Hostile.ids[3], "Directed", "1", "0.25", "a\"b;c&d"])
    let members = parseCSV(try written(network, .csv, part: .communities))
    #expect(
      members == [["Community", "Name", "Member"], ["c<1>", "Café & \"friends\"", Hostile.ids[0]], ["c<1>", "Café & \"friends\"", Hostile.ids[5]]])
  }

  @Test func pajekAndDOTQuoteHostileIds() throws {
    let network = try Hostile.network()
    let pajek = try written(network, .pajek)
    #expect(pajek.hasPrefix("*Network R&D <\"lab\">\n*Vertices 6\n1 \"a<b>&c\"\n2 \"q\\\"uote's\"\n3 \"sp ace#1\"\n4 \"back\\\\slash\"\n"))
    let dot = try written(network, .dot)
    #expect(dot.hasPrefix(#"digraph "R&D <\"lab\">" {"#))
    #expect(dot.contains(#"  "q\"uote's" [label="Tom & \"Jerry\"", level="a,b", "team & <role>"="x\"y'z", reportsTo="a<b>&c"];"#))
    #expect(dot.contains(#"  "back\\slash" [label="bell"# + "\u{FFFD}and nul\u{FFFD}\""))
  }
}
