/// Where each strong tie sits in the formal structure: along it (`direct`
/// between a manager and a report, `skip` between an ancestor and someone
/// further down) or across it (`horizontal` at the same depth, `diagonal`
/// otherwise), or outside it (`unplaced`: an end the forest does not place).
package enum TieClass: Int, Sendable, CaseIterable {
  case direct, skip, horizontal, diagonal, unplaced

  /// The name the reports use.
  package var name: String {
    switch self {
    case .direct: return "direct"
    case .skip: return "skip"
    case .horizontal: return "horizontal"
    case .diagonal: return "diagonal"
    case .unplaced: return "unplaced"
    }
  }

  /// The class of the strong tie {`a`, `b`} in `forest`.
  @inline(__always)
  package static func of(_ a: Int, _ b: Int, in forest: ReportsToForest) -> TieClass {
    guard forest.isPlaced(a) && forest.isPlaced(b) else { return .unplaced }
    if forest.parent[a] == Int32(truncatingIfNeeded: b)
      || forest.parent[b] == Int32(truncatingIfNeeded: a)
    {
      return .direct
    }
    if forest.isAncestor(a, of: b) || forest.isAncestor(b, of: a) { return .skip }
    return forest.depth[a] == forest.depth[b] ? .horizontal : .diagonal
  }
}

/// How many strong ties fall in each class, how many placed pairs could, and
/// each person's ties by class (docs/design.md, 'Formal versus social').
///
/// Possible pairs: `direct`, one per reports-to link; `skip`, Σ (depth − 1)
/// over placed people at depth ≥ 1 (each has that many ancestors above their
/// manager); `horizontal`, Σ over depths of C(n_d, 2); `diagonal`, the
/// remaining placed pairs.
///
/// ```swift
/// let classes = TieClassCounts(graph, forest: forest)
/// classes.density(.horizontal)  // strong ties at the same depth over such pairs
/// classes.horizontalToVertical  // > 1: trust runs more across the hierarchy
/// ```
///
/// - Complexity: O(*n* + *m*): one O(1) test per strong tie.
package struct TieClassCounts: Sendable, Hashable {
  /// Strong ties per class, indexed by ``TieClass/rawValue``.
  package var ties: [Int]
  /// Placed pairs per class (`unplaced` has none), indexed the same way.
  package var possible: [Int]
  /// Each person's strong ties by class: `perPerson[class][person]`.
  package var perPerson: [[Int32]]

  package init(_ graph: TrustGraph, forest: ReportsToForest) {
    let count = graph.personCount
    var ties = [Int](repeating: 0, count: TieClass.allCases.count)
    var perPerson = [[Int32]](
      repeating: [Int32](repeating: 0, count: count), count: TieClass.allCases.count)
    for person in 0..<count {
      for neighbour in graph.neighbours(of: person) where Int(neighbour) > person {
        let kind = TieClass.of(person, Int(neighbour), in: forest).rawValue
        ties[kind] += 1
        perPerson[kind][person] += 1
        perPerson[kind][Int(neighbour)] += 1
      }
    }
    var possible = [Int](repeating: 0, count: TieClass.allCases.count)
    possible[TieClass.direct.rawValue] = forest.linkCount
    var perDepth = [Int](repeating: 0, count: forest.maximumDepth + 1)
    for person in forest.order {
      let depth = Int(forest.depth[Int(person)])
      perDepth[depth] += 1
      if depth >= 1 { possible[TieClass.skip.rawValue] += depth - 1 }
    }
    possible[TieClass.horizontal.rawValue] = perDepth.reduce(0) { $0 + $1 * ($1 - 1) / 2 }
    let placed = forest.placedCount
    possible[TieClass.diagonal.rawValue] =
      placed * (placed - 1) / 2 - possible[0] - possible[1] - possible[2]
    self.ties = ties
    self.possible = possible
    self.perPerson = perPerson
  }

  /// Strong ties of `kind` over its possible pairs; `nil` when none are possible.
  package func density(_ kind: TieClass) -> Double? {
    let pairs = possible[kind.rawValue]
    return kind == .unplaced || pairs == 0 ? nil : Double(ties[kind.rawValue]) / Double(pairs)
  }

  /// Vertical (direct + skip) ties over vertical pairs; `nil` when none are possible.
  package var verticalDensity: Double? {
    let pairs = possible[TieClass.direct.rawValue] + possible[TieClass.skip.rawValue]
    let found = ties[TieClass.direct.rawValue] + ties[TieClass.skip.rawValue]
    return pairs == 0 ? nil : Double(found) / Double(pairs)
  }

  /// Horizontal density over vertical density; `nil` when either is
  /// undefined or the vertical density is 0.
  package var horizontalToVertical: Double? {
    guard let horizontal = density(.horizontal), let vertical = verticalDensity, vertical > 0
    else { return nil }
    return horizontal / vertical
  }
}
