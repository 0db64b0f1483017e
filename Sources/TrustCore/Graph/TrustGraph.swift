/// The undirected strong-tie graph every analysis shares (spec §2), as a
/// compressed adjacency array, with the weak ties kept apart.
///
/// People are the network's indices `0 ..< personCount`. `neighbours(of:)`
/// lists a person's strong-tie neighbours in ascending index order (so in
/// file order), with `weights(of:)` beside them.
///
/// ```swift
/// let graph = try TrustGraph(network, settings: StrongTieSettings(threshold: 0.7))
/// for friend in graph.neighbours(of: 0) { print(network.people.id(of: Int(friend))) }
/// ```
///
/// - Complexity: building is O(*n* + *m*) for *n* people and *m* tie records
///   (two counting sorts, no comparison sort); memory about 32 bytes per record
///   while building and 24 bytes per strong tie after.
package struct TrustGraph: Sendable {
  /// How many people (vertices).
  package let personCount: Int
  /// The threshold that was applied.
  package let threshold: Double
  /// The settings the graph was built with.
  package let settings: StrongTieSettings
  /// `offsets[p] ..< offsets[p + 1]` index `targets` and `strengths` for person `p`.
  package let offsets: [Int]
  /// Strong-tie neighbours, each person's run sorted ascending.
  package let targets: [Int32]
  /// The weight of each strong tie in `targets` (its strength per spec §2).
  package let strengths: [Double]
  /// Weak-tie adjacency, same layout.
  package let weakOffsets: [Int]
  /// Weak-tie neighbours, each person's run sorted ascending.
  package let weakTargets: [Int32]
  /// Pairs with a kept record in both directions (a mutual record counts).
  package let reciprocatedPairCount: Int
  /// Kept records (after the context filter, self-ties excluded).
  package let keptRecordCount: Int

  /// How many strong ties (undirected pairs).
  package var strongTieCount: Int { targets.count / 2 }
  /// How many weak ties (kept pairs that are not strong).
  package var weakTieCount: Int { weakTargets.count / 2 }

  /// The strong-tie neighbours of `person`, ascending.
  @inlinable
  package func neighbours(of person: Int) -> ArraySlice<Int32> {
    targets[offsets[person]..<offsets[person + 1]]
  }

  /// The weights of `person`'s strong ties, beside ``neighbours(of:)``.
  @inlinable
  package func weights(of person: Int) -> ArraySlice<Double> {
    strengths[offsets[person]..<offsets[person + 1]]
  }

  /// The weak-tie neighbours of `person`, ascending.
  @inlinable
  package func weakNeighbours(of person: Int) -> ArraySlice<Int32> {
    weakTargets[weakOffsets[person]..<weakOffsets[person + 1]]
  }

  /// How many strong ties `person` has (the volume of spec §3).
  @inlinable
  package func degree(of person: Int) -> Int { offsets[person + 1] - offsets[person] }

  /// Builds the graph of `network` with `settings`.
  ///
  /// - Throws: ``StrongTieSettingsError`` for a context no tie uses or a threshold outside [0, 1].
  package init(_ network: TrustNetwork, settings: StrongTieSettings = StrongTieSettings())
    throws(StrongTieSettingsError)
  {
    let threshold =
      settings.threshold ?? network.strongTieThreshold ?? StrongTieSettings.defaultThreshold
    guard threshold >= 0 && threshold <= 1 else {
      throw StrongTieSettingsError(
        unknownContexts: [], knownContexts: [], invalidThreshold: threshold)
    }
    let ties = network.ties
    var selected = [Bool](repeating: settings.contexts.isEmpty, count: ties.contextNames.count)
    var unknown: [String] = []
    for name in settings.contexts {
      if let code = ties.contextNames.index(of: name) {
        selected[code] = true
      } else {
        unknown.append(name)
      }
    }
    guard unknown.isEmpty else {
      throw StrongTieSettingsError(
        unknownContexts: unknown, knownContexts: network.contexts, invalidThreshold: nil)
    }
    self.init(
      ties: ties, personCount: network.people.count, threshold: threshold, settings: settings,
      keepsContext: selected)
  }

  private init(
    ties: Ties, personCount: Int, threshold: Double, settings: StrongTieSettings,
    keepsContext: [Bool]
  ) {
    self.personCount = personCount
    self.threshold = threshold
    self.settings = settings
    let filterContexts = keepsContext.contains(false)

    // 1. Directed entries keyed by (lo, hi), with the direction beside them.
    var entries: [DirectedEntry] = []
    let recordCount = ties.count
    entries.reserveCapacity(recordCount)
    var kept = 0
    ties.from.withUnsafeBufferPointer { from in
      ties.to.withUnsafeBufferPointer { to in
        for record in 0..<recordCount {
          let source = from[record]
          let target = to[record]
          if source == target || source < 0 || target < 0 { continue }
          if filterContexts {
            let start = ties.contextOffsets[record]
            let end = ties.contextOffsets[record + 1]
            if start != end {
              var keep = false
              for slot in start..<end where keepsContext[Int(ties.contextOfRecord[slot])] {
                keep = true
                break
              }
              if !keep { continue }
            }
          }
          kept += 1
          let low = min(source, target)
          let high = max(source, target)
          let strength = ties.strength[record]
          if ties.mutual[record] {
            entries.append(DirectedEntry(low: low, high: high, strength: strength, backward: false))
            entries.append(DirectedEntry(low: low, high: high, strength: strength, backward: true))
          } else {
            entries.append(
              DirectedEntry(low: low, high: high, strength: strength, backward: source != low))
          }
        }
      }
    }
    keptRecordCount = kept

    // 2. Sort by (lo, hi): a counting sort by hi, then a stable one by lo; the
    //    entries move with the keys, so step 3 reads them in order.
    let byHigh = countingSort(entries, bucketCount: personCount) { $0.high }
    entries = []
    let sorted = countingSort(byHigh, bucketCount: personCount) { $0.low }

    // 3. One pass over each pair's entries decides strong or weak.
    var strongLow: [Int32] = []
    var strongHigh: [Int32] = []
    var strongWeight: [Double] = []
    var weakLow: [Int32] = []
    var weakHigh: [Int32] = []
    var reciprocated = 0
    let mutualOnly = settings.reciprocity == .mutual
    sorted.withUnsafeBufferPointer { sorted in
      var position = 0
      let count = sorted.count
      while position < count {
        let low = sorted[position].low
        let high = sorted[position].high
        var forward = -1.0
        var backward = -1.0
        while position < count && sorted[position].low == low && sorted[position].high == high {
          if sorted[position].backward {
            backward = max(backward, sorted[position].strength)
          } else {
            forward = max(forward, sorted[position].strength)
          }
          position += 1
        }
        let both = forward >= 0 && backward >= 0
        if both { reciprocated += 1 }
        let weight = mutualOnly ? (both ? min(forward, backward) : -1) : max(forward, backward)
        if weight >= threshold {
          strongLow.append(low)
          strongHigh.append(high)
          strongWeight.append(weight)
        } else {
          weakLow.append(low)
          weakHigh.append(high)
        }
      }
    }
    reciprocatedPairCount = reciprocated

    // 4. Symmetric adjacency; pairs arrive sorted, so each run comes out ascending.
    (offsets, targets, strengths) = symmetricAdjacency(
      low: strongLow, high: strongHigh, weight: strongWeight, personCount: personCount)
    (weakOffsets, weakTargets, _) = symmetricAdjacency(
      low: weakLow, high: weakHigh, weight: nil, personCount: personCount)
  }
}

/// One direction of one kept record, keyed by its pair (lo < hi).
struct DirectedEntry {
  var low: Int32
  var high: Int32
  var strength: Double
  /// True when the direction is hi → lo.
  var backward: Bool
}

/// A stable counting sort of `items` by a key in `0 ..< bucketCount`.
///
/// - Complexity: O(*k* + *b*) for *k* items and *b* buckets.
func countingSort<Item>(_ items: [Item], bucketCount: Int, key: (Item) -> Int32) -> [Item] {
  guard let first = items.first else { return [] }
  var starts = [Int](repeating: 0, count: bucketCount + 1)
  for item in items { starts[Int(key(item)) + 1] += 1 }
  for bucket in 0..<bucketCount { starts[bucket + 1] += starts[bucket] }
  var sorted = [Item](repeating: first, count: items.count)
  sorted.withUnsafeMutableBufferPointer { sorted in
    starts.withUnsafeMutableBufferPointer { starts in
      for item in items {
        let bucket = Int(key(item))
        sorted[starts[bucket]] = item
        starts[bucket] += 1
      }
    }
  }
  return sorted
}

/// Compressed adjacency of the undirected pairs `(low[i], high[i])`, given
/// sorted by (low, high); each person's neighbours come out ascending.
func symmetricAdjacency(low: [Int32], high: [Int32], weight: [Double]?, personCount: Int)
  -> (offsets: [Int], targets: [Int32], weights: [Double])
{
  var offsets = [Int](repeating: 0, count: personCount + 1)
  for pair in low.indices {
    offsets[Int(low[pair]) + 1] += 1
    offsets[Int(high[pair]) + 1] += 1
  }
  for person in 0..<personCount { offsets[person + 1] += offsets[person] }
  var fill = offsets
  var targets = [Int32](repeating: 0, count: low.count * 2)
  var weights = [Double](repeating: 0, count: weight == nil ? 0 : low.count * 2)
  for pair in low.indices {
    let from = Int(low[pair])
    let to = Int(high[pair])
    targets[fill[from]] = high[pair]
    targets[fill[to]] = low[pair]
    if let weight {
      weights[fill[from]] = weight[pair]
      weights[fill[to]] = weight[pair]
    }
    fill[from] += 1
    fill[to] += 1
  }
  return (offsets, targets, weights)
}
