extension FoldedPairs {
  /// The third step of building the graph (``StrongTieGraphBuilder``): both
  /// directions of every pair into the compressed strong and weak
  /// adjacency arrays.
  ///
  /// A person's run is their lower neighbours, then their higher ones, each
  /// ascending. Each part writes its people's higher neighbours at the end
  /// of their runs, and its people as lower neighbours into its own slice of
  /// each higher person's run; the slices come from counts of the higher
  /// ends per part, so the parts write disjoint positions and the result is
  /// the same on any number of them.
  ///
  /// ```swift
  /// let (strong, weak) = pairs.spread()
  /// print(strong.targets[strong.offsets[0]..<strong.offsets[1]])  // person 0's strong ties
  /// ```
  ///
  /// - Complexity: O(*n* × *parts* + *m*) on `parts` threads; memory 8 bytes per
  ///   person and part while counting, then the arrays.
  func spread() -> (strong: StrongTieGraphBuilder.Adjacency, weak: StrongTieGraphBuilder.Adjacency)
  {
    let layout = SpreadLayout(self)
    let strongCount = layout.strongOffsets[personCount]
    let weakCount = layout.weakOffsets[personCount]
    let (targets, weights, weakTargets) = SpreadOutput.make(
      strongCount: strongCount, weakCount: weakCount
    ) { output in
      // Everything the parts read, unpacked into locals of each part:
      // captured one by one, they were reloaded from the closure's context
      // inside the loop.
      let shared = UnsafeSendable(
        (
          output, entries.pointer, starts.pointer, pairEnds.pointer, layout.strongFirstHigh.pointer,
          layout.weakFirstHigh.pointer, layout.strongBelow.pointer, layout.weakBelow.pointer
        ))
      let people = personCount
      forEachPartInParallel(boundaries: personBoundaries) { part, lows in
        let (
          output, entries, starts, pairEnds, strongFirstHigh, weakFirstHigh, strongBelow, weakBelow
        ) = shared.value
        let strongFill = strongBelow.baseAddress.unsafelyUnwrapped + part * people
        let weakFill = weakBelow.baseAddress.unsafelyUnwrapped + part * people
        for low in lows {
          var strongNext = Int(strongFirstHigh[low])
          var weakNext = Int(weakFirstHigh[low])
          let lowIndex = Int32(truncatingIfNeeded: low)
          for pair in starts[low]..<pairEnds[low] {
            let entry = entries[pair]
            let high = Int(entry.high)
            if entry.direction == PairEntry.strong {
              output.targets[strongNext] = entry.high
              output.weights[strongNext] = entry.strength
              strongNext &+= 1
              let position = Int(strongFill[high])
              output.targets[position] = lowIndex
              output.weights[position] = entry.strength
              strongFill[high] = Int32(truncatingIfNeeded: position &+ 1)
            } else {
              output.weakTargets[weakNext] = entry.high
              weakNext &+= 1
              let position = Int(weakFill[high])
              output.weakTargets[position] = lowIndex
              weakFill[high] = Int32(truncatingIfNeeded: position &+ 1)
            }
          }
        }
      }
    }
    return (
      StrongTieGraphBuilder.Adjacency(
        offsets: layout.strongOffsets, targets: targets, weights: weights),
      StrongTieGraphBuilder.Adjacency(
        offsets: layout.weakOffsets, targets: weakTargets, weights: [])
    )
  }
}

/// Where ``FoldedPairs/spread()`` writes: the offsets of every person's
/// strong and weak runs, each part's first position in every person's run
/// of lower neighbours, and where each person's higher neighbours start.
///
/// ```swift
/// let layout = SpreadLayout(pairs)
/// print(layout.strongOffsets.last ?? 0)  // strong-tie ends
/// ```
///
/// - Complexity: O(*n* × *parts* + *m*); memory 8 bytes per person and part
///   and 8 per person, besides the offsets.
private struct SpreadLayout {
  /// The strong runs' offsets (the graph's).
  let strongOffsets: [Int]
  /// The weak runs' offsets.
  let weakOffsets: [Int]
  /// `strongBelow[part × n + p]`: where `part` writes its next lower
  /// neighbour of `p` in the strong targets.
  let strongBelow: HugePageBuffer<Int32>
  /// The same for the weak targets.
  let weakBelow: HugePageBuffer<Int32>
  /// Where each person's higher strong neighbours start.
  let strongFirstHigh: HugePageBuffer<Int32>
  /// Where each person's higher weak neighbours start.
  let weakFirstHigh: HugePageBuffer<Int32>

  init(_ pairs: FoldedPairs) {
    let people = pairs.personCount
    let parts = pairs.personBoundaries.count - 1
    // Count each part's pairs per higher end (a person's lower neighbours).
    let strongBelow = HugePageBuffer<Int32>(repeating: 0, count: parts * people)
    let weakBelow = HugePageBuffer<Int32>(repeating: 0, count: parts * people)
    forEachPartInParallel(boundaries: pairs.personBoundaries) { part, lows in
      let strong = strongBelow.pointer.baseAddress.unsafelyUnwrapped + part * people
      let weak = weakBelow.pointer.baseAddress.unsafelyUnwrapped + part * people
      for low in lows {
        for pair in pairs.pairs(of: low) {
          let entry = pairs.entries.pointer[pair]
          if entry.direction == PairEntry.strong {
            strong[Int(entry.high)] &+= 1
          } else {
            weak[Int(entry.high)] &+= 1
          }
        }
      }
    }
    // Lay out the runs: each person's lower neighbours, part by part, then
    // their higher ones; the counts become each part's first position.
    let strongFirstHigh = HugePageBuffer<Int32>(uninitializedCount: people)
    let weakFirstHigh = HugePageBuffer<Int32>(uninitializedCount: people)
    var strongOffsets = [Int](repeating: 0, count: people + 1)
    var weakOffsets = [Int](repeating: 0, count: people + 1)
    strongOffsets.withUnsafeMutableBufferPointer { strongOffsets in
      weakOffsets.withUnsafeMutableBufferPointer { weakOffsets in
        let (strongBelow, weakBelow) = (strongBelow.pointer, weakBelow.pointer)
        let (strongAbove, weakAbove) = (pairs.strongAbove.pointer, pairs.weakAbove.pointer)
        let (strongFirstHigh, weakFirstHigh) = (strongFirstHigh.pointer, weakFirstHigh.pointer)
        var strongRunning = 0
        var weakRunning = 0
        for person in 0..<people {
          strongOffsets[person] = strongRunning
          weakOffsets[person] = weakRunning
          for part in 0..<parts {
            let strongCount = Int(strongBelow[part * people + person])
            strongBelow[part * people + person] = Int32(truncatingIfNeeded: strongRunning)
            strongRunning &+= strongCount
            let weakCount = Int(weakBelow[part * people + person])
            weakBelow[part * people + person] = Int32(truncatingIfNeeded: weakRunning)
            weakRunning &+= weakCount
          }
          strongFirstHigh[person] = Int32(truncatingIfNeeded: strongRunning)
          weakFirstHigh[person] = Int32(truncatingIfNeeded: weakRunning)
          strongRunning &+= Int(strongAbove[person])
          weakRunning &+= Int(weakAbove[person])
        }
        strongOffsets[people] = strongRunning
        weakOffsets[people] = weakRunning
      }
    }
    self.strongOffsets = strongOffsets
    self.weakOffsets = weakOffsets
    self.strongBelow = strongBelow
    self.weakBelow = weakBelow
    self.strongFirstHigh = strongFirstHigh
    self.weakFirstHigh = weakFirstHigh
  }
}

/// The three arrays ``FoldedPairs/spread()`` fills, as one `Sendable` handle
/// on their uninitialized memory: every position is written exactly once,
/// so nothing is zero-filled first.
///
/// ```swift
/// let (targets, weights, weakTargets) = SpreadOutput.make(strongCount: 1, weakCount: 1) {
///   output in
///   output.targets[0] = 1
///   output.weights[0] = 0.9
///   output.weakTargets[0] = 2
/// }
/// ```
///
/// - Complexity: O(1) besides `fill`.
private struct SpreadOutput: @unchecked Sendable {
  let targets: UnsafeMutableBufferPointer<Int32>
  let weights: UnsafeMutableBufferPointer<Double>
  let weakTargets: UnsafeMutableBufferPointer<Int32>

  /// Arrays of `strongCount` targets and weights and `weakCount` weak
  /// targets, each element written by `fill`.
  static func make(strongCount: Int, weakCount: Int, _ fill: (SpreadOutput) -> Void) -> (
    [Int32], [Double], [Int32]
  ) {
    var weights: [Double] = []
    var weakTargets: [Int32] = []
    let targets = [Int32](unsafeUninitializedCapacity: strongCount) { targets, initialized in
      // Read at random by every analysis: on huge pages where large.
      adviseHugePages(UnsafeMutableRawPointer(targets.baseAddress), byteCount: strongCount * 4)
      weights = [Double](unsafeUninitializedCapacity: strongCount) { weights, initialized in
        weakTargets = [Int32](unsafeUninitializedCapacity: weakCount) { weakTargets, initialized in
          fill(SpreadOutput(targets: targets, weights: weights, weakTargets: weakTargets))
          initialized = weakCount
        }
        initialized = strongCount
      }
      initialized = strongCount
    }
    return (targets, weights, weakTargets)
  }
}
