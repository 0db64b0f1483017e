/// A breadth-first search from many people at once that stops `depth`
/// strong ties out: who a community's trust reaches (its near group).
///
/// The marks, distances and queue are kept from one search to the next, so
/// many communities cost what each explores, not O(*n*) apiece.
///
/// ```swift
/// var search = BoundedSearch(personCount: graph.personCount)
/// search.run(graph, from: community.members, depth: 1)
/// let near = search.reached.count - search.sourceCount   // non-members within one tie
/// ```
///
/// - Complexity: per search, O(Σ degrees of the people it reaches short of
///   `depth`), with an explicit queue (no recursion); O(*n*) memory once.
struct BoundedSearch {
  private var marks: MembershipMarks
  private var distance: [Int32]
  /// Everyone reached by the last search, sources first, in the order reached.
  private(set) var reached: [Int32] = []
  /// How many distinct sources the last search started from.
  private(set) var sourceCount = 0

  init(personCount: Int) {
    marks = MembershipMarks(personCount: personCount)
    distance = [Int32](repeating: 0, count: personCount)
  }

  /// Whether the last search reached `person`.
  func contains(_ person: Int) -> Bool { marks.contains(person) }

  /// Searches `graph` from `sources`, at most `depth` ties out.
  mutating func run(_ graph: TrustGraph, from sources: [Int32], depth: Int) {
    marks.reset()
    reached.removeAll(keepingCapacity: true)
    for source in sources where !marks.contains(Int(source)) {
      marks.insert(Int(source))
      distance[Int(source)] = 0
      reached.append(source)
    }
    sourceCount = reached.count
    var head = 0
    while head < reached.count {
      let current = Int(reached[head])
      head += 1
      let next = distance[current] + 1
      if next > depth { continue }
      for neighbour in graph.neighbours(of: current) where !marks.contains(Int(neighbour)) {
        marks.insert(Int(neighbour))
        distance[Int(neighbour)] = next
        reached.append(neighbour)
      }
    }
  }
}
