/// The lazy greedy selection's queue of candidates (``GreedyStart``): each
/// person's stale gain, where a first gain not yet computed stands as an
/// upper bound and is computed (``FirstGains``) only when it could decide
/// what the procedure does next. The picks are then exactly those of a queue
/// filled with every first gain.
///
/// Why that is exact: the queue's top is taken only once its value is known;
/// every other entry's true value is at most its key, and an equal key with
/// an earlier person would have been above it (and so been computed first).
/// A recomputed gain that is at least the next key is at least the next
/// true value, so the pick needs no more.
///
/// ```swift
/// var queue = CandidateQueue(FirstGains(graph, simulator: kept, bound: people - speaking))
/// let person = queue.popLargest()          // the largest stale gain, ties by file order
/// if queue.holdsMore(than: 12) { queue.putBack(person!, gain: 12) }
/// ```
///
/// - Complexity: O(log *n*) per heap step, plus the first gains it computes.
struct CandidateQueue {
  private var first: FirstGains
  private var heap: GainQueue
  /// Each person's key: their stale gain, or a bound on their first gain.
  private var key: [Int]
  /// Whether the key is the procedure's own value (not a bound).
  private var known: [Bool]
  /// Whether the person is still in the queue.
  private var queued: [Bool]
  private var changed: [Int32] = []

  init(_ first: FirstGains) {
    self.first = first
    let key = first.value
    self.key = key
    known = first.isBound.map { !$0 }
    queued = [Bool](repeating: true, count: key.count)
    heap = GainQueue(key.indices.map { (key[$0], Int32(truncatingIfNeeded: $0)) })
  }

  /// Takes out the person with the largest stale gain (ties: file order).
  mutating func popLargest() -> Int32? {
    guard let top = largestKnown() else { return nil }
    _ = heap.popLargest()
    queued[Int(top.person)] = false
    return top.person
  }

  /// Whether the largest stale gain left is above `gain`.
  mutating func holdsMore(than gain: Int) -> Bool {
    while let top = largestEntry() {
      if gain >= top.gain { return false }
      if known[Int(top.person)] { return true }
      settle(top.person)
    }
    return false
  }

  /// Puts `person` back with a recomputed gain.
  mutating func putBack(_ person: Int32, gain: Int) {
    let index = Int(person)
    key[index] = gain
    known[index] = true
    queued[index] = true
    heap.insert(gain: gain, person: person)
  }

  /// The top entry once its value is known, settling bounds on the way.
  private mutating func largestKnown() -> (gain: Int, person: Int32)? {
    while let top = largestEntry() {
      if known[Int(top.person)] { return top }
      settle(top.person)
    }
    return nil
  }

  /// The heap's top entry that is current, dropping outdated ones.
  private mutating func largestEntry() -> (gain: Int, person: Int32)? {
    while let top = heap.largest {
      let index = Int(top.person)
      if queued[index] && top.gain == key[index] { return top }
      _ = heap.popLargest()
    }
    return nil
  }

  /// Computes `person`'s first gain, and takes in what it taught about others'.
  private mutating func settle(_ person: Int32) {
    first.compute(Int(person), changed: &changed)
    for other in changed {
      let index = Int(other)
      guard queued[index] && !known[index] else { continue }
      let value = first.value[index]
      known[index] = !first.isBound[index]
      if value != key[index] {
        key[index] = value
        heap.insert(gain: value, person: other)
      }
    }
  }
}

/// A max-heap of (gain, person): the largest gain first, the earliest person
/// (in file order) first among equal gains.
private struct GainQueue {
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
