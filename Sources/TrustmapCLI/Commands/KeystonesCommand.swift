import TrustCore

/// `trustmap keystones FILE`: who holds trust together.
enum KeystonesCommand: AnalysisCommand {
  static let name = "keystones"
  static let abstract = "Who holds trust together: the people whose leaving would split it."
  static let discussion = """
    The articulation points of the strong-tie graph: the people whose leaving would cut \
    others off, with how many would no longer be connected to the largest part of their \
    component; and, per community, the members whose leaving would split the members' \
    own strong ties into more parts. In CSV, one row per keystone.
    """
  static let networkArguments = NetworkArguments.many
  static let options: [any OptionDeclaration] =
    [Options.communityBy] + Options.graph(formats: formats) + [Options.quiet]

  static func report(
    _ session: AnalysisSession, _ arguments: ParsedArguments, progress: ProgressReporter
  ) throws(CommandFailure) -> any Report {
    let query = KeystonesQuery(communities: try communitySource(session, arguments))
    let answer = try usage(arguments) { () throws(TrustQueryError) in try query.run(in: session) }
    let report = KeystoneReport(answer, network: session.network)
    return KeystonesText(
      report: report.suppressingGroups(smallerThan: GroupSuppression(arguments).minimum),
      network: session.network)
  }
}

/// How the keystones are told; a community suppressed by `--min-group`
/// shows only `suppressed`.
struct KeystonesText: Report {
  let report: KeystoneReport
  let network: TrustNetwork

  /// The table of the first `limit` keystones.
  static func table(_ keystones: [KeystoneReport.Keystone], network: TrustNetwork, limit: Int)
    -> Table
  {
    var table = Table(columns: [
      .text("keystone"), .text("name"), .number("cut off"), .number("parts"),
    ])
    for keystone in keystones.prefix(limit) {
      let name = network.index(of: keystone.id).map { network.people.name(of: $0) } ?? ""
      table.row([
        .text(keystone.id), .text(name), .integer(keystone.cutOff), .integer(keystone.parts),
      ])
    }
    return table
  }

  func text() -> TextReport {
    var text = TextReport()
    text.line(
      "Keystones: \(report.keystones.count) people whose leaving would split the strong-tie graph")
    if !report.keystones.isEmpty {
      text.table(Self.table(report.keystones, network: network, limit: 50))
      if report.keystones.count > 50 {
        text.line("  … and \(report.keystones.count - 50) more (use --format json for all)")
      }
    }
    if !report.communities.isEmpty {
      text.blank()
      text.line("Per community: members whose leaving splits the members' own strong ties")
      var table = Table(columns: [.text("community"), .number("keystones"), .text("who")])
      for community in report.communities.prefix(200) {
        if community.isSuppressed {
          table.row([.text(community.community), "suppressed", "suppressed"])
          continue
        }
        table.row([
          .text(community.community), .integer(community.keystones.count),
          .text(spokenList(community.keystones, limit: 8)),
        ])
      }
      text.table(table)
    }
    return text
  }

  func json() -> any JSONEncodable { report }

  func csv() -> Table {
    var table = Table(columns: [.text("id"), .number("cutOff"), .number("parts")])
    for keystone in report.keystones {
      table.row([.text(keystone.id), .integer(keystone.cutOff), .integer(keystone.parts)])
    }
    return table
  }
}
