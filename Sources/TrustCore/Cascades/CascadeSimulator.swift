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
/// counts they put on their contacts. A trial (the gain of one more starting
/// speaker, for the greedy choice of speakers) logs each person's entry the
/// first time it touches them (a stamp per person says whether it has), so
/// it is taken back in time proportional to the people it touched, and a
/// choice is kept by clearing the log. A run from silence logs nothing: the
/// state is reset whole afterwards, O(*n*), which is cheaper than logging
/// every contact of a large cascade.
///
/// The spreading loop works on buffer pointers over one 8-byte entry per
/// person (the round they spoke in, and how many more contacts must speak
/// for them to): a contact costs one random read, which is most of a
/// cascade's time on a large network.
///
/// - Complexity: O(*n*) to set up; a run costs O(*n*) plus O(Σ degrees of
///   those who speak); a trial O(Σ degrees of those it makes speak).
package struct CascadeSimulator {
  private let graph: TrustGraph
  /// Each person's threshold.
  package private(set) var thresholds: [Double]
  private let weighted: Bool
  /// Each person's strong-tie weight, added in row order (empty unless weighted).
  private let totalWeight: [Double]
  /// The people with φ = 0, in file order.
  private var instigators: [Int32]
  /// How many contacts each person needs to have spoken (``need(_:degree:)``).
  private var need: [Int32]
  /// The state: everyone silent, needing their full count, to begin with.
  private var state: [Entry]
  /// The weight each person has heard from speakers (empty unless weighted).
  private var heardWeight: [Double]
  /// The epoch in which each person's entry was last logged by a trial.
  private var stamps: [UInt32]
  private var log: [Change] = []
  /// The stamp of the current trial: an entry whose stamp differs has not
  /// been logged in it yet.
  private var epoch: UInt32 = 1
  /// The last round of the kept state (-1: nobody kept); a trial on top of
  /// it numbers its rounds after this one, so every kept speaker counts as
  /// having spoken before the trial's.
  private var keptLastRound: Int32 = -1
  /// People split into one contiguous range per worker, of about equal
  /// degree sums: in a large round of a run from silence, each worker takes
  /// the contacts in its own range (``Spreading``).
  private let parts: [Int]
  /// Rounds with fewer contacts than this are heard on one thread (tests
  /// set 0 to take every round in parts).
  package var partMinimumContacts = 1 << 15
  /// A large round's contacts are heard in blocks of `1 << blockShift`
  /// people (``ContactBlocks``): 32,768 people's entries are 256 KB, which
  /// fits a core's own cache (smaller when there would be too few blocks for
  /// the workers). Tests set small blocks.
  package var blockShift = 15
  /// The entries a block holds before it is heard; `nil`: up to 65,536, and
  /// at most 4 million (16 MB) in all the workers' buffers.
  package var blockCapacity: Int? = nil

  /// One person's state.
  private struct Entry {
    /// The round they spoke in; `silent` or `queued` (to speak next round).
    var round: Int32
    /// While silent, how many more contacts must speak for them to
    /// (unweighted; 0 or less: enough). Once spoken, free: a run that tallies
    /// movers counts in it how many of a round's speakers they moved.
    var remaining: Int32

    static let silent: Int32 = -1
    static let queued: Int32 = -2
  }

  /// What a person's entries were before a trial first touched them.
  private struct Change {
    var person: Int32
    var entry: Entry
    var heardWeight: Double
  }

  /// The outcome of one run.
  package struct Run: Sendable {
    /// Each person's round (-1: silent).
    package var round: [Int32]
    /// The speakers of each round, in file order; round 0 first (possibly empty).
    package var rounds: [[Int32]]
    /// Beside ``rounds``, when asked for: who moved each round's speakers
    /// (empty for round 0).
    package var tallies: [MoverTally] = []
    /// How many spoke.
    package var spoke: Int { rounds.reduce(0) { $0 + $1.count } }
  }

  /// `parts`: how many ranges of people a large round's contacts are split
  /// into, one per worker (the threads allowed, by default).
  package init(
    _ graph: TrustGraph, thresholds: [Double], weighted: Bool, parts partCount: Int = workerCount
  ) {
    self.graph = graph
    self.thresholds = thresholds
    self.weighted = weighted
    let count = graph.personCount
    totalWeight =
      weighted ? (0..<count).map { graph.weights(of: $0).reduce(0, +) } : []
    instigators = (0..<count).filter { thresholds[$0] <= 0 }.map { Int32(truncatingIfNeeded: $0) }
    let need = Self.needs(thresholds, graph)
    self.need = need
    state = [Entry](unsafeUninitializedCapacity: count) { state, initialized in
      // Read at random for every contact of every speaker: on huge pages.
      adviseHugePages(
        UnsafeMutableRawPointer(state.baseAddress),
        byteCount: count * MemoryLayout<Entry>.stride)
      for person in 0..<count {
        state.initializeElement(
          at: person, to: Entry(round: Entry.silent, remaining: need[person]))
      }
      initialized = count
    }
    heardWeight = weighted ? [Double](repeating: 0, count: count) : []
    stamps = [UInt32](repeating: 0, count: count)
    parts = Self.partBoundaries(graph, parts: partCount)
  }

  /// `parts + 1` ascending people from 0 to everyone, cutting the degree sum
  /// into about equal parts.
  static func partBoundaries(_ graph: TrustGraph, parts: Int) -> [Int] {
    let count = graph.personCount
    let total = graph.offsets[count]
    var boundaries = [0]
    var person = 0
    for part in 1..<max(1, parts) {
      let wanted = total / parts * part
      while person < count && graph.offsets[person] < wanted { person += 1 }
      boundaries.append(max(person, boundaries[part - 1]))
    }
    boundaries.append(count)
    return boundaries
  }

  /// The least k with `Double(k) / Double(degree) >= threshold`, the very
  /// comparison of the definition, so a share equal to the threshold speaks
  /// (7 of 25 at 0.28); `Int32.max` when none (no ties and a threshold above 0).
  static func need(_ threshold: Double, degree: Int) -> Int32 {
    guard threshold > 0 else { return 0 }
    guard degree > 0 else { return Int32.max }
    let share = { (k: Int) in Double(k) / Double(degree) }
    var k = min(degree, Int((threshold * Double(degree)).rounded(.up)))
    while k > 0 && share(k - 1) >= threshold { k -= 1 }
    while k <= degree && !(share(k) >= threshold) { k += 1 }
    return k > degree ? Int32.max : Int32(k)
  }

  /// ``need(_:degree:)`` for everyone.
  static func needs(_ thresholds: [Double], _ graph: TrustGraph) -> [Int32] {
    if let first = thresholds.first, thresholds.allSatisfy({ $0 == first }) {
      return needs(first, graph)
    }
    return (0..<graph.personCount).map { need(thresholds[$0], degree: graph.degree(of: $0)) }
  }

  /// ``need(_:degree:)`` for everyone with one threshold, worked out once
  /// per degree (a few divisions each, which a million people would repeat).
  static func needs(_ threshold: Double, _ graph: TrustGraph) -> [Int32] {
    var byDegree: [Int32] = []
    return (0..<graph.personCount).map { person in
      let degree = graph.degree(of: person)
      while byDegree.count <= degree { byDegree.append(need(threshold, degree: byDegree.count)) }
      return byDegree[degree]
    }
  }

  /// Everyone's threshold set to `threshold` (a sweep's step); the state must be empty.
  package mutating func setThreshold(_ threshold: Double) {
    precondition(log.isEmpty && keptLastRound < 0, "only between runs")
    need = Self.needs(threshold, graph)
    for index in thresholds.indices {
      thresholds[index] = threshold
      state[index].remaining = need[index]
    }
    instigators = threshold <= 0 ? (0..<thresholds.count).map { Int32(truncatingIfNeeded: $0) } : []
  }

  /// Runs the cascade from `starters` (indices; repeats ignored) on an empty
  /// state, and leaves the state empty again; with `tallyingMovers`, the
  /// run's ``Run/tallies`` too (counted as the speakers' rows are read anyway).
  package mutating func run(from starters: [Int32], tallyingMovers: Bool = false) -> Run {
    precondition(log.isEmpty && keptLastRound < 0, "a run starts from silence")
    let spread = spread(
      starting: starters, instigators: true, firstRound: 0, logging: false,
      tallying: tallyingMovers)
    let result = Run(round: state.map { $0.round }, rounds: spread.rounds, tallies: spread.tallies)
    for person in state.indices {
      state[person] = Entry(round: Entry.silent, remaining: need[person])
    }
    if weighted { for person in heardWeight.indices { heardWeight[person] = 0 } }
    return result
  }

  /// Makes `starters` (and whoever they move, and the instigators) the kept
  /// state; returns how many speak in it.
  package mutating func keep(startingFrom starters: [Int32]) -> Int {
    precondition(log.isEmpty && keptLastRound < 0, "the kept state starts from silence")
    let rounds = spread(starting: starters, instigators: true, firstRound: 0).rounds
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
      .rounds
    undo()
    return rounds
  }

  /// Adds `starter` to the kept state; returns how many more speak.
  package mutating func add(_ starter: Int32) -> Int {
    let rounds = spread(starting: [starter], instigators: false, firstRound: keptLastRound + 1)
      .rounds
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
    guard graph.degree(of: person) > 0 else { return threshold <= 0 }
    if !weighted { return entry.remaining <= 1 }
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
  /// the speakers of each round, the starters first, and with `tallying`
  /// who moved them. With `logging`, every entry changed goes into the log.
  private mutating func spread(
    starting starters: [Int32], instigators withInstigators: Bool, firstRound: Int32,
    logging: Bool = true, tallying: Bool = false
  ) -> (rounds: [[Int32]], tallies: [MoverTally]) {
    // The arrays are taken out of `self` for the loop, so each is uniquely
    // held and written through its pointer with no copy-on-write check.
    let parts = self.parts
    var state = self.state
    var heardWeight = self.heardWeight
    var stamps = self.stamps
    var log = self.log
    self.state = []
    self.heardWeight = []
    self.stamps = []
    self.log = []
    defer {
      self.state = state
      self.heardWeight = heardWeight
      self.stamps = stamps
      self.log = log
    }
    // Contacts taken in parts only without a log (one per trial) and
    // unweighted (a weighted share near the threshold reads other people's
    // entries, which another part may be writing).
    let context = (
      epoch: epoch, weighted: weighted, logging: logging,
      parts: logging || weighted ? [] : parts, partMinimum: partMinimumContacts,
      blocks: (shift: blockShift, capacity: blockCapacity), allPrompted: instigators.isEmpty
    )
    return state.withUnsafeMutableBufferPointer { state in
      heardWeight.withUnsafeMutableBufferPointer { heardWeight in
        stamps.withUnsafeMutableBufferPointer { stamps in
          thresholds.withUnsafeBufferPointer { thresholds in
            totalWeight.withUnsafeBufferPointer { totalWeight in
              graph.withAdjacency { adjacency in
                let spreading = Spreading(
                  state: state, heardWeight: heardWeight, stamps: stamps,
                  thresholds: thresholds, totalWeight: totalWeight, adjacency: adjacency,
                  weighted: context.weighted, logging: context.logging, epoch: context.epoch,
                  parts: context.parts, partMinimumContacts: context.partMinimum,
                  blockShift: context.blocks.shift, blockCapacity: context.blocks.capacity,
                  allPrompted: context.allPrompted)
                return spreading.run(
                  starters: starters, instigators: withInstigators ? instigators : [],
                  firstRound: firstRound, tallying: tallying, log: &log)
              }
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
      for index in stamps.indices { stamps[index] = 0 }
      epoch = 0
    }
    epoch += 1
  }

  /// Takes back every change since the log was last cleared.
  private mutating func undo() {
    for change in log {
      let person = Int(change.person)
      state[person] = change.entry
      if weighted { heardWeight[person] = change.heardWeight }
    }
    log.removeAll(keepingCapacity: true)
    nextEpoch()
  }

  /// The spreading loop over raw buffers: a trial's rounds, with every
  /// entry logged the first time it changes (when logging).
  private struct Spreading {
    let state: UnsafeMutableBufferPointer<Entry>
    let heardWeight: UnsafeMutableBufferPointer<Double>
    let stamps: UnsafeMutableBufferPointer<UInt32>
    let thresholds: UnsafeBufferPointer<Double>
    let totalWeight: UnsafeBufferPointer<Double>
    let adjacency: AdjacencyHandle
    let weighted: Bool
    let logging: Bool
    let epoch: UInt32
    /// Contiguous ranges of people (``CascadeSimulator/partBoundaries(_:parts:)``);
    /// `[0, n]`: one part; empty: every round on one thread, unblocked
    /// (with a log, or weighted).
    let parts: [Int]

    /// A round with at least this many contacts is heard on every worker,
    /// in blocks (`hearInParts`);
    /// below it, a round is not worth the threads.
    let partMinimumContacts: Int
    /// The blocks of a large round (``ContactBlocks``).
    let blockShift: Int
    let blockCapacity: Int?
    /// Whether nobody has φ = 0 (so every speaker after the first round was
    /// moved by others).
    let allPrompted: Bool
    /// How many speakers on a large round's reading looks ahead.
    static let readAhead = 8

    func run(
      starters: [Int32], instigators: [Int32], firstRound: Int32, tallying: Bool,
      log: inout [Change]
    ) -> (rounds: [[Int32]], tallies: [MoverTally]) {
      var current: [Int32] = []
      for person in starters where state[Int(person)].round == Entry.silent {
        record(Int(person), &log)
        speak(Int(person), round: firstRound)
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
      var tallies: [MoverTally] = tallying ? [MoverTally(ranking: [], unprompted: 0)] : []
      var seen: [Int32] = []
      while true {
        let tallyRound = tallying && round > firstRound
        if tallyRound {
          tallies.append(
            MoverTally(
              ranking: [], unprompted: current.count { thresholds[Int($0)] <= 0 }))
        }
        let roundContacts = parts.isEmpty ? 0 : contacts(of: current)
        // On one worker, blocks help only when the state is larger than one.
        let blocksHelp = parts.count > 2 || state.count > 1 << blockShift
        if !parts.isEmpty && blocksHelp && roundContacts >= partMinimumContacts {
          let (heard, movers) = hearInParts(
            current, round: round, tallying: tallyRound, contacts: roundContacts,
            othersQueued: !next.isEmpty)
          if tallyRound { tallies[tallies.count - 1].record(movers) }
          // The parts have spoken their own; the instigators, queued before
          // the first round, join them.
          for person in next { speak(Int(person), round: round + 1) }
          next = next.isEmpty ? heard : (heard + next).sorted()
          guard !next.isEmpty else { break }
          round += 1
        } else {
          for speaker in current {
            let prompted = tallyRound && thresholds[Int(speaker)] > 0
            hear(from: Int(speaker), round: round, into: &next, &log, tallying: prompted, &seen)
          }
          if tallyRound {
            let movers = seen.map { (person: $0, moved: Int(state[Int($0)].remaining)) }
            for person in seen { state[Int(person)].remaining = 0 }
            seen.removeAll(keepingCapacity: true)
            tallies[tallies.count - 1].record(movers)
          }
          guard !next.isEmpty else { break }
          round += 1
          next.sort()
          for person in next { speak(Int(person), round: round) }
        }
        rounds.append(next)
        current = next
        next = []
      }
      return (rounds, tallies)
    }

    /// How many contacts `speakers` have in all.
    private func contacts(of speakers: [Int32]) -> Int {
      var total = 0
      for speaker in speakers { total += adjacency.degree(of: Int(speaker)) }
      return total
    }

    /// One round's hearing on every worker (no log, unweighted), in blocks
    /// of people (``ContactBlocks``): who speaks next (sorted, and already
    /// marked as speaking in `round + 1`) and, when tallying, who moved this
    /// round's speakers. `contacts`: the speakers' degrees in all;
    /// `othersQueued`: whether people are queued besides those this round
    /// moves (the instigators, before the first round).
    ///
    /// Each worker reads the rows of its own run of the speakers into its
    /// blocks; then each worker hears the blocks of its own run of people
    /// (the parts, rounded to blocks) from every worker's buffers. When a
    /// buffer fills up, both steps repeat from where the reading stopped.
    /// Hearing is the same in any order within a round (a contact lowers a
    /// count, or counts a mover; nobody speaks before the round is over),
    /// and each worker's run of people is contiguous, so their sorted lists
    /// joined in order are the round's, on any number of workers.
    private func hearInParts(
      _ speakers: [Int32], round: Int32, tallying: Bool, contacts: Int, othersQueued: Bool
    ) -> (next: [Int32], movers: [(person: Int32, moved: Int)]) {
      let workers = parts.count - 1
      // Smaller blocks (down to 64 people) when there are too few for every
      // worker to own some: a mid-sized network's blocks would otherwise all
      // go to one worker.
      var smaller = blockShift
      while smaller > 6
        && ContactBlocks.blockCount(people: state.count, shift: smaller) < workers * 4
      {
        smaller -= 1
      }
      let shift = smaller
      let blockCount = ContactBlocks.blockCount(people: state.count, shift: shift)
      var owners = [0]
      for worker in 1..<workers {
        let rounded = (parts[worker] + (1 << shift) / 2) >> shift
        owners.append(max(owners[worker - 1], min(blockCount, rounded)))
      }
      owners.append(blockCount)
      // At most 4 million entries (16 MB) in all the workers' buffers.
      let capacity =
        blockCapacity ?? max(64, min(1 << 16, (1 << 22) / (blockCount * workers), contacts))
      let blocks = (0..<workers).map { _ in
        ContactBlocks(people: state.count, shift: shift, capacity: capacity)
      }
      defer { for space in blocks { space.deallocate() } }
      // Worker w reads the rows of speakers[cuts[w] ..< cuts[w + 1]]; where
      // each worker's reading stands: the speaker (an index into `speakers`)
      // and the slot of their row (`Int.min`: its start).
      let cuts = (0...workers).map { speakers.count * $0 / workers }
      let reading = HugePageBuffer<(speaker: Int, slot: Int, touched: UInt64)>(
        repeating: (0, Int.min, 0), count: workers)
      for worker in 0..<workers { reading.pointer[worker].speaker = cuts[worker] }
      let nexts = HugePageBuffer<[Int32]>(repeating: [], count: workers)
      let seens = HugePageBuffer<[Int32]>(repeating: [], count: workers)
      let moved = HugePageBuffer<[(person: Int32, moved: Int)]>(repeating: [], count: workers)
      let shared = UnsafeSendable((self, speakers, blocks, owners, cuts))
      let everyWorker = Array(0...workers)
      var done = false
      while !done {
        forEachPartInParallel(boundaries: everyWorker) { worker, _ in
          let (spreading, speakers, blocks, _, cuts) = shared.value
          let position = reading.pointer[worker]
          reading.pointer[worker] = spreading.read(
            speakers, from: (position.speaker, position.slot), to: cuts[worker + 1],
            tallying: tallying, into: blocks[worker])
        }
        done = (0..<workers).allSatisfy { reading.pointer[$0].speaker >= cuts[$0 + 1] }
        let last = done
        forEachPartInParallel(boundaries: everyWorker) { worker, _ in
          let (spreading, _, blocks, owners, _) = shared.value
          // Taken out, so that appending to them copies nothing.
          var next = nexts.pointer[worker]
          var seen = seens.pointer[worker]
          nexts.pointer[worker] = []
          seens.pointer[worker] = []
          for block in owners[worker]..<owners[worker + 1] {
            for source in blocks {
              spreading.hear(source.entries(of: block), round: round, into: &next, &seen)
              source.empty(block)
            }
          }
          if last {
            if tallying {
              moved.pointer[worker] = seen.map {
                (person: $0, moved: Int(spreading.state[Int($0)].remaining))
              }
              for person in seen { spreading.state[Int(person)].remaining = 0 }
            }
            let everyone = spreading.state.count
            let people =
              min(everyone, owners[worker] << shift)..<min(everyone, owners[worker + 1] << shift)
            if !othersQueued && next.count >= people.count / 32 {
              // Many: a pass over the worker's people finds the queued in
              // order for less than sorting them.
              next.removeAll(keepingCapacity: true)
              for person in people where spreading.state[person].round == Entry.queued {
                spreading.speak(person, round: round + 1)
                next.append(Int32(truncatingIfNeeded: person))
              }
            } else {
              next.sort()
              for person in next { spreading.speak(Int(person), round: round + 1) }
            }
          }
          nexts.pointer[worker] = next
          seens.pointer[worker] = seen
        }
      }
      return (Array(nexts.array.joined()), tallying ? Array(moved.array.joined()) : [])
    }

    /// Reads the rows of `speakers[position.speaker ..< end]` into `blocks`,
    /// from `position.slot` of the first; returns where it stopped: at `end`,
    /// or at the first contact whose block was full.
    ///
    /// A speaker's offsets, threshold and row are three cache misses, and
    /// one speaker's are needed before the next's are asked for. So each
    /// step first reads the first contact (and threshold) of the speaker
    /// `readAhead` places on: independent loads, whose misses overlap, and
    /// which leave those lines in the cache for their turn. What they read
    /// goes into the returned `touched`, for the caller to store, so that
    /// the compiler keeps them.
    private func read(
      _ speakers: [Int32], from position: (speaker: Int, slot: Int), to end: Int,
      tallying: Bool, into blocks: ContactBlocks
    ) -> (speaker: Int, slot: Int, touched: UInt64) {
      var index = position.speaker
      var slot = position.slot
      var touched: UInt64 = 0
      let lastSlot = adjacency.targets.count &- 1
      // Nobody has φ = 0: every speaker after the first round is prompted.
      let readThresholds = tallying && !allPrompted
      while index < end {
        let speaker = Int(speakers[index])
        if index &+ Self.readAhead < end && lastSlot >= 0 {
          let later = Int(speakers[index &+ Self.readAhead])
          let first = min(adjacency.offsets[later], lastSlot)
          touched &+= UInt64(truncatingIfNeeded: adjacency.targets[first])
          if readThresholds { touched &+= thresholds[later].bitPattern }
        }
        let row = adjacency.row(of: speaker)
        if slot == Int.min { slot = row.lowerBound }
        // Flagged: a prompted speaker (moved by others), whose movers are tallied.
        let prompted = tallying && (allPrompted || thresholds[speaker] > 0)
        let flag = prompted ? ContactBlocks.flag : 0
        while slot < row.upperBound {
          guard blocks.add(adjacency.target(at: slot), flag: flag) else {
            return (index, slot, touched)
          }
          slot &+= 1
        }
        index &+= 1
        slot = Int.min
      }
      return (index, Int.min, touched)
    }

    /// Hears a block's contacts (no log, unweighted: blocked rounds are
    /// neither): each entry a contact, flagged when its speaker's movers are
    /// tallied.
    @inline(__always)
    private func hear(
      _ contacts: UnsafeBufferPointer<UInt32>, round: Int32, into next: inout [Int32],
      _ seen: inout [Int32]
    ) {
      var noLog: [Change] = []
      for packed in contacts {
        hear(
          Int(packed & ~ContactBlocks.flag), atSlot: 0, round: round, into: &next, &noLog,
          tallying: packed >= ContactBlocks.flag, &seen)
      }
    }

    /// Marks `person` as having spoken in `round`; their count is free from
    /// now on, and starts at 0 for the tallies.
    @inline(__always)
    private func speak(_ person: Int, round: Int32) {
      state[person] = Entry(round: round, remaining: 0)
    }

    /// Adds `speaker` (who spoke in `round`) to their silent contacts'
    /// counts, queueing those it takes to their threshold; with `tallying`,
    /// each contact who spoke in an earlier round is counted (in their free
    /// count) as one of `speaker`'s movers, listed in `seen` when first
    /// counted: the same row, read once.
    @inline(__always)
    private func hear(
      from speaker: Int, round: Int32, into next: inout [Int32], _ log: inout [Change],
      tallying: Bool, _ seen: inout [Int32]
    ) {
      for slot in adjacency.row(of: speaker) {
        hear(
          adjacency.target(at: slot), atSlot: slot, round: round, into: &next, &log,
          tallying: tallying, &seen)
      }
    }

    /// `other` hears a speaker of `round` (the tie at `slot` of the
    /// speaker's row, whose weight is read only when weighted): a silent
    /// contact's count goes down, and they are queued when it reaches their
    /// threshold; with `tallying`, a contact who spoke in an earlier round is
    /// counted as one of the speaker's movers.
    @inline(__always)
    private func hear(
      _ other: Int, atSlot slot: Int, round: Int32, into next: inout [Int32],
      _ log: inout [Change], tallying: Bool, _ seen: inout [Int32]
    ) {
      var entry = state[other]
      if entry.round >= 0 {
        guard tallying && entry.round < round else { return }
        if entry.remaining == 0 { seen.append(Int32(truncatingIfNeeded: other)) }
        state[other].remaining = entry.remaining &+ 1
        return
      }
      guard entry.round == Entry.silent else { return }
      record(other, &log)
      entry.remaining &-= 1
      let reaches: Bool
      if weighted {
        heardWeight[other] += adjacency.weight(at: slot)
        reaches = reachesWeightedThreshold(other, round: round)
      } else {
        reaches = entry.remaining <= 0
      }
      if reaches {
        entry.round = Entry.queued
        next.append(Int32(truncatingIfNeeded: other))
      }
      state[other] = entry
    }

    /// Whether `person`'s share of strong-tie weight from contacts who spoke
    /// by `round` reaches their threshold.
    @inline(__always)
    private func reachesWeightedThreshold(_ person: Int, round: Int32) -> Bool {
      let threshold = thresholds[person]
      guard adjacency.degree(of: person) > 0 else { return threshold <= 0 }
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
      guard logging && stamps[person] != epoch else { return }
      stamps[person] = epoch
      log.append(
        Change(
          person: Int32(truncatingIfNeeded: person), entry: state[person],
          heardWeight: weighted ? heardWeight[person] : 0))
    }
  }
}
