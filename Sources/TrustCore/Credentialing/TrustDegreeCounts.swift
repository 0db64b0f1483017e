/// Everyone's first- and second-degree counts on the strong-tie graph: how
/// many people each person trusts, and how many are pre-credentialed to them.
///
/// Second degrees are exact where that is affordable and estimated where it
/// is not (``SecondDegreePlan``): people with the same neighbours are counted
/// once for all of them, which settles stars and their kin exactly, and
/// what would cost more than the budget is estimated with HyperLogLog
/// counters (``SecondDegreeEstimator``), each estimate with its relative
/// error in ``secondDegreeError``. `exact: true` counts everything exactly.
///
/// ```swift
/// let counts = TrustDegreeCounts(graph)
/// print(counts.secondDegree[0], counts.meanSecondDegree)
/// print(counts.isEstimated(0))  // false on small networks: everything exact
/// ```
///
/// - Complexity: O(*n* + *m*) besides the exact counts, which take at most
///   O(2^10 *n* + *m*) work unless `exact` (then O(Σ_v deg(v)²) at worst);
///   spread over every core, on the adjacency renumbered breadth first
///   (``LocalGraph``; O(*n* + *m*) memory when not given); each worker keeps
///   one array of 16-bit stamps, so O(*n*) more per core.
package struct TrustDegreeCounts: Sendable, Hashable {
  /// |first(P)| for each person.
  package var firstDegree: [Int32]
  /// |second(P)|, people at distance exactly 2, for each person (an
  /// estimate where ``secondDegreeError`` is above 0).
  package var secondDegree: [Int32]
  /// Each person's second degree's relative standard error: 0 where it is
  /// exact. Empty when every second degree is exact.
  package var secondDegreeError: [Float]

  /// Counts on `graph`; `exact` forbids estimates.
  package init(_ graph: TrustGraph, exact: Bool = false) {
    self.init(LocalGraph(graph), exact: exact)
  }

  /// Counts on the graph `local` renumbers, where a person's friends and
  /// theirs sit close in memory (a third faster on a million people);
  /// `exact` forbids estimates; `budget` is for tests that want estimates
  /// on small graphs. `progress` hears the share of people counted, once
  /// per block of a thousand or so.
  package init(
    _ local: LocalGraph, exact: Bool = false, budget: SecondDegreePlan.Budget = .standard,
    progress: ProgressHook? = nil
  ) {
    let count = local.personCount
    let first = HugePageBuffer<Int32>(uninitializedCount: count)
    let second = HugePageBuffer<Int32>(uninitializedCount: count)
    var errors: [Float] = []
    local.withAdjacency { adjacency in
      let plan = SecondDegreePlan(adjacency, exact: exact, budget: budget)
      local.order.withUnsafeBufferPointer { order in
        for node in 0..<count {
          first.pointer[Int(order[node])] = Int32(adjacency.degree(of: node))
        }
        if plan.everyone {
          let counter = ProgressCounter(progress, total: count)
          Self.countExactly(
            nil, in: adjacency, order: order, into: second.pointer, progress: counter)
          return
        }
        // By node, then copied to each class member, then put in file order.
        let counter = ProgressCounter(progress, total: plan.exact.count + plan.estimated.count)
        let byNode = HugePageBuffer<Int32>(uninitializedCount: count)
        Self.countExactly(
          plan.exact, in: adjacency, order: nil, into: byNode.pointer, progress: counter)
        guard plan.estimated.count > 0 else {
          for node in 0..<count { second.pointer[Int(order[node])] = byNode.pointer[node] }
          return
        }
        let errorByNode = HugePageBuffer<Float>(repeating: 0, count: count)
        SecondDegreeEstimator.estimate(
          plan.estimated, in: adjacency, second: byNode.pointer.baseAddress.unsafelyUnwrapped,
          error: errorByNode.pointer.baseAddress.unsafelyUnwrapped, progress: counter)
        errors = [Float](repeating: 0, count: count)
        for node in 0..<count {
          second.pointer[Int(order[node])] = byNode.pointer[node]
          errors[Int(order[node])] = errorByNode.pointer[node]
        }
      }
    }
    firstDegree = first.array
    secondDegree = second.array
    secondDegreeError = errors
  }

  /// Whether `person`'s second degree is an estimate.
  package func isEstimated(_ person: Int) -> Bool {
    !secondDegreeError.isEmpty && secondDegreeError[person] > 0
  }

  /// Whether any second degree is an estimate.
  package var hasEstimates: Bool { !secondDegreeError.isEmpty }

  /// Exact second degrees of the first member of each of `classes`,
  /// written for every member (everyone, one by one, when `nil`); by node,
  /// or by person when `order` is given; each block done is added to `progress`.
  private static func countExactly(
    _ classes: NeighbourhoodClasses?, in adjacency: AdjacencyHandle,
    order: UnsafeBufferPointer<Int32>?, into output: UnsafeMutableBufferPointer<Int32>,
    progress: ProgressCounter? = nil
  ) {
    let count = adjacency.nodeCount
    let items = classes?.count ?? count
    // 16-bit stamps: half the cache footprint of 32-bit ones, cleared once
    // every 65,535 people a worker visits.
    let stamps = (0..<workerCount).map { _ in HugePageBuffer<UInt16>(repeating: 0, count: count) }
    let lastStamps = HugePageBuffer<UInt16>(repeating: 0, count: workerCount)
    let shared = UnsafeSendable((order, output))
    forEachBlockInParallel(count: items, block: classes == nil ? 1024 : 64) { worker, range in
      let (order, output) = shared.value
      let stamp = stamps[worker].pointer
      var mark = lastStamps.pointer[worker]
      let batch = NeighbourRowBatch()
      defer { batch.deallocate() }
      for item in range {
        let node = classes.map { Int($0.nodes[$0.offsets[item]]) } ?? item
        if mark == UInt16.max {
          stamp.update(repeating: 0)
          mark = 0
        }
        mark &+= 1
        stamp[node] = mark
        for slot in adjacency.row(of: node) { stamp[adjacency.target(at: slot)] = mark }
        var found: Int32 = 0
        adjacency.forEachNeighbourRow(of: node, in: adjacency.rows, batch: batch) { row in
          // Branch-free: whether a friend's friend is new is a coin toss
          // to the branch predictor, so count the comparison and always store.
          for next in row {
            let other = adjacency.target(at: next)
            found &+= stamp[other] != mark ? 1 : 0
            stamp[other] = mark
          }
        }
        if let classes {
          for position in classes.offsets[item]..<classes.offsets[item + 1] {
            output[Int(classes.nodes[position])] = found
          }
        } else {
          output[order.map { Int($0[node]) } ?? node] = found
        }
      }
      lastStamps.pointer[worker] = mark
      progress?.add(range.count)
    }
  }

  /// The mean first degree (0 for an empty network).
  package var meanFirstDegree: Double { mean(firstDegree) }
  /// The mean second degree (0 for an empty network).
  package var meanSecondDegree: Double { mean(secondDegree) }

  /// The relative error of ``meanSecondDegree``: the estimates' errors
  /// weighted by their share of the total (the counters' errors are
  /// correlated, so they are not assumed to cancel); 0 when everything is exact.
  package var meanSecondDegreeError: Double {
    guard hasEstimates else { return 0 }
    var total = 0.0
    var uncertain = 0.0
    for (value, error) in zip(secondDegree, secondDegreeError) {
      total += Double(value)
      uncertain += Double(value) * Double(error)
    }
    return total > 0 ? uncertain / total : Double(secondDegreeError.max() ?? 0)
  }

  /// The largest second degree, and its relative error (0 when exact; of
  /// all the people with the largest figure, the least uncertain).
  package var largestSecondDegree: (value: Int, error: Double) {
    var best: Int32 = 0
    var error: Float = 0
    for person in secondDegree.indices {
      let value = secondDegree[person]
      let uncertainty = secondDegreeError.isEmpty ? 0 : secondDegreeError[person]
      if value > best || (value == best && uncertainty < error) {
        best = value
        error = uncertainty
      }
    }
    return (Int(best), Double(error))
  }

  private func mean(_ values: [Int32]) -> Double {
    values.isEmpty ? 0 : Double(values.reduce(0) { $0 + Int($1) }) / Double(values.count)
  }
}
