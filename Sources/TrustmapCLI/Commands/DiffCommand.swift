import TrustCore

/// `trustmap diff OLD NEW`: what changed between two snapshots.
enum DiffCommand: Command {
  static let name = "diff"
  static let abstract = "What changed between two snapshots: people, ties, communities, tribes."
  static let discussion = """
    People matched by id: who joined and left; strong ties formed and broken; for each \
    community in both, members joined and left and its density, E-I index and isolated \
    members before and after (a community whose density fell as it grew is called out); \
    every person whose standing towards a community changed (member, direct, introduced, \
    cold); and the tribes of each, matched by their largest overlap, with splits and \
    merges. Both files are read with the same graph options. In CSV, one row per change.
    """
  static let networkArguments = NetworkArguments.pair
  static let formats: [OutputFormat] = [.text, .json, .csv]
  static let options: [any OptionDeclaration] =
    [Options.communityBy, Options.introducers] + Options.graph(formats: formats) + [Options.quiet]

  static func run(_ arguments: ParsedArguments, output: (String) -> Void) throws(CommandFailure)
    -> String
  {
    let progress = ProgressReporter(quiet: arguments.isQuiet, phases: 4)
    progress.phase("reading the networks")
    // Both files are read (at once, each on its own core) before either
    // fails, so both files' problems are listed.
    let files = arguments.files
    let reads = inParallel(files.count) { index in
      Result { () throws(CommandFailure) in
        try loadNetwork(files[index], digest: arguments.format.hasProvenance, reading: arguments)
      }
    }
    var loaded: [LoadedNetwork] = []
    var problems = ""
    for read in reads {
      switch read {
      case .success(let network): loaded.append(network)
      case .failure(.input(let text)): problems += text
      case .failure: break
      }
    }
    guard problems.isEmpty, loaded.count == 2 else { throw .input(problems) }
    // The same key gives both snapshots the same pseudonyms, so people still match by id.
    var prepared: [PrivateNetwork] = []
    for one in loaded { prepared.append(try applyPrivacy(one.network, arguments)) }
    let networks = prepared.map(\.network)
    progress.phase("building the strong-tie graphs")
    let sessions = inParallel(2) { index in
      Result { () throws(CommandFailure) in try makeSession(networks[index], arguments) }
    }
    let old = try sessions[0].get()
    let new = try sessions[1].get()
    progress.phase("comparing")
    let source: CommunitySource
    if let name = arguments.value(of: Options.communityBy) {
      source = try usage(arguments) { () throws(TrustQueryError) in
        try new.communitySource(named: name)
      }
    } else {
      source = .file
    }
    let query = DiffQuery(
      communities: source, introducersNeeded: arguments.value(of: Options.introducers) ?? 1)
    let answer = try usage(arguments) { () throws(TrustQueryError) in
      try query.run(old: old, new: new)
    }
    let item = BatchItem(
      report: DiffText(
        report: DiffReport(answer).suppressingGroups(
          smallerThan: GroupSuppression(arguments).minimum),
        answer: answer),
      provenance: {
        var made = provenance(
          new.provenance(input: loaded[1].digest), arguments, privacy: prepared[1].settings)
        made.previousInput = loaded[0].digest
        return made
      })
    var stream = ReportStream(format: arguments.format, many: false, rawCSV: arguments.isCSVRaw)
    stream.write(item, file: arguments.files[1], output: output)
    let notes = zip(loaded.map(\.network), arguments.files).map {
      warningNote($0, file: $1, quiet: arguments.isQuiet)
    }
    return notes.joined() + progress.finish()
  }
}

/// How a diff is told; a community suppressed by `--min-group` shows only
/// `suppressed`.
struct DiffText: Report {
  let report: DiffReport
  let answer: DiffAnswer

  func json() -> any JSONEncodable { report }

  func text() -> TextReport {
    var text = TextReport()
    let oldCount = answer.old.network.people.count
    let newCount = answer.new.network.people.count
    text.line("What changed: \(oldCount) people before, \(newCount) after")
    text.line(
      "  people: \(report.people.joined.count) joined, \(report.people.left.count) left"
        + list(report.people.joined, "joined"))
    text.line(
      "  strong ties: \(report.ties.formed.count) formed, \(report.ties.broken.count) broken")
    if !report.communities.isEmpty {
      text.blank()
      text.line("Communities in both")
      var table = Table(columns: [
        .text("community"), .text("members"), .number("joined"), .number("left"),
        .text("density"), .text("E-I"), .text("isolated"),
      ])
      for change in report.communities.prefix(200) {
        if change.isSuppressed {
          table.row(
            [.text(change.community)] + Array(repeating: Cell.text("suppressed"), count: 6))
          continue
        }
        table.row([
          .text(change.community), .text("\(change.members.before) → \(change.members.after)"),
          .integer(change.joined.count), .integer(change.left.count),
          .text(arrow(change.density, .significant(3))), .text(arrow(change.eiIndex, .decimals(3))),
          .text("\(change.isolatedMembers.before.count) → \(change.isolatedMembers.after.count)"),
        ])
      }
      text.table(table)
      // The Guides story: a community that grew while its trust thinned.
      for change in report.communities
      where change.members.after > change.members.before
        && (change.density.after ?? 0) < (change.density.before ?? 0)
      {
        let isolated = change.isolatedMembers.after.count
        text.line(
          "  \(change.community) grew from \(change.members.before) to \(change.members.after) "
            + "members and its density fell from "
            + "\(formatSignificant(change.density.before, digits: 3)) to "
            + "\(formatSignificant(change.density.after, digits: 3)): the newcomers joined "
            + "without the coherence"
            + (isolated > 0
              ? "; \(isolated) member\(isolated == 1 ? " has" : "s have") no strong tie inside."
              : "."))
      }
    }
    if !report.warmth.isEmpty {
      text.blank()
      text.line("Standing towards communities that changed (\(report.warmth.count))")
      var table = Table(columns: [
        .text("person"), .text("community"), .text("before"), .text("after"),
      ])
      for change in report.warmth.prefix(100) {
        table.row([
          .text(change.person), .text(change.community), .text(change.before), .text(change.after),
        ])
      }
      text.table(table)
      if report.warmth.count > 100 {
        text.line("  … and \(report.warmth.count - 100) more (use --format json for all)")
      }
    }
    text.blank()
    text.line("Tribes")
    if report.tribes.split.isEmpty && report.tribes.merged.isEmpty {
      text.line("  no tribe split or merged (each held together by a quarter or more)")
    }
    for split in report.tribes.split {
      text.line("  \(split.tribe) split into \(split.into.joined(separator: ", "))")
    }
    for merge in report.tribes.merged {
      text.line("  \(merge.tribe) merged from \(merge.from.joined(separator: ", "))")
    }
    return text
  }

  private func list(_ ids: [String], _ what: String) -> String {
    ids.isEmpty || ids.count > 12 ? "" : " (\(what): \(ids.joined(separator: ", ")))"
  }

  private func arrow(_ figure: BeforeAfter<Double?>, _ style: NumberStyle) -> String {
    "\(style.format(figure.before)) → \(style.format(figure.after))"
  }

  func csv() -> Table {
    var table = Table(columns: [
      .text("change"), .text("id"), .text("other"), .text("community"), .text("before"),
      .text("after"),
    ])
    for id in report.people.joined { table.row(["joined", .text(id), "", "", "", ""]) }
    for id in report.people.left { table.row(["left", .text(id), "", "", "", ""]) }
    for pair in report.ties.formed {
      table.row(["formed", .text(pair[0]), .text(pair[1]), "", "", ""])
    }
    for pair in report.ties.broken {
      table.row(["broken", .text(pair[0]), .text(pair[1]), "", "", ""])
    }
    for change in report.communities {
      if change.isSuppressed {
        table.row(["community", "", "", .text(change.community), "suppressed", "suppressed"])
      }
      for id in change.joined {
        table.row(["memberJoined", .text(id), "", .text(change.community), "", ""])
      }
      for id in change.left {
        table.row(["memberLeft", .text(id), "", .text(change.community), "", ""])
      }
    }
    for change in report.warmth {
      table.row([
        "standing", .text(change.person), "", .text(change.community), .text(change.before),
        .text(change.after),
      ])
    }
    for split in report.tribes.split {
      table.row(["tribeSplit", .text(split.tribe), .list(split.into), "", "", ""])
    }
    for merge in report.tribes.merged {
      table.row(["tribeMerged", .text(merge.tribe), .list(merge.from), "", "", ""])
    }
    return table
  }
}
