/// The mixing of an attribute's values over the strong ties whose two ends
/// have a value: Newman's assortativity, the network E-I index, and each
/// value's internal and external ties.
///
/// ```swift
/// let column = network.people.attributeColumn("team")
/// let mixing = Mixing(graph, codes: column.codes, valueCount: column.values.count)
/// print(mixing.assortativity ?? "n/a", mixing.eiIndex ?? "n/a")
/// ```
///
/// - Complexity: O(*n* + *m*) time, O(*K*) memory for *K* values.
struct Mixing {
  /// Newman's assortativity; `nil` with no such tie or one value only.
  var assortativity: Double?
  /// (external − internal) / all, over those ties; `nil` with none.
  var eiIndex: Double?
  /// Per value, the ties with both ends at it.
  var internalByValue: [Int]
  /// Per value, the ties from it to another value.
  var externalByValue: [Int]

  /// The mixing of `codes` (one per person, -1: no value) on `graph`.
  init(_ graph: TrustGraph, codes: [Int32], valueCount: Int) {
    var internalByValue = [Int](repeating: 0, count: valueCount)
    var externalByValue = [Int](repeating: 0, count: valueCount)
    // Each undirected tie once (person < neighbour): a_i counts ends at i.
    var ends = [Int](repeating: 0, count: valueCount)
    var internalTotal = 0
    var ties = 0
    for person in 0..<graph.personCount {
      let own = codes[person]
      if own < 0 { continue }
      for neighbour in graph.neighbours(of: person) where Int(neighbour) > person {
        let other = codes[Int(neighbour)]
        if other < 0 { continue }
        ties += 1
        ends[Int(own)] += 1
        ends[Int(other)] += 1
        if own == other {
          internalTotal += 1
          internalByValue[Int(own)] += 1
        } else {
          externalByValue[Int(own)] += 1
          externalByValue[Int(other)] += 1
        }
      }
    }
    self.internalByValue = internalByValue
    self.externalByValue = externalByValue
    guard ties > 0 else {
      assortativity = nil
      eiIndex = nil
      return
    }
    eiIndex = Double(ties - 2 * internalTotal) / Double(ties)
    // Newman: r = (Σ e_ii − Σ a_i²) / (1 − Σ a_i²), with e the symmetric mixing matrix.
    let total = Double(2 * ties)
    let trace = Double(2 * internalTotal) / total
    var sumOfSquares = 0.0
    for count in ends {
      let share = Double(count) / total
      sumOfSquares += share * share
    }
    let denominator = 1 - sumOfSquares
    assortativity = denominator > 1e-15 ? (trace - sumOfSquares) / denominator : nil
  }
}
