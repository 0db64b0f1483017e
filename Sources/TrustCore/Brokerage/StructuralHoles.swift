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
    var tally = Tally(graph)
    defer { tally.deallocate() }
    triangles.visit(&tally)
    self = tally.finish(graph)
  }

  /// The sums the triangles add to, in memory owned until ``deallocate()``:
  /// per slot (u → v), p(u, v), m(u, v) and the indirect Σ_w p(u, w) p(w, v);
  /// per person, the redundancy Σ over their ties of Σ_w p(u, w) m(v, w).
  package struct Tally: TriangleVisitor {
    private let share: UnsafeMutableBufferPointer<Double>
    private let relative: UnsafeMutableBufferPointer<Double>
    private let indirect: UnsafeMutableBufferPointer<Double>
    private let redundancy: UnsafeMutableBufferPointer<Double>

    package init(_ graph: TrustGraph) {
      let slots = graph.targets.count
      share = .allocate(capacity: max(1, slots))
      relative = .allocate(capacity: max(1, slots))
      indirect = .allocate(capacity: max(1, slots))
      redundancy = .allocate(capacity: max(1, graph.personCount))
      indirect.initialize(repeating: 0)
      redundancy.initialize(repeating: 0)
      share.initialize(repeating: 0)
      relative.initialize(repeating: 0)
      let offsets = graph.offsets
      let weights = graph.strengths
      for person in 0..<graph.personCount {
        let row = offsets[person]..<offsets[person + 1]
        let total = weights[row].reduce(0, +)
        let largest = weights[row].max() ?? 0
        for slot in row {
          share[slot] = total > 0 ? weights[slot] / total : 0
          relative[slot] = largest > 0 ? weights[slot] / largest : 0
        }
      }
    }

    @inline(__always)
    package mutating func visit(_ t: TriangleEnumeration.Triangle) {
      assert(t.cb < indirect.count && t.c < redundancy.count)
      let (ab, ba, ac, ca, bc, cb) = (t.ab, t.ba, t.ac, t.ca, t.bc, t.cb)
      indirect[ab] += share[ac] * share[cb]
      indirect[ac] += share[ab] * share[bc]
      indirect[ba] += share[bc] * share[ca]
      indirect[bc] += share[ba] * share[ac]
      indirect[ca] += share[cb] * share[ba]
      indirect[cb] += share[ca] * share[ab]
      redundancy[t.a] += share[ac] * relative[bc] + share[ab] * relative[cb]
      redundancy[t.b] += share[bc] * relative[ac] + share[ba] * relative[ca]
      redundancy[t.c] += share[cb] * relative[ab] + share[ca] * relative[ba]
    }

    /// The measures from the sums, once every triangle is visited.
    package func finish(_ graph: TrustGraph) -> StructuralHoles {
      let count = graph.personCount
      let offsets = graph.offsets
      var constraint = [Double?](repeating: nil, count: count)
      var effectiveSize = [Double?](repeating: nil, count: count)
      var efficiency = [Double?](repeating: nil, count: count)
      for person in 0..<count {
        let degree = offsets[person + 1] - offsets[person]
        guard degree > 0 else { continue }
        var sum = 0.0
        for slot in offsets[person]..<offsets[person + 1] {
          let local = share[slot] + indirect[slot]
          sum += local * local
        }
        constraint[person] = sum
        let size = Double(degree) - redundancy[person]
        effectiveSize[person] = size
        efficiency[person] = size / Double(degree)
      }
      return StructuralHoles(
        constraint: constraint, effectiveSize: effectiveSize, efficiency: efficiency)
    }

    /// Frees the sums.
    package func deallocate() {
      share.deallocate()
      relative.deallocate()
      indirect.deallocate()
      redundancy.deallocate()
    }
  }

  private init(constraint: [Double?], effectiveSize: [Double?], efficiency: [Double?]) {
    self.constraint = constraint
    self.effectiveSize = effectiveSize
    self.efficiency = efficiency
  }
}
