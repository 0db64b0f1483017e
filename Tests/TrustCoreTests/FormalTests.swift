import Testing

@testable import TrustCore

/// A random organisation: a forest of several roots (each person's manager
/// drawn among the earlier people, or none), some people outside it, and
/// random strong ties.
func randomOrganisation(people: Int, ties: Int, seed: UInt64) throws -> TrustNetwork {
  var random = SeededGenerator(seed: seed)
  var builder = TrustNetworkBuilder()
  for person in 0..<people {
    let roll = Int.random(in: 0..<10, using: &random)
    // Managers come from earlier people, so the links form a forest.
    let manager = person > 0 && roll < 7 ? Int.random(in: 0..<person, using: &random) : nil
    let team = ["red", "blue", "green", "gold", "grey"][Int.random(in: 0..<5, using: &random)]
    builder.addPerson(
      "p\(person)", attributes: roll == 9 ? [:] : ["team": team],
      reportsTo: manager.map { "p\($0)" })
  }
  for _ in 0..<ties {
    let from = Int.random(in: 0..<people, using: &random)
    let to = Int.random(in: 0..<people, using: &random)
    if from == to { continue }
    builder.addTie(
      from: "p\(from)", to: "p\(to)", strength: Double(Int.random(in: 1...10, using: &random)) / 10)
  }
  return try builder.build()
}

/// The formal structure worked out the slow way: ancestors by walking up.
struct FormalReference {
  let parent: [Int]
  let depth: [Int]
  let placed: [Bool]

  init(_ network: TrustNetwork) {
    let parent = network.people.reportsTo.map(Int.init)
    var hasReport = [Bool](repeating: false, count: parent.count)
    for manager in parent where manager >= 0 { hasReport[manager] = true }
    placed = parent.indices.map { parent[$0] >= 0 || hasReport[$0] }
    depth = parent.indices.map { person in
      var steps = 0
      var current = person
      while parent[current] >= 0 {
        current = parent[current]
        steps += 1
      }
      return steps
    }
    self.parent = parent
  }

  func ancestors(_ person: Int) -> Set<Int> {
    var found = Set<Int>()
    var current = person
    while parent[current] >= 0 {
      current = parent[current]
      found.insert(current)
    }
    return found
  }

  func classOf(_ a: Int, _ b: Int) -> TieClass {
    if !placed[a] || !placed[b] { return .unplaced }
    if parent[a] == b || parent[b] == a { return .direct }
    if ancestors(a).contains(b) || ancestors(b).contains(a) { return .skip }
    return depth[a] == depth[b] ? .horizontal : .diagonal
  }
}

@Suite("Formal versus social")
struct FormalTests {
  @Test(arguments: 1...8)
  func tieClassesMatchTheReference(seed: Int) throws {
    let network = try randomOrganisation(people: 60 + seed * 7, ties: 300, seed: UInt64(seed))
    let graph = try TrustGraph(network)
    let forest = ReportsToForest(reportsTo: network.people.reportsTo)
    let reference = FormalReference(network)
    let counts = TieClassCounts(graph, forest: forest)
    var ties = [Int](repeating: 0, count: 5)
    var perPerson = [[Int32]](repeating: [Int32](repeating: 0, count: graph.personCount), count: 5)
    for a in 0..<graph.personCount {
      #expect(forest.isPlaced(a) == reference.placed[a])
      if reference.placed[a] { #expect(Int(forest.depth[a]) == reference.depth[a]) }
      for b in graph.neighbours(of: a) where Int(b) > a {
        let kind = reference.classOf(a, Int(b)).rawValue
        ties[kind] += 1
        perPerson[kind][a] += 1
        perPerson[kind][Int(b)] += 1
      }
    }
    #expect(counts.ties == ties)
    #expect(counts.perPerson == perPerson)
    // Possible pairs: every unordered placed pair classed the same way.
    var possible = [Int](repeating: 0, count: 5)
    let placed = (0..<graph.personCount).filter { reference.placed[$0] }
    for (i, a) in placed.enumerated() {
      for b in placed[(i + 1)...] { possible[reference.classOf(a, b).rawValue] += 1 }
    }
    #expect(counts.possible == possible)
    for kind in TieClass.allCases where kind != .unplaced {
      let expected = possible[kind.rawValue] == 0 ? nil : Double(ties[kind.rawValue]) / Double(possible[kind.rawValue])
      #expect(counts.density(kind) == expected)
    }
  }

  @Test(arguments: 1...6)
  func managersAndUnitsMatchTheReference(seed: Int) throws {
    let network = try randomOrganisation(people: 80, ties: 250, seed: UInt64(seed) &* 101)
    let graph = try TrustGraph(network)
    let forest = ReportsToForest(reportsTo: network.people.reportsTo)
    let reference = FormalReference(network)
    let managers = ManagerReach.all(graph, forest: forest)
    let expectedManagers = (0..<graph.personCount).filter { person in
      reference.parent.contains(person)
    }
    #expect(managers.map(\.person) == expectedManagers)
    for manager in managers {
      let m = manager.person
      let below = Set((0..<graph.personCount).filter { reference.ancestors($0).contains(m) })
      let reports = (0..<graph.personCount).filter { reference.parent[$0] == m }
      let first = Set(graph.neighbours(of: m).map(Int.init))
      var reached = first
      for friend in first { reached.formUnion(graph.neighbours(of: friend).map(Int.init)) }
      reached.remove(m)
      #expect(manager.reports == reports.count)
      #expect(manager.span == below.count)
      #expect(manager.reportsWithStrongTie == reports.filter { first.contains($0) }.count)
      #expect(manager.socialReach == reached.count)
      #expect(manager.reachBeyondSpan == reached.subtracting(below).count)
    }
    for depth in 0...3 {
      let units = FormalUnits(graph, forest: forest, depth: depth)
      func head(_ person: Int) -> Int? {
        guard reference.placed[person], reference.depth[person] >= depth else { return nil }
        var current = person
        while reference.depth[current] > depth { current = reference.parent[current] }
        return current
      }
      let heads = (0..<graph.personCount).filter { reference.placed[$0] && reference.depth[$0] == depth }
      #expect(units.units.map(\.head) == heads)
      var cross = 0
      var inside = 0
      for a in 0..<graph.personCount {
        let expected = head(a).flatMap { heads.firstIndex(of: $0) }
        #expect(units.unitOf[a] == Int32(expected ?? -1))
        for b in graph.neighbours(of: a) where Int(b) > a {
          if let ha = head(a), let hb = head(Int(b)) {
            inside += 1
            if ha != hb { cross += 1 }
          }
        }
      }
      #expect(units.crossUnitTies == cross)
      #expect(units.tiesInUnits == inside)
      for unit in units.units {
        let members = Set((0..<graph.personCount).filter { head($0) == unit.head })
        var internalTies = 0
        var externalTies = 0
        for a in members {
          for b in graph.neighbours(of: a) {
            if members.contains(Int(b)) { internalTies += 1 } else { externalTies += 1 }
          }
        }
        #expect(unit.size == members.count)
        #expect(unit.internalTies == internalTies / 2)
        #expect(unit.externalTies == externalTies)
      }
    }
  }

  @Test func aFiftyThousandLevelChainNeedsNoRecursion() throws {
    var builder = TrustNetworkBuilder()
    let length = 50_000
    for person in 0..<length {
      builder.addPerson("p\(person)", reportsTo: person > 0 ? "p\(person - 1)" : nil)
    }
    builder.addTie(from: "p0", to: "p\(length - 1)")
    builder.addTie(from: "p10", to: "p11")
    let network = try builder.build()
    let forest = ReportsToForest(reportsTo: network.people.reportsTo)
    #expect(forest.maximumDepth == length - 1)
    #expect(forest.descendantCount(0) == length - 1)
    #expect(forest.isAncestor(0, of: length - 1))
    #expect(!forest.isAncestor(length - 1, of: 0))
    let counts = TieClassCounts(try TrustGraph(network), forest: forest)
    #expect(counts.ties == [1, 1, 0, 0, 0])
    #expect(counts.possible == [length - 1, (length - 2) * (length - 1) / 2, 0, 0, 0])
  }

  @Test func withoutReportsToTheQuestionHasNoAnswer() throws {
    var builder = TrustNetworkBuilder()
    builder.addPerson("a")
    builder.addPerson("b")
    let analyzer = try TrustAnalyzer(try builder.build())
    #expect {
      _ = try analyzer.formal()
    } throws: { error in
      (error as? TrustQueryError)?.code == .unanswerable
        && (error as? TrustQueryError)?.message == "no reports-to links: formal needs people's reportsTo"
    }
  }
}
