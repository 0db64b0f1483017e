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

  /// Calls `body` once per triangle, lowest-ranked corner first.
  package func forEachTriangle(_ body: (Triangle) -> Void) {
    let count = graph.personCount
    let targets = graph.targets
    // markSlot[w]: the slot of w in the current person's row, when stamped.
    var stamp = [UInt32](repeating: 0, count: count)
    var markSlot = [Int](repeating: 0, count: count)
    var current: UInt32 = 0
    for a in 0..<count {
      let ups = upOffsets[a]..<upOffsets[a + 1]
      guard ups.count >= 2 else { continue }
      current &+= 1
      if current == 0 {
        for index in stamp.indices { stamp[index] = 0 }
        current = 1
      }
      for index in ups {
        let slot = upSlots[index]
        let w = Int(targets[slot])
        stamp[w] = current
        markSlot[w] = slot
      }
      for index in ups {
        let ab = upSlots[index]
        let b = Int(targets[ab])
        for other in upOffsets[b]..<upOffsets[b + 1] {
          let bc = upSlots[other]
          let c = Int(targets[bc])
          guard stamp[c] == current else { continue }
          let ac = markSlot[c]
          body(
            Triangle(
              a: a, b: b, c: c, ab: ab, ba: reverseSlot[ab], ac: ac, ca: reverseSlot[ac], bc: bc,
              cb: reverseSlot[bc]))
        }
      }
    }
  }
}
