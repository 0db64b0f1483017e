/// The first step of building the graph (``StrongTieGraphBuilder``): every
/// kept record in the bucket of its lower end, by one counting sort.
///
/// The records are split into `parts` contiguous runs, one per thread; each
/// run counts its kept records per lower end, the counts become each run's
/// first position in every bucket, and each run then scatters its records
/// into its own slices: a bucket holds its records in record order, on any
/// number of parts. Self-ties, unresolved ends and records the context
/// filter drops are not kept.
///
/// ```swift
/// let buckets = TieBuckets(network.ties, personCount: 3, keepsContext: [true], parts: 2)
/// for slot in buckets.bucket(of: 0) { print(buckets.entries.pointer[slot].high) }
/// ```
///
/// - Complexity: O(*n* × *parts* + *m*) for *n* people and *m* records, on
///   `parts` threads; memory 16 bytes per kept record, 8 per person, and 4
///   per person and part while counting.
struct TieBuckets {
  /// The kept records, bucket after bucket.
  let entries: HugePageBuffer<PairEntry>
  /// `starts[p] ..< starts[p + 1]` is person `p`'s bucket in ``entries``.
  let starts: HugePageBuffer<Int>
  /// How many people (buckets).
  let personCount: Int
  /// How many records were kept.
  var keptCount: Int { starts.pointer[personCount] }

  /// The slots of `person`'s bucket in ``entries``.
  func bucket(of person: Int) -> Range<Int> {
    starts.pointer[person]..<starts.pointer[person + 1]
  }

  /// Buckets the records of `ties` kept by `keepsContext` (per context code;
  /// all true: no filter), in `parts` parts.
  init(_ ties: Ties, personCount people: Int, keepsContext: [Bool], parts: Int) {
    let stride = people + 1
    let filter = keepsContext.contains(false)
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
    let recordBoundaries = (0...parts).map { ties.count * $0 / parts }

    // Count each part's kept records per lower end, then turn the counts
    // into each part's first position in every bucket.
    let fill = HugePageBuffer<Int32>(repeating: 0, count: parts * stride)
    let keptByPart = HugePageBuffer<Int>(repeating: 0, count: parts)
    TieColumns.with(ties) { columns in
      forEachPartInParallel(boundaries: recordBoundaries) { part, records in
        let counts = fill.pointer.baseAddress.unsafelyUnwrapped + part * stride
        var kept = 0
        for record in records {
          let source = columns.from[record]
          let target = columns.to[record]
          if source == target || source < 0 || target < 0 || (filter && !keeps(record)) {
            continue
          }
          counts[Int(min(source, target))] &+= 1
          kept &+= 1
        }
        keptByPart.pointer[part] = kept
      }
    }
    let kept = keptByPart.pointer.reduce(0, +)
    let starts = HugePageBuffer<Int>(uninitializedCount: stride)  // every index is written
    do {
      let starts = starts.pointer
      let fill = fill.pointer
      var running = 0
      for person in 0..<people {
        starts[person] = running
        for part in 0..<parts {
          let count = Int(fill[part * stride + person])
          fill[part * stride + person] = Int32(truncatingIfNeeded: running)
          running &+= count
        }
      }
      starts[people] = running
      assert(running == kept, "every kept record has a place")
    }

    // Each part scatters its records into its slices of the buckets.
    let entries = HugePageBuffer<PairEntry>(uninitializedCount: kept)  // every slot is filled
    TieColumns.with(ties) { columns in
      forEachPartInParallel(boundaries: recordBoundaries) { part, records in
        let positions = fill.pointer.baseAddress.unsafelyUnwrapped + part * stride
        let entries = entries.pointer
        for record in records {
          let source = columns.from[record]
          let target = columns.to[record]
          if source == target || source < 0 || target < 0 || (filter && !keeps(record)) {
            continue
          }
          let low = Int(min(source, target))
          let direction =
            columns.mutual[record]
            ? PairEntry.both : source == low ? PairEntry.forward : PairEntry.backward
          let position = Int(positions[low])
          entries[position] = PairEntry(
            high: max(source, target), direction: direction, strength: columns.strength[record])
          positions[low] = Int32(truncatingIfNeeded: position &+ 1)
        }
      }
    }
    self.entries = entries
    self.starts = starts
    personCount = people
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

/// The tie records' columns as one `Sendable` handle, for the bucketing
/// loops; valid only inside ``with(_:_:)``.
///
/// ```swift
/// TieColumns.with(network.ties) { columns in print(columns.from[0], columns.to[0]) }
/// ```
///
/// - Complexity: O(1) to make.
private struct TieColumns: @unchecked Sendable {
  let from: UnsafeBufferPointer<Int32>
  let to: UnsafeBufferPointer<Int32>
  let strength: UnsafeBufferPointer<Double>
  let mutual: UnsafeBufferPointer<Bool>

  /// Calls `body` with a handle on the columns of `ties`.
  @inline(__always)
  static func with(_ ties: Ties, _ body: (TieColumns) -> Void) {
    ties.from.withUnsafeBufferPointer { from in
      ties.to.withUnsafeBufferPointer { to in
        ties.strength.withUnsafeBufferPointer { strength in
          ties.mutual.withUnsafeBufferPointer { mutual in
            body(TieColumns(from: from, to: to, strength: strength, mutual: mutual))
          }
        }
      }
    }
  }
}
