/// Builds the strong- and weak-tie adjacency arrays of a ``TrustGraph`` from
/// the tie records (spec §2), on every core, with the same result on any
/// number of them.
///
/// 1. *Bucket.* Each kept record goes to the bucket of its lower end, one
///    counting sort; the records are split into parts, one per worker, and
///    each part fills its own slice of every bucket, in record order.
/// 2. *Fold.* Each bucket is sorted by the higher end and a pair's records
///    folded into one entry: its strongest record per direction gives the
///    pair's weight (the stronger direction, or with `mutualOnly` the weaker,
///    present both ways), strong when the weight reaches the threshold.
/// 3. *Spread.* Both directions of every pair into the compressed arrays. A
///    person's run is their lower neighbours then their higher ones, each
///    ascending; the parts write disjoint positions, found from counts of
///    the higher ends per part.
///
/// ```swift
/// let built = StrongTieGraphBuilder(
///   ties: network.ties, personCount: network.people.count, threshold: 0.5,
///   mutualOnly: false, keepsContext: [true]
/// ).build()
/// ```
///
/// - Complexity: O(*n* + *m*) for *n* people and *m* records, plus sorting each
///   bucket (O(*k* log *k*) for a bucket of *k*); about 16 bytes per record and
///   12 bytes per person and worker while building.
struct StrongTieGraphBuilder {
  /// One side's compressed adjacency (the weak side has no weights).
  struct Adjacency {
    var offsets: [Int]
    var targets: [Int32]
    var weights: [Double]
  }

  /// What ``build()`` returns.
  struct Result {
    var strong: Adjacency
    var weak: Adjacency
    var reciprocatedPairCount: Int
    var keptRecordCount: Int
  }

  let ties: Ties
  let personCount: Int
  let threshold: Double
  let mutualOnly: Bool
  /// Per context code, whether the filter keeps it (all true: no filter).
  let keepsContext: [Bool]

  /// Below this many records one thread does everything.
  static let parallelMinimumRecords = 1 << 16

  /// Builds the adjacency with `parts` workers (by default one per core, at most 4).
  func build(parts requested: Int? = nil) -> Result {
    let recordCount = ties.count
    let parts = max(
      1, requested ?? (recordCount >= Self.parallelMinimumRecords ? min(workerCount, 4) : 1))
    let people = personCount
    let stride = people + 1
    let filter = keepsContext.contains(false)
    let ties = ties
    let keepsContext = keepsContext
    // Whether a record survives the context filter (records without contexts
    // always do); only called when there is a filter.
    let keeps: @Sendable (Int) -> Bool = { record in
      if ties.contextOffsets.isEmpty { return true }
      let start = ties.contextOffsets[record]
      let end = ties.contextOffsets[record + 1]
      if start == end { return true }
      for slot in start..<end where keepsContext[Int(ties.contextOfRecord[slot])] { return true }
      return false
    }
    let recordBoundaries = (0...parts).map { recordCount * $0 / parts }

    // 1. Count each part's kept records per lower end, then turn the counts
    //    into each part's first position in every bucket.
    let fill = HugePageBuffer<Int32>(repeating: 0, count: parts * stride)
    let keptByPart = HugePageBuffer<Int>(repeating: 0, count: parts)
    ties.from.withUnsafeBufferPointer { from in
      ties.to.withUnsafeBufferPointer { to in
        let columns = UnsafeSendable((from, to))
        forEachPartInParallel(boundaries: recordBoundaries) { part, records in
          let (from, to) = columns.value
          let counts = fill.pointer.baseAddress.unsafelyUnwrapped + part * stride
          var kept = 0
          for record in records {
            let source = from[record]
            let target = to[record]
            if source == target || source < 0 || target < 0 || (filter && !keeps(record)) {
              continue
            }
            counts[Int(min(source, target))] &+= 1
            kept &+= 1
          }
          keptByPart.pointer[part] = kept
        }
      }
    }
    let kept = keptByPart.pointer.reduce(0, +)
    var bucketStarts = [Int](repeating: 0, count: stride)
    bucketStarts.withUnsafeMutableBufferPointer { starts in
      var running = 0
      for person in 0..<people {
        starts[person] = running
        for part in 0..<parts {
          let count = Int(fill.pointer[part * stride + person])
          fill.pointer[part * stride + person] = Int32(truncatingIfNeeded: running)
          running &+= count
        }
      }
      starts[people] = running
    }

    // Each part scatters its records into its slices of the buckets.
    let entries = HugePageBuffer<PairEntry>(uninitializedCount: kept)  // every slot is filled
    ties.from.withUnsafeBufferPointer { from in
      ties.to.withUnsafeBufferPointer { to in
        ties.strength.withUnsafeBufferPointer { strength in
          ties.mutual.withUnsafeBufferPointer { mutual in
            let columns = UnsafeSendable((from, to, strength, mutual))
            forEachPartInParallel(boundaries: recordBoundaries) { part, records in
              let (from, to, strength, mutual) = columns.value
              let positions = fill.pointer.baseAddress.unsafelyUnwrapped + part * stride
              let entries = entries.pointer
              for record in records {
                let source = from[record]
                let target = to[record]
                if source == target || source < 0 || target < 0 || (filter && !keeps(record)) {
                  continue
                }
                let low = Int(min(source, target))
                let direction =
                  mutual[record]
                  ? PairEntry.both : source == low ? PairEntry.forward : PairEntry.backward
                let position = Int(positions[low])
                entries[position] = PairEntry(
                  high: max(source, target), direction: direction, strength: strength[record])
                positions[low] = Int32(truncatingIfNeeded: position &+ 1)
              }
            }
          }
        }
      }
    }

    // 2. Sort and fold every bucket; each part takes a run of people holding
    //    about an equal share of the records.
    let personBoundaries = (0...parts).map { part -> Int in
      if part == parts { return people }
      let target = kept * part / parts
      var low = 0
      var high = people
      while low < high {  // the first person whose bucket starts at or past `target`
        let middle = (low + high) / 2
        if bucketStarts[middle] < target { low = middle + 1 } else { high = middle }
      }
      return low
    }
    let pairEnds = HugePageBuffer<Int>(repeating: 0, count: people)
    let strongAbove = HugePageBuffer<Int32>(repeating: 0, count: people)
    let weakAbove = HugePageBuffer<Int32>(repeating: 0, count: people)
    let reciprocatedByPart = HugePageBuffer<Int>(repeating: 0, count: parts)
    let threshold = threshold
    let mutualOnly = mutualOnly
    bucketStarts.withUnsafeBufferPointer { starts in
      let starts = UnsafeSendable(starts)
      forEachPartInParallel(boundaries: personBoundaries) { part, lows in
        let starts = starts.value
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
    }

    // 3. Count each part's pairs per higher end (a person's lower neighbours),
    //    then lay out the runs and each part's first position in them.
    let strongBelow = HugePageBuffer<Int32>(repeating: 0, count: parts * people)
    let weakBelow = HugePageBuffer<Int32>(repeating: 0, count: parts * people)
    bucketStarts.withUnsafeBufferPointer { starts in
      let starts = UnsafeSendable(starts)
      forEachPartInParallel(boundaries: personBoundaries) { part, lows in
        let starts = starts.value
        let strong = strongBelow.pointer.baseAddress.unsafelyUnwrapped + part * people
        let weak = weakBelow.pointer.baseAddress.unsafelyUnwrapped + part * people
        for low in lows {
          for pair in starts[low]..<pairEnds.pointer[low] {
            let entry = entries.pointer[pair]
            if entry.direction == PairEntry.strong {
              strong[Int(entry.high)] &+= 1
            } else {
              weak[Int(entry.high)] &+= 1
            }
          }
        }
      }
    }
    var strongOffsets = [Int](repeating: 0, count: stride)
    var weakOffsets = [Int](repeating: 0, count: stride)
    strongOffsets.withUnsafeMutableBufferPointer { strongOffsets in
      weakOffsets.withUnsafeMutableBufferPointer { weakOffsets in
        var strongRunning = 0
        var weakRunning = 0
        for person in 0..<people {
          strongOffsets[person] = strongRunning
          weakOffsets[person] = weakRunning
          for part in 0..<parts {
            let strongCount = Int(strongBelow.pointer[part * people + person])
            strongBelow.pointer[part * people + person] = Int32(truncatingIfNeeded: strongRunning)
            strongRunning &+= strongCount
            let weakCount = Int(weakBelow.pointer[part * people + person])
            weakBelow.pointer[part * people + person] = Int32(truncatingIfNeeded: weakRunning)
            weakRunning &+= weakCount
          }
          strongRunning &+= Int(strongAbove.pointer[person])
          weakRunning &+= Int(weakAbove.pointer[person])
        }
        strongOffsets[people] = strongRunning
        weakOffsets[people] = weakRunning
      }
    }

    // Spread: each part writes its lows' higher neighbours at the end of
    // their runs, and itself as a lower neighbour into its slice of each
    // higher end's run.
    let strongCount = strongOffsets[people]
    let weakCount = weakOffsets[people]
    // Every position of the three arrays is written exactly once.
    var weakTargets: [Int32] = []
    var weights: [Double] = []
    // Read at random by every analysis: on huge pages where large.
    let targets = [Int32](unsafeUninitializedCapacity: strongCount) { targets, initialized in
      adviseHugePages(UnsafeMutableRawPointer(targets.baseAddress), byteCount: strongCount * 4)
      weights = [Double](unsafeUninitializedCapacity: strongCount) { weights, initialized in
        weakTargets = [Int32](unsafeUninitializedCapacity: weakCount) { weakTargets, initialized in
          bucketStarts.withUnsafeBufferPointer { starts in
            strongOffsets.withUnsafeBufferPointer { strongOffsets in
              weakOffsets.withUnsafeBufferPointer { weakOffsets in
                let shared = UnsafeSendable(
                  (targets, weights, weakTargets, starts, strongOffsets, weakOffsets))
                forEachPartInParallel(boundaries: personBoundaries) { part, lows in
                  let (targets, weights, weakTargets, starts, strongOffsets, weakOffsets) =
                    shared.value
                  let strongFill = strongBelow.pointer.baseAddress.unsafelyUnwrapped + part * people
                  let weakFill = weakBelow.pointer.baseAddress.unsafelyUnwrapped + part * people
                  for low in lows {
                    var strongNext = strongOffsets[low + 1] &- Int(strongAbove.pointer[low])
                    var weakNext = weakOffsets[low + 1] &- Int(weakAbove.pointer[low])
                    let lowIndex = Int32(truncatingIfNeeded: low)
                    for pair in starts[low]..<pairEnds.pointer[low] {
                      let entry = entries.pointer[pair]
                      let high = Int(entry.high)
                      if entry.direction == PairEntry.strong {
                        targets[strongNext] = entry.high
                        weights[strongNext] = entry.strength
                        strongNext &+= 1
                        let position = Int(strongFill[high])
                        targets[position] = lowIndex
                        weights[position] = entry.strength
                        strongFill[high] = Int32(truncatingIfNeeded: position &+ 1)
                      } else {
                        weakTargets[weakNext] = entry.high
                        weakNext &+= 1
                        let position = Int(weakFill[high])
                        weakTargets[position] = lowIndex
                        weakFill[high] = Int32(truncatingIfNeeded: position &+ 1)
                      }
                    }
                  }
                }
              }
            }
          }
          initialized = weakCount
        }
        initialized = strongCount
      }
      initialized = strongCount
    }
    return Result(
      strong: Adjacency(offsets: strongOffsets, targets: targets, weights: weights),
      weak: Adjacency(offsets: weakOffsets, targets: weakTargets, weights: []),
      reciprocatedPairCount: reciprocatedByPart.pointer.reduce(0, +), keptRecordCount: kept)
  }
}

/// One kept record in its lower end's bucket while the graph is built; after
/// folding, one pair with its weight and whether it is strong.
struct PairEntry {
  static let forward: UInt8 = 1
  static let backward: UInt8 = 2
  static let both: UInt8 = 3
  static let strong: UInt8 = 4

  var high: Int32 = 0
  /// `forward` (lower → higher), `backward`, or `both`; after folding, `strong` or 0.
  var direction: UInt8 = 0
  var strength: Double = 0
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
