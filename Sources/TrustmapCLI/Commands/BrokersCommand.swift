import TrustCore

/// `trustmap brokers FILE --by ATTR|tribe|unit`: who bridges which groups.
enum BrokersCommand: AnalysisCommand {
  static let name = "brokers"
  /// No `--min-group`: it labels each person with a group; suppressing small groups there is not built yet, so the option is refused rather than ignored.
  static let privacyOptions = Options.privacy(minimumGroupSize: false)
  static let abstract = "Who bridges groups: brokerage roles and structural holes."
  static let discussion = """
    For each person and each pair of their strong-tie contacts who share no strong tie \
    (an open pair), the Gould-Fernandez role it gives them by the groups of --by: \
    coordinator (all three in one group), consultant (the pair in one other group), \
    representative (one of the pair in the broker's group) or liaison (three groups), \
    with the counts expected if groups were shuffled, and z-scores. And Burt's \
    constraint (high when one's contacts all know each other), effective size and \
    efficiency, weighted by strength as networkx computes them. --by takes an \
    attribute, tribe or tribe:LEVEL, or unit for the formal units at --unit-depth.
    """
  static let networkArguments = NetworkArguments.many
  static let by = Option<String>.text(
    "--by", valueName: "groups",
    help: "An attribute, tribe or tribe:LEVEL, or unit (the formal units).")
  static let options: [any OptionDeclaration] =
    [by.required(), FormalCommand.unitDepth] + Options.graph(formats: formats) + [Options.quiet]

  static func report(
    _ session: AnalysisSession, _ arguments: ParsedArguments, progress: ProgressReporter
  ) throws(CommandFailure) -> any Report {
    let query = BrokersQuery(
      by: arguments.value(of: by) ?? "",
      unitDepth: arguments.value(of: FormalCommand.unitDepth) ?? 1)
    let answer = try usage(arguments, attributeOption: by.name) {
      () throws(TrustQueryError) in try query.run(in: session)
    }
    return BrokersReportText(answer: answer, network: session.network)
  }
}

/// How `brokers` shows its answer.
struct BrokersReportText: Report {
  let answer: BrokersAnswer
  let network: TrustNetwork

  func text() -> TextReport {
    var report = TextReport()
    let people = network.people
    let roles = answer.roles
    report.line(
      "Brokers by \(answer.groups.key) (\(answer.groups.values.count) groups; roles over open "
        + "pairs of strong-tie contacts)")
    var table = Table(columns: [.text("role"), .text("top brokers (open pairs, z)")])
    for (role, name) in BrokerageRoles.roles.enumerated() {
      let top = topRanked(5, of: people.count) { person in
        roles.counts[person][role] > 0 ? Double(roles.counts[person][role]) : nil
      }
      let listed = top.map { person in
        let z = roles.z[person][role].map { ", z \(formatNumber($0, decimals: 2))" } ?? ""
        return "\(people.name(of: person)) (\(roles.counts[person][role])\(z))"
      }
      table.row([.text(name), .text(listed.isEmpty ? "nobody" : listed.joined(separator: ", "))])
    }
    report.table(table)
    let holes = answer.holes
    report.blank()
    report.line("Most constrained: their contacts all know each other")
    report.table(holesTable(topRanked(10, of: people.count) { holes.constraint[$0] }))
    report.blank()
    report.line("Spanning the most holes: the largest effective size")
    // Everyone with a constraint, as above: an effective size without one is not ranked.
    report.table(
      holesTable(
        topRanked(10, of: people.count) { person in
          holes.constraint[person] == nil ? nil : (holes.effectiveSize[person] ?? 0)
        }))
    return report
  }

  private func holesTable(_ order: [Int]) -> Table {
    var table = Table(columns: [
      .text("person"), .number("constraint"), .number("effective size"), .number("efficiency"),
    ])
    for person in order {
      table.row([
        .text(network.people.id(of: person)),
        .number(answer.holes.constraint[person], .decimals(3)),
        .number(answer.holes.effectiveSize[person], .decimals(3)),
        .number(answer.holes.efficiency[person], .decimals(3)),
      ])
    }
    return table
  }

  func json() -> any JSONEncodable { BrokerReport(answer, network: network) }

  func csv() -> Table {
    let roles = BrokerageRoles.roles
    var table = Table(
      columns: [.text("id"), .text("name"), .text("group")] + roles.map { .number($0) }
        + [.number("open")] + roles.map { .number("expected_\($0)") }
        + roles.map { .number("z_\($0)") }
        + [.number("constraint"), .number("effectiveSize"), .number("efficiency")])
    let column = answer.groups
    for person in 0..<network.people.count {
      let counts = answer.roles.counts[person]
      let code = column.codes[person]
      var cells: [Cell] = [
        .text(network.people.id(of: person)), .text(network.people.name(of: person)),
        .text(code >= 0 ? column.values[Int(code)] : ""),
      ]
      cells += counts.map { .integer($0) } + [.integer(counts.reduce(0, +))]
      cells += (0..<4).map { .number(answer.roles.expected[person]?[$0], .decimals(4)) }
      cells += (0..<4).map { .number(answer.roles.z[person][$0], .decimals(4)) }
      cells += [
        .number(answer.holes.constraint[person], .decimals(4)),
        .number(answer.holes.effectiveSize[person], .decimals(4)),
        .number(answer.holes.efficiency[person], .decimals(4)),
      ]
      table.row(cells)
    }
    return table
  }
}
