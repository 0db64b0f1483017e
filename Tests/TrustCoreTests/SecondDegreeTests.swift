import Testing

@testable import TrustCore

#if canImport(Glibc)
  import Glibc
#endif

/// A network of `people` people p0… whose strong ties are `edges`.
private func edgeNetwork(people: Int, _ edges: [(Int, Int)]) throws -> TrustGraph {
  var json = #"{"trustmap": 1, "people": ["#
  json += (0..<people).map { #"{"id": "p\#($0)"}"# }.joined(separator: ",")
  json += #"], "ties": ["#
  json += edges.map { #"{"from": "p\#($0.0)", "to": "p\#($0.1)", "strength": 0.9}"# }
    .joined(separator: ",")
  json += "]}"
  return try TrustGraph(try network(json))
}

/// Everyone's second degree by brute force, from sets.
private func bruteForceSecondDegree(_ graph: TrustGraph) -> [Int32] {
  let rows = (0..<graph.personCount).map { Set(graph.neighbours(of: $0).map(Int.init)) }
  return rows.indices.map { person in
    var second = Set<Int>()
    for friend in rows[person] { second.formUnion(rows[friend]) }
    second.subtract(rows[person])
    second.remove(person)
    return Int32(second.count)
  }
}

/// A Chung-Lu graph: `ties` records, each end drawn with probability
/// proportional to (i + offset)^(−1/(exponent − 1)); self-ties dropped.
private func powerLawEdges(people: Int, ties: Int, exponent: Double, seed: UInt64) -> [(Int, Int)] {
  var random = SeededGenerator(seed: seed)
  var cumulative: [Double] = []
  var sum = 0.0
  for index in 0..<people {
    sum += pow(Double(index) + 10, -1 / (exponent - 1))
    cumulative.append(sum)
  }
  func draw() -> Int {
    let target = Double.random(in: 0..<sum, using: &random)
    var low = 0
    var high = people - 1
    while low < high {
      let middle = (low + high) / 2
      if cumulative[middle] > target { high = middle } else { low = middle + 1 }
    }
    return low
  }
  return (0..<ties).compactMap { _ in
    let (a, b) = (draw(), draw())
    return a == b ? nil : (a, b)
  }
}

@Suite("Second degree: exact by classes, estimated beyond the budget")
struct SecondDegreeTests {
  /// Work per member at most 2, and one unit of extra work per person and tie end.
  static let tight = SecondDegreePlan.Budget(cheapWork: 2, extraWorkPerTieEnd: 1)
  /// Nothing counted exactly unless forced.
  static let none = SecondDegreePlan.Budget(cheapWork: 0, extraWorkPerTieEnd: 0)

  static func star(leaves: Int) -> (Int, [(Int, Int)]) {
    (leaves + 1, (1...leaves).map { (0, $0) })
  }

  static func doubleStar(_ a: Int, _ b: Int) -> (Int, [(Int, Int)]) {
    (a + b + 2, [(0, 1)] + (0..<a).map { (0, 2 + $0) } + (0..<b).map { (1, 2 + a + $0) })
  }

  static func completeBipartite(_ a: Int, _ b: Int) -> (Int, [(Int, Int)]) {
    (a + b, (0..<a).flatMap { left in (0..<b).map { (left, a + $0) } })
  }

  static func cliqueWithPendants(_ size: Int, pendants: Int) -> (Int, [(Int, Int)]) {
    var edges: [(Int, Int)] = []
    for a in 0..<size { for b in (a + 1)..<size { edges.append((a, b)) } }
    for member in 0..<size {
      for pendant in 0..<pendants { edges.append((member, size + member * pendants + pendant)) }
    }
    return (size + size * pendants, edges)
  }

  /// Stars, double stars and complete bipartite graphs are settled exactly
  /// by classes within a budget far below Σ deg² (240,000 on K(40, 60)
  /// against a budget of 4,900).
  @Test(arguments: [
    star(leaves: 300), doubleStar(200, 150), completeBipartite(40, 60), completeBipartite(1, 7),
  ])
  func classesSettleStarsAndTheirKinExactly(family: (Int, [(Int, Int)])) throws {
    let graph = try edgeNetwork(people: family.0, family.1)
    let expected = bruteForceSecondDegree(graph)
    let local = LocalGraph(graph)
    let counts = TrustDegreeCounts(local, budget: Self.tight)
    #expect(!counts.hasEstimates)
    #expect(counts.secondDegree == expected)
    #expect(TrustDegreeCounts(graph).secondDegree == expected)
    #expect(!TrustDegreeCounts(graph).hasEstimates)
  }

  @Test func aStarsLeavesShareOneClass() throws {
    let graph = try edgeNetwork(people: 301, (1...300).map { (0, $0) })
    let local = LocalGraph(graph)
    let plan = local.withAdjacency { SecondDegreePlan($0, exact: false, budget: Self.tight) }
    #expect(!plan.everyone)
    #expect(plan.estimated.count == 0)
    // The hub alone, and the 300 leaves as one class.
    #expect(plan.exact.count == 2)
    #expect((0..<plan.exact.count).map { plan.exact.members(of: $0).count }.sorted() == [1, 300])
    let counts = TrustDegreeCounts(local, budget: Self.tight)
    #expect(counts.secondDegree[0] == 0)
    #expect(counts.secondDegree[1...].allSatisfy { $0 == 299 })
  }

  /// Forced exact counting through the classes agrees with brute force on
  /// every family, seeded random graphs included.
  @Test(arguments: [
    star(leaves: 50), doubleStar(20, 30), completeBipartite(12, 9), cliqueWithPendants(20, pendants: 2),
  ])
  func forcedExactCountsMatchBruteForce(family: (Int, [(Int, Int)])) throws {
    let graph = try edgeNetwork(people: family.0, family.1)
    let counts = TrustDegreeCounts(LocalGraph(graph), exact: true, budget: Self.none)
    #expect(!counts.hasEstimates)
    #expect(counts.secondDegree == bruteForceSecondDegree(graph))
  }

  @Test(arguments: 1...3 as ClosedRange<UInt64>)
  func forcedExactCountsMatchBruteForceOnRandomGraphs(seed: UInt64) throws {
    let graph = try TrustGraph(try network(randomNetworkJSON(people: 400, ties: 2400, seed: seed)))
    let counts = TrustDegreeCounts(LocalGraph(graph), exact: true, budget: Self.none)
    #expect(!counts.hasEstimates)
    #expect(counts.secondDegree == bruteForceSecondDegree(graph))
    #expect(counts == TrustDegreeCounts(graph))
  }

  /// With no budget, everyone with work is estimated: the flag is set on
  /// exactly the estimated figures, and the exact ones (isolates, people
  /// with no work) are right.
  @Test func theFlagIsPresentExactlyWhenEstimated() throws {
    let (people, edges) = Self.cliqueWithPendants(25, pendants: 3)
    let graph = try edgeNetwork(people: people + 2, edges)  // two isolates at the end
    let expected = bruteForceSecondDegree(graph)
    let counts = TrustDegreeCounts(LocalGraph(graph), budget: Self.none)
    #expect(counts.hasEstimates)
    #expect(counts.secondDegreeError.count == people + 2)
    for person in 0..<people + 2 {
      let hasWork = graph.degree(of: person) > 0
      #expect(counts.isEstimated(person) == hasWork)
      if !hasWork { #expect(counts.secondDegree[person] == expected[person]) }
    }
    let exact = TrustDegreeCounts(LocalGraph(graph), exact: true, budget: Self.none)
    #expect(!exact.hasEstimates)
    #expect(exact.secondDegree == expected)
  }

  /// On a seeded power-law graph of 4,000 people, every estimate is within
  /// four of its stated standard errors of the truth (over 3,000 figures a
  /// normal error passes 4σ about once in 5 runs of this size: so at most
  /// 0.5 % may), the errors have no bias beyond a third of a standard error,
  /// and the mean second degree is within its stated error.
  @Test func estimatesStayWithinTheirStatedErrorOnAPowerLawGraph() throws {
    let edges = powerLawEdges(people: 4000, ties: 16000, exponent: 2.1, seed: 11)
    let graph = try edgeNetwork(people: 4000, edges)
    let expected = bruteForceSecondDegree(graph)
    let counts = TrustDegreeCounts(LocalGraph(graph), budget: Self.none)
    var estimated = 0
    var outside = 0
    var zSum = 0.0
    for person in 0..<4000 where counts.isEstimated(person) {
      estimated += 1
      let truth = Double(expected[person])
      let error = Double(counts.secondDegreeError[person])
      let sigma = error * max(Double(counts.secondDegree[person]), 1)
      let z = (Double(counts.secondDegree[person]) - truth) / sigma
      zSum += z
      if abs(z) > 4 { outside += 1 }
      #expect(error >= HyperLogLog.relativeStandardError)
    }
    #expect(estimated > 3000)
    #expect(Double(outside) <= 0.005 * Double(estimated))
    #expect(abs(zSum / Double(estimated)) < 0.34)
    let trueMean = Double(expected.reduce(0) { $0 + Int($1) }) / 4000
    #expect(abs(counts.meanSecondDegree - trueMean) <= counts.meanSecondDegreeError * trueMean)
  }

  /// The counters: a single register per person, Ertl's estimator close on
  /// counts from 1 to 10⁶, and a union counting each person once.
  @Test func hyperLogLogEstimatesWithinItsError() {
    let registers = UnsafeMutablePointer<UInt8>.allocate(capacity: HyperLogLog.registerCount)
    let other = UnsafeMutablePointer<UInt8>.allocate(capacity: HyperLogLog.registerCount)
    defer {
      registers.deallocate()
      other.deallocate()
    }
    registers.initialize(repeating: 0, count: HyperLogLog.registerCount)
    #expect(HyperLogLog.estimate(registers) == 0)
    var inserted = 0
    for target in [1, 10, 100, 1000, 10_000, 100_000, 1_000_000] {
      while inserted < target {
        HyperLogLog.insert(HyperLogLog.code(of: inserted), into: registers)
        inserted += 1
      }
      let estimate = HyperLogLog.estimate(registers)
      #expect(abs(estimate - Double(target)) <= 4 * HyperLogLog.relativeStandardError * Double(target) + 0.5)
    }
    // Half overlapping: the union counts 1.5 million, not 2.
    other.initialize(repeating: 0, count: HyperLogLog.registerCount)
    for person in 500_000..<1_500_000 { HyperLogLog.insert(HyperLogLog.code(of: person), into: other) }
    HyperLogLog.formUnion(registers, with: other)
    #expect(abs(HyperLogLog.estimate(registers) - 1.5e6) <= 4 * HyperLogLog.relativeStandardError * 1.5e6)
  }
}
