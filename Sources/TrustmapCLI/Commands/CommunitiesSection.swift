import TrustCore

/// The per-community section of `analyse`: members, how non-members would
/// join, in / near / out sizes, density and isolated members.
struct CommunitiesSection: ReportSection {
  struct Row {
    var community: IndexedCommunity
    var join: JoinSummary
    var near: Int
    var out: Int
    var coherence: GroupProjection.Coherence
  }
  var rows: [Row]
  var nearDepth: Int
  var introducersNeeded: Int

  init(
    _ network: TrustNetwork, graph: TrustGraph, local: LocalGraph,
    communities: [IndexedCommunity], nearDepth: Int, introducersNeeded: Int
  ) {
    let joins = CommunityJoins(
      graph, communities: communities, introducersNeeded: introducersNeeded)
    let summary = joins.summary(local: local)
    // Near at depth 1 is exactly the direct joiners.
    let near =
      nearDepth == 1
      ? summary.map(\.direct)
      : GroupProjection.nearCounts(graph, communities: communities, nearDepth: nearDepth)
    let coherences = GroupProjection.coherences(graph, communities: communities)
    rows = communities.indices.map { index in
      let members = communities[index].members
      return Row(
        community: communities[index], join: summary[index], near: near[index],
        out: graph.personCount - members.count - near[index],
        coherence: coherences[index])
    }
    self.nearDepth = nearDepth
    self.introducersNeeded = introducersNeeded
  }

  var jsonKey: String { "communities" }

  func writeText(into text: inout String, network: TrustNetwork) {
    text += "Joining and coherence, per community"
    text += " (near: within \(nearDepth) strong tie\(nearDepth == 1 ? "" : "s"))\n"
    guard !rows.isEmpty else {
      text += "  no communities (use --community-by ATTRIBUTE to make some)\n"
      return
    }
    var table = TextTable(
      header: [
        "community", "members", "direct", "introduced", "cold", "near", "out", "density",
        "isolated",
      ],
      rightAligned: [1, 2, 3, 4, 5, 6, 7, 8])
    for row in rows.prefix(200) {
      table.row([
        row.community.id, String(row.join.members), String(row.join.direct),
        String(row.join.introduced), String(row.join.cold), String(row.near), String(row.out),
        formatNumber(row.coherence.density, decimals: 3),
        String(row.coherence.isolatedMembers.count),
      ])
    }
    text += table.rendered()
    if rows.count > 200 {
      text += "  … and \(rows.count - 200) more communities (use --format json for all)\n"
    }
  }

  func writeJSON(into json: inout JSONWriter, network: TrustNetwork) {
    json.array { json in
      for row in rows {
        json.object { json in
          json.key("community")
          json.string(row.community.id)
          json.key("members")
          json.int(row.join.members)
          json.key("direct")
          json.int(row.join.direct)
          json.key("introduced")
          json.int(row.join.introduced)
          json.key("cold")
          json.int(row.join.cold)
          json.key("in")
          json.int(row.join.members)
          json.key("near")
          json.int(row.near)
          json.key("out")
          json.int(row.out)
          json.key("density")
          json.number(row.coherence.density)
          json.key("isolatedMembers")
          json.int(row.coherence.isolatedMembers.count)
          json.key("eiIndex")
          json.number(row.coherence.eiIndex)
        }
      }
    }
  }
}
