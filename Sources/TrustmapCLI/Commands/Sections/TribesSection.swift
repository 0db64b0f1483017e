import TrustCore

/// The tribes section of `analyse`: each level's size and modularity, and
/// the largest tribes.
struct TribesSection: AnalyseSection {
  static let name = "tribes"
  let hierarchy: TribeHierarchy

  init(_ context: AnalyseContext) throws(CommandFailure) {
    context.progress.phase("tribes")
    // The session's default tribes: the same ones `--community-by tribe` used.
    hierarchy = context.session.tribes()
  }

  func text() -> TextReport {
    var report = TextReport()
    report.line("Tribes (Leiden, modularity; see 'trustmap tribes' for profiles)")
    var table = Table(columns: [
      .number("level"), .number("tribes"), .number("modularity"), .text("largest"),
    ])
    for level in hierarchy.levels {
      let largest = level.tribes.prefix(5).map { "\($0.id) (\($0.members.count))" }
      table.row([
        .integer(level.level), .integer(level.tribes.count),
        .number(level.modularity, .decimals(4)), .text(largest.joined(separator: ", ")),
      ])
    }
    report.table(table)
    return report
  }

  func json() -> any JSONEncodable { hierarchy.levels.map(TribeLevelOverview.init) }

  var csvColumns: [Table.Column] { hierarchy.levels.map { .text("tribeLevel\($0.level)") } }

  func csvCells(person: Int) -> [Cell] {
    hierarchy.levels.map { .text($0.tribes[Int($0.tribeOf[person])].id) }
  }
}
