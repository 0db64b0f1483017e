/// Who moved each speaker of a cascade: for everyone who spoke after round
/// 0, their strong-tie contacts who had spoken in an earlier round (none for
/// an instigator, whose threshold is 0), kept as one flat list with a start
/// per speaker rather than an array per speaker: a cascade over a million
/// people then costs two allocations, not a million.
///
/// ```swift
/// let movers = CascadeMovers(graph, run: run, thresholds: thresholds)
/// movers[2, 0]   // who moved the first speaker of round 2
/// var scratch = [Int32](repeating: 0, count: graph.personCount)
/// CascadeMovers.counts(graph, run: run, thresholds: thresholds, inRound: 2, scratch: &scratch)
/// // each mover of round 2 with how many they moved, without building the lists
/// ```
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

  /// The movers of round `round` of `run`, each with how many of the
  /// round's speakers they moved, the most first (ties: the earlier person
  /// in file order), and how many of the round's speakers were unprompted
  /// (had no mover); without building the lists. `scratch` is a count per
  /// person, all zero, and left so.
  ///
  /// - Complexity: O(Σ degrees of the round's speakers, and the movers' sort).
  package static func counts(
    _ graph: TrustGraph, run: CascadeSimulator.Run, thresholds: [Double], inRound round: Int,
    scratch: inout [Int32]
  ) -> (movers: [(person: Int32, moved: Int)], unprompted: Int) {
    var seen: [Int32] = []
    var unprompted = 0
    let rounds = run.round
    graph.withAdjacency { adjacency in
      for speaker in run.rounds[round] {
        let person = Int(speaker)
        var moved = false
        if thresholds[person] > 0 {
          let own = rounds[person]
          for slot in adjacency.row(of: person) {
            let contact = adjacency.target(at: slot)
            let spoken = rounds[contact]
            guard spoken >= 0 && spoken < own else { continue }
            moved = true
            if scratch[contact] == 0 { seen.append(Int32(truncatingIfNeeded: contact)) }
            scratch[contact] += 1
          }
        }
        if !moved { unprompted += 1 }
      }
    }
    var counted = seen.map { (person: $0, moved: Int(scratch[Int($0)])) }
    for person in seen { scratch[Int(person)] = 0 }
    counted.sort { $0.moved != $1.moved ? $0.moved > $1.moved : $0.person < $1.person }
    return (counted, unprompted)
  }
}
