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
    var componentOf = [Int32](repeating: -1, count: graph.personCount)
    var sizes: [Int] = []
    var queue = [Int32](repeating: 0, count: graph.personCount)
    componentOf.withUnsafeMutableBufferPointer { componentOf in
      queue.withUnsafeMutableBufferPointer { queue in
        graph.offsets.withUnsafeBufferPointer { offsets in
          graph.targets.withUnsafeBufferPointer { targets in
            for start in 0..<graph.personCount where componentOf[start] < 0 {
              let component = Int32(truncatingIfNeeded: sizes.count)
              componentOf[start] = component
              queue[0] = Int32(truncatingIfNeeded: start)
              var head = 0
              var tail = 1
              while head < tail {
                let person = Int(queue[head])
                head += 1
                for slot in offsets[person]..<offsets[person + 1] {
                  let neighbour = Int(targets[slot])
                  if componentOf[neighbour] < 0 {
                    componentOf[neighbour] = component
                    queue[tail] = targets[slot]
                    tail += 1
                  }
                }
              }
              sizes.append(tail)
            }
          }
        }
      }
    }
    self.componentOf = componentOf
    self.sizes = sizes
  }
}
