/// Nodes grouped by their neighbour rows: two nodes share a class exactly
/// when their rows hold the same neighbours in the same order (in a
/// ``TrustGraph`` and a ``LocalGraph`` alike, a row lists the neighbours in
/// ascending order of their index in the file, so the same set gives the
/// same row). Anything
/// counted from the neighbours alone, such as second degree, is then the
/// same for every member: the leaves of a star form one class, and so does
/// each side of a complete bipartite graph.
///
/// Rows are grouped by a 64-bit hash and then compared in full, so a hash
/// collision never merges different rows.
///
/// ```swift
/// let classes = local.withAdjacency { NeighbourhoodClasses(of: [1, 2, 3], in: $0) }
/// for index in 0..<classes.count {
///   let members = classes.members(of: index)  // ascending node numbers
/// }
/// ```
///
/// - Complexity: O(Σ deg + *k* log *k*) for *k* nodes (hash every row,
///   sort the hashes, compare each row once with its class's first).
struct NeighbourhoodClasses: Sendable {
  /// `offsets[c] ..< offsets[c + 1]` index ``nodes`` for class `c`.
  let offsets: [Int]
  /// Every class's members, ascending within a class; grouped by
  /// ``init(of:in:)``, classes come in ascending order of their first member.
  let nodes: [Int32]

  /// Classes given as compressed rows.
  init(offsets: [Int], nodes: [Int32]) {
    self.offsets = offsets
    self.nodes = nodes
  }

  /// How many classes.
  var count: Int { offsets.count - 1 }

  /// The members of class `index`, ascending; the first stands for them all.
  func members(of index: Int) -> ArraySlice<Int32> { nodes[offsets[index]..<offsets[index + 1]] }

  /// Groups `candidates` (distinct node numbers) by their rows in `adjacency`.
  init(of candidates: [Int32], in adjacency: AdjacencyHandle) {
    let keyed = candidates.map { node -> (UInt64, Int32) in
      var hash: UInt64 = 0xCBF2_9CE4_8422_2325
      for slot in adjacency.row(of: Int(node)) {
        hash = (hash ^ UInt64(truncatingIfNeeded: adjacency.targets[slot])) &* 0x0000_0100_0000_01B3
        hash ^= hash >> 29
      }
      return (hash ^ UInt64(adjacency.degree(of: Int(node))) &* 0x9E37_79B9_7F4A_7C15, node)
    }.sorted { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
    // Within a run of equal hashes, each node joins the first class whose
    // first member has the same row (almost always the only one).
    var classOf = [Int32](repeating: 0, count: keyed.count)
    var firsts: [Int32] = []
    var runStart = 0
    while runStart < keyed.count {
      var runEnd = runStart + 1
      while runEnd < keyed.count && keyed[runEnd].0 == keyed[runStart].0 { runEnd += 1 }
      let runFirstClass = firsts.count
      for position in runStart..<runEnd {
        let node = Int(keyed[position].1)
        var found = -1
        for index in runFirstClass..<firsts.count
        where Self.sameRow(node, Int(firsts[index]), adjacency) {
          found = index
          break
        }
        if found < 0 {
          found = firsts.count
          firsts.append(keyed[position].1)
        }
        classOf[position] = Int32(truncatingIfNeeded: found)
      }
      runStart = runEnd
    }
    // Classes in order of their first member, members ascending (the
    // sort put each run's nodes in ascending order).
    let rank = firsts.indices.sorted { firsts[$0] < firsts[$1] }
    var renumber = [Int32](repeating: 0, count: firsts.count)
    for (new, old) in rank.enumerated() { renumber[old] = Int32(truncatingIfNeeded: new) }
    var offsets = [Int](repeating: 0, count: firsts.count + 1)
    for index in classOf.indices { offsets[Int(renumber[Int(classOf[index])]) + 1] += 1 }
    for index in 0..<firsts.count { offsets[index + 1] += offsets[index] }
    var fill = offsets
    var nodes = [Int32](repeating: 0, count: keyed.count)
    for (position, entry) in keyed.enumerated() {
      let index = Int(renumber[Int(classOf[position])])
      nodes[fill[index]] = entry.1
      fill[index] += 1
    }
    self.offsets = offsets
    self.nodes = nodes
  }

  /// Whether `a` and `b` have the same row.
  private static func sameRow(_ a: Int, _ b: Int, _ adjacency: AdjacencyHandle) -> Bool {
    let rowA = adjacency.row(of: a)
    let rowB = adjacency.row(of: b)
    guard rowA.count == rowB.count else { return false }
    var slotB = rowB.lowerBound
    for slotA in rowA {
      if adjacency.targets[slotA] != adjacency.targets[slotB] { return false }
      slotB &+= 1
    }
    return true
  }
}
