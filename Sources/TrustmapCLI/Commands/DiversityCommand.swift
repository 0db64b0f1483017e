import TrustCore

/// `trustmap diversity FILE`: diversity versus volume, per attribute.
enum DiversityCommand: AnalysisCommand {
  static let name = "diversity"
  static let abstract = "Diversity versus volume: do more connections mean broader ones?"
  static let discussion = """
    Per person, for an attribute: volume (strong ties), Blau index, IQV (Blau over its \
    maximum), Shannon entropy in bits, distinct values, ego E-I index and contacts missing \
    the attribute. For the network: Newman's assortativity, the E-I index overall and per \
    value, Spearman's correlation of volume and Blau, the narrow people (many contacts, all \
    alike) and the diversity yield: mean Blau by volume band. A figure whose denominator \
    is 0 is n/a (null in JSON), never a made-up number.
    """
  static let networkArguments = NetworkArguments.many
  static let by = Option<String>.text(
    "--by", valueName: "attribute", repeatable: true,
    help: "The attribute to measure diversity over, or tribe / tribe:LEVEL. Repeatable. "
      + "(default: every attribute)")
  static let permutations = Option<Int>.integer(
    "--permutations", valueName: "n", setting: QuerySettings.permutations,
    help: "Shuffle the attribute's values n times for p-values of E-I and assortativity.")
  static let options: [any OptionDeclaration] =
    [by, permutations, Options.seed] + Options.graph(formats: formats) + [Options.quiet]

  static func report(
    _ session: AnalysisSession, _ arguments: ParsedArguments, progress: ProgressReporter
  ) throws(CommandFailure) -> any Report {
    let query = DiversityQuery(
      attributes: arguments.values(of: by),
      permutations: arguments.value(of: permutations) ?? 0,
      seed: arguments.value(of: Options.seed) ?? 1)
    let analyses = try usage(arguments, attributeOption: by.name) {
      () throws(TrustQueryError) in try query.run(in: session)
    }
    return DiversityReport(
      analyses: analyses, network: session.network, groups: GroupSuppression(arguments))
  }
}

/// How `diversity` shows its answer; an attribute value held by fewer
/// people than `--min-group` is suppressed in the E-I index by value.
struct DiversityReport: Report {
  let analyses: [DiversityAnalysis]
  let network: TrustNetwork
  let groups: GroupSuppression

  func text() -> TextReport {
    var report = TextReport()
    if analyses.isEmpty { report.line("No attributes to measure diversity over.") }
    for (index, analysis) in analyses.enumerated() {
      if index > 0 { report.blank() }
      report.append(text(analysis))
    }
    return report
  }

  private func text(_ d: DiversityAnalysis) -> TextReport {
    var report = TextReport()
    report.line(
      "Diversity by \(d.attribute) (\(d.valueCount) value\(d.valueCount == 1 ? "" : "s"))")
    var figures = Table(columns: [.text(""), .number("")], showsHeader: false)
    figures.row(["assortativity", .number(d.assortativity, .decimals(4))])
    figures.row(["E-I index", .number(d.eiIndex, .decimals(4))])
    figures.row(["volume-Blau Spearman", .number(d.volumeBlauSpearman, .decimals(4))])
    figures.row(["narrow people", .integer(d.narrow.count)])
    report.table(figures)
    report.line("  " + interpretation(d))
    if let significance = d.significance {
      report.blank()
      report.line(
        "Permutation tests (\(significance.permutations) shuffles, seed \(significance.seed))")
      var tests = Table(columns: [
        .text("figure"), .number("observed"), .number("shuffled mean"), .number("p (≥)"),
        .number("p (≤)"), .number("p (two-sided)"),
      ])
      for (name, test) in [
        ("E-I index", significance.eiIndex), ("assortativity", significance.assortativity),
      ] {
        guard let test else {
          tests.row([.text(name), "n/a", "", "", "", ""])
          continue
        }
        tests.row(
          [.text(name)]
            + [test.observed, test.permutedMean, test.pAtLeast, test.pAtMost, test.pTwoSided].map {
              .number($0, .decimals(4))
            })
      }
      report.table(tests)
    }
    report.blank()
    report.line("Diversity yield: mean Blau by volume")
    var yield = Table(columns: [
      .text("volume"), .number("people"), .number("mean Blau"), .text(""),
    ])
    for band in d.yield {
      let bar = band.meanBlau.map { String(repeating: "█", count: Int(($0 * 30).rounded())) } ?? ""
      yield.row([
        .text(band.label), .integer(band.people), .number(band.meanBlau, .decimals(3)), .text(bar),
      ])
    }
    report.table(yield)
    report.blank()
    report.line("E-I index by value")
    var values = Table(columns: [
      .text("value"), .number("people"), .number("internal"), .number("external"), .number("E-I"),
    ])
    for row in d.valueEIIndex.prefix(100) {
      if groups.hides(row.people) {
        values.row(groups.row([.text(row.value)], figures: 4))
        continue
      }
      values.row([
        .text(row.value), .integer(row.people), .integer(row.internalTies),
        .integer(row.externalTies), .number(row.eiIndex, .decimals(4)),
      ])
    }
    report.table(values)
    if d.valueEIIndex.count > 100 {
      report.line("  … and \(d.valueEIIndex.count - 100) more values")
    }
    if !d.narrow.isEmpty {
      report.blank()
      report.line(
        "Narrow: many contacts, all alike (volume ≥ \(d.narrowVolumeThreshold ?? 0), "
          + "Blau < \(formatNumber(d.medianBlau)))")
      report.line("  " + spokenList(namesOf: d.narrow, network, limit: 30))
    }
    return report
  }

  private func interpretation(_ d: DiversityAnalysis) -> String {
    guard let spearman = d.volumeBlauSpearman else {
      return
        "Too few people with contacts that have \(d.attribute) to say whether more means broader."
    }
    let figure = "(Spearman \(formatNumber(spearman, decimals: 2)))."
    if spearman >= 0.3 { return "More contacts tend to mean broader ones here \(figure)" }
    if spearman <= -0.3 { return "More contacts tend to mean narrower ones here \(figure)" }
    return "More contacts do not mean broader ones here \(figure)"
  }

  func json() -> any JSONEncodable {
    DiversityDocument(
      analyses: analyses.map {
        AttributeDiversity($0, network: network).suppressingGroups(smallerThan: groups.minimum)
      })
  }

  func csv() -> Table {
    var table = Table(columns: [
      .text("attribute"), .text("id"), .number("volume"), .number("blau"), .number("iqv"),
      .number("entropyBits"), .number("distinct"), .number("eiIndex"), .number("missing"),
      .text("narrow"),
    ])
    for d in analyses {
      var narrow = [Bool](repeating: false, count: network.people.count)
      for person in d.narrow { narrow[Int(person)] = true }
      for row in d.people {
        table.row([
          .text(d.attribute), .text(network.people.id(of: row.person)), .integer(row.volume),
          .number(row.blau, .decimals(4)), .number(row.iqv, .decimals(4)),
          .number(row.entropyBits, .decimals(4)), .integer(row.distinct),
          .number(row.eiIndex, .decimals(4)), .integer(row.missing), .bool(narrow[row.person]),
        ])
      }
    }
    return table
  }
}

/// `diversity`'s JSON: one attribute's object, or `{"attributes": […]}` for several.
struct DiversityDocument: JSONEncodable {
  let analyses: [AttributeDiversity]

  func encode(to json: inout JSONWriter) {
    if analyses.count == 1 {
      analyses[0].encode(to: &json)
      return
    }
    json.object { json in json.field("attributes", analyses) }
  }
}
