/// How each person's strong-tie contacts overlap: for every tie (u, v), the
/// contacts u and v share, summed into what Burt's structural holes and
/// Gould–Fernandez's closed pairs need (docs/design.md, 'Brokers').
///
/// Per person u and tie (u, v), over the shared contacts w (w ascending):
///
/// - indirect(u, v) = Σ_w p(u, w) p(w, v), squared with p(u, v) into u's constraint;
/// - Σ_w p(u, w) w(v, w), over max_x w(v, x) into u's redundancy (effective size);
/// - with groups, each pair {v, w} of u's contacts that share a tie, once,
///   counted by the role it would have given u had it been open.
///
/// Each intersection walks the shorter of the two rows: u's contacts are
/// marked, and either v's row is checked against the marks, or, when v has
/// more contacts than u, each of u's contacts is looked up in v's sorted row.
/// A hub's row is thus never walked once per contact.
///
/// ```swift
/// let overlap = ContactOverlap(graph, groups: column.codes)
/// overlap.constraint[ana]            // Burt's constraint
/// overlap.closedPairs[ana * 4 + 3]   // closed liaison pairs around Ana
/// ```
///
/// - Complexity: O(Σ over ties (u, v) of min(deg u, deg v) × log max(deg u,
///   deg v)), in blocks of people on every core; each person's figures are
///   summed by one worker in a fixed order, so the result is the same on any
///   number of cores. O(*n*) scratch memory per core.
package struct ContactOverlap: Sendable {
  /// Burt's constraint per person (NaN without strong ties).
  package var constraint: [Double]
  /// Burt's effective size per person (NaN without strong ties).
  package var effectiveSize: [Double]
  /// With groups: per person, four counts of closed pairs by role
  /// (coordinator, consultant, representative, liaison); empty without groups.
  package var closedPairs: [Int32]

  /// The overlap on `graph` (weighted by strength), scanned on `local`, the
  /// same graph renumbered breadth first, so that a person's contacts' rows
  /// sit near each other in memory (made here when not given); closed pairs
  /// by role when `groups` (one group per person, -1 for none) is given;
  /// `workers` threads at most (tests compare one with many).
  package init(
    _ graph: TrustGraph, local: LocalGraph? = nil, groups: [Int32]? = nil,
    workers: Int = workerCount
  ) {
    let local = local ?? LocalGraph(graph)
    let count = graph.personCount
    let order = local.order
    let localWeights = local.weights(of: graph)
    // Divided by, not multiplied by reciprocals: the figures then round as
    // networkx's own divisions do (0.34, not 0.33999999999999997).
    var total = [Double](repeating: 0, count: count)
    var largest = [Double](repeating: 0, count: count)
    for node in 0..<count {
      for slot in local.offsets[node]..<local.offsets[node + 1] {
        total[node] += localWeights[slot]
        largest[node] = max(largest[node], localWeights[slot])
      }
    }
    let localGroups = groups.map { groups in order.map { groups[Int($0)] } }
    let constraint = SharedBuffer<Double>(repeating: .nan, count: count)
    let effectiveSize = SharedBuffer<Double>(repeating: .nan, count: count)
    let closed = SharedBuffer<Int32>(repeating: 0, count: groups == nil ? 0 : count * 4)
    let scratch = (0..<workerCount).map { _ in OverlapScratch(personCount: count) }
    defer { for space in scratch { space.deallocate() } }
    local.offsets.withUnsafeBufferPointer { offsets in
      local.targets.withUnsafeBufferPointer { targets in
        localWeights.withUnsafeBufferPointer { weights in
          total.withUnsafeBufferPointer { total in
            largest.withUnsafeBufferPointer { largest in
              (localGroups ?? []).withUnsafeBufferPointer { groups in
                graph.offsets.withUnsafeBufferPointer { graphOffsets in
                  graph.targets.withUnsafeBufferPointer { graphTargets in
                    graph.strengths.withUnsafeBufferPointer { graphWeights in
                      order.withUnsafeBufferPointer { order in
                        let rows = OverlapRows(
                          offsets: offsets, targets: targets, weights: weights, total: total,
                          largest: largest, groups: groups.isEmpty ? nil : groups,
                          order: order, graphOffsets: graphOffsets, graphTargets: graphTargets,
                          graphWeights: graphWeights)
                        forEachBlockInParallel(count: count, block: 256, workers: workers) {
                          worker, range in
                          let space = scratch[worker]
                          for node in range {
                            rows.scan(
                              node, scratch: space, constraint: constraint.pointer,
                              effectiveSize: effectiveSize.pointer, closed: closed.pointer)
                          }
                        }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
    // Back from nodes to people.
    var byPerson = [Double](repeating: .nan, count: count)
    var sizes = [Double](repeating: .nan, count: count)
    var pairs = [Int32](repeating: 0, count: closed.pointer.count)
    for node in 0..<count {
      let person = Int(order[node])
      byPerson[person] = constraint.pointer[node]
      sizes[person] = effectiveSize.pointer[node]
      if groups != nil {
        for role in 0..<4 { pairs[person * 4 + role] = closed.pointer[node * 4 + role] }
      }
    }
    self.constraint = byPerson
    self.effectiveSize = sizes
    closedPairs = pairs
  }
}

/// The read-only rows a scan works from, as buffer pointers (shared by the
/// workers, which only read them): the renumbered graph, and the graph in
/// its own numbering, whose rows are sorted, for looking a contact up in a
/// hub's row.
private struct OverlapRows: @unchecked Sendable {
  let offsets: UnsafeBufferPointer<Int>
  let targets: UnsafeBufferPointer<Int32>
  let weights: UnsafeBufferPointer<Double>
  let total: UnsafeBufferPointer<Double>
  let largest: UnsafeBufferPointer<Double>
  let groups: UnsafeBufferPointer<Int32>?
  let order: UnsafeBufferPointer<Int32>
  let graphOffsets: UnsafeBufferPointer<Int>
  let graphTargets: UnsafeBufferPointer<Int32>
  let graphWeights: UnsafeBufferPointer<Double>

  /// A contact with this many times more ties than the person is looked up
  /// in, not walked: a hub's row is then never walked once per contact.
  static let hubFactor = 16

  /// The weight of the tie between `person` and `owner` (people, in the
  /// graph's own numbering), looked up in `owner`'s sorted row; `nil` when
  /// they share none.
  @inline(__always)
  func weight(between person: Int32, andRowOf owner: Int) -> Double? {
    var low = graphOffsets[owner]
    let end = graphOffsets[owner &+ 1]
    var high = end
    while low < high {
      let middle = (low &+ high) >> 1
      if graphTargets[middle] < person { low = middle &+ 1 } else { high = middle }
    }
    return low < end && graphTargets[low] == person ? graphWeights[low] : nil
  }

  /// The role of the pair {x, y} for a broker of group `broker`.
  @inline(__always)
  static func role(_ broker: Int32, _ x: Int32, _ y: Int32) -> Int {
    if x == y { return x == broker ? 0 : 1 }
    return x == broker || y == broker ? 2 : 3
  }

  /// Node `u`'s constraint, effective size and closed pairs. Shared contacts
  /// w are met in the order of the graph's own rows (ascending person index)
  /// in both ways of finding them, so every sum is added in one fixed order.
  @inline(__always)
  func scan(
    _ u: Int, scratch: OverlapScratch, constraint: UnsafeMutableBufferPointer<Double>,
    effectiveSize: UnsafeMutableBufferPointer<Double>, closed: UnsafeMutableBufferPointer<Int32>
  ) {
    let start = offsets[u]
    let end = offsets[u &+ 1]
    guard end > start else { return }
    let mark = scratch.nextMark()
    let stamp = scratch.stamp
    let share = scratch.share
    let shared = scratch.shared
    let ownTotal = total[u]
    for slot in start..<end {
      let w = Int(targets[slot])
      stamp[w] = mark
      share[w] = ownTotal > 0 ? weights[slot] / ownTotal : 0
    }
    let degree = end &- start
    let ownGroup = groups?[u] ?? -1
    var sum = 0.0
    var redundancy = 0.0
    for slot in start..<end {
      let vIndex = Int(targets[slot])
      let vStart = offsets[vIndex]
      let vEnd = offsets[vIndex &+ 1]
      var indirect = 0.0
      var redundant = 0.0
      var sharedCount = 0
      if vEnd &- vStart <= degree &* Self.hubFactor {
        for other in vStart..<vEnd {
          let w = Int(targets[other])
          guard stamp[w] == mark else { continue }
          let tie = weights[other]
          indirect += share[w] * (total[w] > 0 ? tie / total[w] : 0)
          redundant += share[w] * tie
          shared[sharedCount] = Int32(truncatingIfNeeded: w)
          sharedCount &+= 1
        }
      } else {
        let vPerson = Int(order[vIndex])
        for mine in start..<end {
          let w = Int(targets[mine])
          guard w != vIndex, let tie = weight(between: order[w], andRowOf: vPerson) else {
            continue
          }
          indirect += share[w] * (total[w] > 0 ? tie / total[w] : 0)
          redundant += share[w] * tie
          shared[sharedCount] = Int32(truncatingIfNeeded: w)
          sharedCount &+= 1
        }
      }
      let local = (ownTotal > 0 ? weights[slot] / ownTotal : 0) + indirect
      sum += local * local
      if largest[vIndex] > 0 { redundancy += redundant / largest[vIndex] }
      // Each pair {v, w} of u's contacts once: the later of the two in the row.
      if let groups, ownGroup >= 0 {
        let vGroup = groups[vIndex]
        if vGroup >= 0 {
          for index in 0..<sharedCount where Int(shared[index]) > vIndex {
            let wGroup = groups[Int(shared[index])]
            if wGroup >= 0 { closed[u &* 4 &+ Self.role(ownGroup, vGroup, wGroup)] &+= 1 }
          }
        }
      }
    }
    constraint[u] = sum
    effectiveSize[u] = Double(degree) - redundancy
  }
}

/// One worker's scratch: stamps and shares per person, and room for the
/// shared contacts of one tie. A value with raw memory inside, reached only
/// by its worker.
private struct OverlapScratch: @unchecked Sendable {
  let stamp: UnsafeMutableBufferPointer<UInt32>
  let share: UnsafeMutableBufferPointer<Double>
  let shared: UnsafeMutableBufferPointer<Int32>
  private let lastMark: UnsafeMutableBufferPointer<UInt32>

  init(personCount: Int) {
    stamp = .allocate(capacity: max(1, personCount))
    stamp.initialize(repeating: 0)
    share = .allocate(capacity: max(1, personCount))
    share.initialize(repeating: 0)
    shared = .allocate(capacity: max(1, personCount))
    lastMark = .allocate(capacity: 1)
    lastMark.initialize(repeating: 0)
  }

  /// A fresh mark, clearing the stamps when they would wrap.
  @inline(__always)
  func nextMark() -> UInt32 {
    if lastMark[0] == UInt32.max {
      stamp.update(repeating: 0)
      lastMark[0] = 0
    }
    lastMark[0] &+= 1
    return lastMark[0]
  }

  func deallocate() {
    stamp.deallocate()
    share.deallocate()
    shared.deallocate()
    lastMark.deallocate()
  }
}
