/// Granovetter's threshold model on the strong-tie graph, as Watts (2002)
/// placed it on networks: the #MeToo avalanche and the silent majority
/// (docs/design.md, 'Speak-up cascades').
///
/// Round 0: the starting speakers speak. In round r + 1, everyone who has
/// not spoken speaks when the share of their strong-tie contacts who had
/// spoken by round r reaches their threshold φ (a share equal to φ speaks);
/// with `weighted`, the share of their strong-tie weight. The share is k / d
/// as a double; a weighted share adds the weights in the order of the
/// person's contacts (file order). Someone with φ = 0 who is not a starting
/// speaker speaks in round 1 whatever their degree (an instigator); someone
/// with no strong tie and φ > 0 never speaks. Rounds run until one adds nobody.
///
/// ```swift
/// var simulator = CascadeSimulator(graph, thresholds: thresholds, weighted: false)
/// let run = simulator.run(from: [ana])
/// run.round[bo]     // the round Bo spoke in, or -1
/// run.spoke         // how many spoke
/// ```
///
/// The simulator keeps a *state*, a set of people who have spoken and the
/// counts they put on their contacts. Every change goes into an undo log, so
/// a trial (a run from scratch, or the gain of one more starting speaker,
/// for the greedy choice of speakers) is taken back in time proportional to
/// what it touched, and a choice is kept by clearing the log.
///
/// - Complexity: O(*n*) to set up; a run costs O(*n*) for the instigators
///   plus O(Σ degrees of those who speak), not O(*n* + *m*).
package struct CascadeSimulator {
  private let graph: TrustGraph
  /// Each person's threshold.
  package private(set) var thresholds: [Double]
  private let weighted: Bool
  /// Each person's strong-tie weight, added in row order.
  private let totalWeight: [Double]
  /// The people with φ = 0, in file order.
  private var instigators: [Int32]
  // The state: -1 / 0 / false for whoever is silent and unheard.
  private var roundOf: [Int32]
  private var heard: [Int32]
  private var heardWeight: [Double]
  private var queued: [Bool]
  private var log: [Change] = []
  /// The last round of the kept state (-1: nobody kept); a trial on top of
  /// it numbers its rounds after this one, so every kept speaker counts as
  /// having spoken before the trial's.
  private var keptLastRound: Int32 = -1

  /// What a person's entries were before one change.
  private struct Change {
    var person: Int32
    var round: Int32
    var heard: Int32
    var heardWeight: Double
    var queued: Bool
  }

  /// The outcome of one run.
  package struct Run: Sendable {
    /// Each person's round (-1: silent).
    package var round: [Int32]
    /// The speakers of each round, in file order; round 0 first (possibly empty).
    package var rounds: [[Int32]]
    /// How many spoke.
    package var spoke: Int { rounds.reduce(0) { $0 + $1.count } }
  }

  package init(_ graph: TrustGraph, thresholds: [Double], weighted: Bool) {
    self.graph = graph
    self.thresholds = thresholds
    self.weighted = weighted
    let count = graph.personCount
    totalWeight = (0..<count).map { person in
      weighted ? graph.weights(of: person).reduce(0, +) : 0
    }
    instigators = (0..<count).filter { thresholds[$0] <= 0 }.map { Int32(truncatingIfNeeded: $0) }
    roundOf = [Int32](repeating: -1, count: count)
    heard = [Int32](repeating: 0, count: count)
    heardWeight = [Double](repeating: 0, count: count)
    queued = [Bool](repeating: false, count: count)
  }

  /// Everyone's threshold set to `threshold` (a sweep's step); the state must be empty.
  package mutating func setThreshold(_ threshold: Double) {
    precondition(log.isEmpty, "only between runs")
    for index in thresholds.indices { thresholds[index] = threshold }
    instigators = threshold <= 0 ? (0..<thresholds.count).map { Int32(truncatingIfNeeded: $0) } : []
  }

  /// Runs the cascade from `starters` (indices; repeats ignored) on an empty
  /// state, and leaves the state empty again.
  package mutating func run(from starters: [Int32]) -> Run {
    precondition(log.isEmpty && keptLastRound < 0, "a run starts from silence")
    let rounds = spread(starting: starters, instigators: true, firstRound: 0)
    let result = Run(round: roundOf, rounds: rounds)
    undo()
    return result
  }

  /// Makes `starters` (and whoever they move, and the instigators) the kept
  /// state; returns how many speak in it.
  package mutating func keep(startingFrom starters: [Int32]) -> Int {
    precondition(log.isEmpty && keptLastRound < 0, "the kept state starts from silence")
    let rounds = spread(starting: starters, instigators: true, firstRound: 0)
    log.removeAll(keepingCapacity: true)
    keptLastRound = Int32(rounds.count - 1)
    return rounds.reduce(0) { $0 + $1.count }
  }

  /// How many more would speak if `starter` spoke on top of the kept state:
  /// the cascade only grows with its starters, so this is what spreading
  /// from `starter` adds. The state is left as it was.
  package mutating func gain(of starter: Int32) -> Int {
    let added = spread(starting: [starter], instigators: false, firstRound: keptLastRound + 1)
      .reduce(0) { $0 + $1.count }
    undo()
    return added
  }

  /// Adds `starter` to the kept state; returns how many more speak.
  package mutating func add(_ starter: Int32) -> Int {
    let rounds = spread(starting: [starter], instigators: false, firstRound: keptLastRound + 1)
    log.removeAll(keepingCapacity: true)
    keptLastRound += Int32(rounds.count)
    return rounds.reduce(0) { $0 + $1.count }
  }

  /// Speaks `starters` (the ones still silent) in `firstRound`, with the
  /// instigators in the round after when asked, and runs the rounds out;
  /// the speakers of each round, the starters first.
  private mutating func spread(
    starting starters: [Int32], instigators withInstigators: Bool, firstRound: Int32
  ) -> [[Int32]] {
    var current: [Int32] = []
    for person in starters where roundOf[Int(person)] < 0 && !queued[Int(person)] {
      set(person, round: firstRound)
      current.append(person)
    }
    current.sort()
    var rounds = [current]
    var next: [Int32] = []
    if withInstigators {
      for person in instigators where roundOf[Int(person)] < 0 && !queued[Int(person)] {
        setQueued(person)
        next.append(person)
      }
    }
    var round = firstRound
    while true {
      for speaker in current { hear(from: Int(speaker), round: round, into: &next) }
      guard !next.isEmpty else { break }
      round += 1
      next.sort()
      for person in next { set(person, round: round) }
      rounds.append(next)
      current = next
      next = []
    }
    return rounds
  }

  /// Adds `speaker` (who spoke in `round`) to their silent contacts' counts,
  /// queueing those it takes to their threshold.
  private mutating func hear(from speaker: Int, round: Int32, into next: inout [Int32]) {
    let start = graph.offsets[speaker]
    let end = graph.offsets[speaker + 1]
    for slot in start..<end {
      let contact = graph.targets[slot]
      let other = Int(contact)
      guard roundOf[other] < 0, !queued[other] else { continue }
      record(other)
      heard[other] += 1
      if weighted { heardWeight[other] += graph.strengths[slot] }
      if reachesThreshold(other, round: round) {
        queued[other] = true
        next.append(contact)
      }
    }
  }

  /// Whether `person`'s share of contacts who spoke by `round` reaches their threshold.
  @inline(__always)
  private func reachesThreshold(_ person: Int, round: Int32) -> Bool {
    let threshold = thresholds[person]
    let degree = graph.degree(of: person)
    guard degree > 0 else { return threshold <= 0 }
    if !weighted { return Double(heard[person]) / Double(degree) >= threshold }
    let total = totalWeight[person]
    guard total > 0 else { return threshold <= 0 }
    let share = heardWeight[person] / total
    // Near the threshold the running sum's order could tip the comparison:
    // add the weights again in row order, as the definition does.
    if abs(share - threshold) > 1e-9 { return share >= threshold }
    var exact = 0.0
    for (contact, weight) in zip(graph.neighbours(of: person), graph.weights(of: person)) {
      let spoken = roundOf[Int(contact)]
      if spoken >= 0 && spoken <= round { exact += weight }
    }
    return exact / total >= threshold
  }

  @inline(__always)
  private mutating func record(_ person: Int) {
    log.append(
      Change(
        person: Int32(truncatingIfNeeded: person), round: roundOf[person], heard: heard[person],
        heardWeight: heardWeight[person], queued: queued[person]))
  }

  @inline(__always)
  private mutating func set(_ person: Int32, round: Int32) {
    record(Int(person))
    roundOf[Int(person)] = round
  }

  @inline(__always)
  private mutating func setQueued(_ person: Int32) {
    record(Int(person))
    queued[Int(person)] = true
  }

  /// Takes back every change since the log was last cleared, newest first.
  private mutating func undo() {
    while let change = log.popLast() {
      let person = Int(change.person)
      roundOf[person] = change.round
      heard[person] = change.heard
      heardWeight[person] = change.heardWeight
      queued[person] = change.queued
    }
  }
}
