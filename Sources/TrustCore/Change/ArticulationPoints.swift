/// The people whose leaving would split trust: the articulation points of a
/// graph, each with how many people would no longer be connected to the
/// largest part of their component (docs/design.md, 'Keystones').
///
/// One depth-first walk per component with an explicit stack (Hopcroft and
/// Tarjan's low points; no recursion, so a chain of a million people is
/// fine). When a walk leaves a child whose subtree cannot reach above the
/// parent (low ≥ the parent's number), that subtree is a piece the parent's
/// leaving would cut off; the rest of the component is the parent's other
/// piece. The largest piece stays; everyone in the others is cut off.
///
/// ```swift
/// let points = ArticulationPoints(offsets: graph.offsets, targets: graph.targets)
/// points.cutOff[rosa]   // people cut off from the largest part if Rosa left; 0 if none
/// ```
///
/// - Complexity: O(*n* + *m*) time and O(*n*) memory.
package struct ArticulationPoints: Sendable, Hashable {
  /// Per vertex, how many would be cut off from the largest remaining part
  /// of its component if it left (0 for a vertex that is no articulation point).
  package var cutOff: [Int]
  /// Per vertex, how many parts its component falls into without it (0 for
  /// a vertex that is no articulation point).
  package var parts: [Int]

  /// Whether `vertex` is an articulation point.
  package func isArticulation(_ vertex: Int) -> Bool { parts[vertex] > 0 }

  /// The articulation points of the undirected graph whose vertex `v` has
  /// the neighbours `targets[offsets[v] ..< offsets[v + 1]]` (no self-loops,
  /// each edge once per end).
  package init(offsets: [Int], targets: [Int32]) {
    let count = offsets.count - 1
    var cutOff = [Int](repeating: 0, count: count)
    var parts = [Int](repeating: 0, count: count)
    var number = [Int32](repeating: -1, count: count)
    var low = [Int32](repeating: 0, count: count)
    var parent = [Int32](repeating: -1, count: count)
    var size = [Int32](repeating: 0, count: count)
    // Per vertex: the pieces its leaving cuts off (count, total size, largest).
    var pieces = [Int32](repeating: 0, count: count)
    var piecesSize = [Int32](repeating: 0, count: count)
    var largestPiece = [Int32](repeating: 0, count: count)
    var next = [Int](repeating: 0, count: count)
    var stack: [Int32] = []
    var visited: [Int32] = []
    var clock: Int32 = 0
    for root in 0..<count where number[root] < 0 {
      visited.removeAll(keepingCapacity: true)
      number[root] = clock
      low[root] = clock
      clock += 1
      size[root] = 1
      next[root] = offsets[root]
      stack.append(Int32(truncatingIfNeeded: root))
      visited.append(Int32(truncatingIfNeeded: root))
      while let top = stack.last {
        let v = Int(top)
        if next[v] < offsets[v + 1] {
          let w = Int(targets[next[v]])
          next[v] += 1
          if number[w] < 0 {
            parent[w] = top
            number[w] = clock
            low[w] = clock
            clock += 1
            size[w] = 1
            next[w] = offsets[w]
            stack.append(targets[next[v] - 1])
            visited.append(Int32(truncatingIfNeeded: w))
          } else if Int32(truncatingIfNeeded: w) != parent[v] {
            low[v] = min(low[v], number[w])
          }
          continue
        }
        stack.removeLast()
        let p = Int(parent[v])
        guard p >= 0 else { continue }
        low[p] = min(low[p], low[v])
        size[p] += size[v]
        if low[v] >= number[p] {
          pieces[p] += 1
          piecesSize[p] += size[v]
          largestPiece[p] = max(largestPiece[p], size[v])
        }
      }
      // The component's size, then each cut vertex's pieces against it.
      let component = Int(size[root])
      for vertex in visited {
        let v = Int(vertex)
        let isRoot = v == root
        let separated = Int(pieces[v])
        guard isRoot ? separated >= 2 : separated >= 1 else { continue }
        let rest = component - 1 - Int(piecesSize[v])  // the parent's side (0 at the root)
        let largest = max(Int(largestPiece[v]), rest)
        parts[v] = separated + (rest > 0 ? 1 : 0)
        cutOff[v] = component - 1 - largest
      }
    }
    self.cutOff = cutOff
    self.parts = parts
  }
}
