import TrustCore

/// `trustmap advise FILE --person P` or `--community C --invite k`: where to go next.
enum AdviseCommand: AnalysisCommand {
  static let name = "advise"
  /// No `--min-group`: its gains and invitations come from a community's members; suppressing small communities there is not built yet, so the option is refused rather than ignored.
  static let privacyOptions = Options.privacy(minimumGroupSize: false)
  static let abstract = "Where to go next: communities to join or stretch to, people to invite."
  static let discussion = """
    With --person: for every community the person is not in, the warmth of the join and \
    the broadening gain (how much the Blau index of their trust on --by grows with the \
    community's members), classed join (warm and broadening), stretch (cold but \
    broadening: worth building a cold connection, with whom to ask) or familiar (more, not \
    broader); and the communities they are in but isolated in. With --community and \
    --invite k: up to k warm invitees, one by one, each the one who broadens the \
    community most, with the Blau after each. --by defaults to the file's first \
    attribute, else the tribes.
    """
  static let by = Option<String>.text(
    "--by", valueName: "attribute",
    help: "The attribute broadening is measured by, or tribe / tribe:LEVEL. (default: the "
      + "file's first attribute, else tribe)")
  static let invite = Option<Int>.integer(
    "--invite", valueName: "k", setting: QuerySettings.invitations,
    help: "With --community: how many invitees to choose.", defaultText: "none")
  static let options: [any OptionDeclaration] =
    [Options.person, Options.community, invite, by, Options.introducers, Options.communityBy]
    + Options.graph(formats: formats) + [Options.quiet]

  static func report(
    _ session: AnalysisSession, _ arguments: ParsedArguments, progress: ProgressReporter
  ) throws(CommandFailure) -> any Report {
    let person = arguments.value(of: Options.person)
    let community = arguments.value(of: Options.community)
    let count = arguments.value(of: invite)
    if person != nil && (community != nil || count != nil) {
      throw .usage(
        UsageError(
          "'--person' and '--community' cannot be used together; ask for one person or one "
            + "community", command: self))
    }
    if count != nil && community == nil {
      throw .usage(UsageError("'--invite' needs '--community <id>'", command: self))
    }
    let source = try communitySource(session, arguments)
    let needed = arguments.value(of: Options.introducers) ?? 1
    let attribute = arguments.value(of: by)
    if let person {
      let query = AdviseQuery(
        person: person, by: attribute, communities: source, introducersNeeded: needed)
      let answer = try usage(arguments, attributeOption: by.name) { () throws(TrustQueryError) in
        try query.run(in: session)
      }
      return AdviceText(report: AdviceReport(answer, network: session.network))
    }
    guard let community else {
      throw .usage(
        UsageError(
          "advise needs '--person <id>' or '--community <id>' with '--invite <k>'", command: self))
    }
    guard let count else {
      throw .usage(UsageError("'--community' needs '--invite <k>' here", command: self))
    }
    let query = InviteQuery(
      community: community, count: count, by: attribute, communities: source,
      introducersNeeded: needed)
    let answer = try usage(arguments, attributeOption: by.name) { () throws(TrustQueryError) in
      try query.run(in: session)
    }
    return InvitationText(report: InvitationReport(answer, network: session.network))
  }
}

/// How advice for a person is told.
struct AdviceText: Report {
  let report: AdviceReport

  func text() -> TextReport {
    var text = TextReport()
    text.line("Where \(report.person) could go next (broadening measured by \(report.by))")
    var table = Table(columns: [
      .text("community"), .text("advice"), .text("warmth"), .number("gain"), .text("ask"),
    ])
    let order = ["join": 0, "stretch": 1, "familiar": 2]
    for option in report.communities.sorted(by: {
      (order[$0.kind] ?? 3, -($0.gain ?? -1)) < (order[$1.kind] ?? 3, -($1.gain ?? -1))
    }) {
      let ask = option.pathToWarmth.map { $0.joined(separator: " → ") } ?? ""
      table.row([
        .text(option.community), .text(option.kind), .text(option.warmth.rawValue),
        .number(option.gain, .decimals(3)), .text(ask),
      ])
    }
    if !table.isEmpty { text.table(table) }
    let joins = report.communities.filter { $0.kind == "join" }.count
    let stretches = report.communities.filter { $0.kind == "stretch" }.count
    text.line(
      "  \(joins) warm and broadening, \(stretches) cold but broadening (worth a cold "
        + "connection), \(report.communities.count - joins - stretches) more of the same.")
    let isolated = report.memberships.filter(\.isolated).map(\.community)
    if !isolated.isEmpty {
      text.line(
        "  Isolated where already a member (no strong tie inside): " + spokenList(isolated) + ".")
    }
    return text
  }

  func json() -> any JSONEncodable { report }

  func csv() -> Table {
    var table = Table(columns: [
      .text("community"), .text("class"), .text("warmth"), .number("gain"), .text("pathToWarmth"),
    ])
    for option in report.communities {
      table.row([
        .text(option.community), .text(option.kind), .text(option.warmth.rawValue),
        .number(option.gain, .decimals(6)), .list(option.pathToWarmth ?? []),
      ])
    }
    return table
  }
}

/// How invitations are told.
struct InvitationText: Report {
  let report: InvitationReport

  func text() -> TextReport {
    var text = TextReport()
    text.line(
      "Whom to invite into \(report.community) to broaden it (Blau on \(report.by) now "
        + "\(formatNumber(report.blauBefore, decimals: 3)))")
    var table = Table(columns: [
      .number("pick"), .text("id"), .text("warmth"), .number("Blau after"),
    ])
    for (index, invitee) in report.invite.enumerated() {
      table.row([
        .integer(index + 1), .text(invitee.id), .text(invitee.warmth.rawValue),
        .number(invitee.blau, .decimals(3)),
      ])
    }
    if report.invite.isEmpty {
      text.line("  nobody: no one outside would join warm")
    } else {
      text.table(table)
    }
    return text
  }

  func json() -> any JSONEncodable { report }

  func csv() -> Table {
    var table = Table(columns: [.number("pick"), .text("id"), .text("warmth"), .number("blau")])
    for (index, invitee) in report.invite.enumerated() {
      table.row([
        .integer(index + 1), .text(invitee.id), .text(invitee.warmth.rawValue),
        .number(invitee.blau, .decimals(6)),
      ])
    }
    return table
  }
}
