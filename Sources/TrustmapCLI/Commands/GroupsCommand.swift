import TrustCore

/// `trustmap groups FILE --community ID`: a community's in, near and out
/// groups, story reach and coherence.
enum GroupsCommand: AnalysisCommand {
  static let name = "groups"
  static let abstract = "A community's in, near and out groups, story reach and coherence."
  static let discussion = """
    In: the members. Near: non-members within strong-tie distance d of a member, the \
    people the community projects trust to. Out: everyone else; out-linked are those in \
    out with only a weak tie or a reports-to link to a member. Vulnerable stories reach \
    in, reflective stories in and near, perfected stories everyone. Coherence: internal \
    density, isolated members, and the E-I index of the community's strong ties.
    """
  static let options: [any OptionDeclaration] =
    [Options.community.required(), Options.nearDepth, Options.communityBy]
    + Options.graph(formats: formats) + [Options.quiet]

  static func report(
    _ session: AnalysisSession, _ arguments: ParsedArguments, progress: ProgressReporter
  ) throws(CommandFailure) -> any Report {
    let source = try communitySource(session, arguments)
    let query = GroupsQuery(
      community: arguments.value(of: Options.community) ?? "", communities: source,
      nearDepth: arguments.value(of: Options.nearDepth) ?? 1)
    let answer = try usage(arguments) { () throws(TrustQueryError) in try query.run(in: session) }
    return GroupsReport(
      answer: answer, network: session.network, groups: GroupSuppression(arguments))
  }
}

/// How `groups` shows its answer: nothing but `suppressed` for a community
/// under `--min-group`.
struct GroupsReport: Report {
  let answer: GroupsAnswer
  let network: TrustNetwork
  let groups: GroupSuppression

  private var isSuppressed: Bool { groups.hides(answer.projection.inGroup.count) }

  func text() -> TextReport {
    var report = TextReport()
    let community = answer.community
    let p = answer.projection
    guard !isSuppressed else {
      report.line("\(community.id): suppressed (fewer than \(groups.minimum) members)")
      return report
    }
    report.line(community.name + (community.name == community.id ? "" : " (\(community.id))"))
    func group(_ label: String, _ people: [Int32], _ note: String) {
      report.line("  \(label.padding(to: 11))\(String(people.count).leftPadded(to: 6))  \(note)")
      if !people.isEmpty && people.count <= 40 {
        report.line("             " + names(people, network).joined(separator: ", "))
      }
    }
    group("in", p.inGroup, "members")
    group("near", p.near, "within \(strongTies(p.nearDepth)) of a member")
    group("out", p.out, "everyone else")
    group("out-linked", p.outLinked, "out, but with a weak tie or reports-to link to a member")
    let reach = p.storyReach
    report.blank()
    report.line("Story reach")
    var stories = Table(columns: [.text(""), .number("")], showsHeader: false)
    stories.row(["vulnerable stories", .integer(reach.vulnerable)])
    stories.row(["reflective stories", .integer(reach.reflective)])
    stories.row(["perfected stories", .integer(reach.perfected)])
    report.table(stories)
    report.blank()
    report.line("Coherence")
    var coherence = Table(columns: [.text(""), .number("")], showsHeader: false)
    coherence.row(["density", .number(p.coherence.density, .significant(4))])
    coherence.row(["internal strong ties", .integer(p.coherence.internalTies)])
    coherence.row(["external strong ties", .integer(p.coherence.externalTies)])
    coherence.row(["E-I index", .number(p.coherence.eiIndex, .decimals(4))])
    coherence.row(["isolated members", .integer(p.coherence.isolatedMembers.count)])
    report.table(coherence)
    if !p.coherence.isolatedMembers.isEmpty {
      report.line(
        "  not yet credentialed: "
          + spokenList(namesOf: p.coherence.isolatedMembers, network, limit: 20))
    }
    return report
  }

  func json() -> any JSONEncodable {
    CommunityGroups(answer, network: network).suppressingGroups(smallerThan: groups.minimum)
  }

  func csv() -> Table {
    let count = network.people.count
    var group = [String](repeating: "out", count: count)
    for person in answer.projection.inGroup { group[Int(person)] = "in" }
    for person in answer.projection.near { group[Int(person)] = "near" }
    var linked = [Bool](repeating: false, count: count)
    for person in answer.projection.outLinked { linked[Int(person)] = true }
    var table = Table(columns: [
      .text("id"), .text("name"), .text("community"), .text("group"), .text("outLinked"),
    ])
    for person in 0..<count {
      if isSuppressed {
        table.row(
          groups.row(
            [
              .text(network.people.id(of: person)), .text(network.people.name(of: person)),
              .text(answer.community.id),
            ], figures: 2))
        continue
      }
      table.row([
        .text(network.people.id(of: person)), .text(network.people.name(of: person)),
        .text(answer.community.id), .text(group[person]), .bool(linked[person]),
      ])
    }
    return table
  }
}
