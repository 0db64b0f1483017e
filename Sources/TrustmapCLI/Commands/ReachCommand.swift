import TrustCore

/// `trustmap reach FILE --person ID`: whom a person trusts, who is
/// pre-credentialed to them, and how they would join each community.
enum ReachCommand: AnalysisCommand {
  static let name = "reach"
  static let abstract =
    "Whom a person trusts, who is pre-credentialed to them, and how they would join."
  static let discussion = """
    First degree: the person's strong ties. Second degree: people at distance exactly 2, \
    friends of trusted friends, pre-credentialed by the friends they share (the \
    introducers). Then, for each community, whether the person is a member or would join \
    direct (trusts a member), introduced (trusts enough people who trust a member) or cold.
    """
  static let options: [any OptionDeclaration] =
    [Options.person.required(), Options.introducers, Options.communityBy]
    + Options.graph(formats: formats) + [Options.quiet]

  static func report(
    _ session: AnalysisSession, _ arguments: ParsedArguments, progress: ProgressReporter
  ) throws(CommandFailure) -> any Report {
    let person = arguments.value(of: Options.person) ?? ""
    let source = try communitySource(session, arguments)
    let query = ReachQuery(
      person: person, communities: source,
      introducersNeeded: arguments.value(of: Options.introducers) ?? 1)
    let answer = try usage(arguments) { () throws(TrustQueryError) in try query.run(in: session) }
    return ReachReport(
      answer: answer, network: session.network, groups: GroupSuppression(arguments))
  }
}

/// How `reach` shows its answer; the standing towards a community under
/// `--min-group` is suppressed.
struct ReachReport: Report {
  let answer: ReachAnswer
  let network: TrustNetwork
  let groups: GroupSuppression

  func text() -> TextReport {
    var report = TextReport()
    let reach = answer.reach
    let name = network.people.name(of: reach.person)
    let id = network.people.id(of: reach.person)
    report.line(name == id ? name : "\(name) (\(id))")
    let first = names(reach.firstDegree, network)
    report.line("  Trusts directly (first degree, \(first.count)): \(spokenList(first, limit: 50))")
    let count = reach.secondDegree.count
    report.line("  Pre-credentialed (second degree, \(count))" + (count == 0 ? ": nobody" : ":"))
    for (index, other) in reach.secondDegree.enumerated().prefix(200) {
      report.line(
        "    \(network.people.name(of: Int(other))) is pre-credentialed by "
          + spokenList(namesOf: reach.introducers[index], network))
    }
    if count > 200 { report.line("    … and \(count - 200) more (use --format json for all)") }
    guard !answer.communities.isEmpty else { return report }
    report.blank()
    report.line("Communities")
    var table = Table(columns: [.text("community"), .text("joining"), .text("through")])
    for (community, standing) in zip(answer.communities, answer.standings) {
      if groups.hides(community.members.count) {
        table.row(groups.row([.text(community.id)], figures: 2))
        continue
      }
      guard let join = standing else {
        table.row([.text(community.id), "member", ""])
        continue
      }
      let through =
        warmReason(join, network, limit: 5)
        ?? (join.introducers.isEmpty
          ? "no trusted tie" : "only \(join.introducers.count) introducer(s): too few")
      table.row([.text(community.id), .text("would join \(join.warmth.rawValue)"), .text(through)])
    }
    report.table(table)
    return report
  }

  func json() -> any JSONEncodable {
    PersonReach(answer, network: network).suppressingGroups(smallerThan: groups.minimum)
  }

  func csv() -> Table {
    var table = Table(columns: [
      .text("person"), .number("degree"), .text("other"), .text("introducers"),
    ])
    let reach = answer.reach
    let person = network.people.id(of: reach.person)
    for other in reach.firstDegree {
      table.row([.text(person), .integer(1), .text(network.people.id(of: Int(other))), .list([])])
    }
    for (index, other) in reach.secondDegree.enumerated() {
      table.row([
        .text(person), .integer(2), .text(network.people.id(of: Int(other))),
        .list(network.people.ids(reach.introducers[index])),
      ])
    }
    return table
  }
}
