import TrustCore

/// The attributes named by `--by`, or every attribute; a usage error for an unknown one.
func selectedAttributes(_ network: TrustNetwork, _ graph: TrustGraph, _ parsed: ParsedArguments)
  throws(CommandFailure) -> [AttributeColumn]
{
  let asked = parsed.all(.by)
  if asked.isEmpty { return network.attributeKeys.map { network.people.attributeColumn($0) } }
  var seen = Set<String>()
  var columns: [AttributeColumn] = []
  for name in asked where seen.insert(name).inserted {
    columns.append(try attributeColumn(name, network, graph, parsed, option: "--by"))
  }
  return columns
}

func diversityReport(_ network: TrustNetwork, _ graph: TrustGraph, _ parsed: ParsedArguments)
  throws(CommandFailure) -> any StandaloneReport
{
  let columns = try selectedAttributes(network, graph, parsed)
  let permutations = try usage { () throws(UsageError) in
    try parsed.positiveInteger(.permutations, default: 0, minimum: 0)
  }
  let seed = try usage { () throws(UsageError) in try parsed.seed() }
  let analyses = columns.map {
    DiversityAnalysis(graph, column: $0, permutations: permutations, seed: seed)
  }
  return DiversityReport(analyses: analyses)
}

struct DiversityReport: StandaloneReport {
  var analyses: [DiversityAnalysis]

  var jsonKey: String { "diversity" }

  func writeText(into text: inout String, network: TrustNetwork) {
    if analyses.isEmpty { text += "No attributes to measure diversity over.\n" }
    for (index, analysis) in analyses.enumerated() {
      if index > 0 { text += "\n" }
      writeText(analysis, into: &text, network: network)
    }
  }

  private func writeText(_ d: DiversityAnalysis, into text: inout String, network: TrustNetwork) {
    text += "Diversity by \(d.attribute) (\(d.valueCount) value\(d.valueCount == 1 ? "" : "s"))\n"
    var figures = TextTable(
      header: ["assortativity", formatNumber(d.assortativity)], rightAligned: [1])
    figures.row(["E-I index", formatNumber(d.eiIndex)])
    figures.row(["volume-Blau Spearman", formatNumber(d.volumeBlauSpearman)])
    figures.row(["narrow people", String(d.narrow.count)])
    text += figures.rendered()
    text += "  " + interpretation(d) + "\n"
    if let significance = d.significance {
      text +=
        "\nPermutation tests (\(significance.permutations) shuffles, seed \(significance.seed))\n"
      var tests = TextTable(
        header: ["figure", "observed", "shuffled mean", "p (≥)", "p (≤)", "p (two-sided)"],
        rightAligned: [1, 2, 3, 4, 5])
      for (name, test) in [
        ("E-I index", significance.eiIndex), ("assortativity", significance.assortativity),
      ] {
        guard let test else {
          tests.row([name, "n/a", "", "", "", ""])
          continue
        }
        tests.row([
          name, formatNumber(test.observed), formatNumber(test.permutedMean),
          formatNumber(test.pAtLeast),
          formatNumber(test.pAtMost), formatNumber(test.pTwoSided),
        ])
      }
      text += tests.rendered()
    }
    text += "\nDiversity yield: mean Blau by volume\n"
    var yield = TextTable(header: ["volume", "people", "mean Blau", ""], rightAligned: [1, 2])
    for band in d.yield {
      let bar = band.meanBlau.map { String(repeating: "█", count: Int(($0 * 30).rounded())) } ?? ""
      yield.row([band.label, String(band.people), formatNumber(band.meanBlau, decimals: 3), bar])
    }
    text += yield.rendered()
    text += "\nE-I index by value\n"
    var values = TextTable(
      header: ["value", "people", "internal", "external", "E-I"], rightAligned: [1, 2, 3, 4])
    for row in d.valueEIIndex.prefix(100) {
      values.row([
        row.value, String(row.people), String(row.internalTies), String(row.externalTies),
        formatNumber(row.eiIndex),
      ])
    }
    text += values.rendered()
    if d.valueEIIndex.count > 100 { text += "  … and \(d.valueEIIndex.count - 100) more values\n" }
    if !d.narrow.isEmpty {
      text += "\nNarrow: many contacts, all alike (volume ≥ \(d.narrowVolumeThreshold ?? 0), "
      text += "Blau < \(formatNumber(d.medianBlau)))\n"
      text += "  " + spokenList(names(d.narrow, network), limit: 30) + "\n"
    }
  }

  private func interpretation(_ d: DiversityAnalysis) -> String {
    guard let spearman = d.volumeBlauSpearman else {
      return
        "Too few people with contacts that have \(d.attribute) to say whether more means broader."
    }
    if spearman >= 0.3 {
      return
        "More contacts tend to mean broader ones here (Spearman \(formatNumber(spearman, decimals: 2)))."
    }
    if spearman <= -0.3 {
      return
        "More contacts tend to mean narrower ones here (Spearman \(formatNumber(spearman, decimals: 2)))."
    }
    return
      "More contacts do not mean broader ones here (Spearman \(formatNumber(spearman, decimals: 2)))."
  }

  func writeJSON(into json: inout JSONWriter, network: TrustNetwork) {
    if analyses.count == 1 {
      writeJSON(analyses[0], into: &json, network: network)
      return
    }
    json.object { json in
      json.key("attributes")
      json.array { json in
        for analysis in analyses { writeJSON(analysis, into: &json, network: network) }
      }
    }
  }

  private func writeJSON(_ d: DiversityAnalysis, into json: inout JSONWriter, network: TrustNetwork)
  {
    json.object { json in
      writeNetworkFigures(d, into: &json)
      json.key("people")
      json.array { json in
        for row in d.people {
          json.object { json in
            json.key("id")
            json.string(network.people.id(of: row.person))
            json.key("volume")
            json.int(row.volume)
            json.key("blau")
            json.number(row.blau)
            json.key("iqv")
            json.number(row.iqv)
            json.key("entropyBits")
            json.number(row.entropyBits)
            json.key("distinct")
            json.int(row.distinct)
            json.key("eiIndex")
            json.number(row.eiIndex)
            json.key("missing")
            json.int(row.missing)
          }
        }
      }
      json.key("narrow")
      json.strings(ids(d.narrow, network))
      json.key("valueEIIndex")
      json.array { json in
        for row in d.valueEIIndex {
          json.object { json in
            json.key("value")
            json.string(row.value)
            json.key("people")
            json.int(row.people)
            json.key("internal")
            json.int(row.internalTies)
            json.key("external")
            json.int(row.externalTies)
            json.key("eiIndex")
            json.number(row.eiIndex)
          }
        }
      }
      json.key("yield")
      json.array { json in
        for band in d.yield {
          json.object { json in
            json.key("volume")
            json.string(band.label)
            json.key("people")
            json.int(band.people)
            json.key("withBlau")
            json.int(band.withBlau)
            json.key("meanBlau")
            json.number(band.meanBlau)
          }
        }
      }
      if let significance = d.significance {
        json.key("significance")
        json.object { json in
          json.key("permutations")
          json.int(significance.permutations)
          json.key("seed")
          json.int(Int(truncatingIfNeeded: significance.seed))
          for (name, test) in [
            ("eiIndex", significance.eiIndex), ("assortativity", significance.assortativity),
          ] {
            json.key(name)
            guard let test else {
              json.null()
              continue
            }
            json.object { json in
              json.key("observed")
              json.number(test.observed)
              json.key("permutedMean")
              json.number(test.permutedMean)
              json.key("pAtLeast")
              json.number(test.pAtLeast)
              json.key("pAtMost")
              json.number(test.pAtMost)
              json.key("pTwoSided")
              json.number(test.pTwoSided)
            }
          }
        }
      }
    }
  }

  func csv(network: TrustNetwork) -> String {
    var csv = CSVWriter(header: [
      "attribute", "id", "volume", "blau", "iqv", "entropyBits", "distinct", "eiIndex", "missing",
      "narrow",
    ])
    for d in analyses {
      var narrow = Set<Int32>()
      for person in d.narrow { narrow.insert(person) }
      for row in d.people {
        csv.row([
          d.attribute, network.people.id(of: row.person), String(row.volume),
          CSVWriter.number(row.blau),
          CSVWriter.number(row.iqv), CSVWriter.number(row.entropyBits), String(row.distinct),
          CSVWriter.number(row.eiIndex), String(row.missing),
          narrow.contains(Int32(truncatingIfNeeded: row.person)) ? "true" : "false",
        ])
      }
    }
    return csv.output
  }
}

/// The diversity section of `analyse`: one line per attribute.
struct DiversitySection: ReportSection {
  var analyses: [DiversityAnalysis]

  var jsonKey: String { "diversity" }

  func writeText(into text: inout String, network: TrustNetwork) {
    text += "Diversity versus volume, per attribute\n"
    guard !analyses.isEmpty else {
      text += "  no attributes\n"
      return
    }
    var table = TextTable(
      header: ["attribute", "values", "assortativity", "E-I", "volume-Blau", "narrow"],
      rightAligned: [1, 2, 3, 4, 5])
    for d in analyses {
      table.row([
        d.attribute, String(d.valueCount), formatNumber(d.assortativity, decimals: 3),
        formatNumber(d.eiIndex, decimals: 3),
        formatNumber(d.volumeBlauSpearman, decimals: 3), String(d.narrow.count),
      ])
    }
    text += table.rendered()
  }

  func writeJSON(into json: inout JSONWriter, network: TrustNetwork) {
    json.array { json in
      for d in analyses {
        json.object { json in
          writeNetworkFigures(d, into: &json)
          json.key("narrow")
          json.int(d.narrow.count)
        }
      }
    }
  }
}

/// The attribute and the network's figures, shared by `diversity` and `analyse`.
private func writeNetworkFigures(_ d: DiversityAnalysis, into json: inout JSONWriter) {
  json.key("attribute")
  json.string(d.attribute)
  json.key("values")
  json.int(d.valueCount)
  json.key("assortativity")
  json.number(d.assortativity)
  json.key("eiIndex")
  json.number(d.eiIndex)
  json.key("volumeBlauSpearman")
  json.number(d.volumeBlauSpearman)
}
