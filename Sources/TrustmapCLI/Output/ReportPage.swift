import TrustCore

/// The HTML report's page: each section as `<section id="NAME">` (the names
/// of `report --sections`, in that order), each with a sentence or two for
/// a reader who is not a network specialist, the section's own tables from
/// the neutral report model (``HTMLRenderer``) and its pictures.
///
/// ```swift
/// var page = ReportPage(network: network, session: session)
/// page.analyse = [try SummarySection(context)]
/// page.order = ["summary"]
/// let html = page.html()
/// ```
///
/// - Complexity: O(the sections' rows, the map's discs and lines).
struct ReportPage {
  /// The sweep of the report's cascade section.
  struct Cascade {
    /// Who started it (display names).
    var starters: [String]
    /// The final share at each threshold i / 100.
    var shares: [Double]
    /// The largest threshold at which half speak, or `nil`.
    var tippingThreshold: Double?
  }

  let network: TrustNetwork
  let session: AnalysisSession
  /// The sections of `analyse` asked for, in order.
  var analyse: [any AnalyseSection] = []
  var map: TrustMap?
  var cascade: Cascade?
  var diversity: [DiversityAnalysis] = []
  var tribes: TribeHierarchy?
  /// The section names, in page order.
  var order: [String] = []

  init(network: TrustNetwork, session: AnalysisSession) {
    self.network = network
    self.session = session
  }

  /// Headings of the sections, for the contents and `<h2>`.
  static let headings = [
    "summary": "Summary", "map": "The map", "communities": "Communities",
    "formal": "Formal and social", "keystones": "Keystones", "cascade": "A speak-up cascade",
    "diversity": "Diversity", "tribes": "Tribes",
  ]

  func html() -> String {
    let title = network.name ?? "Trust report"
    var body = "<header>\n<h1>\(HTMLRenderer.escape(title))</h1>\n"
    body +=
      "<p class=\"lead\">A trust report made by trustmap \(TrustmapVersion.current): "
      + "\(grouped(network.people.count)) people, \(grouped(session.graph.strongTieCount)) "
      + "strong ties (a tie is strong at strength ≥ \(formatNumber(session.graph.threshold))).</p>\n"
    body += "</header>\n"
    var parts: [(String, String)] = []
    for name in order {
      if let content = section(name) { parts.append((name, content)) }
    }
    body += "<nav><ul>\n"
    for (name, _) in parts {
      body += "<li><a href=\"#\(name)\">\(Self.headings[name] ?? name)</a></li>\n"
    }
    body += "</ul></nav>\n"
    for (name, content) in parts {
      body +=
        "<section id=\"\(name)\">\n<h2>\(Self.headings[name] ?? name)</h2>\n\(content)</section>\n"
    }
    body += "<footer>Every figure is computed by trustmap from the network file alone; "
    body += "the same file and settings give the same report.</footer>"
    return HTMLRenderer.document(title: title, body: body)
  }

  private func section(_ name: String) -> String? {
    switch name {
    case "map": return map.map(mapSection)
    case "cascade": return cascade.map(cascadeSection)
    default: break
    }
    guard let section = analyse.first(where: { type(of: $0).name == name }) else { return nil }
    switch section {
    case let summary as SummarySection: return summarySection(summary)
    case let communities as CommunitiesSection: return communitiesSection(communities)
    case let formal as FormalSection: return formalSection(formal)
    case let keystones as KeystonesSection: return keystonesSection(keystones)
    case let diversity as DiversitySection: return diversitySection(diversity)
    case let tribes as TribesSection: return tribesSection(tribes)
    default: return HTMLRenderer.render(section.text())
    }
  }

  private func explain(_ text: String) -> String {
    "<p class=\"explain\">\(HTMLRenderer.escape(text))</p>\n"
  }

  private func summarySection(_ section: SummarySection) -> String {
    let s = section.answer.summary
    let rule = s.reciprocity == .mutual ? "in both directions" : "in either direction"
    let share = s.people > 0 ? Double(s.components.largest) / Double(s.people) : 0
    var table = Table(columns: [.text("figure"), .number("value"), .text("what it means")])
    let threshold = formatNumber(s.threshold)
    table.row([
      "people", .integer(s.people), "Everyone in the file, whether or not they have a tie.",
    ])
    table.row([
      "tie records", .integer(s.tieRecords),
      "Each time someone named a person they trust, one direction at a time.",
    ])
    table.row([
      "strong ties", .integer(s.strongTies),
      .text(
        "Pairs whose trust reaches \(threshold) \(rule): the ties trust travels along. "
          + "Everything else in this report counts these."),
    ])
    table.row([
      "weak ties", .integer(s.weakTies),
      "Pairs with some trust, below the threshold: acquaintance rather than trust.",
    ])
    table.row([
      "reciprocated pairs", .integer(s.reciprocatedPairs),
      "Pairs in which both people named each other.",
    ])
    table.row([
      "components", .integer(s.components.count),
      "Separate islands of strong ties: no chain of trusted friends joins one to another.",
    ])
    table.row([
      "largest component", .integer(s.components.largest),
      .text(
        "The biggest island: \(formatNumber(share * 100, decimals: 0))% of people can reach "
          + "each other through chains of trust."),
    ])
    table.row([
      "isolates", .integer(s.isolates),
      "People with no strong tie at all: not yet credentialed by anyone.",
    ])
    table.row([
      "mean first degree", .number(s.degreesOfTrust.meanFirstDegree, .decimals(2)),
      "How many people each person trusts directly, on average.",
    ])
    table.row([
      "mean second degree", .number(s.degreesOfTrust.meanSecondDegree, .decimals(2)),
      .text(
        "How many friends of friends each person has, on average: people pre-credentialed "
          + "to them by a trusted friend they share."),
    ])
    table.row([
      "largest second degree", .integer(s.degreesOfTrust.largestSecondDegree),
      "The widest circle of friends of friends anyone has.",
    ])
    var html = HTMLRenderer.table(table)
    if !s.communities.isEmpty {
      html += "<h3>Communities</h3>\n"
      var communities = Table(columns: [.text("community"), .text("name"), .number("members")])
      for community in s.communities {
        communities.row([.text(community.id), .text(community.name), .integer(community.members)])
      }
      html += HTMLRenderer.table(communities)
    }
    if !s.contexts.isEmpty {
      html += "<h3>Contexts</h3>\n"
      var contexts = Table(columns: [.text("context"), .number("records")])
      for context in s.contexts {
        contexts.row([.text(context.context), .integer(context.records)])
      }
      html += HTMLRenderer.table(contexts)
    }
    return html
  }

  private func mapSection(_ map: TrustMap) -> String {
    var html = explain(
      map.subject == .people
        ? "Each circle is a person, placed near the people they trust; its colour is their "
          + "tribe (or the attribute chosen), its size how many strong ties they have. Lines "
          + "are strong ties, wider when stronger; dashed lines are reports-to links."
        : "The network is too large to draw person by person: each disc is a tribe, its area "
          + "its number of members, and lines are as wide as the strong ties between tribes.")
    html += HTMLRenderer.withoutAddresses(map.svg(standalone: false))
    html += "<p class=\"figures\">\(HTMLRenderer.escape(map.caption))</p>\n"
    return html
  }

  private func communitiesSection(_ section: CommunitiesSection) -> String {
    var html = explain(
      "For each community: how the people outside it would join. Direct: they already trust "
        + "a member. Introduced: a friend they trust trusts a member and can introduce them. "
        + "Cold: no trusted path of one or two steps. In, near and out are who hears its "
        + "vulnerable, reflective and perfected stories; density is the share of possible "
        + "strong ties among members that exist.")
    if section.rows.isEmpty {
      return html + "<p>No communities (use --community-by ATTRIBUTE to make some).</p>\n"
    }
    for row in section.rows.prefix(200) {
      let c = row.coherence
      html += "<div class=\"community\">\n"
      html += "<h3>\(HTMLRenderer.escape(row.community.name))"
      if row.community.name != row.community.id {
        html += " <small>(\(HTMLRenderer.escape(row.community.id)))</small>"
      }
      html += "</h3>\n"
      html += HTMLCharts.stackedBar(
        [
          ("direct", row.join.direct, "#2ca02c"), ("introduced", row.join.introduced, "#98df8a"),
          ("cold", row.join.cold, "#9ecae1"),
        ], width: 520)
      html += "<p class=\"figures\">\(row.join.members) members: in \(row.join.members) · near "
      html += "\(row.near) · out \(row.out) · density \(formatSignificant(c.density, digits: 3))"
      html += " · E-I \(formatNumber(c.eiIndex, decimals: 3)) · isolated members "
      html += "\(c.isolatedMembers.count)</p>\n</div>\n"
    }
    return html + HTMLRenderer.render(section.text())
  }

  private func formalSection(_ section: FormalSection) -> String {
    let ratio = section.answer.classes.horizontalToVertical
    let reading =
      ratio.map {
        $0 >= 1
          ? "Here trust runs more across the hierarchy than along it (ratio \(formatNumber($0, decimals: 2)))."
          : "Here trust runs more along the hierarchy than across it (ratio \(formatNumber($0, decimals: 2)))."
      } ?? "There are too few pairs to compare."
    return explain(
      "Each strong tie is placed against the reports-to tree: direct (a manager and a report), "
        + "skip (further up the same line), horizontal (peers at the same depth) or diagonal. "
        + "The ratio compares how dense trust is across the hierarchy with how dense it is "
        + "up and down it. " + reading) + HTMLRenderer.render(section.text())
  }

  private func keystonesSection(_ section: KeystonesSection) -> String {
    explain(
      "A keystone is someone whose leaving would split the strong-tie network: some people "
        + "would lose their only chain of trust to the rest. \(section.count) "
        + "\(section.count == 1 ? "person is a keystone" : "people are keystones") here; "
        + "'cut off' is how many would be stranded.") + HTMLRenderer.render(section.text())
  }

  private func cascadeSection(_ cascade: Cascade) -> String {
    let who = spokenList(cascade.starters.map { "\u{2068}\($0)\u{2069}" })
    let reading =
      cascade.tippingThreshold.map {
        "If \(who) spoke up, at least half of everyone would follow as long as each person "
          + "speaks once \(formatNumber($0 * 100, decimals: 0))% of the people they trust have; "
          + "at a higher threshold the avalanche stalls."
      } ?? "Even if \(who) spoke up, fewer than half would follow at any threshold above 0."
    var html = explain(
      "A speak-up cascade (Granovetter's threshold model): a person speaks once a share of the "
        + "people they trust have spoken. Starting from the best-connected people, the chart "
        + "shows the share who end up speaking for each threshold. " + reading)
    let points = cascade.shares.enumerated().map { (Double($0.offset) / 100, $0.element) }
    html += HTMLCharts.line(
      points, marked: cascade.tippingThreshold, xTitle: "threshold (0 to 1)",
      yTitle: "share")
    return html
  }

  private func diversitySection(_ section: DiversitySection) -> String {
    var html = explain(
      "Does having more trusted contacts mean having broader ones? Blau's index is the chance "
        + "that two of a person's trusted contacts, picked at random, differ in an attribute: "
        + "0 when all are alike. If more meant broader, the bars would rise to the right. "
        + "Assortativity above 0 means like trusts like.")
    html += HTMLRenderer.render(section.text())
    for analysis in diversity {
      html +=
        "<h3>Diversity yield: mean Blau by volume, \(HTMLRenderer.escape(analysis.attribute))</h3>\n"
      html += HTMLCharts.bars(analysis.yield.map { ($0.label, $0.meanBlau) }, maximum: 1)
      if let rho = analysis.volumeBlauSpearman {
        let word =
          rho >= 0.3 ? "broader" : rho <= -0.3 ? "narrower" : "neither broader nor narrower"
        html += "<p class=\"figures\">More contacts mean \(word) ones here (Spearman "
        html += "\(formatNumber(rho, decimals: 2))).</p>\n"
      }
    }
    return html
  }

  private func tribesSection(_ section: TribesSection) -> String {
    var html = explain(
      "Tribes are groups of people more tightly tied among themselves than to anyone else, "
        + "found by the Leiden algorithm; tribes of tribes group them again. Modularity "
        + "above 0.3 means the groups are clear. Dominant values say what most members share.")
    html += HTMLRenderer.render(section.text())
    guard let level = tribes?.levels.first else { return html }
    html += "<h3>The tribes (level 0\(level.tribes.count > 60 ? ", the 60 largest" : ""))</h3>\n"
    var table = Table(columns: [
      .text("tribe"), .number("size"), .number("density"), .number("bridges"), .text("dominant"),
    ])
    for tribe in level.tribes.prefix(60) {
      let dominant = tribe.dominant.map {
        "\($0.attribute) \($0.value) \(formatNumber($0.share * 100, decimals: 0))%"
      }
      table.row([
        .text(tribe.id), .integer(tribe.members.count), .number(tribe.density, .significant(3)),
        .integer(tribe.bridges.count), .list(dominant),
      ])
    }
    return html + HTMLRenderer.table(table)
  }
}
