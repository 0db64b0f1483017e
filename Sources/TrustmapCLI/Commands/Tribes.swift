import TrustCore

func tribesReport(_ network: TrustNetwork, _ graph: TrustGraph, _ parsed: ParsedArguments)
  throws(CommandFailure) -> any StandaloneReport
{
  let settings = try usage { () throws(UsageError) in try parsed.tribeSettings() }
  let hierarchy = TribeHierarchy(network, graph: graph, settings: settings)
  var only: Int?
  if parsed.has(.level) {
    let level = try usage { () throws(UsageError) in
      try parsed.positiveInteger(.level, default: 0, minimum: 0)
    }
    guard level < hierarchy.levels.count else {
      throw .usage(
        UsageError(
          message: "no level \(level): this network has levels 0 to \(hierarchy.levels.count - 1)",
          command: parsed.command))
    }
    only = level
  }
  return TribesReport(hierarchy: hierarchy, only: only)
}

struct TribesReport: StandaloneReport {
  var hierarchy: TribeHierarchy
  /// `--level k`: only that level.
  var only: Int?

  var jsonKey: String { "tribes" }

  var shownLevels: [TribeLevel] {
    only.map { [hierarchy.levels[$0]] } ?? hierarchy.levels
  }

  func writeText(into text: inout String, network: TrustNetwork) {
    let s = hierarchy.settings
    text += "Tribes (Leiden, \(s.quality.rawValue), resolution \(formatNumber(s.resolution)), "
    text +=
      "seed \(s.seed), best of \(hierarchy.restarts) run\(hierarchy.restarts == 1 ? "" : "s"))\n"
    for level in shownLevels {
      text += "\n"
      writeText(level, into: &text, network: network)
    }
  }

  private func writeText(_ level: TribeLevel, into text: inout String, network: TrustNetwork) {
    let below = level.level > 0 ? hierarchy.levels[level.level - 1] : nil
    let name = level.level == 0 ? "Level 0: tribes" : "Level \(level.level): tribes of tribes"
    text += "\(name) (\(level.tribes.count); modularity \(formatNumber(level.modularity)))\n"
    var table = TextTable(
      header: ["tribe", "size", "density", "bridges", level.level == 0 ? "dominant" : "parts"],
      rightAligned: [1, 2, 3])
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
      table.row([
        tribe.id, String(tribe.members.count), formatNumber(tribe.density, decimals: 3),
        String(tribe.bridges.count), detail,
      ])
    }
    text += table.rendered()
    if level.tribes.count > limit {
      let rest = level.tribes.count - limit
      let singles = level.tribes.filter { $0.members.count == 1 }.count
      text +=
        "  … and \(rest) more tribes (\(singles) of one person; use --format json or csv for all)\n"
    }
    if !level.links.isEmpty {
      text += "  Most trusted links between tribes:\n"
      var links = TextTable(header: ["tribes", "strong ties"], rightAligned: [1], indent: 4)
      for link in level.links.prefix(8) {
        links.row([
          "\(level.tribes[link.first].id) – \(level.tribes[link.second].id)", String(link.ties),
        ])
      }
      text += links.rendered()
    }
  }

  func writeJSON(into json: inout JSONWriter, network: TrustNetwork) {
    let s = hierarchy.settings
    json.object { json in
      json.key("resolution")
      json.number(s.resolution)
      json.key("seed")
      json.int(Int(truncatingIfNeeded: s.seed))
      json.key("quality")
      json.string(s.quality.rawValue)
      json.key("weighted")
      json.bool(!s.unweighted)
      json.key("restarts")
      json.int(hierarchy.restarts)
      json.key("levels")
      json.array { json in
        for level in shownLevels { writeJSON(level, into: &json, network: network) }
      }
    }
  }

  private func writeJSON(_ level: TribeLevel, into json: inout JSONWriter, network: TrustNetwork) {
    let below = level.level > 0 ? hierarchy.levels[level.level - 1] : nil
    json.object { json in
      json.key("level")
      json.int(level.level)
      json.key("modularity")
      json.number(level.modularity)
      json.key("resolution")
      json.number(level.resolution)
      json.key("quality")
      json.number(level.quality)
      json.key("tribes")
      json.array { json in
        for tribe in level.tribes {
          json.object { json in
            json.key("id")
            json.string(tribe.id)
            json.key("size")
            json.int(tribe.members.count)
            json.key("members")
            json.strings(ids(tribe.members, network))
            json.key("density")
            json.number(tribe.density)
            json.key("internalTies")
            json.int(tribe.internalTies)
            json.key("dominant")
            json.object { json in
              for value in tribe.dominant {
                json.key(value.attribute)
                json.object { json in
                  json.key("value")
                  json.string(value.value)
                  json.key("share")
                  json.number(value.share)
                }
              }
            }
            json.key("bridges")
            json.strings(ids(tribe.bridges, network))
            json.key("parts")
            json.strings(tribe.parts.map { below?.tribes[$0].id ?? "" })
          }
        }
      }
      json.key("links")
      json.array { json in
        for link in level.links.prefix(1000) {
          json.object { json in
            json.key("tribes")
            json.strings([level.tribes[link.first].id, level.tribes[link.second].id])
            json.key("ties")
            json.int(link.ties)
            json.key("weight")
            json.number(link.weight)
          }
        }
      }
      json.key("linkCount")
      json.int(level.links.count)
    }
  }

  func csv(network: TrustNetwork) -> String {
    let levels = shownLevels
    var csv = CSVWriter(header: ["id", "name"] + levels.map { "level\($0.level)" })
    for person in 0..<network.people.count {
      csv.row(
        [network.people.id(of: person), network.people.name(of: person)]
          + levels.map { $0.tribes[Int($0.tribeOf[person])].id })
    }
    return csv.output
  }
}

/// The tribes section of `analyse`: each level's size and modularity, and the largest tribes.
struct TribesSection: ReportSection {
  var hierarchy: TribeHierarchy

  var jsonKey: String { "tribes" }

  func writeText(into text: inout String, network: TrustNetwork) {
    text += "Tribes (Leiden, modularity; see 'trustmap tribes' for profiles)\n"
    var table = TextTable(
      header: ["level", "tribes", "modularity", "largest"], rightAligned: [0, 1, 2])
    for level in hierarchy.levels {
      let largest = level.tribes.prefix(5).map { "\($0.id) (\($0.members.count))" }.joined(
        separator: ", ")
      table.row([
        String(level.level), String(level.tribes.count), formatNumber(level.modularity), largest,
      ])
    }
    text += table.rendered()
  }

  func writeJSON(into json: inout JSONWriter, network: TrustNetwork) {
    json.array { json in
      for level in hierarchy.levels {
        json.object { json in
          json.key("level")
          json.int(level.level)
          json.key("tribes")
          json.int(level.tribes.count)
          json.key("modularity")
          json.number(level.modularity)
          json.key("largest")
          json.array { json in
            for tribe in level.tribes.prefix(10) {
              json.object { json in
                json.key("id")
                json.string(tribe.id)
                json.key("size")
                json.int(tribe.members.count)
              }
            }
          }
        }
      }
    }
  }

  var csvColumns: [String] { hierarchy.levels.map { "tribeLevel\($0.level)" } }

  func csvFields(person: Int, network: TrustNetwork) -> [String] {
    hierarchy.levels.map { $0.tribes[Int($0.tribeOf[person])].id }
  }
}
