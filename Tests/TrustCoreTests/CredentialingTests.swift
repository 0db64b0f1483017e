import Testing

@testable import TrustCore

@Suite("Degrees of trust, joins and groups")
struct CredentialingTests {
  @Test(arguments: 1...4 as ClosedRange<UInt64>)
  func reachMatchesTheReference(seed: UInt64) throws {
    let net = try network(randomNetworkJSON(people: 30, ties: 70, seed: seed))
    for settings in settingVariants {
      let graph = try TrustGraph(net, settings: settings)
      let reference = ReferenceGraph(net, settings: settings)
      for person in 0..<net.people.count {
        let reach = TrustReach(graph, person: person)
        #expect(reach.firstDegree.map(Int.init) == reference.strong[person].sorted())
        let second = reference.second(person).sorted()
        #expect(reach.secondDegree.map(Int.init) == second)
        for (index, other) in second.enumerated() {
          let expected = reference.strong[person].intersection(reference.strong[other]).sorted()
          #expect(reach.introducers[index].map(Int.init) == expected)
        }
      }
    }
  }

  @Test(arguments: 1...4 as ClosedRange<UInt64>)
  func joinsMatchTheReference(seed: UInt64) throws {
    let net = try network(randomNetworkJSON(people: 30, ties: 70, seed: seed))
    for settings in settingVariants {
      let graph = try TrustGraph(net, settings: settings)
      let reference = ReferenceGraph(net, settings: settings)
      for needed in 1...3 {
        let joins = CommunityJoins(graph, communities: net.indexedCommunities, introducersNeeded: needed)
        let summary = joins.summary()
        for (index, community) in net.indexedCommunities.enumerated() {
          let members = Set(community.members.map(Int.init))
          var counts: [JoinWarmth: Int] = [.direct: 0, .introduced: 0, .cold: 0]
          let rows = joins.assessments(community: index)
          #expect(rows.map(\.person) == (0..<net.people.count).filter { !members.contains($0) })
          for row in rows {
            let trusted = reference.strong[row.person].intersection(members).sorted()
            let introducers = reference.strong[row.person].subtracting(members)
              .filter { !reference.strong[$0].isDisjoint(with: members) }.sorted()
            let warmth: JoinWarmth =
              !trusted.isEmpty ? .direct : introducers.count >= needed ? .introduced : .cold
            #expect(row.trustedMembers.map(Int.init) == trusted)
            #expect(row.introducers.map(Int.init) == introducers)
            #expect(row.warmth == warmth)
            counts[warmth, default: 0] += 1
            if warmth == .cold {
              let path = joins.pathToWarmth(person: row.person, community: index)
              let distance = reference.distances(from: Array(members))[row.person]
              #expect(path.map { $0.count - 1 } == distance)
              if let path {
                #expect(path.first.map(Int.init) == row.person)
                #expect(path.last.map { members.contains(Int($0)) } == true)
                for (a, b) in zip(path, path.dropFirst()) {
                  #expect(reference.strong[Int(a)].contains(Int(b)))
                }
              }
            }
          }
          #expect(summary[index].members == members.count)
          #expect(summary[index].direct == counts[.direct])
          #expect(summary[index].introduced == counts[.introduced])
          #expect(summary[index].cold == counts[.cold])
        }
      }
    }
  }

  @Test(arguments: 1...4 as ClosedRange<UInt64>)
  func groupsMatchTheReference(seed: UInt64) throws {
    let net = try network(randomNetworkJSON(people: 30, ties: 60, seed: seed))
    for settings in settingVariants {
      let graph = try TrustGraph(net, settings: settings)
      let reference = ReferenceGraph(net, settings: settings)
      for community in net.indexedCommunities {
        let members = Set(community.members.map(Int.init))
        let distance = reference.distances(from: Array(members))
        for depth in 0...3 {
          let groups = GroupProjection(graph, network: net, members: community.members, nearDepth: depth)
          let near = (0..<net.people.count).filter {
            !members.contains($0) && (distance[$0].map { $0 <= depth } ?? false)
          }
          let out = (0..<net.people.count).filter { !members.contains($0) && !near.contains($0) }
          let linked = out.filter { person in
            !reference.weak[person].isDisjoint(with: members)
              || members.contains(Int(net.people.reportsTo[person]))
              || members.contains { Int(net.people.reportsTo[$0]) == person }
          }
          #expect(groups.inGroup.map(Int.init) == members.sorted())
          #expect(groups.near.map(Int.init) == near)
          #expect(groups.out.map(Int.init) == out)
          #expect(groups.outLinked.map(Int.init) == linked)
          #expect(groups.storyReach.perfected == net.people.count)
        }
        var internalTies = 0
        var externalTies = 0
        for member in members {
          for other in reference.strong[member] {
            if members.contains(other) { internalTies += 1 } else { externalTies += 1 }
          }
        }
        internalTies /= 2
        let coherence = GroupProjection.Coherence(graph, members: community.members)
        let k = members.count
        #expect(coherence.density == (k < 2 ? nil : Double(internalTies) / Double(k * (k - 1) / 2)))
        let touching = internalTies + externalTies
        #expect(coherence.eiIndex == (touching == 0 ? nil : Double(externalTies - internalTies) / Double(touching)))
        #expect(
          coherence.isolatedMembers.map(Int.init)
            == members.filter { reference.strong[$0].isDisjoint(with: members) }.sorted())
      }
    }
  }

  @Test(arguments: [(30, 70), (3000, 9000)])
  func degreeCountsMatchTheReference(people: Int, ties: Int) throws {
    // 3000 people span several blocks, so the parallel path runs on every core.
    let net = try network(randomNetworkJSON(people: people, ties: ties, seed: 17))
    for settings in [StrongTieSettings(), StrongTieSettings(threshold: 0.2, contexts: ["work"])] {
      let graph = try TrustGraph(net, settings: settings)
      let reference = ReferenceGraph(net, settings: settings)
      let counts = TrustDegreeCounts(graph)
      #expect(counts.firstDegree.map(Int.init) == reference.strong.map(\.count))
      #expect(counts.secondDegree.map(Int.init) == (0..<people).map { reference.second($0).count })
    }
  }

  /// 200,000 people: each worker visits more than 65,535 of them, so its
  /// 16-bit stamps wrap and are cleared at least once.
  @Test func degreeCountsOnAChainLongerThanTheStamps() throws {
    let count = 200_000
    var json = #"{"trustmap": 1, "people": ["#
    json += (0..<count).map { #"{"id": "p\#($0)"}"# }.joined(separator: ",")
    json += #"], "ties": ["#
    json += (1..<count).map { #"{"from": "p\#($0 - 1)", "to": "p\#($0)"}"# }.joined(separator: ",")
    json += "]}"
    let counts = TrustDegreeCounts(try TrustGraph(try network(json)))
    let ends = [0, 1, count - 2, count - 1]
    #expect(counts.firstDegree.enumerated().allSatisfy { $0.element == ($0.offset == 0 || $0.offset == count - 1 ? 1 : 2) })
    #expect(counts.secondDegree.enumerated().allSatisfy { $0.element == (ends.contains($0.offset) ? 1 : 2) })
  }

  @Test(arguments: 1...3 as ClosedRange<UInt64>)
  func standingsMatchTheAssessments(seed: UInt64) throws {
    let net = try network(randomNetworkJSON(people: 40, ties: 90, seed: seed))
    let graph = try TrustGraph(net)
    let communities = net.indexedCommunities + net.indexedCommunities(byAttribute: "team")
    for needed in 1...2 {
      let joins = CommunityJoins(graph, communities: communities, introducersNeeded: needed)
      for person in 0..<net.people.count {
        let standings = joins.standings(of: person)
        for index in communities.indices {
          #expect(standings[index] == joins.assessments(community: index, people: [person]).first)
        }
      }
    }
  }

  /// The one-pass summary (over people, with marks per community) against
  /// the per-community assessments, on 3,000 people (several blocks, so
  /// every core runs) with overlapping communities: the file's three, one
  /// per team, one per site. Also in the breadth-first numbering.
  @Test(arguments: 1...2 as ClosedRange<UInt64>)
  func joinSummaryMatchesTheAssessmentsOnManyPeople(seed: UInt64) throws {
    let net = try network(randomNetworkJSON(people: 3000, ties: 9000, seed: seed))
    let communities =
      net.indexedCommunities + net.indexedCommunities(byAttribute: "team")
      + net.indexedCommunities(byAttribute: "site")
    for settings in [StrongTieSettings(), StrongTieSettings(threshold: 0.2, reciprocity: .mutual)] {
      let graph = try TrustGraph(net, settings: settings)
      let local = LocalGraph(graph)
      for needed in 1...3 {
        let joins = CommunityJoins(graph, communities: communities, introducersNeeded: needed)
        let expected = communities.indices.map { index in
          let rows = joins.assessments(community: index)
          return JoinSummary(
            community: index, members: communities[index].members.count,
            direct: rows.filter { $0.warmth == .direct }.count,
            introduced: rows.filter { $0.warmth == .introduced }.count,
            cold: rows.filter { $0.warmth == .cold }.count)
        }
        #expect(joins.summary() == expected)
        #expect(joins.summary(local: local) == expected)
        #expect(communities.indices.map { joins.summary(of: $0) } == expected)
      }
    }
  }

  /// The renumbering is a permutation that keeps every tie, and the
  /// components and counts found on it are those of the graph.
  @Test func localGraphIsTheGraphRenumbered() throws {
    let net = try network(randomNetworkJSON(people: 3000, ties: 4000, seed: 5))
    let graph = try TrustGraph(net)
    let local = LocalGraph(graph)
    #expect(local.order.sorted() == (0..<3000).map { Int32($0) })
    for node in 0..<3000 {
      let person = Int(local.order[node])
      #expect(local.localIndex[person] == Int32(node))
      let row = local.targets[local.offsets[node]..<local.offsets[node + 1]]
      #expect(row.map { local.order[Int($0)] } == Array(graph.neighbours(of: person)))
    }
    let components = Components(local)
    #expect(components == Components(graph))
    #expect(components.count > 1)
    #expect(TrustDegreeCounts(local) == TrustDegreeCounts(graph))
  }

  @Test(arguments: 1...3 as ClosedRange<UInt64>)
  func batchedNearCountsAndCoherencesMatchOneByOne(seed: UInt64) throws {
    let net = try network(randomNetworkJSON(people: 40, ties: 90, seed: seed))
    let graph = try TrustGraph(net)
    let communities = net.indexedCommunities + net.indexedCommunities(byAttribute: "team")
    let coherences = GroupProjection.coherences(graph, communities: communities)
    for depth in 0...3 {
      let near = GroupProjection.nearCounts(graph, communities: communities, nearDepth: depth)
      for (index, community) in communities.enumerated() {
        let one = GroupProjection(graph, network: net, members: community.members, nearDepth: depth)
        #expect(near[index] == one.near.count)
        #expect(coherences[index] == one.coherence)
      }
    }
  }

  @Test func communitiesByAttribute() throws {
    let net = try network(
      """
      {"trustmap": 1, "people": [{"id": "a", "attributes": {"floor": 3}}, {"id": "b"},
        {"id": "c", "attributes": {"floor": 1}}, {"id": "d", "attributes": {"floor": 3}}]}
      """)
    let communities = net.indexedCommunities(byAttribute: "floor")
    #expect(communities.map(\.id) == ["floor=3", "floor=1"])
    #expect(communities.map(\.members) == [[0, 3], [2]])
    #expect(net.indexedCommunities(byAttribute: "none").isEmpty)
  }
}
