import TrustCore

/// `trustmap analyse FILE`: the overall report, one section per analysis.
enum AnalyseCommand: AnalysisCommand {
  static let name = "analyse"
  static let aliases = ["analyze"]
  static let abstract = "The overall report: people, ties, communities, components."
  static let discussion = """
    Summarises the network on its strong-tie graph: people, tie records, strong and weak \
    ties, reciprocated pairs, contexts, communities and connected components; then each \
    community's joins and coherence, diversity per attribute, and the tribes. In CSV, one \
    row per person.
    """
  static let networkArguments = NetworkArguments.many
  static let sections = Option<[String]>(
    "--sections", valueName: "list",
    help: "The report's sections, comma-separated: "
      + analyseSections.map { $0.name }.joined(separator: ", ") + ". (default: all)"
  ) { text in
    let known = analyseSections.map { $0.name }
    let asked = text.split(separator: ",").map(String.init)
    if let unknown = asked.first(where: { !known.contains($0) }) {
      return .invalidWith(
        message: { _ in
          "unknown section '\(unknown)' for '--sections'; expected \(known.joined(separator: ", "))"
        }, suggestion: UsageError.didYouMean(closestCandidate(to: unknown, among: known)))
    }
    return .value(asked)
  }
  static let options: [any OptionDeclaration] =
    Options.graph(formats: formats)
    + [
      Options.communityBy, Options.introducers, Options.nearDepth, sections, Options.exact,
      Options.quiet,
    ]
  static let writingPhase: String? = "writing the report"

  /// The sections asked for, in report order.
  static func selectedSections(_ arguments: ParsedArguments) -> [any AnalyseSection.Type] {
    guard let asked = arguments.value(of: sections) else { return analyseSections }
    return analyseSections.filter { asked.contains($0.name) }
  }

  static func commandLineSettings(_ arguments: ParsedArguments) -> [(String, SettingValue)] {
    [("sections", .list(selectedSections(arguments).map { $0.name }))]
  }

  static func phaseCount(_ arguments: ParsedArguments) -> Int {
    selectedSections(arguments).count + 2
  }

  static func report(
    _ session: AnalysisSession, _ arguments: ParsedArguments, progress: ProgressReporter
  ) throws(CommandFailure) -> any Report {
    let context = AnalyseContext(
      session: session, communities: try communitySource(session, arguments),
      arguments: arguments, progress: progress)
    let asked = arguments.has(sections)
    var found: [any AnalyseSection] = []
    for section in selectedSections(arguments) where asked || section.applies(to: session) {
      found.append(try section.init(context))
    }
    let sections = found
    return AnalyseReport(sections: sections, network: session.network)
  }
}

/// The `analyse` report: its sections, each in its own shape.
struct AnalyseReport: Report {
  let sections: [any AnalyseSection]
  let network: TrustNetwork

  func text() -> TextReport {
    var report = TextReport()
    for (index, section) in sections.enumerated() {
      if index > 0 { report.blank() }
      report.append(section.text())
    }
    return report
  }

  func json() -> any JSONEncodable { SectionsDocument(sections: sections) }

  func csv() -> Table {
    var table = Table(columns: [.text("id"), .text("name")] + sections.flatMap(\.csvColumns))
    for person in 0..<network.people.count {
      var cells: [Cell] = [
        .text(network.people.id(of: person)), .text(network.people.name(of: person)),
      ]
      for section in sections { cells += section.csvCells(person: person) }
      table.row(cells)
    }
    return table
  }
}

/// One object, each section under its name.
private struct SectionsDocument: JSONEncodable {
  let sections: [any AnalyseSection]

  func encode(to json: inout JSONWriter) {
    json.object { json in
      for section in sections {
        json.key(type(of: section).name)
        section.json().encode(to: &json)
      }
    }
  }
}
