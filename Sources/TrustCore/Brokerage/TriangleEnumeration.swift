/// Every triangle of the strong-tie graph, each once, with the positions
/// (slots in the compressed adjacency) of its three ties in both directions:
/// what Gould–Fernandez's closed pairs and Burt's indirect ties are made of.
///
/// People are ranked by degree (then index) and each tie is followed only
/// upwards, the "forward" algorithm (Schank & Wagner, 2005): a triangle is
/// found from its lowest-ranked corner, and no hub scans its whole
/// neighbourhood against other hubs.
///
/// ```swift
/// let triangles = TriangleEnumeration(graph)
/// triangles.forEachTriangle { t in print(t.a, t.b, t.c) }  // each triangle once
/// ```
///
/// - Complexity: O(*m* √*m*) time in the worst case, far less on sparse
///   graphs; O(*n* + *m*) memory.
package struct TriangleEnumeration: Sendable {
  /// One triangle {a, b, c} and the slots of its ties: `ab` is the slot of
  /// b in a's row, `ba` the slot of a in b's row, and so on.
  package struct Triangle {
    package var a: Int
    package var b: Int
    package var c: Int
    package var ab: Int
    package var ba: Int
    package var ac: Int
    package var ca: Int
    package var bc: Int
    package var cb: Int
  }

  private let graph: TrustGraph
  /// For each slot, the slot of the same tie seen from its other end.
  package let reverseSlot: [Int]
  /// `upOffsets[p] ..< upOffsets[p + 1]` index ``upSlots`` for person `p`.
  private let upOffsets: [Int]
  /// The slots of each person's ties to higher-ranked people.
  private let upSlots: [Int]

  package init(_ graph: TrustGraph) {
    self.graph = graph
    let count = graph.personCount
    let offsets = graph.offsets
    let targets = graph.targets
    // Rows are sorted, so person p is the k-th lower neighbour of q exactly
    // when q is met for the k-th time walking p = 0, 1, …: a cursor per person.
    var reverse = [Int](repeating: 0, count: targets.count)
    var cursor = Array(offsets.dropLast())
    for person in 0..<count {
      for slot in offsets[person]..<offsets[person + 1] {
        let other = Int(targets[slot])
        guard other > person else { continue }
        let back = cursor[other]
        cursor[other] += 1
        reverse[slot] = back
        reverse[back] = slot
      }
    }
    func ranksAbove(_ p: Int, _ q: Int) -> Bool {
      let dp = offsets[p + 1] - offsets[p]
      let dq = offsets[q + 1] - offsets[q]
      return dq > dp || (dq == dp && q > p)
    }
    var upOffsets = [Int](repeating: 0, count: count + 1)
    var upSlots: [Int] = []
    upSlots.reserveCapacity(targets.count / 2)
    for person in 0..<count {
      for slot in offsets[person]..<offsets[person + 1]
      where ranksAbove(person, Int(targets[slot])) {
        upSlots.append(slot)
      }
      upOffsets[person + 1] = upSlots.count
    }
    reverseSlot = reverse
    self.upOffsets = upOffsets
    self.upSlots = upSlots
  }

  /// Hands `visitor` every triangle once, lowest-ranked corner first.
  ///
  /// Generic rather than a closure, so each visitor's arithmetic is
  /// specialised into the loop and its state stays in registers and buffer
  /// pointers (a captured array would be boxed and checked on every write).
  package func visit<Visitor: TriangleVisitor>(_ visitor: inout Visitor) {
    let count = graph.personCount
    // markSlot[w]: the slot of w in the current person's row, when stamped.
    let stamp = UnsafeMutableBufferPointer<UInt32>.allocate(capacity: max(1, count))
    let markSlot = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(1, count))
    stamp.initialize(repeating: 0)
    markSlot.initialize(repeating: 0)
    defer {
      stamp.deallocate()
      markSlot.deallocate()
    }
    graph.targets.withUnsafeBufferPointer { targets in
      upOffsets.withUnsafeBufferPointer { upOffsets in
        upSlots.withUnsafeBufferPointer { upSlots in
          reverseSlot.withUnsafeBufferPointer { reverse in
            var current: UInt32 = 0
            for a in 0..<count {
              let first = upOffsets[a]
              let end = upOffsets[a &+ 1]
              guard end &- first >= 2 else { continue }
              current &+= 1
              if current == 0 {
                stamp.update(repeating: 0)
                current = 1
              }
              for index in first..<end {
                let slot = upSlots[index]
                let w = Int(targets[slot])
                stamp[w] = current
                markSlot[w] = slot
              }
              for index in first..<end {
                let ab = upSlots[index]
                let b = Int(targets[ab])
                for other in upOffsets[b]..<upOffsets[b &+ 1] {
                  let bc = upSlots[other]
                  let c = Int(targets[bc])
                  guard stamp[c] == current else { continue }
                  let ac = markSlot[c]
                  visitor.visit(
                    Triangle(
                      a: a, b: b, c: c, ab: ab, ba: reverse[ab], ac: ac, ca: reverse[ac], bc: bc,
                      cb: reverse[bc]))
                }
              }
            }
          }
        }
      }
    }
  }

  /// Calls `body` once per triangle, lowest-ranked corner first (for tests
  /// and small work; hot loops use ``visit(_:)``).
  package func forEachTriangle(_ body: (Triangle) -> Void) {
    withoutActuallyEscaping(body) { body in
      var visitor = ClosureVisitor(body: body)
      visit(&visitor)
    }
  }
}

/// Something that takes each triangle of a ``TriangleEnumeration`` in turn.
package protocol TriangleVisitor {
  /// Takes one triangle.
  mutating func visit(_ triangle: TriangleEnumeration.Triangle)
}

/// Two visitors fed by one enumeration.
package struct BothVisitors<First: TriangleVisitor, Second: TriangleVisitor>: TriangleVisitor {
  package var first: First
  package var second: Second

  package init(_ first: First, _ second: Second) {
    self.first = first
    self.second = second
  }

  @inline(__always)
  package mutating func visit(_ triangle: TriangleEnumeration.Triangle) {
    first.visit(triangle)
    second.visit(triangle)
  }
}

private struct ClosureVisitor: TriangleVisitor {
  let body: (TriangleEnumeration.Triangle) -> Void
  mutating func visit(_ triangle: TriangleEnumeration.Triangle) { body(triangle) }
}
