import TrustCore

/// The summary section of `analyse`: people, ties, components, degrees of
/// trust, contexts and communities.
struct SummarySection: AnalyseSection {
  static let name = "summary"
  let answer: SummaryAnswer
  let graph: TrustGraph
  let groups: GroupSuppression

  init(_ context: AnalyseContext) throws(CommandFailure) {
    let source = context.communities
    let session = context.session
    let list = try context.ask { () throws(TrustQueryError) in try session.communities(source) }
    answer = SummaryQuery.run(in: session, listing: list) { context.progress.phase($0) }
    graph = session.graph
    groups = GroupSuppression(context.arguments)
  }

  func text() -> TextReport {
    var report = TextReport()
    let s = answer.summary
    report.line(s.name ?? "Network")
    var table = Table(columns: [.text(""), .number("")], showsHeader: false)
    table.row(["people", .integer(s.people)])
    table.row(["tie records", .integer(s.tieRecords)])
    if !s.contextFilter.isEmpty || s.keptRecords != s.tieRecords {
      table.row(["records kept", .integer(s.keptRecords)])
    }
    table.row(["strong ties", .integer(s.strongTies)])
    table.row(["weak ties", .integer(s.weakTies)])
    table.row(["reciprocated pairs", .integer(s.reciprocatedPairs)])
    table.row(["components", .integer(s.components.count)])
    table.row(["largest component", .integer(s.components.largest)])
    table.row(["isolates", .integer(s.isolates)])
    table.row(["mean first degree", .number(s.degreesOfTrust.meanFirstDegree, .decimals(2))])
    table.row(["mean second degree", .number(s.degreesOfTrust.meanSecondDegree, .decimals(2))])
    table.row(["largest second degree", .integer(s.degreesOfTrust.largestSecondDegree)])
    report.table(table)
    var rule = "  strong means strength ≥ \(formatNumber(s.threshold))"
    rule += s.reciprocity == .mutual ? " in both directions" : " in either direction"
    if !s.contextFilter.isEmpty {
      rule += ", in context " + s.contextFilter.joined(separator: " or ") + " (or general)"
    }
    report.line(rule)
    if !s.contexts.isEmpty {
      report.blank()
      report.line("Contexts")
      var contexts = Table(columns: [.text("context"), .number("records")])
      for context in s.contexts {
        contexts.row([.text(context.context), .integer(context.records)])
      }
      report.table(contexts)
    }
    if !s.communities.isEmpty {
      report.blank()
      report.line("Communities")
      var communities = Table(columns: [.text("community"), .text("name"), .number("members")])
      for community in s.communities.prefix(50) {
        communities.row(
          groups.hides(community.members)
            ? groups.row([.text(community.id)], figures: 2)
            : [.text(community.id), .text(community.name), .integer(community.members)])
      }
      report.table(communities)
      if s.communities.count > 50 {
        report.line(
          "  … and \(s.communities.count - 50) more communities (use --format json for all)")
      }
    }
    return report
  }

  func json() -> any JSONEncodable {
    answer.summary.suppressingGroups(smallerThan: groups.minimum)
  }

  var csvColumns: [Table.Column] {
    [.number("strongTies"), .number("weakTies"), .number("secondDegree"), .number("component")]
  }

  func csvCells(person: Int) -> [Cell] {
    [
      .integer(graph.degree(of: person)), .integer(graph.weakNeighbours(of: person).count),
      .integer(Int(answer.degrees.secondDegree[person])),
      .integer(Int(answer.components.componentOf[person]) + 1),
    ]
  }
}
