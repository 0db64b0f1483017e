/// The connected components of the strong-tie graph.
///
/// ```swift
/// let parts = Components(graph)
/// print(parts.count, parts.largestSize)
/// ```
///
/// - Complexity: O(*n* + *m*), breadth-first with an explicit queue (no recursion).
package struct Components: Sendable, Hashable {
  /// Each person's component number; components are numbered in order of their
  /// earliest member in the file.
  package let componentOf: [Int32]
  /// The size of each component.
  package let sizes: [Int]

  /// How many components (an isolate is one).
  package var count: Int { sizes.count }
  /// The size of the largest component (0 for an empty network).
  package var largestSize: Int { sizes.max() ?? 0 }

  /// Finds the components of `graph`.
  package init(_ graph: TrustGraph) {
    let (order, runEnds) = LocalGraph.breadthFirstWalk(graph)
    self.init(order: order, runEnds: runEnds)
  }

  /// The components `local`'s walk found (no second walk).
  package init(_ local: LocalGraph) {
    self.init(order: local.order, runEnds: local.componentEnds)
  }

  private init(order: [Int32], runEnds: [Int]) {
    var componentOf = [Int32](repeating: 0, count: order.count)
    var sizes: [Int] = []
    sizes.reserveCapacity(runEnds.count)
    var start = 0
    for (component, end) in runEnds.enumerated() {
      for position in start..<end {
        componentOf[Int(order[position])] = Int32(truncatingIfNeeded: component)
      }
      sizes.append(end - start)
      start = end
    }
    self.componentOf = componentOf
    self.sizes = sizes
  }
}
