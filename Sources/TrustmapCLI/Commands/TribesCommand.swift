import TrustCore

/// `trustmap tribes FILE`: tribes and tribes of tribes (Leiden).
enum TribesCommand: AnalysisCommand {
  static let name = "tribes"
  static let abstract =
    "Tribes, and tribes of tribes: Leiden community detection with a hierarchy."
  static let discussion = """
    Finds tribes with the Leiden algorithm (Traag, Waltman & van Eck, 2019), maximising \
    modularity on the strong-tie graph weighted by strength, seeded so that the same \
    input gives the same tribes on every machine. Level k+1 groups the tribes of level k \
    at half the resolution, until one group remains or nothing merges. Each tribe has its \
    size, density, the dominant value of each attribute, its bridges (members with strong \
    ties to other tribes) and the tribes it is tied to. Tribes are numbered by size, \
    largest first. In CSV, one row per person with the tribe at each level.
    """
  static let networkArguments = NetworkArguments.many
  static let resolution = Option<Double>.number(
    "--resolution", valueName: "gamma", setting: QuerySettings.resolution,
    help: "Resolution γ: higher gives more, smaller tribes.")
  static let level = Option<Int>.integer(
    "--level", valueName: "k", setting: QuerySettings.tribeLevel,
    help: "Show only level k (0: the tribes).", defaultText: "every level")
  static let quality = Option<ClusteringQuality>.choice(
    "--quality", valueName: "function",
    help: "modularity or cpm (constant Potts model).", default: .modularity)
  static let unweighted = Option<Bool>.flag(
    "--unweighted", help: "Find tribes ignoring strengths: every strong tie weighs 1.")
  static let restarts = Option<Int>.integer(
    "--restarts", valueName: "r", setting: QuerySettings.restarts,
    help: "Runs per level, keeping the best.", defaultText: "10 under 100,000 strong ties, else 1")
  static let options: [any OptionDeclaration] =
    [resolution, Options.seed, level, quality, unweighted, restarts]
    + Options.graph(formats: formats) + [Options.quiet]

  static func report(
    _ session: AnalysisSession, _ arguments: ParsedArguments, progress: ProgressReporter
  ) throws(CommandFailure) -> any Report {
    let settings = TribeSettings(
      resolution: arguments.value(of: resolution) ?? 1,
      seed: arguments.value(of: Options.seed) ?? 1,
      quality: arguments.value(of: quality) ?? .modularity, unweighted: arguments.has(unweighted),
      restarts: arguments.value(of: restarts))
    let query = TribesQuery(settings: settings, level: arguments.value(of: level))
    let answer = try usage(arguments) { () throws(TrustQueryError) in try query.run(in: session) }
    return TribesReport(
      answer: answer, network: session.network, groups: GroupSuppression(arguments))
  }
}

/// How `tribes` shows its answer; a tribe of fewer people than
/// `--min-group` is suppressed, and the links touching it left out.
struct TribesReport: Report {
  let answer: TribesAnswer
  let network: TrustNetwork
  let groups: GroupSuppression

  func text() -> TextReport {
    var report = TextReport()
    let hierarchy = answer.hierarchy
    let s = hierarchy.settings
    report.line(
      "Tribes (Leiden, \(s.quality.rawValue), resolution \(formatNumber(s.resolution)), "
        + "seed \(s.seed), best of \(hierarchy.restarts) run\(hierarchy.restarts == 1 ? "" : "s"))")
    for level in answer.shownLevels {
      report.blank()
      report.append(text(level))
    }
    return report
  }

  private func text(_ level: TribeLevel) -> TextReport {
    var report = TextReport()
    let below = level.level > 0 ? answer.hierarchy.levels[level.level - 1] : nil
    let name = level.level == 0 ? "Level 0: tribes" : "Level \(level.level): tribes of tribes"
    report.line("\(name) (\(level.tribes.count); modularity \(formatNumber(level.modularity)))")
    var table = Table(columns: [
      .text("tribe"), .number("size"), .number("density"), .number("bridges"),
      .text(level.level == 0 ? "dominant" : "parts"),
    ])
    let limit = 60
    for tribe in level.tribes.prefix(limit) {
      let detail: String
      if let below {
        detail = tribe.parts.map { below.tribes[$0].id }.joined(separator: ", ")
      } else {
        detail = tribe.dominant.prefix(3).map {
          "\($0.attribute) \($0.value) \(formatNumber($0.share * 100, decimals: 0))%"
        }.joined(separator: ", ")
      }
      if groups.hides(tribe.members.count) {
        table.row(groups.row([.text(tribe.id)], figures: 4))
        continue
      }
      table.row([
        .text(tribe.id), .integer(tribe.members.count), .number(tribe.density, .significant(3)),
        .integer(tribe.bridges.count), .text(detail),
      ])
    }
    report.table(table)
    if level.tribes.count > limit {
      let rest = level.tribes.count - limit
      let singles = level.tribes.filter { $0.members.count == 1 }.count
      report.line(
        "  … and \(rest) more tribes (\(singles) of one person; use --format json or csv for all)")
    }
    let shownLinks = level.links.filter {
      !groups.hides(level.tribes[$0.first].members.count)
        && !groups.hides(level.tribes[$0.second].members.count)
    }
    if !shownLinks.isEmpty {
      report.line("  Most trusted links between tribes:")
      var links = Table(columns: [.text("tribes"), .number("strong ties")], indent: 4)
      for link in shownLinks.prefix(8) {
        links.row([
          .text("\(level.tribes[link.first].id) – \(level.tribes[link.second].id)"),
          .integer(link.ties),
        ])
      }
      report.table(links)
    }
    return report
  }

  func json() -> any JSONEncodable {
    TribeTree(answer, network: network).suppressingGroups(smallerThan: groups.minimum)
  }

  func csv() -> Table {
    let levels = answer.shownLevels
    var table = Table(
      columns: [.text("id"), .text("name")] + levels.map { .text("level\($0.level)") })
    for person in 0..<network.people.count {
      table.row(
        [.text(network.people.id(of: person)), .text(network.people.name(of: person))]
          + levels.map { level in
            let tribe = level.tribes[Int(level.tribeOf[person])]
            return .text(groups.hides(tribe.members.count) ? "suppressed" : tribe.id)
          })
    }
    return table
  }
}
