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
    answer = SummaryQuery.run(
      in: session, listing: list, exact: context.arguments.has(Options.exact)
    ) { context.progress.phase($0) }
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
    let degrees = s.degreesOfTrust
    table.row([
      "mean second degree",
      Self.figure(.number(degrees.meanSecondDegree, .decimals(2)), degrees.meanSecondDegreeError),
    ])
    table.row([
      "largest second degree",
      Self.figure(.integer(degrees.largestSecondDegree), degrees.largestSecondDegreeError),
    ])
    report.table(table)
    if let error = degrees.meanSecondDegreeError {
      let estimated = answer.degrees.secondDegreeError.reduce(0) { $0 + ($1 > 0 ? 1 : 0) }
      report.line(
        "  ≈ estimated: \(estimated) of \(s.people) second degrees beyond the work budget "
          + "(HyperLogLog, relative error ±\(formatNumber(Self.percent(error))) % for the mean; "
          + "--exact counts them all)")
    }
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

  /// A figure as text, `≈` before it when it is an estimate with `error`.
  private static func figure(_ cell: Cell, _ error: Double?) -> Cell {
    guard let error else { return cell }
    return .text("≈ " + cell.text + " (±" + formatNumber(percent(error)) + " %)")
  }

  /// A relative error in per cent, to one decimal, rounded up.
  private static func percent(_ error: Double) -> Double { (error * 1000).rounded(.up) / 10 }

  func json() -> any JSONEncodable {
    answer.summary.suppressingGroups(smallerThan: groups.minimum)
  }

  var csvColumns: [Table.Column] {
    [.number("strongTies"), .number("weakTies"), .number("secondDegree")]
      + (answer.degrees.hasEstimates ? [.number("secondDegreeRelativeError")] : [])
      + [.number("component")]
  }

  func csvCells(person: Int) -> [Cell] {
    let degrees = answer.degrees
    let error: [Cell] =
      !degrees.hasEstimates
      ? [] : [degrees.isEstimated(person) ? .text(formatRelativeError(person)) : .text("")]
    return [
      .integer(graph.degree(of: person)), .integer(graph.weakNeighbours(of: person).count),
      .integer(Int(degrees.secondDegree[person])),
    ] + error + [.integer(Int(answer.components.componentOf[person]) + 1)]
  }

  /// `person`'s second degree's relative error, four decimals at most.
  private func formatRelativeError(_ person: Int) -> String {
    let error = Double(answer.degrees.secondDegreeError[person])
    return formatNumber((error * 10_000).rounded(.up) / 10_000)
  }
}
