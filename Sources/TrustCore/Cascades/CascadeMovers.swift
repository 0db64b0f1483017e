/// Who moved each speaker of a cascade: for everyone who spoke after round
/// 0, their strong-tie contacts who had spoken in an earlier round (none for
/// an instigator, whose threshold is 0), kept as one flat list with a start
/// per speaker rather than an array per speaker: a cascade over a million
/// people then costs two allocations, not a million.
///
/// ```swift
/// let movers = CascadeMovers(graph, run: run, thresholds: thresholds)
/// movers[2, 0]   // who moved the first speaker of round 2
/// ```
///
/// A text report needs only each round's ``MoverTally``, which the
/// simulator counts as it runs (`CascadeSimulator.run(from:tallyingMovers:)`).
///
/// - Complexity: O(Σ degrees of the speakers) to build; a lookup is O(1).
package struct CascadeMovers: Sendable {
  /// Speaker k, counted over all rounds in order (round 0 included, with no
  /// movers), has movers `movers[starts[k] ..< starts[k + 1]]`.
  private var starts: [Int]
  private var movers: [Int32]
  /// The position in the speaker count of each round's first speaker, and
  /// one more at the end.
  private var roundStarts: [Int]

  package init(_ graph: TrustGraph, run: CascadeSimulator.Run, thresholds: [Double]) {
    let round = run.round
    var starts = [0]
    var movers: [Int32] = []
    var roundStarts = [0]
    let speakers = run.rounds.reduce(0) { $0 + $1.count }
    starts.reserveCapacity(speakers + 1)
    // Every contact of a speaker is a bound on the movers: one allocation.
    movers.reserveCapacity(
      run.rounds.dropFirst().reduce(0) { sum, round in
        round.reduce(sum) { $0 + graph.degree(of: Int($1)) }
      })
    graph.withAdjacency { adjacency in
      for (index, speakers) in run.rounds.enumerated() {
        for speaker in speakers {
          let person = Int(speaker)
          if index > 0 && thresholds[person] > 0 {
            let own = round[person]
            for slot in adjacency.row(of: person) {
              let contact = adjacency.target(at: slot)
              let spoken = round[contact]
              if spoken >= 0 && spoken < own { movers.append(Int32(truncatingIfNeeded: contact)) }
            }
          }
          starts.append(movers.count)
        }
        roundStarts.append(starts.count - 1)
      }
    }
    self.starts = starts
    self.movers = movers
    self.roundStarts = roundStarts
  }

  /// The movers of the speaker at `position` in round `round`'s list
  /// (empty for round 0 and for an instigator), in the speaker's row order.
  package subscript(round: Int, position: Int) -> ArraySlice<Int32> {
    let speaker = roundStarts[round] + position
    assert(speaker < roundStarts[round + 1], "position \(position) outside round \(round)")
    return movers[starts[speaker]..<starts[speaker + 1]]
  }

  /// How many speakers round `round` has.
  package func speakerCount(inRound round: Int) -> Int {
    roundStarts[round + 1] - roundStarts[round]
  }
}

/// Who moved one round's speakers: each mover with how many of the round's
/// speakers they moved, ranked the most first (ties: the earlier person in
/// file order), and how many of the round's speakers were unprompted
/// (threshold 0, so no mover).
///
/// ```swift
/// let run = simulator.run(from: [ana], tallyingMovers: true)
/// run.tallies[1].top(1).first   // (person: ana, moved: 3): Ana moved three in round 1
/// run.tallies[1].count          // how many moved someone in round 1
/// ```
///
/// Movers are kept unranked, each packed into one integer key (the count's
/// complement above the person, so ascending keys are the ranking): a report
/// shows the first few, and ranking a million movers of a round on L took a
/// tenth of a second.
package struct MoverTally: Sendable {
  /// The movers' keys, in no order.
  private var keys: [UInt64]
  /// The speakers with no mover.
  package var unprompted: Int

  /// `movers` in any order.
  package init(ranking movers: [(person: Int32, moved: Int)], unprompted: Int) {
    keys = []
    self.unprompted = unprompted
    record(movers)
  }

  /// Sets the movers to `movers`, in any order.
  mutating func record(_ movers: [(person: Int32, moved: Int)]) {
    keys = movers.map { mover in
      let moved = UInt64(min(mover.moved, Int(UInt32.max)))
      return (UInt64(UInt32.max) - moved) << 32 | UInt64(UInt32(bitPattern: mover.person))
    }
  }

  /// How many movers.
  package var count: Int { keys.count }

  /// Every mover, ranked.
  ///
  /// - Complexity: O(*k* log *k*) for *k* movers, on each call.
  package var movers: [(person: Int32, moved: Int)] { keys.sorted().map(Self.mover) }

  /// The first `k` movers of the ranking.
  ///
  /// - Complexity: O(*k* × movers) at worst, about O(movers) for a small `k`.
  package func top(_ k: Int) -> [(person: Int32, moved: Int)] {
    guard k > 0 else { return [] }
    var best: [UInt64] = []
    best.reserveCapacity(k + 1)
    for key in keys where best.count < k || key < best[best.count - 1] {
      var position = best.count
      while position > 0 && key < best[position - 1] { position -= 1 }
      best.insert(key, at: position)
      if best.count > k { best.removeLast() }
    }
    return best.map(Self.mover)
  }

  private static func mover(_ key: UInt64) -> (person: Int32, moved: Int) {
    (
      person: Int32(bitPattern: UInt32(truncatingIfNeeded: key)),
      moved: Int(UInt64(UInt32.max) - key >> 32)
    )
  }
}
