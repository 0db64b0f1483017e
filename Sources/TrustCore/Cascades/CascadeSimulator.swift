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
/// counts they put on their contacts. A person's entries go into an undo log
/// the first time a trial touches them (an epoch stamp says whether it has),
/// so a trial (a run from scratch, or the gain of one more starting speaker,
/// for the greedy choice of speakers) is taken back in time proportional to
/// the people it touched, and a choice is kept by clearing the log. The
/// spreading loop works on buffer pointers, with each person's round, count
/// and stamp side by side in one entry: a contact costs one cache line.
///
/// - Complexity: O(*n*) to set up; a run costs O(*n*) for the instigators
///   plus O(Σ degrees of those who speak), not O(*n* + *m*).
package struct CascadeSimulator {
  private let graph: TrustGraph
  /// Each person's threshold.
  package private(set) var thresholds: [Double]
  private let weighted: Bool
  /// Each person's strong-tie weight, added in row order (empty unless weighted).
  private let totalWeight: [Double]
  /// The people with φ = 0, in file order.
  private var instigators: [Int32]
  /// The state: everyone silent, unheard and unstamped to begin with.
  private var state: [Entry]
  /// The weight each person has heard from speakers (empty unless weighted).
  private var heardWeight: [Double]
  private var log: [Change] = []
  /// The stamp of the current trial: an entry whose stamp differs has not
  /// been logged in it yet.
  private var epoch: UInt32 = 1
  /// The last round of the kept state (-1: nobody kept); a trial on top of
  /// it numbers its rounds after this one, so every kept speaker counts as
  /// having spoken before the trial's.
  private var keptLastRound: Int32 = -1

  /// One person's state.
  private struct Entry {
    /// The round they spoke in; `silent` or `queued` (to speak next round).
    var round: Int32 = silent
    /// How many of their contacts have spoken.
    var heard: Int32 = 0
    /// The epoch in which this entry was last logged.
    var stamp: UInt32 = 0

    static let silent: Int32 = -1
    static let queued: Int32 = -2
  }

  /// What a person's entries were before a trial first touched them.
  private struct Change {
    var person: Int32
    var round: Int32
    var heard: Int32
    var heardWeight: Double
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
    totalWeight =
      weighted ? (0..<count).map { graph.weights(of: $0).reduce(0, +) } : []
    instigators = (0..<count).filter { thresholds[$0] <= 0 }.map { Int32(truncatingIfNeeded: $0) }
    state = [Entry](repeating: Entry(), count: count)
    heardWeight = weighted ? [Double](repeating: 0, count: count) : []
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
    let result = Run(round: state.map { $0.round }, rounds: rounds)
    undo()
    return result
  }

  /// Makes `starters` (and whoever they move, and the instigators) the kept
  /// state; returns how many speak in it.
  package mutating func keep(startingFrom starters: [Int32]) -> Int {
    precondition(log.isEmpty && keptLastRound < 0, "the kept state starts from silence")
    let rounds = spread(starting: starters, instigators: true, firstRound: 0)
    clearLog()
    keptLastRound = Int32(rounds.count - 1)
    return rounds.reduce(0) { $0 + $1.count }
  }

  /// How many more would speak if `starter` spoke on top of the kept state:
  /// the cascade only grows with its starters, so this is what spreading
  /// from `starter` adds. The state is left as it was.
  package mutating func gain(of starter: Int32) -> Int {
    trial(from: starter).reduce(0) { $0 + $1.count }
  }

  /// The people who would speak, round by round, if `starter` spoke on top
  /// of the kept state (`starter` first, unless already speaking); the
  /// state is left as it was.
  package mutating func trial(from starter: Int32) -> [[Int32]] {
    let rounds = spread(starting: [starter], instigators: false, firstRound: keptLastRound + 1)
    undo()
    return rounds
  }

  /// Adds `starter` to the kept state; returns how many more speak.
  package mutating func add(_ starter: Int32) -> Int {
    let rounds = spread(starting: [starter], instigators: false, firstRound: keptLastRound + 1)
    clearLog()
    keptLastRound += Int32(rounds.count)
    return rounds.reduce(0) { $0 + $1.count }
  }

  /// Whether `person`, silent in the kept state, would speak on hearing the
  /// contact at `slot` of their row speak, and no one else beyond the kept
  /// speakers: then that contact's cascade holds `person`'s.
  ///
  /// - Complexity: O(1), or O(degree) when a weighted share is within 1e-9
  ///   of the threshold.
  package func wouldSpeak(_ person: Int, hearingOnly slot: Int) -> Bool {
    let entry = state[person]
    guard entry.round == Entry.silent else { return false }
    let threshold = thresholds[person]
    let degree = graph.degree(of: person)
    guard degree > 0 else { return threshold <= 0 }
    if !weighted { return Double(entry.heard + 1) / Double(degree) >= threshold }
    let total = totalWeight[person]
    guard total > 0 else { return threshold <= 0 }
    let share = (heardWeight[person] + graph.strengths[slot]) / total
    if abs(share - threshold) > 1e-9 { return share >= threshold }
    var exact = 0.0
    for index in graph.offsets[person]..<graph.offsets[person + 1] {
      let contact = Int(graph.targets[index])
      if index == slot || state[contact].round >= 0 { exact += graph.strengths[index] }
    }
    return exact / total >= threshold
  }

  /// Speaks `starters` (the ones still silent) in `firstRound`, with the
  /// instigators in the round after when asked, and runs the rounds out;
  /// the speakers of each round, the starters first.
  private mutating func spread(
    starting starters: [Int32], instigators withInstigators: Bool, firstRound: Int32
  ) -> [[Int32]] {
    // The arrays are taken out of `self` for the loop, so each is uniquely
    // held and written through its pointer with no copy-on-write check.
    var state = self.state
    var heardWeight = self.heardWeight
    var log = self.log
    self.state = []
    self.heardWeight = []
    self.log = []
    defer {
      self.state = state
      self.heardWeight = heardWeight
      self.log = log
    }
    let epoch = self.epoch
    let weighted = self.weighted
    return state.withUnsafeMutableBufferPointer { state in
      heardWeight.withUnsafeMutableBufferPointer { heardWeight in
        thresholds.withUnsafeBufferPointer { thresholds in
          totalWeight.withUnsafeBufferPointer { totalWeight in
            graph.withAdjacency { adjacency in
              let spreading = Spreading(
                state: state, heardWeight: heardWeight, thresholds: thresholds,
                totalWeight: totalWeight, adjacency: adjacency, weighted: weighted, epoch: epoch)
              return spreading.run(
                starters: starters, instigators: withInstigators ? instigators : [],
                firstRound: firstRound, log: &log)
            }
          }
        }
      }
    }
  }

  /// Ends the current trial's log: its changes are kept.
  private mutating func clearLog() {
    log.removeAll(keepingCapacity: true)
    nextEpoch()
  }

  /// A new stamp for the next trial; on wrapping around, every stamp is reset.
  private mutating func nextEpoch() {
    if epoch == UInt32.max {
      for index in state.indices { state[index].stamp = 0 }
      epoch = 0
    }
    epoch += 1
  }

  /// Takes back every change since the log was last cleared.
  private mutating func undo() {
    for change in log {
      let person = Int(change.person)
      state[person].round = change.round
      state[person].heard = change.heard
      if weighted { heardWeight[person] = change.heardWeight }
    }
    log.removeAll(keepingCapacity: true)
    nextEpoch()
  }

  /// The spreading loop over raw buffers: a trial's rounds, with every
  /// entry logged the first time it changes.
  private struct Spreading {
    let state: UnsafeMutableBufferPointer<Entry>
    let heardWeight: UnsafeMutableBufferPointer<Double>
    let thresholds: UnsafeBufferPointer<Double>
    let totalWeight: UnsafeBufferPointer<Double>
    let adjacency: AdjacencyHandle
    let weighted: Bool
    let epoch: UInt32

    func run(starters: [Int32], instigators: [Int32], firstRound: Int32, log: inout [Change])
      -> [[Int32]]
    {
      var current: [Int32] = []
      for person in starters where state[Int(person)].round == Entry.silent {
        record(Int(person), &log)
        state[Int(person)].round = firstRound
        current.append(person)
      }
      current.sort()
      var rounds = [current]
      var next: [Int32] = []
      for person in instigators where state[Int(person)].round == Entry.silent {
        record(Int(person), &log)
        state[Int(person)].round = Entry.queued
        next.append(person)
      }
      var round = firstRound
      while true {
        for speaker in current { hear(from: Int(speaker), round: round, into: &next, &log) }
        guard !next.isEmpty else { break }
        round += 1
        next.sort()
        for person in next { state[Int(person)].round = round }
        rounds.append(next)
        current = next
        next = []
      }
      return rounds
    }

    /// Adds `speaker` (who spoke in `round`) to their silent contacts'
    /// counts, queueing those it takes to their threshold.
    @inline(__always)
    private func hear(
      from speaker: Int, round: Int32, into next: inout [Int32], _ log: inout [Change]
    ) {
      for slot in adjacency.row(of: speaker) {
        let other = adjacency.target(at: slot)
        guard state[other].round == Entry.silent else { continue }
        record(other, &log)
        state[other].heard &+= 1
        if weighted { heardWeight[other] += adjacency.weight(at: slot) }
        if reachesThreshold(other, round: round) {
          state[other].round = Entry.queued
          next.append(Int32(truncatingIfNeeded: other))
        }
      }
    }

    /// Whether `person`'s share of contacts who spoke by `round` reaches their threshold.
    @inline(__always)
    private func reachesThreshold(_ person: Int, round: Int32) -> Bool {
      let threshold = thresholds[person]
      let degree = adjacency.degree(of: person)
      guard degree > 0 else { return threshold <= 0 }
      if !weighted { return Double(state[person].heard) / Double(degree) >= threshold }
      let total = totalWeight[person]
      guard total > 0 else { return threshold <= 0 }
      let share = heardWeight[person] / total
      // Near the threshold the running sum's order could tip the comparison:
      // add the weights again in row order, as the definition does.
      if abs(share - threshold) > 1e-9 { return share >= threshold }
      var exact = 0.0
      for slot in adjacency.row(of: person) {
        let spoken = state[adjacency.target(at: slot)].round
        if spoken >= 0 && spoken <= round { exact += adjacency.weight(at: slot) }
      }
      return exact / total >= threshold
    }

    /// Logs `person`'s entries the first time this trial changes them.
    @inline(__always)
    private func record(_ person: Int, _ log: inout [Change]) {
      let entry = state[person]
      guard entry.stamp != epoch else { return }
      state[person].stamp = epoch
      log.append(
        Change(
          person: Int32(truncatingIfNeeded: person), round: entry.round, heard: entry.heard,
          heardWeight: weighted ? heardWeight[person] : 0))
    }
  }
}
