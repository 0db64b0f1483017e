/// One level of the tribe hierarchy: its tribes, numbered by size, with their
/// profiles and the ties between them.
package struct TribeLevel: Sendable, Hashable {
  /// 0 for the tribes, k for tribes of tribes of … (k times).
  package var level: Int
  /// Each person's tribe, as an index into ``tribes``.
  package var tribeOf: [Int32]
  /// The tribes, largest first; equal sizes by their earliest member in file order.
  package var tribes: TribeList
  /// Newman's modularity of this level at resolution 1, weights = strengths.
  package var modularity: Double
  /// The resolution this level was found at.
  package var resolution: Double
  /// The quality maximised, at ``resolution``.
  package var quality: Double
  /// Pairs of tribes joined by strong ties, the most ties first.
  package var links: [TribeLink]

  init(
    level: Int, personTribe: [Int32], below: TribeLevel?, network: TrustNetwork, graph: TrustGraph,
    strengths: ClusteringGraph, resolution: Double, quality: Double
  ) {
    self.level = level
    self.resolution = resolution
    self.quality = quality
    let count = Int((personTribe.max() ?? -1) + 1)
    // Number by size, then earliest member, without a sort: tribes are
    // bucketed by size (largest first), and the people walked in file
    // order meet each tribe first at its earliest member.
    var size = [Int32](repeating: 0, count: count)
    for tribe in personTribe { size[Int(tribe)] += 1 }
    let largest = Int(size.max() ?? 0)
    var next = [Int32](repeating: 0, count: largest + 1)  // tribes of each size, then positions
    for tribeSize in size { next[Int(tribeSize)] += 1 }
    var position: Int32 = 0
    for tribeSize in stride(from: largest, through: 0, by: -1) {
      (next[tribeSize], position) = (position, position + next[tribeSize])
    }
    var rank = [Int32](repeating: -1, count: count)
    for tribe in personTribe where rank[Int(tribe)] < 0 {
      rank[Int(tribe)] = next[Int(size[Int(tribe)])]
      next[Int(size[Int(tribe)])] += 1
    }
    for tribe in 0..<count where rank[tribe] < 0 {  // a label no one has: last
      rank[tribe] = next[0]
      next[0] += 1
    }
    let tribeOf = personTribe.map { rank[Int($0)] }
    self.tribeOf = tribeOf
    modularity = strengths.modularity(of: tribeOf, resolution: 1)

    let (memberOrder, memberStarts) = groupedByKey(tribeOf, groupCount: count)
    var internalTies = [Int](repeating: 0, count: count)
    var isBridge = [Bool](repeating: false, count: graph.personCount)
    var linkTies: [Int: Int] = [:]
    var linkWeight: [Int: Double] = [:]
    for person in 0..<graph.personCount {
      let own = Int(tribeOf[person])
      for (neighbour, weight) in zip(graph.neighbours(of: person), graph.weights(of: person)) {
        let other = Int(tribeOf[Int(neighbour)])
        if other == own {
          if Int(neighbour) > person { internalTies[own] += 1 }
        } else {
          isBridge[person] = true
          if own < other {
            let key = own * count + other
            linkTies[key, default: 0] += 1
            linkWeight[key, default: 0] += weight
          }
        }
      }
    }
    let (bridgeOrder, bridgeStarts) = groupedByKey(
      tribeOf, groupCount: count, where: { isBridge[$0] })
    var partOrder: [Int32] = []
    var partStarts: [Int32] = []
    if let below {
      // Each tribe below sits wholly inside one tribe here: its first member's.
      let tribeOfPart = (0..<below.tribes.count).map { part in
        tribeOf[Int(below.tribes.memberOrder[Int(below.tribes.memberStarts[part])])]
      }
      (partOrder, partStarts) = groupedByKey(tribeOfPart, groupCount: count)
    }
    tribes = TribeList(
      idPrefix: level == 0 ? "T" : "L\(level).T", memberOrder: memberOrder,
      memberStarts: memberStarts, internalTies: internalTies, bridgeOrder: bridgeOrder,
      bridgeStarts: bridgeStarts, partOrder: partOrder, partStarts: partStarts,
      dominant: dominantColumns(network, memberOrder: memberOrder, memberStarts: memberStarts))
    links = linkTies.map { key, ties in
      TribeLink(first: key / count, second: key % count, ties: ties, weight: linkWeight[key] ?? 0)
    }.sorted { ($0.ties, $1.first, $1.second) > ($1.ties, $0.first, $0.second) }
  }
}

extension TribeLevel {
  /// The level as an attribute column: each person's value is their tribe's
  /// id, so tribes can be communities (`--community-by tribe`) or an
  /// attribute (`diversity --by tribe`).
  package func column(key: String) -> AttributeColumn {
    AttributeColumn(key: key, codes: tribeOf, values: tribes.indices.map(tribes.id(of:)))
  }
}

/// An attribute's most common value in a tribe.
package struct DominantValue: Sendable, Hashable {
  /// The attribute.
  package var attribute: String
  /// Its most common value (the earliest in the file on a tie).
  package var value: String
  /// Its share of the members that have the attribute.
  package var share: Double
}

/// Two tribes of one level and the strong ties between them.
package struct TribeLink: Sendable, Hashable {
  /// The first tribe (index), the lower.
  package var first: Int
  /// The second tribe (index).
  package var second: Int
  /// Strong ties between them.
  package var ties: Int
  /// The sum of those ties' strengths.
  package var weight: Double
}

/// Each attribute's dominant value in each tribe, whose members are grouped
/// as ``groupedByKey(_:groupCount:startsAs:where:)`` leaves them.
///
/// - Complexity: O(*n*) per attribute.
func dominantColumns(_ network: TrustNetwork, memberOrder: [Int32], memberStarts: [Int32])
  -> [TribeList.DominantColumn]
{
  let tribeCount = memberStarts.count - 1
  return network.attributeKeys.map { key in
    let column = network.people.attributeColumn(key)
    var dominant = [Int32](repeating: -1, count: tribeCount)
    var dominantCount = [Int32](repeating: 0, count: tribeCount)
    var holdersOf = [Int32](repeating: 0, count: tribeCount)
    var counts = [Int32](repeating: 0, count: column.values.count)
    var touched: [Int32] = []
    for tribe in 0..<tribeCount {
      var holders: Int32 = 0
      for position in Int(memberStarts[tribe])..<Int(memberStarts[tribe + 1]) {
        let code = column.codes[Int(memberOrder[position])]
        guard code >= 0 else { continue }
        if counts[Int(code)] == 0 { touched.append(code) }
        counts[Int(code)] += 1
        holders += 1
      }
      guard holders > 0 else { continue }
      var best: Int32 = -1
      for code in touched
      where best < 0 || counts[Int(code)] > counts[Int(best)]
        || (counts[Int(code)] == counts[Int(best)] && code < best)
      {
        best = code
      }
      dominant[tribe] = best
      dominantCount[tribe] = counts[Int(best)]
      holdersOf[tribe] = holders
      for code in touched { counts[Int(code)] = 0 }
      touched.removeAll(keepingCapacity: true)
    }
    return TribeList.DominantColumn(
      attribute: key, values: column.values, code: dominant, count: dominantCount,
      holders: holdersOf)
  }
}
