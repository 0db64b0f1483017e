/// The fewest starting speakers found by lazy greedy selection (CELF,
/// Leskovec et al. 2007) that make at least a share of people speak,
/// exactly as docs/design.md ('Speak-up cascades') states the procedure:
///
/// 1. Every person's gain (how many more speak, beyond the cascade of no
///    starting speaker, if they alone start) goes into a queue.
/// 2. Take the largest stale gain (ties by file order), recompute it against
///    the speakers chosen so far; pick the person if the new gain is at least
///    the next largest stale gain, else put them back with the new gain.
/// 3. Stop once the share is reached, after `maximum` picks, or when the gain
///    of the person it would pick is 0.
///
/// The cascade is not submodular (a person's gain can grow as others are
/// picked), so this is a heuristic, not the greedy choice itself.
///
/// ```swift
/// let greedy = GreedyStart(graph, thresholds: thresholds, weighted: false, target: 0.5, maximum: 100)
/// greedy.picks.map(\.person)   // the starting speakers, in the order picked
/// greedy.reached               // whether half the network speaks with them
/// ```
///
/// - Complexity: *n* gains, each a cascade on top of the kept state (on every
///   core), then one recomputation per step of the queue; each costs the
///   speakers it adds and their degrees.
package struct GreedyStart: Sendable {
  /// One pick and the share that speaks with it.
  package struct Pick: Sendable, Hashable {
    package var person: Int
    package var gain: Int
    package var share: Double
  }

  /// The share that speaks with no starting speaker (the instigators' cascade).
  package var baselineShare: Double
  /// The picks, in order.
  package var picks: [Pick]
  /// Whether the share was reached.
  package var reached: Bool

  package init(
    _ graph: TrustGraph, thresholds: [Double], weighted: Bool, target: Double, maximum: Int
  ) {
    let count = graph.personCount
    var simulator = CascadeSimulator(graph, thresholds: thresholds, weighted: weighted)
    var speaking = simulator.keep(startingFrom: [])
    let total = Double(max(1, count))
    baselineShare = Double(speaking) / total
    var picks: [Pick] = []
    guard count > 0, Double(speaking) / total < target, maximum > 0 else {
      self.picks = picks
      reached = count > 0 && Double(speaking) / total >= target
      return
    }
    // The first gains, in blocks of people on every core, each worker with
    // its own copy of the kept state.
    let gains = SharedBuffer<Int>(repeating: 0, count: count)
    let simulators = SharedBuffer<CascadeSimulator?>(repeating: nil, count: workerCount)
    let base = simulator
    forEachBlockInParallel(count: count, block: 512) { worker, range in
      var own = simulators.pointer[worker] ?? base
      for person in range {
        gains.pointer[person] = own.gain(of: Int32(truncatingIfNeeded: person))
      }
      simulators.pointer[worker] = own
    }
    var queue = GainQueue((0..<count).map { (gains.pointer[$0], Int32(truncatingIfNeeded: $0)) })
    while picks.count < maximum && Double(speaking) / total < target,
      let (_, person) = queue.popLargest()
    {
      let gain = simulator.gain(of: person)
      if let next = queue.largest, gain < next.gain {
        queue.insert(gain: gain, person: person)
        continue
      }
      guard gain > 0 else { break }
      speaking += simulator.add(person)
      picks.append(Pick(person: Int(person), gain: gain, share: Double(speaking) / total))
    }
    self.picks = picks
    reached = Double(speaking) / total >= target
  }
}

/// A max-heap of (gain, person): the largest gain first, the earliest person
/// (in file order) first among equal gains.
struct GainQueue {
  private var items: [(gain: Int, person: Int32)]

  init(_ items: [(Int, Int32)]) {
    self.items = items.map { (gain: $0.0, person: $0.1) }
    var index = self.items.count / 2 - 1
    while index >= 0 {
      siftDown(index)
      index -= 1
    }
  }

  var largest: (gain: Int, person: Int32)? { items.first }

  private static func above(_ a: (gain: Int, person: Int32), _ b: (gain: Int, person: Int32))
    -> Bool
  {
    a.gain > b.gain || (a.gain == b.gain && a.person < b.person)
  }

  mutating func popLargest() -> (gain: Int, person: Int32)? {
    guard !items.isEmpty else { return nil }
    items.swapAt(0, items.count - 1)
    let top = items.removeLast()
    if !items.isEmpty { siftDown(0) }
    return top
  }

  mutating func insert(gain: Int, person: Int32) {
    items.append((gain: gain, person: person))
    var child = items.count - 1
    while child > 0 {
      let parent = (child - 1) / 2
      guard Self.above(items[child], items[parent]) else { break }
      items.swapAt(child, parent)
      child = parent
    }
  }

  private mutating func siftDown(_ start: Int) {
    var parent = start
    while true {
      let left = 2 * parent + 1
      let right = left + 1
      var best = parent
      if left < items.count && Self.above(items[left], items[best]) { best = left }
      if right < items.count && Self.above(items[right], items[best]) { best = right }
      if best == parent { return }
      items.swapAt(parent, best)
      parent = best
    }
  }
}
