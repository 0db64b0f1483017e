import Foundation
import Testing

@testable import TrustCore

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `network` written in `format` (the main part), as one string.
func written(
  _ network: TrustNetwork, _ format: NetworkFormat, part: NetworkFilePart = .main,
  results: NodeResults? = nil, options: WriteOptions = WriteOptions()
) throws -> String {
  var text = ""
  try NetworkWriter(format: format, options: options).write(
    network, results: results, part: part
  ) { text += $0 }
  return text
}

/// The bundled example organisation.
func exampleOrganisation() throws -> TrustNetwork {
  let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Examples/org.json")
  return try TrustNetwork(contentsOfFile: url.path)
}

/// Names that are text, never markup: every character XML, CSV, DOT and
/// Pajek treat specially, control characters, a noncharacter XML forbids,
/// and text beyond ASCII.
enum Hostile {
  static let ids = ["a<b>&c", "q\"uote's", "sp ace#1", "back\\slash", "comma,semi;colon", "日本"]
  static let names = [
    "<script>alert('x')</script>", "Tom & \"Jerry\"", "tab\there\nnew line\r",
    "bell\u{7}and nul\u{0}", "not a char \u{FFFE}\u{FFFF}", "Zoë 🌍",
  ]

  /// Six people with hostile ids, names, attribute keys and values, ties
  /// with hostile contexts, and a community with a hostile name.
  static func network() throws -> TrustNetwork {
    var builder = TrustNetworkBuilder(name: "R&D <\"lab\">", strongTieThreshold: 0.5)
    for (index, id) in ids.enumerated() {
      builder.addPerson(
        id, name: names[index],
        attributes: ["team & <role>": "x\"y'z", "level": index.isMultiple(of: 2) ? "1.50" : "a,b"],
        reportsTo: index == 0 ? nil : ids[0])
    }
    builder.addTie(from: ids[0], to: ids[1], strength: 0.9, mutual: true, contexts: ["<work>"])
    builder.addTie(from: ids[2], to: ids[3], strength: 0.25, contexts: ["a\"b", "c&d"])
    builder.addTie(from: ids[4], to: ids[5], strength: 1)
    builder.addCommunity("c<1>", name: "Café & \"friends\"", members: [ids[0], ids[5]])
    return try builder.build()
  }

  /// What XML makes of `text`: the characters XML 1.0 forbids become U+FFFD.
  static func xmlView(_ text: String) -> String {
    String(
      String.UnicodeScalarView(
        text.unicodeScalars.map { scalar in
          let allowed =
            scalar == "\t" || scalar == "\n" || scalar == "\r"
            || (scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF)
          return allowed ? scalar : "\u{FFFD}"
        }))
  }
}

/// An element of a parsed XML document: its name, attributes and text.
struct XMLElementRecord {
  var name: String
  var attributes: [String: String]
  var text: String
}

/// Parses `text` with Foundation's XMLParser, failing the test when it is
/// not well formed; returns every element in document order.
func parseXML(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation)
  -> [XMLElementRecord]
{
  let collector = XMLCollector()
  let parser = XMLParser(data: Data(text.utf8))
  parser.shouldProcessNamespaces = false
  parser.delegate = collector
  let parsed = parser.parse()
  #expect(
    parsed, "not well formed: \(String(describing: parser.parserError))",
    sourceLocation: sourceLocation)
  return collector.elements
}

private final class XMLCollector: NSObject, XMLParserDelegate {
  var elements: [XMLElementRecord] = []
  private var open: [Int] = []

  func parser(
    _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
    qualifiedName: String?, attributes: [String: String] = [:]
  ) {
    open.append(elements.count)
    elements.append(XMLElementRecord(name: elementName, attributes: attributes, text: ""))
  }

  func parser(_ parser: XMLParser, foundCharacters string: String) {
    if let last = open.last { elements[last].text += string }
  }

  func parser(
    _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
    qualifiedName: String?
  ) {
    open.removeLast()
  }
}

/// Splits RFC 4180 CSV text into rows of fields (quoted fields may hold
/// commas, doubled quotes and line breaks).
func parseCSV(_ text: String) -> [[String]] {
  var rows: [[String]] = []
  var row: [String] = []
  var field = ""
  var quoted = false
  var characters = Array(text.unicodeScalars)[...]
  while let scalar = characters.popFirst() {
    if quoted {
      if scalar == "\"" {
        if characters.first == "\"" {
          field.unicodeScalars.append("\"")
          characters.removeFirst()
        } else {
          quoted = false
        }
      } else {
        field.unicodeScalars.append(scalar)
      }
    } else if scalar == "\"" {
      quoted = true
    } else if scalar == "," {
      row.append(field)
      field = ""
    } else if scalar == "\n" {
      row.append(field)
      rows.append(row)
      row = []
      field = ""
    } else {
      field.unicodeScalars.append(scalar)
    }
  }
  if !field.isEmpty || !row.isEmpty { rows.append(row + [field]) }
  return rows
}

/// Expects `read` to be `original`: name, threshold, people (ids, names,
/// attributes, managers), tie records (ends, strengths, mutual, contexts) and
/// communities, all in order.
func expectSameNetwork(
  _ read: TrustNetwork, _ original: TrustNetwork,
  sourceLocation: Testing.SourceLocation = #_sourceLocation
) {
  #expect(read.name == original.name, sourceLocation: sourceLocation)
  #expect(read.strongTieThreshold == original.strongTieThreshold, sourceLocation: sourceLocation)
  #expect(read.allPeople == original.allPeople, sourceLocation: sourceLocation)
  #expect(read.allTies == original.allTies, sourceLocation: sourceLocation)
  #expect(read.communities == original.communities, sourceLocation: sourceLocation)
  #expect(read.contexts == original.contexts, sourceLocation: sourceLocation)
  #expect(read.attributeKeys == original.attributeKeys, sourceLocation: sourceLocation)
}
