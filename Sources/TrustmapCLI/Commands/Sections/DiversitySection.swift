import TrustCore

/// The diversity section of `analyse`: one line per attribute.
struct DiversitySection: AnalyseSection {
  static let name = "diversity"
  let overviews: [DiversityOverview]

  init(_ context: AnalyseContext) throws(CommandFailure) {
    context.progress.phase("diversity")
    let session = context.session
    overviews = try context.ask { () throws(TrustQueryError) in
      try DiversityQuery().overviews(in: session)
    }
  }

  func text() -> TextReport {
    var report = TextReport()
    report.line("Diversity versus volume, per attribute")
    guard !overviews.isEmpty else {
      report.line("  no attributes")
      return report
    }
    var table = Table(columns: [
      .text("attribute"), .number("values"), .number("assortativity"), .number("E-I"),
      .number("volume-Blau"), .number("narrow"),
    ])
    for d in overviews {
      table.row([
        .text(d.attribute), .integer(d.valueCount), .number(d.assortativity, .decimals(3)),
        .number(d.eiIndex, .decimals(3)), .number(d.volumeBlauSpearman, .decimals(3)),
        .integer(d.narrowCount),
      ])
    }
    report.table(table)
    return report
  }

  func json() -> any JSONEncodable { overviews }
}
