import Testing

@testable import TrustCore

/// A small undirected graph as rows, for the keystone references.
struct Rows {
  var offsets: [Int]
  var targets: [Int32]

  init(count: Int, edges: [(Int, Int)]) {
    var neighbours = [[Int32]](repeating: [], count: count)
    let unique = Set(edges.map { [min($0.0, $0.1), max($0.0, $0.1)] })
    for pair in unique where pair[0] != pair[1] {
      neighbours[pair[0]].append(Int32(pair[1]))
      neighbours[pair[1]].append(Int32(pair[0]))
    }
    offsets = [0]
    targets = []
    for row in neighbours {
      targets += row.sorted()
      offsets.append(targets.count)
    }
  }

  var count: Int { offsets.count - 1 }

  /// The components' sizes without `removed`.
  func componentSizes(without removed: Int?) -> [Int] {
    var seen = [Bool](repeating: false, count: count)
    if let removed { seen[removed] = true }
    var sizes: [Int] = []
    for start in 0..<count where !seen[start] {
      var queue = [start]
      seen[start] = true
      var head = 0
      while head < queue.count {
        let v = queue[head]
        head += 1
        for slot in offsets[v]..<offsets[v + 1] where !seen[Int(targets[slot])] {
          seen[Int(targets[slot])] = true
          queue.append(Int(targets[slot]))
        }
      }
      sizes.append(queue.count)
    }
    return sizes
  }
}

@Suite("Change, keystones and advice")
struct ChangeTests {
  /// Removing each person and recounting the components.
  func expectKeystonesMatchBruteForce(_ rows: Rows) {
    let points = ArticulationPoints(offsets: rows.offsets, targets: rows.targets)
    let before = rows.componentSizes(without: nil)
    for v in 0..<rows.count {
      // v's component, and its pieces without v.
      var seen = [Bool](repeating: false, count: rows.count)
      var queue = [v]
      seen[v] = true
      var head = 0
      while head < queue.count {
        let u = queue[head]
        head += 1
        for slot in rows.offsets[u]..<rows.offsets[u + 1] where !seen[Int(rows.targets[slot])] {
          seen[Int(rows.targets[slot])] = true
          queue.append(Int(rows.targets[slot]))
        }
      }
      let component = queue.count
      let after = rows.componentSizes(without: v)
      let split = after.count > before.count
      #expect(points.isArticulation(v) == split, "vertex \(v)")
      if split {
        // The pieces are the new components that hold part of v's old one.
        let pieces = after.count - before.count + 1
        #expect(points.parts[v] == pieces, "vertex \(v)")
        let inComponent = componentSizesOf(rows, removing: v, within: Set(queue))
        #expect(points.cutOff[v] == component - 1 - (inComponent.max() ?? 0), "vertex \(v)")
      } else {
        #expect(points.cutOff[v] == 0)
      }
    }
  }

  func componentSizesOf(_ rows: Rows, removing v: Int, within people: Set<Int>) -> [Int] {
    var seen = Set([v])
    var sizes: [Int] = []
    for start in people.sorted() where !seen.contains(start) {
      var queue = [start]
      seen.insert(start)
      var head = 0
      while head < queue.count {
        let u = queue[head]
        head += 1
        for slot in rows.offsets[u]..<rows.offsets[u + 1] where !seen.contains(Int(rows.targets[slot])) {
          seen.insert(Int(rows.targets[slot]))
          queue.append(Int(rows.targets[slot]))
        }
      }
      sizes.append(queue.count)
    }
    return sizes
  }

  @Test(arguments: 1...8)
  func keystonesOfRandomGraphs(seed: Int) {
    var random = SeededGenerator(seed: UInt64(seed))
    let count = 60
    let edges = (0..<(40 + seed * 10)).map { _ in
      (Int.random(in: 0..<count, using: &random), Int.random(in: 0..<count, using: &random))
    }
    expectKeystonesMatchBruteForce(Rows(count: count, edges: edges))
  }

  @Test func keystonesOfShapes() {
    // A tree (every inner vertex a keystone), a cycle (none), a star (the
    // centre cuts off all but one leaf), two cliques joined by one person.
    let tree = Rows(count: 15, edges: (1..<15).map { ($0, ($0 - 1) / 2) })
    expectKeystonesMatchBruteForce(tree)
    let cycle = Rows(count: 12, edges: (0..<12).map { ($0, ($0 + 1) % 12) })
    expectKeystonesMatchBruteForce(cycle)
    #expect(ArticulationPoints(offsets: cycle.offsets, targets: cycle.targets).parts.allSatisfy { $0 == 0 })
    let star = Rows(count: 9, edges: (1..<9).map { (0, $0) })
    let starPoints = ArticulationPoints(offsets: star.offsets, targets: star.targets)
    #expect(starPoints.cutOff[0] == 7 && starPoints.parts[0] == 8)
    var cliques: [(Int, Int)] = []
    for a in 0..<5 { for b in (a + 1)..<5 { cliques += [(a, b), (a + 5, b + 5)] } }
    cliques += [(4, 10), (10, 5)]  // person 10 joins them
    let joined = Rows(count: 11, edges: cliques)
    expectKeystonesMatchBruteForce(joined)
    let points = ArticulationPoints(offsets: joined.offsets, targets: joined.targets)
    #expect(points.cutOff[10] == 5 && points.parts[10] == 2)
  }

  @Test func aMillionPersonChainNeedsNoRecursion() {
    let count = 1_000_000
    var offsets = [0]
    var targets: [Int32] = []
    for v in 0..<count {
      if v > 0 { targets.append(Int32(v - 1)) }
      if v < count - 1 { targets.append(Int32(v + 1)) }
      offsets.append(targets.count)
    }
    let points = ArticulationPoints(offsets: offsets, targets: targets)
    #expect(!points.isArticulation(0) && !points.isArticulation(count - 1))
    #expect(points.cutOff[1] == 1)
    #expect(points.cutOff[count / 2] == count / 2 - 1)
  }

  @Test func communityKeystonesSplitTheMembersOwnTies() throws {
    var builder = TrustNetworkBuilder()
    for id in ["a", "b", "c", "d", "e"] { builder.addPerson(id) }
    for (from, to) in [("a", "b"), ("b", "c"), ("c", "d"), ("a", "e"), ("e", "d")] {
      builder.addTie(from: from, to: to)
    }
    // Among a, b, c alone, b holds a and c together; e's ties make a cycle outside.
    builder.addCommunity("abc", members: ["a", "b", "c"])
    builder.addCommunity("all", members: ["a", "b", "c", "d", "e"])
    let analyzer = try TrustAnalyzer(try builder.build())
    let report = try analyzer.keystones()
    #expect(report.keystones.isEmpty)  // a cycle: nobody's leaving splits it
    #expect(report.communities.map(\.keystones) == [["b"], []])
  }

  /// Two snapshots drawn at random: people added and removed, ties re-drawn,
  /// communities changed, some only in one file.
  func snapshots(seed: UInt64) throws -> (TrustNetwork, TrustNetwork) {
    var random = SeededGenerator(seed: seed)
    func make(_ people: [Int], communities: [String]) throws -> TrustNetwork {
      var builder = TrustNetworkBuilder()
      for person in people { builder.addPerson("p\(person)", attributes: ["team": "t\(person % 3)"]) }
      for _ in 0..<(people.count * 2) {
        let a = people[Int.random(in: 0..<people.count, using: &random)]
        let b = people[Int.random(in: 0..<people.count, using: &random)]
        if a != b { builder.addTie(from: "p\(a)", to: "p\(b)", strength: 0.8) }
      }
      for community in communities {
        builder.addCommunity(
          community, members: people.filter { _ in Bool.random(using: &random) }.map { "p\($0)" })
      }
      return try builder.build()
    }
    let old = try make(Array(0..<40), communities: ["c1", "c2", "gone"])
    let new = try make(Array(5..<48).shuffled(using: &random), communities: ["c2", "new", "c1"])
    return (old, new)
  }

  @Test(arguments: 1...5)
  func diffMatchesTheReference(seed: Int) throws {
    let (old, new) = try snapshots(seed: UInt64(seed))
    let before = try TrustAnalyzer(old)
    let after = try TrustAnalyzer(new)
    let diff = try after.diff(from: before)
    let oldIDs = old.personIDs
    let newIDs = new.personIDs
    #expect(diff.people.joined == newIDs.filter { !oldIDs.contains($0) })
    #expect(diff.people.left == oldIDs.filter { !newIDs.contains($0) })
    func pairs(_ analyzer: TrustAnalyzer) throws -> Set<Set<String>> {
      var found = Set<Set<String>>()
      for id in analyzer.network.personIDs {
        for other in try analyzer.trustedContacts(of: id) { found.insert([id, other]) }
      }
      return found
    }
    let oldPairs = try pairs(before)
    let newPairs = try pairs(after)
    #expect(Set(diff.ties.formed.map(Set.init)) == newPairs.subtracting(oldPairs))
    #expect(Set(diff.ties.broken.map(Set.init)) == oldPairs.subtracting(newPairs))
    for pair in diff.ties.formed {
      #expect(newIDs.firstIndex(of: pair[0])! < newIDs.firstIndex(of: pair[1])!)
    }
    #expect(diff.communities.map(\.community) == ["c2", "c1"])
    for change in diff.communities {
      let was = Set(old.communities.first { $0.id == change.community }!.members)
      let now = new.communities.first { $0.id == change.community }!.members
      #expect(change.joined == now.filter { !was.contains($0) })
      #expect(Set(change.left) == was.subtracting(now))
      #expect(change.members.before == was.count && change.members.after == now.count)
      let groupsBefore = try before.groups(of: change.community)
      let groupsAfter = try after.groups(of: change.community)
      #expect(change.density.before == groupsBefore.coherence.density)
      #expect(change.density.after == groupsAfter.coherence.density)
      #expect(change.isolatedMembers.after == groupsAfter.coherence.isolatedMembers)
    }
    // Standings: every (person in both, community in both) compared by hand.
    var expected: [StandingDiff] = []
    for community in diff.communities.map(\.community) {
      func standing(_ analyzer: TrustAnalyzer, _ id: String) throws -> String {
        try analyzer.reach(of: id).communities.first { $0.community == community }.map {
          $0.isMember ? "member" : $0.warmth?.rawValue ?? ""
        } ?? ""
      }
      for id in newIDs where oldIDs.contains(id) {
        let was = try standing(before, id)
        let now = try standing(after, id)
        if was != now { expected.append(StandingDiff(person: id, community: community, before: was, after: now)) }
      }
    }
    #expect(diff.warmth == expected)
  }

  @Test func aFileAgainstItselfChangesNothing() throws {
    let (old, _) = try snapshots(seed: 9)
    let analyzer = try TrustAnalyzer(old)
    let diff = try analyzer.diff(from: try TrustAnalyzer(old))
    #expect(diff.people.joined.isEmpty && diff.people.left.isEmpty)
    #expect(diff.ties.formed.isEmpty && diff.ties.broken.isEmpty)
    #expect(diff.warmth.isEmpty)
    #expect(diff.communities.allSatisfy { $0.joined.isEmpty && $0.left.isEmpty })
    #expect(diff.tribes.split.isEmpty && diff.tribes.merged.isEmpty)
    #expect(diff.tribes.matches.allSatisfy { $0.share == 1 })
  }

  /// Blau over the values of `team` among `ids`; nil without any.
  func referenceBlau(_ network: TrustNetwork, _ ids: Set<String>) -> Double? {
    var counts: [String: Int] = [:]
    for id in ids { if let team = network.person(id)?.attributes["team"] { counts[team, default: 0] += 1 } }
    let total = counts.values.reduce(0, +)
    guard total > 0 else { return nil }
    return 1 - Double(counts.values.reduce(0) { $0 + $1 * $1 }) / Double(total * total)
  }

  @Test(arguments: 1...4)
  func adviceMatchesTheReference(seed: Int) throws {
    let (network, _) = try snapshots(seed: UInt64(seed) &* 3)
    let analyzer = try TrustAnalyzer(network)
    for id in network.personIDs.prefix(12) {
      let advice = try analyzer.advise(person: id, by: "team")
      let friends = Set(try analyzer.trustedContacts(of: id))
      let reach = try analyzer.reach(of: id)
      for option in advice.communities {
        let members = Set(network.communities.first { $0.id == option.community }!.members)
        let gain = referenceBlau(network, friends.union(members)).map { $0 - (referenceBlau(network, friends) ?? 0) }
        #expect(option.gain.map { abs($0 - (gain ?? .nan)) < 1e-12 } ?? (gain == nil))
        let warmth = reach.communities.first { $0.community == option.community }!.warmth
        #expect(option.warmth == warmth)
        let expected =
          (gain ?? 0) <= 0 ? "familiar" : option.warmth == .cold ? "stretch" : "join"
        #expect(option.kind == expected)
      }
      for membership in advice.memberships {
        let members = Set(network.communities.first { $0.id == membership.community }!.members)
        #expect(membership.isolated == friends.isDisjoint(with: members))
      }
    }
  }

  @Test func invitationsAreTheBestWhereGreedyIsOptimal() throws {
    // Everyone outside trusts a member, so every invitee is warm; each
    // adds a new team or an old one, and greedy's first picks are optimal.
    var builder = TrustNetworkBuilder()
    builder.addPerson("m1", attributes: ["team": "a"])
    builder.addPerson("m2", attributes: ["team": "a"])
    let teams = ["a", "b", "b", "c", "d", "a"]
    for (index, team) in teams.enumerated() {
      builder.addPerson("x\(index)", attributes: ["team": team])
      builder.addTie(from: "x\(index)", to: "m1")
    }
    builder.addCommunity("club", members: ["m1", "m2"])
    let network = try builder.build()
    let analyzer = try TrustAnalyzer(network)
    let report = try analyzer.invitations(to: "club", count: 3, by: "team")
    // Exhaustive: the best Blau three invitees can reach.
    let outside = (0..<teams.count).map { "x\($0)" }
    var best = 0.0
    for a in 0..<6 {
      for b in (a + 1)..<6 {
        for c in (b + 1)..<6 {
          best = max(best, referenceBlau(network, ["m1", "m2", outside[a], outside[b], outside[c]]) ?? 0)
        }
      }
    }
    #expect(abs((report.invite.last?.blau ?? 0) - best) < 1e-12)
    #expect(report.invite.map(\.id) == ["x1", "x3", "x4"])
    #expect(report.blauBefore == 0)
  }

  @Test(arguments: 1...4)
  func invitationsFollowAReferenceGreedy(seed: Int) throws {
    let (network, _) = try snapshots(seed: UInt64(seed) &* 17)
    let community = try #require(network.communities.first)
    let report = try TrustAnalyzer(network).invitations(to: community.id, count: 4, by: "team")
    // Step by step: the community rebuilt with the picks so far, its warm
    // non-members asked of the public API, the best Blau taken (file order on ties).
    var members = community.members
    for invitee in report.invite {
      var builder = TrustNetworkBuilder()
      for person in network.allPeople {
        builder.addPerson(person.id, attributes: person.attributes, reportsTo: person.reportsTo)
      }
      for tie in network.allTies {
        builder.addTie(from: tie.from, to: tie.to, strength: tie.strength, mutual: tie.mutual)
      }
      builder.addCommunity("grown", members: members)
      let grown = try TrustAnalyzer(try builder.build())
      let warm = try grown.joins(community: "grown").joins.filter { $0.warmth != .cold }
      var best: (id: String, blau: Double)?
      for join in warm {
        let blau = referenceBlau(network, Set(members + [join.person])) ?? -1
        if best == nil || blau > best!.blau + 1e-12 { best = (join.person, blau) }
      }
      #expect(invitee.id == best?.id)
      members.append(invitee.id)
    }
  }
}
