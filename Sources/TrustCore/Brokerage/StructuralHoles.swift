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
/// let holes = StructuralHoles(graph)
/// holes.constraint[ana]    // 1 for a single contact; lower across holes
/// ```
///
/// - Complexity: that of ``ContactOverlap``.
package struct StructuralHoles: Sendable, Hashable {
  /// Each person's constraint; `nil` without strong ties.
  package var constraint: [Double?]
  /// Each person's effective size; `nil` without strong ties.
  package var effectiveSize: [Double?]
  /// Effective size over degree; `nil` without strong ties.
  package var efficiency: [Double?]

  /// The measures on `graph`.
  package init(_ graph: TrustGraph) {
    self.init(graph, overlap: ContactOverlap(graph))
  }

  /// The measures from an overlap already scanned (with or without groups).
  package init(_ graph: TrustGraph, overlap: ContactOverlap) {
    func defined(_ value: Double) -> Double? { value.isNaN ? nil : value }
    constraint = overlap.constraint.map(defined)
    effectiveSize = overlap.effectiveSize.map(defined)
    efficiency = (0..<graph.personCount).map { person in
      let size = overlap.effectiveSize[person]
      return size.isNaN ? nil : size / Double(graph.degree(of: person))
    }
  }
}
