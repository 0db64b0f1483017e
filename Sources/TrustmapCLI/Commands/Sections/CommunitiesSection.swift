import TrustCore

/// The per-community section of `analyse`: members, how non-members would
/// join, in / near / out sizes, density and isolated members.
struct CommunitiesSection: AnalyseSection {
  static let name = "communities"
  let rows: [CommunityOverviewRow]
  let nearDepth: Int
  let groups: GroupSuppression

  init(_ context: AnalyseContext) throws(CommandFailure) {
    context.progress.phase("communities")
    let arguments = context.arguments
    let query = CommunityOverviewQuery(
      communities: context.communities,
      nearDepth: arguments.value(of: Options.nearDepth) ?? 1,
      introducersNeeded: arguments.value(of: Options.introducers) ?? 1)
    let session = context.session
    rows = try context.ask { () throws(TrustQueryError) in try query.run(in: session) }
    nearDepth = query.nearDepth
    groups = GroupSuppression(arguments)
  }

  func text() -> TextReport {
    var report = TextReport()
    report.line("Joining and coherence, per community (near: within \(strongTies(nearDepth)))")
    guard !rows.isEmpty else {
      report.line("  no communities (use --community-by ATTRIBUTE to make some)")
      return report
    }
    var table = Table(
      columns: [.text("community")]
        + ["members", "direct", "introduced", "cold", "near", "out", "density", "isolated"].map {
          .number($0)
        })
    for row in rows.prefix(200) {
      if groups.hides(row.join.members) {
        table.row(groups.row([.text(row.community.id)], figures: 8))
        continue
      }
      table.row([
        .text(row.community.id), .integer(row.join.members), .integer(row.join.direct),
        .integer(row.join.introduced), .integer(row.join.cold), .integer(row.near),
        .integer(row.out), .number(row.coherence.density, .significant(3)),
        .integer(row.coherence.isolatedMembers.count),
      ])
    }
    report.table(table)
    if rows.count > 200 {
      report.line("  … and \(rows.count - 200) more communities (use --format json for all)")
    }
    return report
  }

  func json() -> any JSONEncodable {
    rows.map(CommunityOverview.init).suppressingGroups(smallerThan: groups.minimum)
  }
}
