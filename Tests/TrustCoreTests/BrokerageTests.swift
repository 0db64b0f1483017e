import Testing

@testable import TrustCore

@Suite("Brokers: Gould-Fernandez roles and Burt's structural holes")
struct BrokerageTests {
  /// The same figures on one core and on every core, bit for bit.
  @Test func theSameOnAnyNumberOfCores() throws {
    let network = try randomOrganisation(people: 3_000, ties: 20_000, seed: 77)
    let graph = try TrustGraph(network)
    let groups = (0..<graph.personCount).map { Int32($0 % 5) - 1 }
    let many = ContactOverlap(graph, groups: groups)
    let one = ContactOverlap(graph, groups: groups, workers: 1)
    #expect(many.constraint.elementsEqual(one.constraint) { $0.bitPattern == $1.bitPattern })
    #expect(many.constraint.elementsEqual(one.constraint) { $0.bitPattern == $1.bitPattern })
    #expect(many.effectiveSize.elementsEqual(one.effectiveSize) { $0.bitPattern == $1.bitPattern })
    #expect(many.closedPairs == one.closedPairs)
  }

  /// A hub among many leaves: each shared-contact walk starts from the
  /// shorter row, so no leaf walks the hub's row.
  @Test func aHubIsNotWalkedPerContact() throws {
    var builder = TrustNetworkBuilder()
    builder.addPerson("hub")
    for leaf in 0..<20_000 {
      builder.addPerson("l\(leaf)", attributes: ["side": leaf % 2 == 0 ? "a" : "b"])
      builder.addTie(from: "hub", to: "l\(leaf)")
    }
    builder.addTie(from: "l0", to: "l1")
    let graph = try TrustGraph(try builder.build())
    let groups: [Int32] = (0..<graph.personCount).map { person -> Int32 in
      person == 0 ? 0 : Int32(1 + (person - 1) % 2)
    }
    let roles = BrokerageRoles(graph, groups: groups)
    // The hub's contacts form C(20000, 2) pairs, one closed (l0–l1): all liaison
    // or consultant pairs, since the hub's own group has no one else.
    let pairs = 20_000 * 19_999 / 2
    #expect(roles.counts[0].reduce(0, +) == pairs - 1)
    #expect(roles.counts[0][0] == 0 && roles.counts[0][2] == 0)
    let holes = StructuralHoles(graph)
    #expect(holes.constraint[3] == 1)  // a leaf with the hub alone
  }

  @Test(arguments: [(2, 1), (3, 2), (4, 3), (6, 4), (5, 5)])
  func rolesAndExpectationsMatchTheEnumeration(groupCount: Int, seed: Int) throws {
    let network = try randomOrganisation(people: 45, ties: 220, seed: UInt64(seed) &* 13)
    let graph = try TrustGraph(network)
    var random = SeededGenerator(seed: UInt64(seed))
    // Groups 0 ..< groupCount, and some people without one.
    let groups: [Int32] = (0..<graph.personCount).map { _ in
      Int.random(in: 0..<8, using: &random) == 0
        ? -1 : Int32(Int.random(in: 0..<groupCount, using: &random))
    }
    let roles = BrokerageRoles(graph, groups: groups)
    func adjacent(_ x: Int, _ y: Int) -> Bool { graph.neighbours(of: x).contains(Int32(y)) }
    func role(_ broker: Int32, _ a: Int32, _ c: Int32) -> Int {
      if a == broker && c == broker { return 0 }
      if a == c { return 1 }
      if a == broker || c == broker { return 2 }
      return 3
    }
    let grouped = (0..<graph.personCount).filter { groups[$0] >= 0 }
    for broker in 0..<graph.personCount {
      var counts = [0, 0, 0, 0]
      let contacts = graph.neighbours(of: broker).map(Int.init)
      for (i, a) in contacts.enumerated() {
        for c in contacts[(i + 1)...] where !adjacent(a, c) {
          guard groups[broker] >= 0, groups[a] >= 0, groups[c] >= 0 else { continue }
          counts[role(groups[broker], groups[a], groups[c])] += 1
        }
      }
      #expect(roles.counts[broker] == counts, "broker \(broker)")
      guard groups[broker] >= 0 else {
        #expect(roles.expected[broker] == nil)
        continue
      }
      // Expected: for a random pair of the other grouped people (ordered,
      // distinct), how often each role comes up, times the open pairs.
      let others = grouped.filter { $0 != broker }.map { groups[$0] }
      var byRole = [0, 0, 0, 0]
      for i in others.indices {
        for j in others.indices where j != i { byRole[role(groups[broker], others[i], others[j])] += 1 }
      }
      let total = Double(others.count * (others.count - 1))
      let open = Double(counts.reduce(0, +))
      let expected = try #require(roles.expected[broker])
      for index in 0..<4 {
        #expect(abs(expected[index] - open * Double(byRole[index]) / total) < 1e-9)
        let p = Double(byRole[index]) / total
        let variance = open * p * (1 - p)
        if byRole[index] == 0 || byRole[index] == Int(total) || open == 0 {
          #expect(roles.z[broker][index] == nil)
        } else {
          let z = try #require(roles.z[broker][index])
          #expect(abs(z - (Double(counts[index]) - open * p) / variance.squareRoot()) < 1e-9)
        }
      }
    }
  }

  @Test func burtsMeasuresByHand() throws {
    // A trusts B, C and D; B and C trust each other; D trusts E. Every tie weighs 1.
    var builder = TrustNetworkBuilder()
    for id in ["a", "b", "c", "d", "e"] { builder.addPerson(id) }
    for (from, to) in [("a", "b"), ("a", "c"), ("a", "d"), ("b", "c"), ("d", "e")] {
      builder.addTie(from: from, to: to)
    }
    let graph = try TrustGraph(try builder.build())
    let holes = StructuralHoles(graph)
    // constraint(a) = (p_ab + p_ac p_cb)² + (p_ac + p_ab p_bc)² + p_ad²
    //              = (1/3 + 1/3 · 1/2)² + (1/3 + 1/3 · 1/2)² + (1/3)² = 1/4 + 1/4 + 1/9 = 11/18
    #expect(abs((holes.constraint[0] ?? 0) - 11.0 / 18) < 1e-12)
    // constraint(b) = (p_ba + p_bc p_ca)² + (p_bc + p_ba p_ac)² = (1/2 + 1/4)² + (1/2 + 1/6)²
    //              = 9/16 + 4/9 = 145/144
    #expect(abs((holes.constraint[1] ?? 0) - 145.0 / 144) < 1e-12)
    // effective size(a) = (1 − p_ac m_bc) + (1 − p_ab m_cb) + 1 = 2/3 + 2/3 + 1 = 7/3
    #expect(abs((holes.effectiveSize[0] ?? 0) - 7.0 / 3) < 1e-12)
    #expect(abs((holes.efficiency[0] ?? 0) - 7.0 / 9) < 1e-12)
    // e has one contact: fully constrained, effective size 1.
    #expect(holes.constraint[4] == 1 && holes.effectiveSize[4] == 1 && holes.efficiency[4] == 1)
  }

  @Test func isolatesHaveNoMeasures() throws {
    var builder = TrustNetworkBuilder()
    builder.addPerson("a")
    let graph = try TrustGraph(try builder.build())
    let holes = StructuralHoles(graph)
    #expect(holes.constraint == [nil] && holes.effectiveSize == [nil] && holes.efficiency == [nil])
  }

  /// networkx's definitions transcribed: `mutual_weight`,
  /// `normalized_mutual_weight` (norm sum or max), `local_constraint`,
  /// `constraint`, and `effective_size`'s redundancy, on a dictionary graph.
  @Test(arguments: 1...5)
  func burtsMeasuresAsNetworkxDefinesThem(seed: Int) throws {
    let network = try randomOrganisation(people: 40, ties: 200, seed: UInt64(seed) &* 29)
    let graph = try TrustGraph(network)
    var weight: [Int: [Int: Double]] = [:]
    for u in 0..<graph.personCount {
      for (v, w) in zip(graph.neighbours(of: u), graph.weights(of: u)) { weight[u, default: [:]][Int(v)] = w }
    }
    func neighbours(_ u: Int) -> [Int] { Array((weight[u] ?? [:]).keys) }
    func mutual(_ u: Int, _ v: Int) -> Double { (weight[u]?[v] ?? 0) + (weight[v]?[u] ?? 0) }
    func normalized(_ u: Int, _ v: Int, max useMax: Bool) -> Double {
      let values = neighbours(u).map { mutual(u, $0) }
      let scale = useMax ? (values.max() ?? 0) : values.reduce(0, +)
      return scale == 0 ? 0 : mutual(u, v) / scale
    }
    func localConstraint(_ u: Int, _ v: Int) -> Double {
      let direct = normalized(u, v, max: false)
      let indirect = neighbours(u).reduce(0.0) {
        $0 + normalized(u, $1, max: false) * normalized($1, v, max: false)
      }
      return (direct + indirect) * (direct + indirect)
    }
    let holes = StructuralHoles(graph)
    for u in 0..<graph.personCount {
      guard !neighbours(u).isEmpty else {
        #expect(holes.constraint[u] == nil)
        continue
      }
      let constraint = neighbours(u).reduce(0.0) { $0 + localConstraint(u, $1) }
      let effective = neighbours(u).reduce(0.0) { sum, v in
        sum + 1
          - neighbours(u).reduce(0.0) {
            $0 + normalized(u, $1, max: false) * normalized(v, $1, max: true)
          }
      }
      #expect(abs((holes.constraint[u] ?? .nan) - constraint) < 1e-9)
      #expect(abs((holes.effectiveSize[u] ?? .nan) - effective) < 1e-9)
    }
  }
}
