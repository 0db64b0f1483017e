/// One level of the tribe hierarchy: its tribes, numbered by size, with their
/// profiles and the ties between them.
package struct TribeLevel: Sendable, Hashable {
  /// 0 for the tribes, k for tribes of tribes of … (k times).
  package var level: Int
  /// Each person's tribe, as an index into ``tribes``.
  package var tribeOf: [Int32]
  /// The tribes, largest first; equal sizes by their earliest member in file order.
  package var tribes: [Tribe]
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
    // Number by size, then earliest member.
    var size = [Int](repeating: 0, count: count)
    var earliest = [Int](repeating: Int.max, count: count)
    for (person, tribe) in personTribe.enumerated() {
      size[Int(tribe)] += 1
      earliest[Int(tribe)] = min(earliest[Int(tribe)], person)
    }
    let order = (0..<count).sorted { (size[$0], earliest[$1]) > (size[$1], earliest[$0]) }
    var rank = [Int32](repeating: 0, count: count)
    for (position, tribe) in order.enumerated() {
      rank[tribe] = Int32(truncatingIfNeeded: position)
    }
    tribeOf = personTribe.map { rank[Int($0)] }
    modularity = strengths.modularity(of: tribeOf, resolution: 1)

    var members = [[Int32]](repeating: [], count: count)
    for (person, tribe) in tribeOf.enumerated() {
      members[Int(tribe)].append(Int32(truncatingIfNeeded: person))
    }
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
    let prefix = level == 0 ? "T" : "L\(level).T"
    let dominant = dominantValues(network, tribeOf: tribeOf, tribeCount: count)
    var partsOf = [[Int]](repeating: [], count: count)
    if let below {
      // Each tribe below sits wholly inside one tribe here.
      for (index, tribe) in below.tribes.enumerated() {
        if let first = tribe.members.first { partsOf[Int(tribeOf[Int(first)])].append(index) }
      }
    }
    tribes = (0..<count).map { tribe in
      let k = members[tribe].count
      return Tribe(
        id: "\(prefix)\(tribe + 1)", members: members[tribe], internalTies: internalTies[tribe],
        density: k >= 2 ? Double(internalTies[tribe]) / Double(k * (k - 1) / 2) : nil,
        dominant: dominant[tribe], bridges: members[tribe].filter { isBridge[Int($0)] },
        parts: partsOf[tribe])
    }
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
    AttributeColumn(key: key, codes: tribeOf, values: tribes.map(\.id))
  }
}

/// A tribe: its members and profile.
package struct Tribe: Sendable, Hashable {
  /// `T1`, `T2`, … at level 0; `L1.T1`, … above.
  package var id: String
  /// The members (person indices), ascending.
  package var members: [Int32]
  /// Strong ties with both ends in the tribe.
  package var internalTies: Int
  /// Internal strong ties over possible pairs; `nil` for one member.
  package var density: Double?
  /// The most common value of each attribute among the members that have it.
  package var dominant: [DominantValue]
  /// Members with a strong tie to another tribe of the level.
  package var bridges: [Int32]
  /// The tribes of the level below that this tribe joins (indices); empty at level 0.
  package var parts: [Int]
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

/// For each tribe, each attribute's dominant value.
///
/// - Complexity: O(*n*) per attribute: people grouped by tribe with a counting sort.
func dominantValues(_ network: TrustNetwork, tribeOf: [Int32], tribeCount: Int) -> [[DominantValue]]
{
  var result = [[DominantValue]](repeating: [], count: tribeCount)
  var order = [Int32](repeating: 0, count: tribeOf.count)
  var starts = [Int](repeating: 0, count: tribeCount + 1)
  for tribe in tribeOf { starts[Int(tribe) + 1] += 1 }
  for tribe in 0..<tribeCount { starts[tribe + 1] += starts[tribe] }
  var fill = starts
  for (person, tribe) in tribeOf.enumerated() {
    order[fill[Int(tribe)]] = Int32(truncatingIfNeeded: person)
    fill[Int(tribe)] += 1
  }
  for key in network.attributeKeys {
    let column = network.people.attributeColumn(key)
    var counts = [Int](repeating: 0, count: column.values.count)
    var touched: [Int32] = []
    for tribe in 0..<tribeCount {
      var holders = 0
      for position in starts[tribe]..<starts[tribe + 1] {
        let code = column.codes[Int(order[position])]
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
      result[tribe].append(
        DominantValue(
          attribute: key, value: column.values[Int(best)],
          share: Double(counts[Int(best)]) / Double(holders)))
      for code in touched { counts[Int(code)] = 0 }
      touched.removeAll(keepingCapacity: true)
    }
  }
  return result
}
