/// Degrees of trust for one person (docs/design.md §5.1): first degree (strong-tie
/// neighbours), second degree (at distance exactly 2: pre-credentialed), and
/// who introduces each second-degree person.
///
/// ```swift
/// let reach = TrustReach(graph, person: ana)
/// for (index, other) in reach.secondDegree.enumerated() {
///   print(other, "is pre-credentialed by", reach.introducers[index])
/// }
/// ```
///
/// - Complexity: O(Σ degree of first-degree people), plus sorting the second degree.
package struct TrustReach: Sendable, Hashable {
  /// The person, as an index.
  package var person: Int
  /// Strong-tie neighbours, ascending (file order).
  package var firstDegree: [Int32]
  /// People at distance exactly 2, ascending.
  package var secondDegree: [Int32]
  /// For each second-degree person (same position), first(P) ∩ first(X), ascending.
  package var introducers: [[Int32]]

  /// Computes the reach of `person` on `graph`.
  package init(_ graph: TrustGraph, person: Int) {
    self.person = person
    firstDegree = Array(graph.neighbours(of: person))
    var slot = [Int32](repeating: -1, count: graph.personCount)
    slot[person] = -2
    for friend in firstDegree { slot[Int(friend)] = -2 }
    var second: [Int32] = []
    var lists: [[Int32]] = []
    for friend in firstDegree {
      for other in graph.neighbours(of: Int(friend)) {
        let mark = slot[Int(other)]
        if mark == -2 { continue }
        if mark == -1 {
          slot[Int(other)] = Int32(truncatingIfNeeded: second.count)
          second.append(other)
          lists.append([friend])
        } else {
          lists[Int(mark)].append(friend)
        }
      }
    }
    let order = second.indices.sorted { second[$0] < second[$1] }
    secondDegree = order.map { second[$0] }
    introducers = order.map { lists[$0] }
  }
}
