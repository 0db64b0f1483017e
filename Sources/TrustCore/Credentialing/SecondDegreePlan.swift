/// Which second degrees ``TrustDegreeCounts`` counts exactly and which it
/// estimates, so that the whole costs time in proportion to the ties rather
/// than to Σ deg²: a hub's million neighbours are walked once, not once per
/// neighbour.
///
/// Counting person P exactly walks every neighbour's row: P's *work* is
/// Σ_{F ∈ first(P)} deg F. People whose rows are the same (``NeighbourhoodClasses``)
/// have the same second degree, so each class is counted once, for its
/// first member; a class's work per member is its work over its size.
/// Counted exactly, cheapest per member first:
///
/// - everyone whose work is at most ``Budget/cheapWork`` (an estimate costs about as much);
/// - every class whose work per member is at most ``Budget/cheapWork`` (a star's
///   leaves: one walk of the hub's row for all of them);
/// - further classes while their work adds up to at most
///   ``Budget/extraWorkPerTieEnd`` × (*n* + 2*m*).
///
/// The rest are estimated (``SecondDegreeEstimator``), once per class. With
/// `exact`, every class is counted exactly. When everyone's work together
/// fits the budget, everyone is counted directly, as before there were plans.
///
/// ```swift
/// let plan = local.withAdjacency { SecondDegreePlan($0, exact: false) }
/// print(plan.exact.count, plan.estimated.count)  // classes counted, classes estimated
/// ```
///
/// - Complexity: O(*n* + *m* + *k* log *k*) for the *k* people whose work is
///   above ``Budget/cheapWork``; memory O(*n*).
package struct SecondDegreePlan: Sendable {
  /// How much exact counting the plan affords.
  package struct Budget: Sendable, Hashable {
    /// Work at or below which a person or class (per member) is always counted exactly.
    package var cheapWork = 1024
    /// The budget for the other exact counts, per person and tie end.
    package var extraWorkPerTieEnd = 4
    /// The budget `trustmap` uses.
    package static let standard = Budget()
  }

  /// Whether everyone is counted directly (no classes): the work fits the budget.
  let everyone: Bool
  /// Classes counted exactly (a single person is a class of one).
  let exact: NeighbourhoodClasses
  /// Classes estimated.
  let estimated: NeighbourhoodClasses

  /// The plan for `adjacency` within `limits`; with `exact`, nothing is estimated.
  init(_ adjacency: AdjacencyHandle, exact forced: Bool, budget limits: Budget = .standard) {
    let count = adjacency.nodeCount
    let tieEnds = adjacency.targets.count
    let cheapWork = limits.cheapWork
    let budget = limits.extraWorkPerTieEnd * (count + tieEnds)
    // Each person's work (saturating: a few hubs' sums can be large).
    var work = [Int](repeating: 0, count: count)
    var total = 0
    for node in 0..<count {
      var sum = 0
      for slot in adjacency.row(of: node) {
        sum &+= adjacency.degree(of: adjacency.target(at: slot))
      }
      work[node] = sum
      total &+= sum
    }
    let empty = NeighbourhoodClasses(of: [], in: adjacency)
    if total <= cheapWork * count || total <= budget {
      everyone = true
      exact = empty
      estimated = empty
      return
    }
    everyone = false
    var singles: [Int32] = []
    var costly: [Int32] = []
    for node in 0..<count {
      if work[node] <= cheapWork {
        singles.append(Int32(truncatingIfNeeded: node))
      } else {
        costly.append(Int32(truncatingIfNeeded: node))
      }
    }
    let classes = NeighbourhoodClasses(of: costly, in: adjacency)
    // Cheapest per member first; ties by first member, so the plan is the same everywhere.
    let byCost = (0..<classes.count).sorted { a, b in
      let costA = work[Int(classes.nodes[classes.offsets[a]])]
      let costB = work[Int(classes.nodes[classes.offsets[b]])]
      let sizeA = classes.offsets[a + 1] - classes.offsets[a]
      let sizeB = classes.offsets[b + 1] - classes.offsets[b]
      // costA / sizeA < costB / sizeB, without rounding.
      let left = costA.multipliedFullWidth(by: sizeB)
      let right = costB.multipliedFullWidth(by: sizeA)
      return left != right ? left < right : a < b
    }
    var counted: [Int] = []
    var guessed: [Int] = []
    var spent = 0
    for index in byCost {
      let cost = work[Int(classes.nodes[classes.offsets[index]])]
      let size = classes.offsets[index + 1] - classes.offsets[index]
      if forced || cost <= cheapWork * size || spent &+ cost <= budget {
        if cost > cheapWork * size { spent &+= cost }
        counted.append(index)
      } else {
        guessed.append(index)
      }
    }
    exact = Self.classes(singles: singles, picked: counted.sorted(), from: classes)
    estimated = Self.classes(singles: [], picked: guessed.sorted(), from: classes)
  }

  /// `singles` as classes of one, then the `picked` classes of `classes`.
  private static func classes(
    singles: [Int32], picked: [Int], from classes: NeighbourhoodClasses
  ) -> NeighbourhoodClasses {
    var offsets = [0]
    var nodes: [Int32] = []
    offsets.reserveCapacity(singles.count + picked.count + 1)
    for node in singles {
      nodes.append(node)
      offsets.append(nodes.count)
    }
    for index in picked {
      nodes.append(contentsOf: classes.members(of: index))
      offsets.append(nodes.count)
    }
    return NeighbourhoodClasses(offsets: offsets, nodes: nodes)
  }
}
