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
/// (all pairs), less the closed pairs (``ContactOverlap``), so no broker
/// enumerates its pairs.
///
/// ```swift
/// let roles = BrokerageRoles(graph, groups: column.codes)
/// roles.counts[ana]     // [coordinator, consultant, representative, liaison]
/// roles.expected[ana]   // under random groups; nil without a group
/// ```
///
/// - Complexity: O(*n* + *m*) plus that of ``ContactOverlap``.
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
  package init(_ graph: TrustGraph, groups: [Int32]) {
    self.init(graph, groups: groups, overlap: ContactOverlap(graph, groups: groups))
  }

  /// The roles, with the closed pairs from an overlap scanned with the same groups.
  package init(_ graph: TrustGraph, groups: [Int32], overlap: ContactOverlap) {
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
    // Less the closed pairs: contacts who share a tie are no open pair.
    for person in 0..<count {
      for role in 0..<4 { counts[person][role] -= Int(overlap.closedPairs[person * 4 + role]) }
    }

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
