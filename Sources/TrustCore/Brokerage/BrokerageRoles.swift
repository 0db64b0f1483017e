/// Gould & Fernandez's (1989) brokerage roles on the undirected strong-tie
/// graph: for broker b and each pair {a, c} of b's contacts who share no
/// strong tie (an open pair), all three with a group:
///
/// | role | groups |
/// | --- | --- |
/// | coordinator | g(a) = g(b) = g(c): brokering inside one's own group |
/// | consultant | g(a) = g(c) ≠ g(b): brokering for another group |
/// | representative | exactly one of a, c in g(b): between one's group and another (gatekeeper and representative are one role when ties have no direction) |
/// | liaison | all three differ |
///
/// with the counts expected if the groups were shuffled among the people
/// who have one, and z-scores (docs/design.md, 'Brokers').
///
/// The open pairs of each kind are counted from the groups of b's contacts
/// (all pairs), less the closed pairs, one per triangle corner, so no broker
/// enumerates its pairs.
///
/// ```swift
/// let roles = BrokerageRoles(graph, groups: column.codes, triangles: triangles)
/// roles.counts[ana]     // [coordinator, consultant, representative, liaison]
/// roles.expected[ana]   // under random groups; nil without a group
/// ```
///
/// - Complexity: O(*n* + *m*) plus one visit per triangle.
package struct BrokerageRoles: Sendable, Hashable {
  /// The four roles, in the order of every array here.
  package static let roles = ["coordinator", "consultant", "representative", "liaison"]

  /// Each person's open pairs in each role.
  package var counts: [[Int]]
  /// Each person's expected counts; `nil` without a group (or fewer than 3 grouped people).
  package var expected: [[Double]?]
  /// Each person's z-scores, `nil` where the variance is exactly 0.
  package var z: [[Double?]]

  /// The roles of everyone, with `groups[p]` the group of person p (-1: none).
  package init(_ graph: TrustGraph, groups: [Int32], triangles: TriangleEnumeration) {
    var closed = ClosedPairs(groups: groups)
    defer { closed.deallocate() }
    triangles.visit(&closed)
    self.init(graph, groups: groups, closed: closed)
  }

  /// The roles, with the closed pairs already counted (by an enumeration
  /// shared with other visitors).
  package init(_ graph: TrustGraph, groups: [Int32], closed: ClosedPairs) {
    let count = graph.personCount
    let groupCount = Int((groups.max() ?? -1) + 1)
    var groupSize = [Int](repeating: 0, count: groupCount)
    for group in groups where group >= 0 { groupSize[Int(group)] += 1 }
    let grouped = groupSize.reduce(0, +)
    let sameGroupPairs = groupSize.reduce(0) { $0 + $1 * ($1 - 1) }

    // All pairs of grouped contacts by kind, from the groups' counts.
    var counts = [[Int]](repeating: [0, 0, 0, 0], count: count)
    var tally = [Int](repeating: 0, count: groupCount)
    var touched: [Int32] = []
    for broker in 0..<count {
      let own = groups[broker]
      guard own >= 0 else { continue }
      var total = 0
      for contact in graph.neighbours(of: broker) {
        let group = groups[Int(contact)]
        guard group >= 0 else { continue }
        if tally[Int(group)] == 0 { touched.append(group) }
        tally[Int(group)] += 1
        total += 1
      }
      let inside = tally[Int(own)]
      var sameOther = 0
      for group in touched where group != own {
        let n = tally[Int(group)]
        sameOther += n * (n - 1) / 2
      }
      let outside = total - inside
      counts[broker] = [
        inside * (inside - 1) / 2, sameOther, inside * outside,
        outside * (outside - 1) / 2 - sameOther,
      ]
      for group in touched { tally[Int(group)] = 0 }
      touched.removeAll(keepingCapacity: true)
    }
    // Less the closed pairs: each triangle closes one pair at each corner.
    closed.subtract(from: &counts)

    // Expected counts under random groups, from integer numerators over
    // P = (N − 1)(N − 2), N the people with a group.
    let pairs = (grouped - 1) * (grouped - 2)
    var expected = [[Double]?](repeating: nil, count: count)
    var z = [[Double?]](repeating: [nil, nil, nil, nil], count: count)
    for person in 0..<count {
      let own = groups[person]
      guard own >= 0, pairs > 0 else { continue }
      let n = groupSize[Int(own)]
      let coordinator = (n - 1) * (n - 2)
      let consultant = sameGroupPairs - n * (n - 1)
      let representative = 2 * (n - 1) * (grouped - n)
      let numerators = [
        coordinator, consultant, representative,
        pairs - coordinator - consultant - representative,
      ]
      let open = counts[person].reduce(0, +)
      let scale = Double(pairs)
      expected[person] = numerators.map { Double(open) * Double($0) / scale }
      z[person] = numerators.indices.map { role in
        let numerator = numerators[role]
        guard open > 0, numerator > 0, numerator < pairs else { return nil }
        let share = Double(numerator) / scale
        let mean = Double(open) * share
        return (Double(counts[person][role]) - mean)
          / (Double(open) * share * (1 - share)).squareRoot()
      }
    }
    self.counts = counts
    self.expected = expected
    self.z = z
  }
}

/// The closed pairs of each broker by role: each triangle whose corners all
/// have a group closes one pair at each corner. Counts in memory owned until
/// ``deallocate()``, four per person.
package struct ClosedPairs: TriangleVisitor {
  private let groups: UnsafeMutableBufferPointer<Int32>
  private let counts: UnsafeMutableBufferPointer<Int>

  package init(groups: [Int32]) {
    self.groups = .allocate(capacity: max(1, groups.count))
    _ = self.groups.initialize(from: groups)
    counts = .allocate(capacity: max(1, groups.count * 4))
    counts.initialize(repeating: 0)
  }

  /// The role of the pair {x, y} for a broker of group `broker`.
  @inline(__always)
  private static func role(_ broker: Int32, _ x: Int32, _ y: Int32) -> Int {
    if x == y { return x == broker ? 0 : 1 }
    return x == broker || y == broker ? 2 : 3
  }

  @inline(__always)
  package mutating func visit(_ t: TriangleEnumeration.Triangle) {
    assert(t.a < groups.count && t.b < groups.count && t.c < groups.count)
    let (ga, gb, gc) = (groups[t.a], groups[t.b], groups[t.c])
    guard ga >= 0 && gb >= 0 && gc >= 0 else { return }
    counts[t.a &* 4 &+ Self.role(ga, gb, gc)] &+= 1
    counts[t.b &* 4 &+ Self.role(gb, ga, gc)] &+= 1
    counts[t.c &* 4 &+ Self.role(gc, ga, gb)] &+= 1
  }

  /// Takes the closed pairs off `all`, each person's four counts of pairs.
  package func subtract(from all: inout [[Int]]) {
    for person in all.indices {
      for role in 0..<4 { all[person][role] -= counts[person &* 4 &+ role] }
    }
  }

  /// Frees the counts.
  package func deallocate() {
    groups.deallocate()
    counts.deallocate()
  }
}
