import TrustCore

/// The communities a command works on: the file's, or `--community-by ATTR`'s
/// (`tribe` and `tribe:LEVEL` name the tribes found with default settings).
func selectedCommunities(
  _ network: TrustNetwork, _ parsed: ParsedArguments, graph: TrustGraph? = nil
) throws(CommandFailure) -> [IndexedCommunity] {
  guard let attribute = parsed.value(.communityBy) else { return network.indexedCommunities }
  let column = try attributeColumn(attribute, network, graph, parsed, option: "--community-by")
  return TrustNetwork.communities(from: column)
}

/// An attribute's column, or the tribes' (`tribe`, `tribe:LEVEL`) when the
/// network has no attribute of that name; a usage error otherwise.
func attributeColumn(
  _ name: String, _ network: TrustNetwork, _ graph: TrustGraph?, _ parsed: ParsedArguments,
  option: String
) throws(CommandFailure) -> AttributeColumn {
  let keys = network.attributeKeys
  if keys.contains(name) { return network.people.attributeColumn(name) }
  if let graph, name == "tribe" || name.hasPrefix("tribe:") {
    let level = name == "tribe" ? 0 : Int(name.dropFirst("tribe:".count)) ?? -1
    let hierarchy = TribeHierarchy(network, graph: graph)
    guard level >= 0 && level < hierarchy.levels.count else {
      throw .usage(
        UsageError(
          message: "no tribe level '\(name.dropFirst("tribe:".count))' for '\(option)': "
            + "this network has levels 0 to \(hierarchy.levels.count - 1)",
          command: parsed.command))
    }
    return hierarchy.levels[level].column(key: name)
  }
  let hint = (keys + ["tribe"]).joined(separator: ", ")
  throw .usage(
    UsageError(
      message: "unknown attribute '\(name)' for '\(option)' (the network's attributes: \(hint))",
      command: parsed.command,
      suggestion: closestName(to: name, among: keys + ["tribe"]).map {
        option == "--by" ? "Did you mean '--by \($0)'?" : "Did you mean '\($0)'?"
      }))
}

/// The person named by `--person`, or a usage error naming the closest id.
func selectedPerson(_ network: TrustNetwork, _ parsed: ParsedArguments) throws(CommandFailure)
  -> Int?
{
  guard let id = parsed.value(.person) else { return nil }
  if let index = network.index(of: id) { return index }
  let ids = (0..<network.people.count).map { network.people.id(of: $0) }
  let closest = closestName(to: id, among: ids)
  throw .usage(
    UsageError(
      message: "unknown person '\(id)'" + (closest.map { "; the closest id is '\($0)'" } ?? ""),
      command: parsed.command, suggestion: closest.map { "Did you mean '--person \($0)'?" }))
}

/// The community named by `--community`, or a usage error naming the closest id.
func selectedCommunity(_ communities: [IndexedCommunity], _ parsed: ParsedArguments)
  throws(CommandFailure) -> Int?
{
  guard let id = parsed.value(.community) else { return nil }
  if let index = communities.firstIndex(where: { $0.id == id }) { return index }
  let closest = closestName(to: id, among: communities.map(\.id))
  let known = communities.prefix(8).map(\.id).joined(separator: ", ")
  throw .usage(
    UsageError(
      message: "unknown community '\(id)'"
        + (closest.map { "; the closest id is '\($0)'" }
          ?? " (communities: \(known.isEmpty ? "none" : known))"),
      command: parsed.command, suggestion: closest.map { "Did you mean '--community \($0)'?" }))
}

func ids(_ people: some Sequence<Int32>, _ network: TrustNetwork) -> [String] {
  people.map { network.people.id(of: Int($0)) }
}

func names(_ people: some Sequence<Int32>, _ network: TrustNetwork) -> [String] {
  people.map { network.people.name(of: Int($0)) }
}

/// "Ana, Bo and Cy".
func spokenList(_ items: [String], limit: Int = 12) -> String {
  var shown = Array(items.prefix(limit))
  if items.count > limit { shown.append("\(items.count - limit) more") }
  switch shown.count {
  case 0: return "nobody"
  case 1: return shown[0]
  default: return shown.dropLast().joined(separator: ", ") + " and " + (shown.last ?? "")
  }
}

/// Why a warm join is warm, for people: "trusts Ana and Bo" or "introduced by
/// Cy"; `nil` for a cold one.
func warmReason(_ join: JoinAssessment, _ network: TrustNetwork, limit: Int) -> String? {
  switch join.warmth {
  case .direct: return "trusts " + spokenList(names(join.trustedMembers, network), limit: limit)
  case .introduced:
    return "introduced by " + spokenList(names(join.introducers, network), limit: limit)
  case .cold: return nil
  }
}

// MARK: - reach

func reachReport(_ network: TrustNetwork, _ graph: TrustGraph, _ parsed: ParsedArguments)
  throws(CommandFailure) -> any StandaloneReport
{
  guard let person = try selectedPerson(network, parsed) else {
    throw .usage(UsageError(message: "missing '--person <id>'", command: parsed.command))
  }
  let communities = try selectedCommunities(network, parsed, graph: graph)
  let needed = try usage { () throws(UsageError) in
    try parsed.positiveInteger(.introducers, default: 1)
  }
  let joins = CommunityJoins(graph, communities: communities, introducersNeeded: needed)
  let entries = zip(communities, joins.standings(of: person)).map {
    ReachReport.CommunityEntry(community: $0, join: $1)
  }
  return ReachReport(reach: TrustReach(graph, person: person), communities: entries)
}

struct ReachReport: StandaloneReport {
  struct CommunityEntry {
    var community: IndexedCommunity
    /// `nil` for a member.
    var join: JoinAssessment?
  }
  var reach: TrustReach
  var communities: [CommunityEntry]

  var jsonKey: String { "reach" }

  func writeText(into text: inout String, network: TrustNetwork) {
    let person = reach.person
    let name = network.people.name(of: person)
    let id = network.people.id(of: person)
    text += name == id ? "\(name)\n" : "\(name) (\(id))\n"
    let first = names(reach.firstDegree, network)
    text += "  Trusts directly (first degree, \(first.count)): \(spokenList(first, limit: 50))\n"
    text += "  Pre-credentialed (second degree, \(reach.secondDegree.count))"
    text += reach.secondDegree.isEmpty ? ": nobody\n" : ":\n"
    for (index, other) in reach.secondDegree.enumerated().prefix(200) {
      text +=
        "    \(network.people.name(of: Int(other))) is pre-credentialed by "
        + spokenList(names(reach.introducers[index], network)) + "\n"
    }
    if reach.secondDegree.count > 200 {
      text += "    … and \(reach.secondDegree.count - 200) more (use --format json for all)\n"
    }
    guard !communities.isEmpty else { return }
    text += "\nCommunities\n"
    var table = TextTable(header: ["community", "joining", "through"])
    for entry in communities {
      guard let join = entry.join else {
        table.row([entry.community.id, "member", ""])
        continue
      }
      let through =
        warmReason(join, network, limit: 5)
        ?? (join.introducers.isEmpty
          ? "no trusted tie" : "only \(join.introducers.count) introducer(s): too few")
      table.row([entry.community.id, "would join \(join.warmth.rawValue)", through])
    }
    text += table.rendered()
  }

  func writeJSON(into json: inout JSONWriter, network: TrustNetwork) {
    json.object { json in
      json.key("person")
      json.string(network.people.id(of: reach.person))
      json.key("firstDegree")
      json.strings(ids(reach.firstDegree, network))
      json.key("secondDegree")
      json.strings(ids(reach.secondDegree, network))
      json.key("introducers")
      json.object { json in
        for (index, other) in reach.secondDegree.enumerated() {
          json.key(network.people.id(of: Int(other)))
          json.strings(ids(reach.introducers[index], network))
        }
      }
      json.key("communities")
      json.array { json in
        for entry in communities {
          json.object { json in
            json.key("community")
            json.string(entry.community.id)
            json.key("member")
            json.bool(entry.join == nil)
            json.key("warmth")
            json.optionalString(entry.join?.warmth.rawValue)
            if let join = entry.join {
              json.key("trustedMembers")
              json.strings(ids(join.trustedMembers, network))
              json.key("introducers")
              json.strings(ids(join.introducers, network))
            }
          }
        }
      }
    }
  }

  func csv(network: TrustNetwork) -> String {
    var csv = CSVWriter(header: ["person", "degree", "other", "introducers"])
    let person = network.people.id(of: reach.person)
    for other in reach.firstDegree {
      csv.row([person, "1", network.people.id(of: Int(other)), ""])
    }
    for (index, other) in reach.secondDegree.enumerated() {
      csv.row([
        person, "2", network.people.id(of: Int(other)),
        ids(reach.introducers[index], network).joined(separator: ";"),
      ])
    }
    return csv.output
  }
}

// MARK: - joins

func joinsReport(_ network: TrustNetwork, _ graph: TrustGraph, _ parsed: ParsedArguments)
  throws(CommandFailure) -> any StandaloneReport
{
  let communities = try selectedCommunities(network, parsed, graph: graph)
  let person = try selectedPerson(network, parsed)
  let community = try selectedCommunity(communities, parsed)
  let needed = try usage { () throws(UsageError) in
    try parsed.positiveInteger(.introducers, default: 1)
  }
  let joins = CommunityJoins(graph, communities: communities, introducersNeeded: needed)
  var pairs: [JoinAssessment] = []
  var paths: [[Int32]?] = []
  let listed = community.map { [$0] } ?? Array(communities.indices)
  for index in listed {
    let rows = joins.assessments(community: index, people: person.map { [$0] })
    let routes = rows.contains { $0.warmth == .cold } ? joins.warmthRoutes(community: index) : nil
    for row in rows {
      pairs.append(row)
      paths.append(row.warmth == .cold ? routes?.path(from: row.person) : nil)
    }
  }
  let summary = community.map { [joins.summary(of: $0)] } ?? joins.summary()
  return JoinsReport(communities: communities, pairs: pairs, paths: paths, summary: summary)
}

struct JoinsReport: StandaloneReport {
  var communities: [IndexedCommunity]
  var pairs: [JoinAssessment]
  /// For each pair, the path to warmth of a cold join (`nil` otherwise or when none exists).
  var paths: [[Int32]?]
  var summary: [JoinSummary]

  var jsonKey: String { "joins" }

  func writeText(into text: inout String, network: TrustNetwork) {
    text += "Joining each community\n"
    var table = TextTable(
      header: ["community", "members", "direct", "introduced", "cold"], rightAligned: [1, 2, 3, 4])
    for row in summary {
      table.row([
        communities[row.community].id, String(row.members), String(row.direct),
        String(row.introduced), String(row.cold),
      ])
    }
    text += table.rendered()
    guard !pairs.isEmpty else { return }
    text += "\nWho would join, and how\n"
    var detail = TextTable(header: ["person", "community", "warmth", "through"])
    for (index, pair) in pairs.enumerated() {
      var through = warmReason(pair, network, limit: 4) ?? "no path"
      if pair.warmth == .cold, let path = paths[index], path.count > 1 {
        let steps = names(path.dropFirst(), network)
        through =
          "ask " + steps[0] + (steps.count > 1 ? ", path " + steps.joined(separator: " → ") : "")
      }
      detail.row([
        network.people.id(of: pair.person), communities[pair.community].id, pair.warmth.rawValue,
        through,
      ])
    }
    text += detail.rendered()
  }

  func writeJSON(into json: inout JSONWriter, network: TrustNetwork) {
    json.object { json in
      json.key("joins")
      json.array { json in
        for (index, pair) in pairs.enumerated() {
          json.object { json in
            json.key("person")
            json.string(network.people.id(of: pair.person))
            json.key("community")
            json.string(communities[pair.community].id)
            json.key("warmth")
            json.string(pair.warmth.rawValue)
            json.key("trustedMembers")
            json.strings(ids(pair.trustedMembers, network))
            json.key("introducers")
            json.strings(ids(pair.introducers, network))
            if pair.warmth == .cold {
              json.key("pathToWarmth")
              if let path = paths[index] { json.strings(ids(path, network)) } else { json.null() }
            }
          }
        }
      }
      json.key("summary")
      json.array { json in
        for row in summary {
          json.object { json in
            json.key("community")
            json.string(communities[row.community].id)
            json.key("members")
            json.int(row.members)
            json.key("direct")
            json.int(row.direct)
            json.key("introduced")
            json.int(row.introduced)
            json.key("cold")
            json.int(row.cold)
          }
        }
      }
    }
  }

  func csv(network: TrustNetwork) -> String {
    var csv = CSVWriter(header: [
      "person", "community", "warmth", "trustedMembers", "introducers", "pathToWarmth",
    ])
    for (index, pair) in pairs.enumerated() {
      csv.row([
        network.people.id(of: pair.person), communities[pair.community].id, pair.warmth.rawValue,
        ids(pair.trustedMembers, network).joined(separator: ";"),
        ids(pair.introducers, network).joined(separator: ";"),
        paths[index].map { ids($0, network).joined(separator: ";") } ?? "",
      ])
    }
    return csv.output
  }
}

// MARK: - groups

func groupsReport(_ network: TrustNetwork, _ graph: TrustGraph, _ parsed: ParsedArguments)
  throws(CommandFailure) -> any StandaloneReport
{
  let communities = try selectedCommunities(network, parsed, graph: graph)
  guard let index = try selectedCommunity(communities, parsed) else {
    throw .usage(UsageError(message: "missing '--community <id>'", command: parsed.command))
  }
  let depth = try usage { () throws(UsageError) in
    try parsed.positiveInteger(.nearDepth, default: 1, minimum: 0)
  }
  let projection = GroupProjection(
    graph, network: network, members: communities[index].members, nearDepth: depth)
  return GroupsReport(community: communities[index], projection: projection)
}

struct GroupsReport: StandaloneReport {
  var community: IndexedCommunity
  var projection: GroupProjection

  var jsonKey: String { "groups" }

  func writeText(into text: inout String, network: TrustNetwork) {
    let p = projection
    text +=
      "\(community.name)" + (community.name == community.id ? "" : " (\(community.id))") + "\n"
    func line(_ label: String, _ people: [Int32], _ note: String) {
      text += "  \(label.padding(to: 11))\(String(people.count).leftPadded(to: 6))  \(note)\n"
      if !people.isEmpty && people.count <= 40 {
        text += "             " + names(people, network).joined(separator: ", ") + "\n"
      }
    }
    line("in", p.inGroup, "members")
    line(
      "near", p.near, "within \(p.nearDepth) strong tie\(p.nearDepth == 1 ? "" : "s") of a member")
    line("out", p.out, "everyone else")
    line("out-linked", p.outLinked, "out, but with a weak tie or reports-to link to a member")
    let reach = p.storyReach
    text += "\nStory reach\n"
    var stories = TextTable(
      header: ["vulnerable stories", String(reach.vulnerable)], rightAligned: [1])
    stories.row(["reflective stories", String(reach.reflective)])
    stories.row(["perfected stories", String(reach.perfected)])
    text += stories.rendered()
    text += "\nCoherence\n"
    var coherence = TextTable(
      header: ["density", formatNumber(p.coherence.density)], rightAligned: [1])
    coherence.row(["internal strong ties", String(p.coherence.internalTies)])
    coherence.row(["external strong ties", String(p.coherence.externalTies)])
    coherence.row(["E-I index", formatNumber(p.coherence.eiIndex)])
    coherence.row(["isolated members", String(p.coherence.isolatedMembers.count)])
    text += coherence.rendered()
    if !p.coherence.isolatedMembers.isEmpty {
      text +=
        "  not yet credentialed: "
        + spokenList(names(p.coherence.isolatedMembers, network), limit: 20) + "\n"
    }
  }

  func writeJSON(into json: inout JSONWriter, network: TrustNetwork) {
    let p = projection
    json.object { json in
      json.key("community")
      json.string(community.id)
      json.key("nearDepth")
      json.int(p.nearDepth)
      json.key("in")
      json.strings(ids(p.inGroup, network))
      json.key("near")
      json.strings(ids(p.near, network))
      json.key("out")
      json.strings(ids(p.out, network))
      json.key("outLinked")
      json.strings(ids(p.outLinked, network))
      json.key("storyReach")
      json.object { json in
        json.key("vulnerable")
        json.int(p.storyReach.vulnerable)
        json.key("reflective")
        json.int(p.storyReach.reflective)
        json.key("perfected")
        json.int(p.storyReach.perfected)
      }
      json.key("coherence")
      json.object { json in
        json.key("density")
        json.number(p.coherence.density)
        json.key("isolatedMembers")
        json.strings(ids(p.coherence.isolatedMembers, network))
        json.key("eiIndex")
        json.number(p.coherence.eiIndex)
        json.key("internalTies")
        json.int(p.coherence.internalTies)
        json.key("externalTies")
        json.int(p.coherence.externalTies)
      }
    }
  }

  func csv(network: TrustNetwork) -> String {
    var group = [String](repeating: "out", count: network.people.count)
    for person in projection.inGroup { group[Int(person)] = "in" }
    for person in projection.near { group[Int(person)] = "near" }
    var linked = [Bool](repeating: false, count: network.people.count)
    for person in projection.outLinked { linked[Int(person)] = true }
    var csv = CSVWriter(header: ["id", "name", "community", "group", "outLinked"])
    for person in 0..<network.people.count {
      csv.row([
        network.people.id(of: person), network.people.name(of: person), community.id,
        group[person], linked[person] ? "true" : "false",
      ])
    }
    return csv.output
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: " ", count: width - count) + self
  }
}
