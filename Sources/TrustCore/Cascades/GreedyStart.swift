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
/// The first gains are found only as the queue needs them (``FirstGains``,
/// ``CandidateQueue``): the picks are the procedure's, but a network where
/// one person's word starts a global cascade is settled in a few trials, not
/// one per person.
///
/// - Complexity: at most *n* first gains, each a cascade on top of the kept
///   state, then one recomputation per step of the queue; each costs the
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
    var queue = CandidateQueue(
      FirstGains(graph, simulator: simulator, bound: count - speaking))
    while picks.count < maximum && Double(speaking) / total < target,
      let person = queue.popLargest()
    {
      let gain = simulator.gain(of: person)
      if queue.holdsMore(than: gain) {
        queue.putBack(person, gain: gain)
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
