import TrustCore

/// `trustmap cascade FILE`: speak-up cascades, the avalanche and the silent majority.
enum CascadeCommand: AnalysisCommand {
  static let name = "cascade"
  static let abstract = "Speak-up cascades: who speaks once enough of those they trust have."
  static let discussion = """
    Granovetter's threshold model on the strong-tie graph: round 0, the starting speakers \
    speak; in each next round, everyone whose share of strong-tie contacts who have spoken \
    reaches their threshold speaks too (a share equal to it speaks; with --weighted, the \
    share of their strong-tie weight). Someone with threshold 0 speaks in round 1 \
    unprompted. Tells who spoke in each round and who moved them, the silent, and the \
    silent observers (a trusted contact spoke, they did not). --runs repeats with random \
    starting speakers; --sweep tries every threshold from 0 to 1 in steps of 0.01 and \
    finds the tipping threshold; --target finds few starting speakers that make a share \
    speak, by lazy greedy selection (CELF): the cascade is not submodular, so this is a \
    heuristic, not the best set.
    """
  static let networkArguments = NetworkArguments.many
  static let threshold = Option<Double>.number(
    "--threshold", valueName: "phi", setting: QuerySettings.speakingThreshold,
    help: "The share of trusted contacts who must have spoken for a person to speak.")
  static let thresholdBy = Option<String>.text(
    "--threshold-by", valueName: "attribute",
    help: "Each person's own threshold, from this attribute (a number from 0 to 1); "
      + "people without it get --threshold.")
  static let weighted = Option<Bool>.flag(
    "--weighted", help: "Count the share of strong-tie weight, not of contacts.")
  static let start = Option<String>.text(
    "--start", valueName: "ids", repeatable: true,
    help: "The starting speakers, by id, comma-separated. Repeatable."
  ).naming(.people)
  static let startCount = Option<Int>.integer(
    "--start-count", valueName: "k", setting: QuerySettings.startCount,
    help: "Draw k starting speakers at random (with --seed).", defaultText: "none")
  static let runs = Option<Int>.integer(
    "--runs", valueName: "r", setting: QuerySettings.runs,
    help: "Repeat with random starting speakers (--start-count), seeds derived from --seed; "
      + "report the distribution of the final share.")
  static let sweep = Option<Bool>.flag(
    "--sweep", help: "The final share at every threshold 0, 0.01, … 1, and the tipping threshold.")
  static let target = Option<Double>.number(
    "--target", valueName: "share", setting: QuerySettings.targetShare,
    help: "Find starting speakers that make at least this share speak (lazy greedy, CELF).",
    defaultText: "none")
  static let maximumStart = Option<Int>.integer(
    "--max-start", valueName: "n", setting: QuerySettings.maximumStart,
    help: "The most starting speakers --target picks.")
  static let options: [any OptionDeclaration] =
    [
      threshold, thresholdBy, weighted, start, startCount, Options.seed, runs, sweep, target,
      maximumStart, Options.communityBy,
    ] + Options.graph(formats: formats) + [Options.quiet]

  /// Two options that make no sense together: a usage error naming both.
  private static func exclusive(
    _ arguments: ParsedArguments, _ pairs: [(any OptionDeclaration, any OptionDeclaration)]
  ) throws(CommandFailure) {
    for (first, second) in pairs where arguments.has(first) && arguments.has(second) {
      throw .usage(
        UsageError(
          "'\(first.name)' and '\(second.name)' cannot be used together", command: self))
    }
  }

  static func report(
    _ session: AnalysisSession, _ arguments: ParsedArguments, progress: ProgressReporter
  ) throws(CommandFailure) -> any Report {
    try exclusive(
      arguments,
      [
        (start, startCount), (runs, sweep), (runs, target), (sweep, target), (target, start),
        (target, startCount), (runs, start), (sweep, threshold), (sweep, thresholdBy),
      ])
    if arguments.has(runs) && !arguments.has(startCount) {
      throw .usage(UsageError("'--runs' needs '--start-count <k>'", command: self))
    }
    let query = CascadeQuery(
      threshold: arguments.value(of: threshold) ?? 0.25,
      thresholdBy: arguments.value(of: thresholdBy), weighted: arguments.has(weighted),
      start: arguments.values(of: start).flatMap { $0.split(separator: ",").map(String.init) },
      startCount: arguments.value(of: startCount), seed: arguments.value(of: Options.seed) ?? 1,
      communities: try communitySource(session, arguments))
    let network = session.network
    func ask<Value>(_ body: () throws(TrustQueryError) -> Value) throws(CommandFailure) -> Value {
      try usage(
        arguments, attributeOption: thresholdBy.name, personOption: start.name,
        settingOptions: [QuerySettings.startCount.name: startCount.name], body)
    }
    if let count = arguments.value(of: runs) {
      let answer = try ask { () throws(TrustQueryError) in try query.runs(count, in: session) }
      return CascadeRunsText(report: CascadeRunsReport(answer, query: query))
    }
    if arguments.has(sweep) {
      let answer = try ask { () throws(TrustQueryError) in try query.sweep(in: session) }
      return CascadeSweepText(report: CascadeSweepReport(answer, query: query, network: network))
    }
    if let share = arguments.value(of: target) {
      let most = arguments.value(of: maximumStart) ?? 100
      let greedy = try ask { () throws(TrustQueryError) in
        try query.target(share, maximum: most, in: session)
      }
      return CascadeTargetText(
        report: CascadeTargetReport(greedy, target: share, query: query, network: network),
        network: network)
    }
    let answer = try ask { () throws(TrustQueryError) in try query.run(in: session) }
    return CascadeText(
      answer: answer, query: query, network: network, groups: GroupSuppression(arguments))
  }
}

/// How one cascade is told: round by round, then the silent majority; a
/// community of fewer people than `--min-group` is suppressed.
struct CascadeText: Report {
  let answer: CascadeAnswer
  let query: CascadeQuery
  let network: TrustNetwork
  let groups: GroupSuppression

  func text() -> TextReport {
    var report = TextReport()
    let people = network.people
    let total = people.count
    let rule =
      query.thresholdBy.map { "thresholds from \($0) (else \(formatNumber(query.threshold)))" }
      ?? "threshold \(formatNumber(query.threshold))"
    report.line(
      "Speak-up cascade (\(rule), \(query.weighted ? "weighted" : "unweighted"); "
        + "\(answer.starters.count) starting speaker\(answer.starters.count == 1 ? "" : "s"))")
    for (index, speakers) in answer.run.rounds.enumerated() {
      let named = spokenList(namesOf: speakers, network, limit: 8)
      if index == 0 {
        report.line("  round 0: " + (speakers.isEmpty ? "nobody starts" : "\(named) start"))
        continue
      }
      // Who moved this round's speakers, the most-cited first.
      let tally = answer.run.tallies[index]
      let instigators = tally.unprompted
      let top = tally.top(4).map { "\(people.name(of: Int($0.person))) (\($0.moved))" }
      var line = "  round \(index): \(speakers.count) more spoke"
      if !top.isEmpty {
        line +=
          ", moved by " + spokenList(top + (tally.count > 4 ? ["\(tally.count - 4) others"] : []))
      }
      if instigators > 0 { line += "; \(instigators) unprompted" }
      report.line(line + ": " + named)
    }
    let spoke = answer.run.spoke
    report.line("  In all \(spoke) of \(total) spoke (\(percent(spoke, total))).")
    if !answer.communities.isEmpty {
      report.blank()
      report.line("Who spoke, per community")
      var table = Table(columns: [
        .text("community"), .number("members"), .number("spoke"), .number("share"),
      ])
      for (community, count) in zip(answer.communities, answer.communitySpoke).prefix(100) {
        let members = community.members.count
        if groups.hides(members) {
          table.row(groups.row([.text(community.id)], figures: 3))
          continue
        }
        table.row([
          .text(community.id), .integer(members), .integer(count),
          .number(members > 0 ? Double(count) / Double(members) : nil, .decimals(2)),
        ])
      }
      report.table(table)
    }
    report.blank()
    let silent = answer.silent.count
    let heard = answer.heardButSilent.count
    report.line(
      "The silent majority: \(silent) of \(total) (\(percent(silent, total))) never spoke; "
        + "\(heard) of them heard a trusted contact speak and stayed silent.")
    return report
  }

  func json() -> any JSONEncodable {
    CascadeReport(answer, query: query, network: network)
      .suppressingGroups(smallerThan: groups.minimum)
  }

  func csv() -> Table {
    // Each speaker's place in their round's list, to find their movers.
    let round = answer.run.round
    let movedBy = answer.movedBy
    var position = [Int32](repeating: -1, count: network.people.count)
    for speakers in answer.run.rounds {
      for (index, speaker) in speakers.enumerated() { position[Int(speaker)] = Int32(index) }
    }
    var heard = [Bool](repeating: false, count: network.people.count)
    for person in answer.heardButSilent { heard[Int(person)] = true }
    var table = Table(columns: [
      .text("id"), .text("name"), .number("threshold"), .number("round"),
      .text("heardButSilent"), .text("movedBy"),
    ])
    for person in 0..<network.people.count {
      table.row([
        .text(network.people.id(of: person)), .text(network.people.name(of: person)),
        .number(answer.thresholds[person], .decimals(4)),
        round[person] >= 0 ? .integer(Int(round[person])) : "", .bool(heard[person]),
        .list(
          round[person] > 0
            ? network.people.ids(movedBy[Int(round[person]), Int(position[person])]) : []),
      ])
    }
    return table
  }
}

/// How many runs are told.
struct CascadeRunsText: Report {
  let report: CascadeRunsReport

  func text() -> TextReport {
    var text = TextReport()
    let shares = report.shares
    let mean = shares.reduce(0, +) / Double(max(1, shares.count))
    let rule =
      report.thresholdBy.map { "thresholds from \($0) (else \(formatNumber(report.threshold)))" }
      ?? "threshold \(formatNumber(report.threshold))"
    text.line(
      "\(report.runs) cascades from \(report.startCount) random starting speaker"
        + "\(report.startCount == 1 ? "" : "s") each (seed \(report.seed), \(rule))")
    text.line(
      "  final share: mean \(formatNumber(mean, decimals: 3)), from "
        + "\(formatNumber(shares.min(), decimals: 3)) to \(formatNumber(shares.max(), decimals: 3))"
    )
    text.line(
      "  \(report.globalCascades) of \(report.runs) runs (\(percent(report.globalCascades, report.runs))) "
        + "became global cascades: half or more spoke.")
    var bands = Table(columns: [.text("final share"), .number("runs"), .text("")])
    for band in 0..<10 {
      let low = Double(band) / 10
      let count = shares.filter { $0 >= low && ($0 < low + 0.1 || (band == 9 && $0 <= 1)) }.count
      bands.row([
        .text("\(formatNumber(low, decimals: 1))–\(formatNumber(low + 0.1, decimals: 1))"),
        .integer(count),
        .text(
          String(
            repeating: "█", count: Int((30 * Double(count) / Double(max(1, report.runs))).rounded())
          )),
      ])
    }
    text.table(bands)
    return text
  }

  func json() -> any JSONEncodable { report }

  func csv() -> Table {
    var table = Table(columns: [.number("run"), .number("finalShare"), .text("global")])
    for (run, share) in report.shares.enumerated() {
      table.row([.integer(run), .number(share, .decimals(6)), .bool(share >= 0.5)])
    }
    return table
  }
}

/// How a sweep is told: a small chart of the final share against the threshold.
struct CascadeSweepText: Report {
  let report: CascadeSweepReport

  func text() -> TextReport {
    var text = TextReport()
    text.line(
      "Final share against the threshold (everyone's; \(report.start.count) starting speaker"
        + "\(report.start.count == 1 ? "" : "s"))")
    var chart = Table(columns: [.number("threshold"), .number("share"), .text("")])
    for step in stride(from: 0, through: 100, by: 5) {
      let share = report.shares[step]
      chart.row([
        .number(Double(step) / 100, .fixed(2)), .number(share, .fixed(3)),
        .text(String(repeating: "█", count: Int((share * 30).rounded()))),
      ])
    }
    text.table(chart)
    if let tipping = report.tippingThreshold {
      text.line(
        "  Tipping threshold: \(formatNumber(tipping, decimals: 2)), the largest at which half "
          + "or more speak.")
    } else {
      text.line("  No threshold makes half the network speak from these starting speakers.")
    }
    return text
  }

  func json() -> any JSONEncodable { report }

  func csv() -> Table {
    var table = Table(columns: [.number("threshold"), .number("finalShare")])
    for (step, share) in report.shares.enumerated() {
      table.row([.number(Double(step) / 100, .decimals(2)), .number(share, .decimals(6))])
    }
    return table
  }
}

/// How the greedy choice of starting speakers is told.
struct CascadeTargetText: Report {
  let report: CascadeTargetReport
  let network: TrustNetwork

  func text() -> TextReport {
    var text = TextReport()
    let count = report.greedyStart.count
    text.line(
      "Starting speakers to make \(formatNumber(report.target * 100, decimals: 1))% speak "
        + "(lazy greedy selection, CELF: a heuristic, the cascade is not submodular)")
    text.line(
      "  with nobody starting, \(formatNumber(report.baselineShare * 100, decimals: 1))% speak "
        + "(those with threshold 0 and whom they move)")
    var table = Table(columns: [
      .number("pick"), .text("id"), .text("name"), .number("more speak"), .number("share"),
    ])
    for (index, pick) in report.greedyStart.enumerated() {
      let person = network.index(of: pick.id) ?? 0
      table.row([
        .integer(index + 1), .text(pick.id), .text(network.people.name(of: person)),
        .integer(pick.gain), .number(pick.share, .decimals(3)),
      ])
    }
    if count > 0 { text.table(table) }
    text.line(
      report.reached
        ? "  Reached with \(count) starting speaker\(count == 1 ? "" : "s")."
        : "  Not reached: \(count) starting speaker\(count == 1 ? "" : "s") found before the "
          + "gains ran out or --max-start stopped the search.")
    return text
  }

  func json() -> any JSONEncodable { report }

  func csv() -> Table {
    var table = Table(columns: [
      .number("pick"), .text("id"), .number("gain"), .number("share"),
    ])
    for (index, pick) in report.greedyStart.enumerated() {
      table.row([
        .integer(index + 1), .text(pick.id), .integer(pick.gain), .number(pick.share, .decimals(6)),
      ])
    }
    return table
  }
}

/// "30%".
private func percent(_ part: Int, _ whole: Int) -> String {
  whole > 0 ? formatNumber(100 * Double(part) / Double(whole), decimals: 0) + "%" : "0%"
}
