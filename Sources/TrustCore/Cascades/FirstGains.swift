/// Every person's first gain for the lazy greedy selection (``GreedyStart``):
/// how many more speak, on top of the kept state of no starting speaker, if
/// they alone start; each found by a trial, and bounds on the others' learnt
/// from it, so that the queue (``CandidateQueue``) needs few trials.
///
/// A trial from one person gives their cascade *C*. Everyone else in *C* has
/// a cascade inside *C* (what they set off, the first person's cascade sets
/// off too), so their first gain is at most the first person's: a bound.
/// And someone in *C* whose own cascade holds the first person has exactly
/// *C*: walking back from the first person, if hearing `u` alone makes `x`
/// speak, `u`'s cascade holds `x`'s, so everyone in *C* with such a chain
/// to the first person has the first person's gain, exactly.
///
/// ```swift
/// var first = FirstGains(graph, simulator: kept, bound: people - speaking)
/// var changed: [Int32] = []
/// first.compute(0, changed: &changed)
/// first.value[0]          // person 0's first gain
/// first.isBound[3]        // whether person 3's value is still only a bound
/// ```
///
/// - Complexity: each ``compute(_:changed:)`` is one trial, O(Σ degrees of
///   those it makes speak), and a walk over their rows.
struct FirstGains {
  private let graph: TrustGraph
  /// At the kept state of no starting speaker; trials leave it so.
  private var simulator: CascadeSimulator
  /// Each person's first gain, or an upper bound on it while ``isBound``.
  private(set) var value: [Int]
  /// Whether ``value`` is only a bound.
  private(set) var isBound: [Bool]
  private var mark: [UInt32]
  private var stamp: UInt32 = 0
  private var walk: [Int32] = []

  /// Everyone bounded by `bound` (the people not yet speaking).
  init(_ graph: TrustGraph, simulator: CascadeSimulator, bound: Int) {
    self.graph = graph
    self.simulator = simulator
    value = [Int](repeating: bound, count: graph.personCount)
    isBound = [Bool](repeating: true, count: graph.personCount)
    mark = [UInt32](repeating: 0, count: graph.personCount)
  }

  /// Computes `person`'s first gain; `changed` is set to everyone whose
  /// value or bound changed (`person` among them).
  mutating func compute(_ person: Int, changed: inout [Int32]) {
    changed.removeAll(keepingCapacity: true)
    let rounds = simulator.trial(from: Int32(truncatingIfNeeded: person))
    let gain = rounds.reduce(0) { $0 + $1.count }
    value[person] = gain
    isBound[person] = false
    changed.append(Int32(truncatingIfNeeded: person))
    // A cascade of one (or none: already speaking) holds nobody else.
    guard gain > 1 else { return }
    if stamp == UInt32.max {
      for index in mark.indices { mark[index] = 0 }
      stamp = 0
    }
    stamp += 1
    for round in rounds { for speaker in round { mark[Int(speaker)] = stamp } }
    mark[person] = 0
    // The chains back to `person`: exactly `person`'s cascade.
    walk.removeAll(keepingCapacity: true)
    walk.append(Int32(truncatingIfNeeded: person))
    var next = 0
    while next < walk.count {
      let spoken = Int(walk[next])
      next += 1
      for slot in graph.offsets[spoken]..<graph.offsets[spoken + 1] {
        let other = Int(graph.targets[slot])
        guard mark[other] == stamp, simulator.wouldSpeak(spoken, hearingOnly: slot) else {
          continue
        }
        mark[other] = 0
        if isBound[other] {
          value[other] = gain
          isBound[other] = false
          changed.append(Int32(truncatingIfNeeded: other))
        }
        walk.append(Int32(truncatingIfNeeded: other))
      }
    }
    // The rest of the cascade: bounded by `person`'s gain.
    for round in rounds {
      for speaker in round where mark[Int(speaker)] == stamp {
        let index = Int(speaker)
        guard isBound[index] && value[index] > gain else { continue }
        value[index] = gain
        changed.append(speaker)
      }
    }
  }
}
