/// The second step of building the graph (``StrongTieGraphBuilder``): each
/// bucket of ``TieBuckets`` sorted by the higher end, and each pair's records
/// folded into one entry, in place.
///
/// A pair's weight is its strongest record per direction: the stronger
/// direction, or with `mutualOnly` the weaker, present both ways (a mutual
/// record counts both ways); the pair is strong when the weight reaches the
/// threshold, else weak (docs/design.md, 'From ties to the trust graph').
/// The people are split into `parts` runs holding about an equal share of
/// the records, one per thread.
///
/// ```swift
/// let pairs = FoldedPairs(buckets, threshold: 0.5, mutualOnly: false, parts: 2)
/// for slot in pairs.pairs(of: 0) { print(pairs.entries.pointer[slot].high) }  // 0's higher neighbours
/// ```
///
/// - Complexity: O(*n* + *m*) plus sorting each bucket (O(*k* log *k*) for a
///   bucket of *k*), on `parts` threads; memory 16 bytes per person.
struct FoldedPairs {
  /// The buckets' entries, now one per pair at the start of each bucket:
  /// `high`, the weight as `strength`, and `direction` ``PairEntry/strong`` or 0.
  let entries: HugePageBuffer<PairEntry>
  /// Where each person's bucket starts in ``entries``.
  let starts: HugePageBuffer<Int>
  /// `pairEnds[p]` ends person `p`'s pairs (they start at `starts[p]`).
  let pairEnds: HugePageBuffer<Int>
  /// Per person, how many of their pairs (with higher people) are strong.
  let strongAbove: HugePageBuffer<Int32>
  /// Per person, how many of their pairs (with higher people) are weak.
  let weakAbove: HugePageBuffer<Int32>
  /// `personBoundaries[k] ..< personBoundaries[k + 1]` are part `k`'s people.
  let personBoundaries: [Int]
  /// Pairs with a kept record in both directions.
  let reciprocatedPairCount: Int

  /// How many people.
  var personCount: Int { pairEnds.pointer.count }

  /// The slots of `person`'s pairs with higher people in ``entries``.
  func pairs(of person: Int) -> Range<Int> {
    starts.pointer[person]..<pairEnds.pointer[person]
  }

  /// Folds `buckets` (whose entries it takes over) with `parts` threads.
  init(_ buckets: TieBuckets, threshold: Double, mutualOnly: Bool, parts: Int) {
    let people = buckets.personCount
    let kept = buckets.keptCount
    let starts = buckets.starts
    let personBoundaries = (0...parts).map { part -> Int in
      if part == parts { return people }
      let target = kept * part / parts
      var low = 0
      var high = people
      while low < high {  // the first person whose bucket starts at or past `target`
        let middle = (low + high) / 2
        if starts.pointer[middle] < target { low = middle + 1 } else { high = middle }
      }
      return low
    }
    let entries = buckets.entries
    let pairEnds = HugePageBuffer<Int>(repeating: 0, count: people)
    let strongAbove = HugePageBuffer<Int32>(repeating: 0, count: people)
    let weakAbove = HugePageBuffer<Int32>(repeating: 0, count: people)
    let reciprocatedByPart = HugePageBuffer<Int>(repeating: 0, count: parts)
    forEachPartInParallel(boundaries: personBoundaries) { part, lows in
      let starts = starts.pointer
      let entries = entries.pointer
      var reciprocated = 0
      for low in lows {
        let start = starts[low]
        let end = starts[low + 1]
        sortByHigh(entries, start, end)
        var read = start
        var write = start
        var strongCount: Int32 = 0
        while read < end {
          let high = entries[read].high
          var forward = -1.0
          var backward = -1.0
          while read < end && entries[read].high == high {
            let entry = entries[read]
            if entry.direction & PairEntry.forward != 0 { forward = max(forward, entry.strength) }
            if entry.direction & PairEntry.backward != 0 {
              backward = max(backward, entry.strength)
            }
            read &+= 1
          }
          let both = forward >= 0 && backward >= 0
          if both { reciprocated &+= 1 }
          let weight = mutualOnly ? (both ? min(forward, backward) : -1) : max(forward, backward)
          let strong = weight >= threshold
          if strong { strongCount &+= 1 }
          entries[write] = PairEntry(
            high: high, direction: strong ? PairEntry.strong : 0, strength: weight)
          write &+= 1
        }
        pairEnds.pointer[low] = write
        strongAbove.pointer[low] = strongCount
        weakAbove.pointer[low] = Int32(truncatingIfNeeded: write &- start) &- strongCount
      }
      reciprocatedByPart.pointer[part] = reciprocated
    }
    self.entries = entries
    self.starts = starts
    self.pairEnds = pairEnds
    self.strongAbove = strongAbove
    self.weakAbove = weakAbove
    self.personBoundaries = personBoundaries
    reciprocatedPairCount = reciprocatedByPart.pointer.reduce(0, +)
  }
}

/// Sorts `entries[start ..< end]` by `high`: insertion sort for the short runs
/// most people have, the standard library's O(*k* log *k*) sort beyond.
private func sortByHigh(_ entries: UnsafeMutableBufferPointer<PairEntry>, _ start: Int, _ end: Int)
{
  if end - start > 24 {
    var run = UnsafeMutableBufferPointer(rebasing: entries[start..<end])
    run.sort { $0.high < $1.high }
    return
  }
  var next = start + 1
  while next < end {
    let entry = entries[next]
    var slot = next
    while slot > start && entries[slot - 1].high > entry.high {
      entries[slot] = entries[slot - 1]
      slot -= 1
    }
    entries[slot] = entry
    next += 1
  }
}
