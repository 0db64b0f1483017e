/// The formal units at one depth: each placed person at depth ≥ D belongs to
/// the unit of their ancestor-or-self at depth D, named by that person; how
/// dense each unit's trust is, how open (E-I), and how much of the
/// network's trust crosses units.
///
/// ```swift
/// let units = FormalUnits(graph, forest: forest, depth: 1)
/// units.unitOf[bo]        // the index of Bo's unit head
/// units.crossUnitShare    // strong ties between units over ties inside any unit
/// ```
///
/// - Complexity: O(*n* + *m*).
package struct FormalUnits: Sendable, Hashable {
  /// One unit's figures.
  package struct Unit: Sendable, Hashable {
    /// The unit head (index), whose id names the unit.
    package var head: Int
    /// Members (the head and everyone below them).
    package var size: Int
    /// Strong ties with both ends in the unit.
    package var internalTies: Int
    /// Strong ties with exactly one end in the unit.
    package var externalTies: Int

    /// Internal ties over possible pairs; `nil` below 2 members.
    package var density: Double? {
      size >= 2 ? Double(internalTies) / Double(size * (size - 1) / 2) : nil
    }
    /// (external − internal) / (external + internal); `nil` when no tie touches it.
    package var eiIndex: Double? {
      let touching = internalTies + externalTies
      return touching > 0 ? Double(externalTies - internalTies) / Double(touching) : nil
    }
  }

  /// The depth D that names the units.
  package var depth: Int
  /// Each person's unit (an index into ``units``), or -1.
  package var unitOf: [Int32]
  /// The units, in file order of their heads.
  package var units: [Unit]
  /// Strong ties between two different units.
  package var crossUnitTies: Int
  /// Strong ties with both ends in some unit.
  package var tiesInUnits: Int

  /// ``crossUnitTies`` over ``tiesInUnits``; `nil` when no tie has both ends in units.
  package var crossUnitShare: Double? {
    tiesInUnits > 0 ? Double(crossUnitTies) / Double(tiesInUnits) : nil
  }

  package init(_ graph: TrustGraph, forest: ReportsToForest, depth: Int) {
    self.depth = depth
    let count = graph.personCount
    var unitOfHead = [Int32](repeating: -1, count: count)
    var heads: [Int] = []
    for person in 0..<count where Int(forest.depth[person]) == depth {
      unitOfHead[person] = Int32(truncatingIfNeeded: heads.count)
      heads.append(person)
    }
    // Managers come before their reports in `order`: a report inherits the unit.
    var unitOf = [Int32](repeating: -1, count: count)
    for person in forest.order {
      let p = Int(person)
      let d = Int(forest.depth[p])
      if d == depth {
        unitOf[p] = unitOfHead[p]
      } else if d > depth {
        unitOf[p] = unitOf[Int(forest.parent[p])]
      }
    }
    var units = heads.map {
      Unit(head: $0, size: 0, internalTies: 0, externalTies: 0)
    }
    for unit in unitOf where unit >= 0 { units[Int(unit)].size += 1 }
    var cross = 0
    var inUnits = 0
    for person in 0..<count {
      let own = unitOf[person]
      for neighbour in graph.neighbours(of: person) where Int(neighbour) > person {
        let other = unitOf[Int(neighbour)]
        if own >= 0 && other >= 0 {
          inUnits += 1
          if own != other { cross += 1 }
        }
        if own >= 0 && own == other {
          units[Int(own)].internalTies += 1
        } else {
          if own >= 0 { units[Int(own)].externalTies += 1 }
          if other >= 0 { units[Int(other)].externalTies += 1 }
        }
      }
    }
    self.unitOf = unitOf
    self.units = units
    crossUnitTies = cross
    tiesInUnits = inUnits
  }
}
