import TrustCore

/// The tribes section of `analyse`: each level's size and modularity, and
/// the largest tribes.
struct TribesSection: AnalyseSection {
  static let name = "tribes"
  let hierarchy: TribeHierarchy
  let groups: GroupSuppression

  init(_ context: AnalyseContext) throws(CommandFailure) {
    context.progress.phase("tribes")
    // The session's default tribes: the same ones `--community-by tribe` used.
    hierarchy = context.session.tribes()
    groups = GroupSuppression(context.arguments)
  }

  func text() -> TextReport {
    var report = TextReport()
    report.line("Tribes (Leiden, modularity; see 'trustmap tribes' for profiles)")
    var table = Table(columns: [
      .number("level"), .number("tribes"), .number("modularity"), .text("largest"),
    ])
    for level in hierarchy.levels {
      let largest = level.tribes.prefix(5).map { tribe in
        "\(tribe.id) (\(groups.hides(tribe.members.count) ? "suppressed" : String(tribe.members.count)))"
      }
      table.row([
        .integer(level.level), .integer(level.tribes.count),
        .number(level.modularity, .decimals(4)), .text(largest.joined(separator: ", ")),
      ])
    }
    report.table(table)
    return report
  }

  func json() -> any JSONEncodable {
    hierarchy.levels.map {
      TribeLevelOverview($0).suppressingGroups(smallerThan: groups.minimum)
    }
  }

  var csvColumns: [Table.Column] { hierarchy.levels.map { .text("tribeLevel\($0.level)") } }

  func csvCells(person: Int) -> [Cell] {
    hierarchy.levels.map { level in
      let tribe = level.tribes[Int(level.tribeOf[person])]
      return .text(groups.hides(tribe.members.count) ? "suppressed" : tribe.id)
    }
  }
}
