/// Speak-up cascades: who speaks once enough of the people they trust have
/// spoken, from starting speakers named or drawn at random; many random
/// runs; a sweep of the threshold; or the fewest starting speakers that
/// make a share speak (docs/design.md, 'Speak-up cascades').
///
/// ```swift
/// var query = CascadeQuery(threshold: 0.25)
/// query.start = ["ana", "bo"]
/// let answer = try query.run(in: session)
/// answer.run.spoke   // how many spoke in the end
/// ```
///
/// - Complexity: a run costs O(*n*) plus O(Σ degrees of the speakers);
///   runs and sweep steps run at once on every core.
package struct CascadeQuery: Sendable {
  /// The threshold for everyone, or for those without `thresholdBy`.
  package var threshold: Double
  /// An attribute giving each person's threshold.
  package var thresholdBy: String?
  /// Shares of strong-tie weight rather than of contacts.
  package var weighted: Bool
  /// Starting speakers by id.
  package var start: [String]
  /// Or this many drawn at random with ``seed``.
  package var startCount: Int?
  /// The seed of the random draws.
  package var seed: UInt64
  /// Where the communities whose shares are reported come from.
  package var communities: CommunitySource

  package init(
    threshold: Double = QuerySettings.speakingThreshold.defaultValue ?? 0.25,
    thresholdBy: String? = nil, weighted: Bool = false, start: [String] = [],
    startCount: Int? = nil, seed: UInt64 = QuerySettings.seed.defaultValue ?? 1,
    communities: CommunitySource = .file
  ) {
    self.threshold = threshold
    self.thresholdBy = thresholdBy
    self.weighted = weighted
    self.start = start
    self.startCount = startCount
    self.seed = seed
    self.communities = communities
  }

  /// The thresholds, checked (and the settings recorded for provenance).
  private func thresholds(in session: AnalysisSession) throws(TrustQueryError) -> [Double] {
    session.record(QuerySettings.speakingThreshold.name, .number(threshold))
    if let thresholdBy { session.record("thresholdBy", .text(thresholdBy)) }
    recordStart(in: session)
    let everyone = try QuerySettings.speakingThreshold.validated(threshold)
    return try CascadeThresholds.of(session.network, default: everyone, attribute: thresholdBy)
  }

  /// Records how the starting speakers are chosen, for provenance.
  private func recordStart(in session: AnalysisSession) {
    session.record("weighted", .flag(weighted))
    if let startCount {
      session.record(QuerySettings.startCount.name, .integer(startCount))
    } else if !start.isEmpty {
      session.record("start", .list(start))
    }
    session.record(QuerySettings.seed.name, .unsigned(seed))
  }

  /// The named starting speakers, or `count` drawn with `seed`.
  private func starters(in session: AnalysisSession, seed: UInt64) throws(TrustQueryError)
    -> [Int32]
  {
    if let startCount {
      let people = session.network.people.count
      _ = try QuerySettings.startCount.validated(startCount)
      guard startCount <= people else {
        throw TrustQueryError(
          code: .invalidSetting, name: "\(startCount)", closestMatch: nil,
          message: "startCount must be at most the \(people) people, not \(startCount)",
          setting: QuerySettings.startCount.name, expected: "a whole number from 0 to \(people)")
      }
      return Self.draw(startCount, of: people, seed: seed)
    }
    var found: [Int32] = []
    for id in start { found.append(Int32(truncatingIfNeeded: try session.person(id))) }
    return found
  }

  /// `count` distinct people of `people`, uniformly, by a partial
  /// Fisher–Yates shuffle seeded with `seed`.
  static func draw(_ count: Int, of people: Int, seed: UInt64) -> [Int32] {
    var random = SeededRandom(seed: seed)
    var pool = (0..<people).map { Int32(truncatingIfNeeded: $0) }
    for index in 0..<count { pool.swapAt(index, index + random.below(people - index)) }
    return Array(pool.prefix(count))
  }

  /// One run.
  ///
  /// - Throws: ``TrustQueryError`` for a threshold outside [0, 1], an unknown
  ///   or invalid threshold attribute, an unknown starting speaker, a bad count.
  package func run(in session: AnalysisSession) throws(TrustQueryError) -> CascadeAnswer {
    let thresholds = try self.thresholds(in: session)
    let starters = try self.starters(in: session, seed: seed)
    let communities = try session.communities(self.communities)
    var simulator = CascadeSimulator(session.graph, thresholds: thresholds, weighted: weighted)
    return CascadeAnswer(
      session.graph, thresholds: thresholds, starters: starters,
      run: simulator.run(from: starters, tallyingMovers: true), communities: communities)
  }

  /// `count` runs with random starting speakers (``startCount`` of them), the
  /// seeds derived from ``seed`` (the first run uses ``seed`` itself).
  package func runs(_ count: Int, in session: AnalysisSession) throws(TrustQueryError)
    -> CascadeRunsAnswer
  {
    let runs = try QuerySettings.runs.validated(count)
    session.record(QuerySettings.runs.name, .integer(runs))
    let thresholds = try self.thresholds(in: session)
    guard startCount != nil else {
      throw TrustQueryError(
        code: .invalidSetting, name: "runs", closestMatch: nil,
        message: "random runs need a count of random starting speakers (startCount)",
        setting: QuerySettings.runs.name, expected: "a startCount")
    }
    var derive = SeededRandom(seed: seed)
    let seeds = (0..<runs).map { $0 == 0 ? seed : derive.next() }
    var startersByRun: [[Int32]] = []
    for runSeed in seeds { startersByRun.append(try starters(in: session, seed: runSeed)) }
    let spoke = SharedBuffer<Int>(repeating: 0, count: runs)
    let base = CascadeSimulator(session.graph, thresholds: thresholds, weighted: weighted)
    let simulators = SharedBuffer<CascadeSimulator?>(repeating: nil, count: workerCount)
    let starts = startersByRun
    forEachBlockInParallel(count: runs, block: 1) { worker, range in
      var simulator = simulators.pointer[worker] ?? base
      for run in range { spoke.pointer[run] = simulator.run(from: starts[run]).spoke }
      simulators.pointer[worker] = simulator
    }
    return CascadeRunsAnswer(seeds: seeds, spoke: spoke.array, people: session.network.people.count)
  }

  /// The final share for every threshold i / 100, i = 0 … 100, for everyone,
  /// with the same starting speakers.
  package func sweep(in session: AnalysisSession) throws(TrustQueryError) -> CascadeSweepAnswer {
    session.record("sweep", .flag(true))
    recordStart(in: session)
    let starters = try self.starters(in: session, seed: seed)
    let steps = 101
    let spoke = SharedBuffer<Int>(repeating: 0, count: steps)
    let base = CascadeSimulator(
      session.graph, thresholds: [Double](repeating: 0, count: session.graph.personCount),
      weighted: weighted)
    let simulators = SharedBuffer<CascadeSimulator?>(repeating: nil, count: workerCount)
    forEachBlockInParallel(count: steps, block: 1) { worker, range in
      var simulator = simulators.pointer[worker] ?? base
      for step in range {
        simulator.setThreshold(Double(step) / 100)
        spoke.pointer[step] = simulator.run(from: starters).spoke
      }
      simulators.pointer[worker] = simulator
    }
    return CascadeSweepAnswer(
      starters: starters, spoke: spoke.array, people: session.network.people.count)
  }

  /// The fewest starting speakers, by lazy greedy selection, that make at
  /// least `target` of people speak, at most `maximum` of them.
  package func target(_ target: Double, maximum: Int, in session: AnalysisSession)
    throws(TrustQueryError) -> GreedyStart
  {
    let share = try QuerySettings.targetShare.validated(target)
    let most = try QuerySettings.maximumStart.validated(maximum)
    session.record(QuerySettings.targetShare.name, .number(share))
    session.record(QuerySettings.maximumStart.name, .integer(most))
    return GreedyStart(
      session.graph, thresholds: try thresholds(in: session), weighted: weighted, target: share,
      maximum: most)
  }
}

/// One cascade run, in person indices, with what it tells: who moved whom,
/// the silent, the silent observers, and the share of each community.
package struct CascadeAnswer: Sendable {
  /// Each person's threshold.
  package var thresholds: [Double]
  /// The starting speakers, as given or drawn.
  package var starters: [Int32]
  /// The rounds.
  package var run: CascadeSimulator.Run
  /// The graph the run was on.
  package var graph: TrustGraph
  /// Who never spoke, ascending.
  package var silent: [Int32]
  /// The silent with at least one strong-tie contact who spoke, ascending.
  package var heardButSilent: [Int32]
  /// The communities whose shares are reported.
  package var communities: [IndexedCommunity]
  /// Beside ``communities``: how many members spoke.
  package var communitySpoke: [Int]

  /// The facts of `run` on `graph`.
  ///
  /// - Complexity: O(*n*) plus O(Σ degrees of the speakers and of the silent).
  package init(
    _ graph: TrustGraph, thresholds: [Double], starters: [Int32], run: CascadeSimulator.Run,
    communities: [IndexedCommunity]
  ) {
    self.thresholds = thresholds
    self.starters = starters
    self.run = run
    self.communities = communities
    let round = run.round
    self.graph = graph
    var silent: [Int32] = []
    var heard: [Int32] = []
    graph.withAdjacency { adjacency in
      for person in 0..<graph.personCount where round[person] < 0 {
        silent.append(Int32(truncatingIfNeeded: person))
        if adjacency.row(of: person).contains(where: { round[adjacency.target(at: $0)] >= 0 }) {
          heard.append(Int32(truncatingIfNeeded: person))
        }
      }
    }
    self.silent = silent
    heardButSilent = heard
    communitySpoke = communities.map { community in
      community.members.reduce(0) { $0 + (round[Int($1)] >= 0 ? 1 : 0) }
    }
  }
}

extension CascadeAnswer {
  /// Beside `run.rounds`: for each speaker after round 0, the strong-tie
  /// contacts who had spoken in an earlier round (empty for an instigator).
  ///
  /// - Complexity: O(Σ degrees of the speakers), on each call.
  package var movedBy: CascadeMovers { CascadeMovers(graph, run: run, thresholds: thresholds) }
}

/// Many random runs: the seeds and how many spoke in each.
package struct CascadeRunsAnswer: Sendable {
  package var seeds: [UInt64]
  package var spoke: [Int]
  package var people: Int

  /// Each run's final share.
  package var shares: [Double] { spoke.map { people > 0 ? Double($0) / Double(people) : 0 } }
}

/// A sweep: how many spoke at each threshold i / 100.
package struct CascadeSweepAnswer: Sendable {
  package var starters: [Int32]
  package var spoke: [Int]
  package var people: Int

  /// Each step's final share.
  package var shares: [Double] { spoke.map { people > 0 ? Double($0) / Double(people) : 0 } }

  /// The largest threshold whose final share is at least 0.5; `nil` when none.
  package var tippingThreshold: Double? {
    shares.indices.last { shares[$0] >= 0.5 }.map { Double($0) / 100 }
  }
}
