import TrustCore

/// `trustmap joins FILE`: who would join each community warm or cold, and how.
enum JoinsCommand: AnalysisCommand {
  static let name = "joins"
  static let abstract = "Who would join each community warm (direct or introduced) or cold."
  static let discussion = """
    For every person and every community they are not in: the warmth of the join, the \
    members they already trust, and the introducers (trusted people outside the community \
    with a strong tie into it). For a cold join, the path to warmth: a shortest strong-tie \
    path to the nearest member. Then a summary per community, which always counts every \
    non-member, even when --person narrows the pairs.
    """
  static let options: [any OptionDeclaration] =
    [Options.person, Options.community, Options.introducers, Options.communityBy]
    + Options.graph(formats: formats) + [Options.quiet]

  static func report(
    _ session: AnalysisSession, _ arguments: ParsedArguments, progress: ProgressReporter
  ) throws(CommandFailure) -> any Report {
    let source = try communitySource(session, arguments)
    let query = JoinsQuery(
      person: arguments.value(of: Options.person),
      community: arguments.value(of: Options.community), communities: source,
      introducersNeeded: arguments.value(of: Options.introducers) ?? 1)
    let plan = try usage(arguments) { () throws(TrustQueryError) in try query.plan(in: session) }
    return JoinsReport(plan: plan, network: session.network, groups: GroupSuppression(arguments))
  }
}

/// How `joins` shows its answer; a community under `--min-group` is
/// suppressed in the summary, and the joins into it are left out. Its CSV
/// is written one community at a time as TrustCore assesses it
/// (``JoinsPlan/communityJoins``): the people × communities rows are never
/// all in memory. Text and JSON are built whole.
struct JoinsReport: Report {
  let plan: JoinsPlan
  let network: TrustNetwork
  let groups: GroupSuppression

  /// Whether `community` (an index into the plan's communities) is suppressed.
  private func hides(_ community: Int) -> Bool {
    groups.hides(plan.communities[community].members.count)
  }

  /// The pairs and paths shown: none into a suppressed community.
  private func shownPairs(_ answer: JoinsAnswer) -> [(pair: JoinAssessment, path: [Int32]?)] {
    zip(answer.pairs, answer.paths).filter { !hides($0.0.community) }.map { ($0, $1) }
  }

  func text() -> TextReport {
    let answer = plan.answer()
    var report = TextReport()
    report.line("Joining each community")
    var table = Table(columns: [
      .text("community"), .number("members"), .number("direct"), .number("introduced"),
      .number("cold"),
    ])
    for row in answer.summary {
      if groups.hides(row.members) {
        table.row(groups.row([.text(answer.communities[row.community].id)], figures: 4))
        continue
      }
      table.row([
        .text(answer.communities[row.community].id), .integer(row.members), .integer(row.direct),
        .integer(row.introduced), .integer(row.cold),
      ])
    }
    report.table(table)
    let pairs = shownPairs(answer)
    guard !pairs.isEmpty else { return report }
    report.blank()
    report.line("Who would join, and how")
    var detail = Table(columns: [
      .text("person"), .text("community"), .text("warmth"), .text("through"),
    ])
    for (pair, path) in pairs {
      var through = warmReason(pair, network, limit: 4) ?? "no path"
      if pair.warmth == .cold, let path, path.count > 1 {
        let steps = names(path.dropFirst(), network)
        through =
          "ask " + steps[0] + (steps.count > 1 ? ", path " + steps.joined(separator: " → ") : "")
      }
      detail.row([
        .text(network.people.id(of: pair.person)), .text(answer.communities[pair.community].id),
        .text(pair.warmth.rawValue), .text(through),
      ])
    }
    report.table(detail)
    return report
  }

  func json() -> any JSONEncodable {
    JoinReport(plan.answer(), network: network).suppressingGroups(smallerThan: groups.minimum)
  }

  func csv() -> Table { csvRows().table }

  /// One row per pair, made community by community as they are written.
  func csvRows() -> RowStream {
    let columns: [Table.Column] = [
      .text("person"), .text("community"), .text("warmth"), .text("trustedMembers"),
      .text("introducers"), .text("pathToWarmth"),
    ]
    return RowStream(columns: columns) { [plan, network] emit in
      let people = network.people
      for joins in plan.communityJoins where !hides(joins.community) {
        let community = plan.communities[joins.community].id
        for (pair, path) in zip(joins.pairs, joins.paths) {
          emit([
            .text(people.id(of: pair.person)), .text(community), .text(pair.warmth.rawValue),
            .list(people.ids(pair.trustedMembers)), .list(people.ids(pair.introducers)),
            .list(path.map { people.ids($0) } ?? []),
          ])
        }
      }
    }
  }
}
