import TrustCore

/// One section of a report, rendered in each format by itself, so a new
/// analysis adds a section without touching the others.
protocol ReportSection {
  /// The section's key in the JSON report.
  var jsonKey: String { get }
  /// Appends the section for people to read.
  func writeText(into text: inout String, network: TrustNetwork)
  /// Writes the section's value (after its key) into the JSON report.
  func writeJSON(into json: inout JSONWriter, network: TrustNetwork)
  /// The section's columns in the per-person CSV (none by default).
  var csvColumns: [String] { get }
  /// The section's fields for one person, beside ``csvColumns``.
  func csvFields(person: Int, network: TrustNetwork) -> [String]
}

extension ReportSection {
  var csvColumns: [String] { [] }
  func csvFields(person: Int, network: TrustNetwork) -> [String] { [] }
}

/// A report that is one section: its JSON is the section's value itself, and
/// its CSV may have rows other than people (one per join, say).
protocol StandaloneReport: ReportSection {
  /// The whole CSV document.
  func csv(network: TrustNetwork) -> String
}

extension StandaloneReport {
  func csv(network: TrustNetwork) -> String {
    renderReport([self], network: network, format: .csv)
  }

  func render(network: TrustNetwork, format: OutputFormat) -> String {
    switch format {
    case .text:
      var text = ""
      writeText(into: &text, network: network)
      return text
    case .json:
      var json = JSONWriter()
      writeJSON(into: &json, network: network)
      return json.output + "\n"
    case .csv:
      return csv(network: network)
    }
  }
}

/// Renders sections as one report in `format`.
func renderReport(_ sections: [any ReportSection], network: TrustNetwork, format: OutputFormat)
  -> String
{
  switch format {
  case .text:
    var text = ""
    for (index, section) in sections.enumerated() {
      if index > 0 { text += "\n" }
      section.writeText(into: &text, network: network)
    }
    return text
  case .json:
    var json = JSONWriter()
    json.object { json in
      for section in sections {
        json.key(section.jsonKey)
        section.writeJSON(into: &json, network: network)
      }
    }
    return json.output + "\n"
  case .csv:
    var csv = CSVWriter(header: ["id", "name"] + sections.flatMap(\.csvColumns))
    for person in 0..<network.people.count {
      var fields = [network.people.id(of: person), network.people.name(of: person)]
      for section in sections { fields += section.csvFields(person: person, network: network) }
      csv.row(fields)
    }
    return csv.output
  }
}

/// The summary section of `analyse`.
struct SummarySection: ReportSection {
  var summary: NetworkSummary
  var graph: TrustGraph
  var components: Components
  var degrees: TrustDegreeCounts

  var jsonKey: String { "summary" }

  func writeText(into text: inout String, network: TrustNetwork) {
    let s = summary
    text += (s.name ?? "Network") + "\n"
    var table = TextTable(header: ["", ""], rightAligned: [1])
    table = TextTable(header: ["people", String(s.people)], rightAligned: [1])
    table.row(["tie records", String(s.tieRecords)])
    if !s.contextFilter.isEmpty || s.keptRecords != s.tieRecords {
      table.row(["records kept", String(s.keptRecords)])
    }
    table.row(["strong ties", String(s.strongTies)])
    table.row(["weak ties", String(s.weakTies)])
    table.row(["reciprocated pairs", String(s.reciprocatedPairs)])
    table.row(["components", String(s.components)])
    table.row(["largest component", String(s.largestComponent)])
    table.row(["isolates", String(s.isolates)])
    table.row(["mean first degree", formatNumber(degrees.meanFirstDegree, decimals: 2)])
    table.row(["mean second degree", formatNumber(degrees.meanSecondDegree, decimals: 2)])
    table.row(["largest second degree", String(degrees.secondDegree.max() ?? 0)])
    text += table.rendered()
    var rule = "  strong means strength ≥ \(formatNumber(s.threshold))"
    rule += s.reciprocity == .mutual ? " in both directions" : " in either direction"
    if !s.contextFilter.isEmpty {
      rule += ", in context " + s.contextFilter.joined(separator: " or ") + " (or general)"
    }
    text += rule + "\n"
    if !s.contexts.isEmpty {
      text += "\nContexts\n"
      var contexts = TextTable(header: ["context", "records"], rightAligned: [1])
      for context in s.contexts { contexts.row([context.context, String(context.records)]) }
      text += contexts.rendered()
    }
    if !s.communities.isEmpty {
      text += "\nCommunities\n"
      var communities = TextTable(header: ["community", "name", "members"], rightAligned: [2])
      for community in s.communities.prefix(50) {
        communities.row([community.id, community.name, String(community.members)])
      }
      text += communities.rendered()
      if s.communities.count > 50 {
        text += "  … and \(s.communities.count - 50) more communities (use --format json for all)\n"
      }
    }
  }

  func writeJSON(into json: inout JSONWriter, network: TrustNetwork) {
    let s = summary
    json.object { json in
      json.key("name")
      json.optionalString(s.name)
      json.key("people")
      json.int(s.people)
      json.key("tieRecords")
      json.int(s.tieRecords)
      json.key("keptRecords")
      json.int(s.keptRecords)
      json.key("strongTies")
      json.int(s.strongTies)
      json.key("weakTies")
      json.int(s.weakTies)
      json.key("reciprocatedPairs")
      json.int(s.reciprocatedPairs)
      json.key("threshold")
      json.number(s.threshold)
      json.key("reciprocity")
      json.string(s.reciprocity.rawValue)
      json.key("contextFilter")
      json.strings(s.contextFilter)
      json.key("contexts")
      json.array { json in
        for context in s.contexts {
          json.object { json in
            json.key("context")
            json.string(context.context)
            json.key("records")
            json.int(context.records)
          }
        }
      }
      json.key("communities")
      json.array { json in
        for community in s.communities {
          json.object { json in
            json.key("id")
            json.string(community.id)
            json.key("name")
            json.string(community.name)
            json.key("members")
            json.int(community.members)
          }
        }
      }
      json.key("components")
      json.object { json in
        json.key("count")
        json.int(s.components)
        json.key("largest")
        json.int(s.largestComponent)
      }
      json.key("isolates")
      json.int(s.isolates)
      json.key("degreesOfTrust")
      json.object { json in
        json.key("meanFirstDegree")
        json.number(degrees.meanFirstDegree)
        json.key("meanSecondDegree")
        json.number(degrees.meanSecondDegree)
        json.key("largestFirstDegree")
        json.int(Int(degrees.firstDegree.max() ?? 0))
        json.key("largestSecondDegree")
        json.int(Int(degrees.secondDegree.max() ?? 0))
      }
    }
  }

  var csvColumns: [String] { ["strongTies", "weakTies", "secondDegree", "component"] }

  func csvFields(person: Int, network: TrustNetwork) -> [String] {
    [
      String(graph.degree(of: person)),
      String(graph.weakNeighbours(of: person).count),
      String(degrees.secondDegree[person]),
      String(components.componentOf[person] + 1),
    ]
  }
}
