/// Burt's structural holes on the strong-tie graph weighted by strength,
/// exactly as networkx defines them with `weight="weight"`: a person whose
/// contacts all know each other is *constrained*; one whose contacts do not
/// spans holes and has a large *effective size*.
///
/// With p(u, v) = w(u, v) / Σ_x w(u, x) (0 when u has no weight) and
/// m(u, v) = w(u, v) / max_x w(u, x):
///
/// - constraint(u) = Σ_{v ∈ N(u)} (p(u, v) + Σ_{w ∈ N(u) ∩ N(v)} p(u, w) p(w, v))²;
/// - effective size(u) = Σ_{v ∈ N(u)} (1 − Σ_{w ∈ N(u) ∩ N(v)} p(u, w) m(v, w));
/// - efficiency(u) = effective size / degree;
///
/// all `nil` for a person with no strong tie.
///
/// ```swift
/// let holes = StructuralHoles(graph, triangles: TriangleEnumeration(graph))
/// holes.constraint[ana]    // 1 for a single contact; lower across holes
/// ```
///
/// - Complexity: O(*n* + *m*) plus one visit per triangle (six terms each).
package struct StructuralHoles: Sendable, Hashable {
  /// Each person's constraint; `nil` without strong ties.
  package var constraint: [Double?]
  /// Each person's effective size; `nil` without strong ties.
  package var effectiveSize: [Double?]
  /// Effective size over degree; `nil` without strong ties.
  package var efficiency: [Double?]

  package init(_ graph: TrustGraph, triangles: TriangleEnumeration) {
    let count = graph.personCount
    let offsets = graph.offsets
    let weights = graph.strengths
    var total = [Double](repeating: 0, count: count)
    var largest = [Double](repeating: 0, count: count)
    for person in 0..<count {
      for slot in offsets[person]..<offsets[person + 1] {
        total[person] += weights[slot]
        largest[person] = max(largest[person], weights[slot])
      }
    }
    // p(u, ·) and m(u, ·) for the tie at each slot of u's row.
    func p(_ u: Int, _ slot: Int) -> Double { total[u] > 0 ? weights[slot] / total[u] : 0 }
    func m(_ u: Int, _ slot: Int) -> Double { largest[u] > 0 ? weights[slot] / largest[u] : 0 }
    // Per slot (u → v): Σ over the third corners w of p(u, w) p(w, v); per
    // person: Σ over their ties of the redundancy Σ_w p(u, w) m(v, w).
    var indirect = [Double](repeating: 0, count: weights.count)
    var redundancy = [Double](repeating: 0, count: count)
    triangles.forEachTriangle { t in
      let (a, b, c) = (t.a, t.b, t.c)
      indirect[t.ab] += p(a, t.ac) * p(c, t.cb)
      indirect[t.ac] += p(a, t.ab) * p(b, t.bc)
      indirect[t.ba] += p(b, t.bc) * p(c, t.ca)
      indirect[t.bc] += p(b, t.ba) * p(a, t.ac)
      indirect[t.ca] += p(c, t.cb) * p(b, t.ba)
      indirect[t.cb] += p(c, t.ca) * p(a, t.ab)
      redundancy[a] += p(a, t.ac) * m(b, t.bc) + p(a, t.ab) * m(c, t.cb)
      redundancy[b] += p(b, t.bc) * m(a, t.ac) + p(b, t.ba) * m(c, t.ca)
      redundancy[c] += p(c, t.cb) * m(a, t.ab) + p(c, t.ca) * m(b, t.ba)
    }
    var constraint = [Double?](repeating: nil, count: count)
    var effectiveSize = [Double?](repeating: nil, count: count)
    var efficiency = [Double?](repeating: nil, count: count)
    for person in 0..<count {
      let degree = offsets[person + 1] - offsets[person]
      guard degree > 0 else { continue }
      var sum = 0.0
      for slot in offsets[person]..<offsets[person + 1] {
        let local = p(person, slot) + indirect[slot]
        sum += local * local
      }
      constraint[person] = sum
      let size = Double(degree) - redundancy[person]
      effectiveSize[person] = size
      efficiency[person] = size / Double(degree)
    }
    self.constraint = constraint
    self.effectiveSize = effectiveSize
    self.efficiency = efficiency
  }
}
