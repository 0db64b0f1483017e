import TrustCore

/// `trustmap formal FILE`: is trust held by the org chart or across it?
enum FormalCommand: AnalysisCommand {
  static let name = "formal"
  static let abstract = "Formal versus social: does trust run along the org chart or across it?"
  static let discussion = """
    Classes each strong tie by its place in the reports-to tree: direct (manager and \
    report), skip (an ancestor further up), horizontal (same depth), diagonal (other \
    depths) or unplaced (an end outside the tree), with the pairs each class could hold \
    and its density. Then, per manager, how many reports hold a strong tie to them and \
    how far their trust reaches beyond their span; and per unit (the people under each \
    person at --unit-depth), its density and E-I index. In CSV, one row per person.
    """
  static let networkArguments = NetworkArguments.many
  static let unitDepth = Option<Int>.integer(
    "--unit-depth", valueName: "d", setting: QuerySettings.unitDepth,
    help: "The depth whose people name the units (0: the roots).")
  static let options: [any OptionDeclaration] =
    [unitDepth] + Options.graph(formats: formats) + [Options.quiet]

  static func report(
    _ session: AnalysisSession, _ arguments: ParsedArguments, progress: ProgressReporter
  ) throws(CommandFailure) -> any Report {
    let query = FormalQuery(unitDepth: arguments.value(of: unitDepth) ?? 1)
    let answer = try usage(arguments) { () throws(TrustQueryError) in try query.run(in: session) }
    return FormalReportText(
      answer: answer, network: session.network, groups: GroupSuppression(arguments))
  }
}

/// How `formal` shows its answer; a unit of fewer people than
/// `--min-group`, and a manager whose team (they and their span) is
/// smaller, is suppressed.
struct FormalReportText: Report {
  let answer: FormalAnswer
  let network: TrustNetwork
  let groups: GroupSuppression

  /// The tie classes with their densities, and the one-sentence reading.
  static func classes(_ classes: TieClassCounts) -> TextReport {
    var report = TextReport()
    var table = Table(columns: [
      .text("class"), .number("ties"), .number("possible"), .number("density"),
    ])
    for kind in TieClass.allCases {
      let placed = kind != .unplaced
      table.row([
        .text(kind.name), .integer(classes.ties[kind.rawValue]),
        placed ? .integer(classes.possible[kind.rawValue]) : "",
        placed ? .number(classes.density(kind), .significant(3)) : "",
      ])
    }
    report.table(table)
    let horizontal = formatSignificant(classes.density(.horizontal), digits: 3)
    let vertical = formatSignificant(classes.verticalDensity, digits: 3)
    if let ratio = classes.horizontalToVertical {
      let way =
        ratio >= 1 ? "across the hierarchy than along it" : "along the hierarchy than across it"
      report.line(
        "  Trust here runs more \(way): horizontal density \(horizontal), vertical \(vertical) "
          + "(ratio \(formatSignificant(ratio, digits: 3))).")
    } else {
      report.line(
        "  Too few pairs to compare trust across and along the hierarchy (horizontal density "
          + "\(horizontal), vertical \(vertical)).")
    }
    return report
  }

  func text() -> TextReport {
    var report = TextReport()
    let forest = answer.forest
    report.line(
      "Formal versus social: \(forest.linkCount) reports-to links, \(forest.placedCount) placed "
        + "people, depths 0 to \(forest.maximumDepth)")
    report.blank()
    report.line("Strong ties by their place in the hierarchy")
    report.append(Self.classes(answer.classes))
    report.blank()
    report.line("Managers")
    var table = Table(columns: [
      .text("manager"), .number("reports"), .number("span"), .number("trusted by"),
      .number("share"), .number("social reach"), .number("beyond span"),
    ])
    for manager in answer.managers.prefix(100) {
      if groups.hides(manager.span + 1) {
        table.row(groups.row([.text(network.people.id(of: manager.person))], figures: 6))
        continue
      }
      table.row([
        .text(network.people.id(of: manager.person)), .integer(manager.reports),
        .integer(manager.span), .integer(manager.reportsWithStrongTie),
        .number(manager.share, .decimals(2)), .integer(manager.socialReach),
        .integer(manager.reachBeyondSpan),
      ])
    }
    report.table(table)
    if answer.managers.count > 100 {
      report.line(
        "  … and \(answer.managers.count - 100) more managers (use --format json for all)")
    }
    let shown = answer.managers.filter { !groups.hides($0.span + 1) }
    let lonely = shown.filter { $0.reportsWithStrongTie == 0 }
    report.line(
      "  Formal authority only (no report holds a strong tie to them): "
        + spokenList(lonely.map { network.people.name(of: $0.person) }, limit: 20) + ".")
    let furthest = shown.filter { $0.reachBeyondSpan > 0 }
      .sorted { $0.reachBeyondSpan > $1.reachBeyondSpan }.prefix(5)
    report.line(
      "  Trust reaching furthest beyond their span: "
        + spokenList(
          furthest.map { "\(network.people.name(of: $0.person)) (\($0.reachBeyondSpan))" })
        + ".")
    report.blank()
    let units = answer.units
    report.line("Units at depth \(units.depth)")
    if units.units.isEmpty {
      report.line("  no one at depth \(units.depth)")
    } else {
      var unitTable = Table(columns: [
        .text("unit"), .number("size"), .number("density"), .number("E-I"),
      ])
      for unit in units.units.prefix(100) {
        if groups.hides(unit.size) {
          unitTable.row(groups.row([.text(network.people.id(of: unit.head))], figures: 3))
          continue
        }
        unitTable.row([
          .text(network.people.id(of: unit.head)), .integer(unit.size),
          .number(unit.density, .significant(3)), .number(unit.eiIndex, .decimals(3)),
        ])
      }
      report.table(unitTable)
      if units.units.count > 100 {
        report.line("  … and \(units.units.count - 100) more units (use --format json for all)")
      }
    }
    report.line(
      "  cross-unit share of strong ties: \(formatNumber(units.crossUnitShare, decimals: 3)) "
        + "(\(units.crossUnitTies) of \(units.tiesInUnits) ties with both ends in units)")
    return report
  }

  func json() -> any JSONEncodable {
    FormalReport(answer, network: network).suppressingGroups(smallerThan: groups.minimum)
  }

  /// A person's unit in the CSV: its head's id, or `suppressed`.
  private func unitCell(_ unit: FormalUnits.Unit) -> Cell {
    groups.hides(unit.size) ? "suppressed" : .text(network.people.id(of: unit.head))
  }

  func csv() -> Table {
    let forest = answer.forest
    let people = network.people
    var managerOf = [Int](repeating: -1, count: people.count)
    for (index, manager) in answer.managers.enumerated() { managerOf[manager.person] = index }
    var table = Table(
      columns: [.text("id"), .text("name"), .number("depth"), .text("manager"), .text("unit")]
        + TieClass.allCases.map { .number($0.name) }
        + [
          .number("reports"), .number("span"), .number("reportsWithStrongTie"), .number("share"),
          .number("socialReach"), .number("reachBeyondSpan"),
        ])
    for person in 0..<people.count {
      let depth = Int(forest.depth[person])
      let manager = Int(forest.parent[person])
      let unit = Int(answer.units.unitOf[person])
      var cells: [Cell] = [
        .text(people.id(of: person)), .text(people.name(of: person)),
        depth >= 0 ? .integer(depth) : "", manager >= 0 ? .text(people.id(of: manager)) : "",
        unit >= 0 ? unitCell(answer.units.units[unit]) : "",
      ]
      cells += TieClass.allCases.map {
        .integer(Int(answer.classes.perPerson[$0.rawValue][person]))
      }
      if managerOf[person] >= 0, groups.hides(answer.managers[managerOf[person]].span + 1) {
        cells += Array(repeating: "suppressed", count: 6)
      } else if managerOf[person] >= 0 {
        let m = answer.managers[managerOf[person]]
        cells += [
          .integer(m.reports), .integer(m.span), .integer(m.reportsWithStrongTie),
          .number(m.share, .decimals(4)), .integer(m.socialReach), .integer(m.reachBeyondSpan),
        ]
      } else {
        cells += ["", "", "", "", "", ""]
      }
      table.row(cells)
    }
    return table
  }
}
