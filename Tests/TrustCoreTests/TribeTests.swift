import Testing

@testable import TrustCore

/// The fixture networks beside this file.
func fixture(_ name: String) throws -> TrustNetwork {
  let folder = String(#filePath.dropLast("TribeTests.swift".count))
  return try TrustNetwork(contentsOfFile: folder + "Fixtures/" + name)
}

/// Modularity from its definition, with dictionaries: Σ_ij (A_ij − γ k_i k_j / 2m) δ(c_i, c_j) / 2m.
func referenceModularity(_ reference: ReferenceGraph, membership: [Int32], resolution: Double) -> Double {
  let n = membership.count
  var k = [Double](repeating: 0, count: n)
  var twoM = 0.0
  for (pair, w) in reference.weight {
    k[pair.low] += w
    k[pair.high] += w
    twoM += 2 * w
  }
  guard twoM > 0 else { return 0 }
  var inside = 0.0
  for (pair, w) in reference.weight where membership[pair.low] == membership[pair.high] { inside += 2 * w }
  var totals: [Int32: Double] = [:]
  for node in 0..<n { totals[membership[node], default: 0] += k[node] }
  return inside / twoM - resolution * totals.values.map { ($0 / twoM) * ($0 / twoM) }.reduce(0, +)
}

@Suite("Tribes: Leiden and the hierarchy")
struct TribeTests {
  @Test func reachesTheOptimumOnTheClassicNetworks() throws {
    for (name, optimum) in [("karate.json", 0.4198), ("florentine.json", 0.3987)] {
      let net = try fixture(name)
      for localOrderMinimum in [50_000, 0] {  // in file order, and renumbered breadth first
        let tribes = TribeHierarchy(net, graph: try TrustGraph(net), localOrderMinimum: localOrderMinimum)
        #expect(abs(tribes.levels[0].modularity - optimum) < 5e-5, "\(name): \(tribes.levels[0].modularity)")
      }
    }
  }

  @Test(arguments: 1...6 as ClosedRange<UInt64>)
  func guaranteesOnRandomNetworks(seed: UInt64) throws {
    let net = try network(randomNetworkJSON(people: 60, ties: 150, seed: seed))
    for settings in [StrongTieSettings(), StrongTieSettings(threshold: 0.3), StrongTieSettings(reciprocity: .mutual)] {
      let graph = try TrustGraph(net, settings: settings)
      let reference = ReferenceGraph(net, settings: settings)
      for resolution in [1.0, 0.5, 2.0] {
        // Odd seeds run level 0 on the graph renumbered breadth first, as large graphs do.
        let tribes = TribeHierarchy(
          net, graph: graph, settings: TribeSettings(resolution: resolution, seed: seed), localOrderMinimum: seed % 2 == 1 ? 0 : 50_000)
        let level = tribes.levels[0]
        // The reported modularity (at resolution 1) equals an independent recomputation.
        let q1 = referenceModularity(reference, membership: level.tribeOf, resolution: 1)
        #expect(abs(level.modularity - q1) < 1e-9)
        // Every tribe is connected on the strong-tie graph.
        for tribe in level.tribes {
          let members = Set(tribe.members.map(Int.init))
          var seen: Set<Int> = [Int(tribe.members.first!)]
          var frontier = [Int(tribe.members.first!)]
          while let node = frontier.popLast() {
            for next in reference.strong[node] where members.contains(next) && !seen.contains(next) {
              seen.insert(next)
              frontier.append(next)
            }
          }
          #expect(seen == members, "tribe \(tribe.id) is not connected")
        }
        // No single person can move to another tribe, or alone, and raise the quality.
        let q = referenceModularity(reference, membership: level.tribeOf, resolution: resolution)
        let tribeCount = Int32(level.tribes.count)
        for person in 0..<net.people.count {
          var candidates = Set(reference.strong[person].map { level.tribeOf[$0] })
          candidates.insert(tribeCount)
          candidates.remove(level.tribeOf[person])
          for target in candidates {
            var moved = level.tribeOf
            moved[person] = target
            let gain = referenceModularity(reference, membership: moved, resolution: resolution) - q
            #expect(gain < 1e-10, "moving \(person) to \(target) gains \(gain)")
          }
        }
        // Numbered by size, then by earliest member.
        for (a, b) in zip(level.tribes, level.tribes.dropFirst()) {
          #expect(a.members.count > b.members.count || (a.members.count == b.members.count && a.members.first! < b.members.first!))
        }
        // The hierarchy: each level above partitions the one below and merges some.
        for (lower, upper) in zip(tribes.levels, tribes.levels.dropFirst()) {
          #expect(upper.tribes.count < lower.tribes.count)
          #expect(upper.tribes.flatMap(\.parts).sorted() == Array(0..<lower.tribes.count))
          for tribe in upper.tribes {
            let union = tribe.parts.flatMap { lower.tribes[$0].members }.sorted()
            #expect(union == Array(tribe.members))
          }
        }
      }
    }
  }

  /// Each tribe's profile, read from the flat list, is what counting person
  /// by person gives: members, internal ties, bridges, dominant values, parts.
  @Test(arguments: 1...3 as ClosedRange<UInt64>)
  func profilesMatchACountPersonByPerson(seed: UInt64) throws {
    let net = try network(randomNetworkJSON(people: 300, ties: 700, seed: seed))
    let settings = StrongTieSettings(threshold: 0.3)
    let graph = try TrustGraph(net, settings: settings)
    let reference = ReferenceGraph(net, settings: settings)
    let tribes = TribeHierarchy(net, graph: graph, settings: TribeSettings(seed: seed))
    #expect(tribes.levels.count >= 2)
    for level in tribes.levels {
      let list = level.tribes
      #expect(list.count == Int(level.tribeOf.max()!) + 1)
      for (index, tribe) in list.enumerated() {
        let members = (0..<net.people.count).filter { level.tribeOf[$0] == Int32(index) }
        #expect(tribe.index == index)
        #expect(tribe.members.map(Int.init) == members)
        #expect(list.size(of: index) == members.count)
        #expect(tribe.id == list.id(of: index))
        #expect(tribe.id == (level.level == 0 ? "T\(index + 1)" : "L\(level.level).T\(index + 1)"))
        let inside = Set(members)
        let internalTies = members.map { reference.strong[$0].intersection(inside).count }.reduce(0, +) / 2
        #expect(tribe.internalTies == internalTies)
        let k = members.count
        #expect(tribe.density == (k >= 2 ? Double(internalTies) / Double(k * (k - 1) / 2) : nil))
        #expect(tribe.bridges.map(Int.init) == members.filter { !reference.strong[$0].isSubset(of: inside) })
        var expected: [DominantValue] = []
        for key in net.attributeKeys {
          let column = net.people.attributeColumn(key)
          var counts: [Int32: Int] = [:]
          for person in members where column.codes[person] >= 0 { counts[column.codes[person], default: 0] += 1 }
          guard let best = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }) else { continue }
          expected.append(
            DominantValue(
              attribute: key, value: column.values[Int(best.key)],
              share: Double(best.value) / Double(counts.values.reduce(0, +))))
        }
        #expect(tribe.dominant == expected)
        if level.level > 0 {
          let below = tribes.levels[level.level - 1]
          let parts = below.tribes.indices.filter { inside.contains(Int(below.tribes[$0].members.first!)) }
          #expect(tribe.parts == parts)
        } else {
          #expect(tribe.parts.isEmpty)
        }
      }
    }
    #expect(TribeList.empty.isEmpty)
  }

  /// Aggregating blocks of clusters on every core gives the graph one core gives.
  @Test(arguments: 1...3 as ClosedRange<UInt64>)
  func aggregationIsTheSameInParallel(seed: UInt64) throws {
    // 3000 nodes: more than one block of 2048 clusters, so both workers take some.
    let net = try network(randomNetworkJSON(people: 3000, ties: 12000, seed: seed))
    let graph = ClusteringGraph(try TrustGraph(net, settings: StrongTieSettings(threshold: 0.2)), unweighted: false)
    var random = SeededRandom(seed: seed)
    for clusterCount in [1, 7, 5000] {
      let membership = (0..<graph.nodeCount).map { _ in Int32(random.next() % UInt64(min(clusterCount, graph.nodeCount))) }
      let used = Int(membership.max() ?? 0) + 1
      let one = graph.aggregated(by: membership, clusterCount: used)
      let every = graph.aggregated(by: membership, clusterCount: used, parallelMinimumTies: 0)
      #expect(one.offsets == every.offsets)
      #expect(one.targets == every.targets)
      #expect(one.weights == every.weights)
      #expect(one.selfWeight == every.selfWeight)
      #expect(one.strength == every.strength)
      #expect(one.size == every.size)
      #expect(abs(one.totalStrength - graph.totalStrength) < 1e-9)
    }
  }

  @Test func sameSeedSameTribes() throws {
    let net = try network(randomNetworkJSON(people: 80, ties: 240, seed: 3))
    let graph = try TrustGraph(net)
    let first = TribeHierarchy(net, graph: graph, settings: TribeSettings(seed: 11))
    let second = TribeHierarchy(net, graph: graph, settings: TribeSettings(seed: 11))
    #expect(first.levels == second.levels)
    let single = TribeHierarchy(net, graph: graph, settings: TribeSettings(seed: 11, restarts: 1))
    #expect(single.restarts == 1)
    #expect(first.levels[0].quality >= single.levels[0].quality - 1e-12)
  }

  /// The tribes alone (what `diff` compares) are the hierarchy's level 0,
  /// whichever a session finds first, and are kept.
  @Test(arguments: [false, true])
  func theTribesAloneAreLevelZero(hierarchyFirst: Bool) throws {
    let net = try network(randomNetworkJSON(people: 120, ties: 400, seed: 5))
    let graph = try TrustGraph(net)
    let whole = TribeHierarchy(net, graph: graph)
    #expect(whole.levels.count >= 2, "levels above 0, which the tribes alone leave out")
    let alone = TribeHierarchy(net, graph: graph, maximumLevels: 1)
    #expect(alone.levels == [whole.levels[0]])
    let session = try AnalysisSession(net, settings: StrongTieSettings())
    if hierarchyFirst { #expect(session.tribes().levels == whole.levels) }
    #expect(session.levelZeroTribes() == whole.levels[0])
    #expect(session.levelZeroTribes() == whole.levels[0])
    #expect(session.tribeHierarchiesFound == (hierarchyFirst ? 1 : 0))
  }

  @Test func profilesOfAHandMadeNetwork() throws {
    // Two triangles of designers and of sales people, joined by one tie c-d.
    let net = try network(
      """
      {"trustmap": 1, "people": [
        {"id": "a", "attributes": {"team": "design"}}, {"id": "b", "attributes": {"team": "design"}},
        {"id": "c", "attributes": {"team": "sales"}}, {"id": "d", "attributes": {"team": "sales"}},
        {"id": "e", "attributes": {"team": "sales"}}, {"id": "f"}, {"id": "g", "attributes": {"team": "ops"}}],
       "ties": [{"from": "a", "to": "b"}, {"from": "b", "to": "c"}, {"from": "a", "to": "c"},
                {"from": "d", "to": "e"}, {"from": "e", "to": "f"}, {"from": "d", "to": "f"},
                {"from": "c", "to": "d", "strength": 0.5}]}
      """)
    let tribes = TribeHierarchy(net, graph: try TrustGraph(net))
    let level = tribes.levels[0]
    #expect(level.tribes.map(\.members) == [[0, 1, 2], [3, 4, 5], [6]])
    #expect(level.tribes.map(\.id) == ["T1", "T2", "T3"])
    #expect(level.tribes.map(\.density) == [1, 1, nil])
    #expect(level.tribes[0].bridges == [2])
    #expect(level.tribes[1].bridges == [3])
    #expect(level.tribes[0].dominant == [DominantValue(attribute: "team", value: "design", share: 2.0 / 3.0)])
    #expect(level.tribes[1].dominant == [DominantValue(attribute: "team", value: "sales", share: 1)])
    #expect(level.links == [TribeLink(first: 0, second: 1, ties: 1, weight: 0.5)])
    // Q = Σ in/2m − (K/2m)²: 2m = 13, each triangle in = 6 and K = 6.5 (c and d carry the 0.5 bridge).
    #expect(abs(level.modularity - (12.0 / 13.0 - 2 * 0.25)) < 1e-12)
  }

  @Test func constantPottsModel() throws {
    // Two 4-cliques joined by one tie: CPM at γ = 0.5 keeps them apart.
    var ties: [String] = []
    for group in [0, 4] {
      for a in group..<group + 4 {
        for b in a + 1..<group + 4 { ties.append(#"{"from": "p\#(a)", "to": "p\#(b)"}"#) }
      }
    }
    ties.append(#"{"from": "p3", "to": "p4"}"#)
    let people = (0..<8).map { #"{"id": "p\#($0)"}"# }.joined(separator: ",")
    let net = try network(#"{"trustmap": 1, "people": [\#(people)], "ties": [\#(ties.joined(separator: ","))]}"#)
    let tribes = TribeHierarchy(
      net, graph: try TrustGraph(net), settings: TribeSettings(resolution: 0.5, quality: .cpm))
    #expect(tribes.levels[0].tribes.map(\.members) == [[0, 1, 2, 3], [4, 5, 6, 7]])
    #expect(tribes.levels[0].quality == 2 * (6 - 0.5 * 6))
  }

  @Test func emptyAndTielessNetworks() throws {
    let empty = try network(#"{"trustmap": 1, "people": []}"#)
    let none = TribeHierarchy(empty, graph: try TrustGraph(empty))
    #expect(none.levels.count == 1 && none.levels[0].tribes.isEmpty)
    let loners = try network(#"{"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}]}"#)
    let tribes = TribeHierarchy(loners, graph: try TrustGraph(loners))
    #expect(tribes.levels.count == 1)
    #expect(tribes.levels[0].tribes.map(\.members) == [[0], [1]])
    #expect(tribes.levels[0].modularity == 0)
  }
}
