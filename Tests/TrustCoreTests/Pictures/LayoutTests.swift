import Testing

@testable import TrustCore

/// The layout engine: the same bits for the same seed on any number of
/// cores, every point finite and apart, tribes drawn together, and no
/// recursion however deep the graph.
@Suite("Spring-electrical layout")
struct LayoutTests {
  /// A planted partition: `groups` groups of `size`, each pair inside a
  /// group tied with probability `inside`, across with `across`.
  func plantedPartition(groups: Int, size: Int, inside: Double, across: Double, seed: UInt64)
    -> (LayoutGraph, [Int32])
  {
    var random = SeededRandom(seed: seed)
    var edges: [(Int32, Int32)] = []
    let count = groups * size
    for a in 0..<count {
      for b in (a + 1)..<count {
        let p = a / size == b / size ? inside : across
        if random.unit() < p { edges.append((Int32(a), Int32(b))) }
      }
    }
    let group = (0..<count).map { Int32($0 / size) }
    return (LayoutGraph(nodeCount: count, edges: edges), group)
  }

  func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

  @Test func theSameSeedGivesTheSameBitsOnOneCoreAndOnTwo() {
    let (graph, _) = plantedPartition(groups: 5, size: 60, inside: 0.15, across: 0.005, seed: 3)
    var one = SpringElectricalLayout(seed: 9)
    one.workers = 1
    var two = SpringElectricalLayout(seed: 9)
    two.workers = 2
    let first = one.positions(of: graph)
    let again = one.positions(of: graph)
    let parallel = two.positions(of: graph)
    #expect(bits(first.x) == bits(again.x) && bits(first.y) == bits(again.y))
    #expect(bits(first.x) == bits(parallel.x) && bits(first.y) == bits(parallel.y))
    let other = SpringElectricalLayout(seed: 10).positions(of: graph)
    #expect(bits(first.x) != bits(other.x))
  }

  @Test func everyPointIsFiniteAndNoTwoShareOne() {
    // A star, a clique, a path, pairs and isolates: the shapes that collapse easily.
    var edges: [(Int32, Int32)] = (1..<40).map { (0, Int32($0)) }
    for a in 40..<50 { for b in (a + 1)..<50 { edges.append((Int32(a), Int32(b))) } }
    for a in 50..<80 { edges.append((Int32(a), Int32(a + 1))) }
    edges += [(90, 91), (92, 93)]
    let graph = LayoutGraph(nodeCount: 100, edges: edges)
    let (x, y) = SpringElectricalLayout(seed: 1).positions(of: graph)
    #expect(x.count == 100 && y.count == 100)
    #expect(x.allSatisfy(\.isFinite) && y.allSatisfy(\.isFinite))
    var seen = Set<[UInt64]>()
    for index in 0..<100 { seen.insert([x[index].bitPattern, y[index].bitPattern]) }
    #expect(seen.count == 100)
  }

  @Test func tribesOfAPlantedPartitionAreDrawnApart() {
    let (plain, group) = plantedPartition(
      groups: 4, size: 50, inside: 0.2, across: 0.004, seed: 11)
    var grouped = plain
    grouped.groups = group
    for graph in [plain, grouped] {
      let (x, y) = SpringElectricalLayout(seed: 2).positions(of: graph)
      var within = (sum: 0.0, count: 0.0)
      var between = (sum: 0.0, count: 0.0)
      for a in 0..<200 {
        for b in (a + 1)..<200 {
          let d = ((x[a] - x[b]) * (x[a] - x[b]) + (y[a] - y[b]) * (y[a] - y[b])).squareRoot()
          if group[a] == group[b] {
            within = (within.sum + d, within.count + 1)
          } else {
            between = (between.sum + d, between.count + 1)
          }
        }
      }
      let meanWithin = within.sum / within.count
      let meanBetween = between.sum / between.count
      #expect(meanWithin * 1.5 < meanBetween, "within \(meanWithin), between \(meanBetween)")
    }
  }

  @Test func neighboursSitAboutOneApart() {
    let path = LayoutGraph(nodeCount: 30, edges: (0..<29).map { (Int32($0), Int32($0 + 1)) })
    let (x, y) = SpringElectricalLayout(seed: 1).positions(of: path)
    var total = 0.0
    for a in 0..<29 {
      total += ((x[a] - x[a + 1]) * (x[a] - x[a + 1]) + (y[a] - y[a + 1]) * (y[a] - y[a + 1]))
        .squareRoot()
    }
    let mean = total / 29
    #expect(mean > 0.3 && mean < 3, "mean edge length \(mean)")
    // Laid along its longer axis: wider than tall.
    let width = (x.max() ?? 0) - (x.min() ?? 0)
    let height = (y.max() ?? 0) - (y.min() ?? 0)
    #expect(width > height)
  }

  @Test func aMillionPersonChainNeedsNoRecursion() {
    let count = 1_000_000
    var offsets = [Int](repeating: 0, count: count + 1)
    var targets: [Int32] = []
    targets.reserveCapacity(2 * count)
    for v in 0..<count {
      if v > 0 { targets.append(Int32(v - 1)) }
      if v < count - 1 { targets.append(Int32(v + 1)) }
      offsets[v + 1] = targets.count
    }
    var layout = SpringElectricalLayout(seed: 1)
    layout.coarsestIterations = 5
    layout.refinementIterations = 1
    let (x, y) = layout.positions(of: LayoutGraph(offsets: offsets, targets: targets))
    #expect(x.count == count)
    #expect(x.allSatisfy(\.isFinite) && y.allSatisfy(\.isFinite))
  }

  @Test func coarseningFollowsGroupsAndCollapsesStars() {
    let star = LayoutGraph(nodeCount: 11, edges: (1..<11).map { (0, Int32($0)) })
    let collapsed = LayoutCoarsening(star, respectingGroups: false)
    #expect(collapsed.coarse.nodeCount == 1)
    #expect(collapsed.coarse.masses == [11])
    // Two triangles joined by one edge, in two groups: no cluster mixes them.
    var pair = LayoutGraph(nodeCount: 6, edges: [(0, 1), (1, 2), (0, 2), (2, 3), (3, 4), (4, 5), (3, 5)])
    pair.groups = [0, 0, 0, 1, 1, 1]
    let step = LayoutCoarsening(pair, respectingGroups: true)
    for a in 0..<6 {
      for b in 0..<6 where step.parent[a] == step.parent[b] {
        #expect(pair.groups[a] == pair.groups[b])
      }
    }
    #expect(step.coarse.nodeCount == 2)
    #expect(step.coarse.groups == [0, 1])
  }
}
