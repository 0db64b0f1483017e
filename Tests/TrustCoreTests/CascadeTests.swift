import Testing

@testable import TrustCore

/// The threshold model the slow, obvious way: every round, everyone checked
/// against the speakers of all earlier rounds, shares summed in row order.
func referenceCascade(
  _ graph: TrustGraph, thresholds: [Double], weighted: Bool, starters: [Int]
) -> [Int] {
  var round = [Int](repeating: -1, count: graph.personCount)
  for person in starters { round[person] = 0 }
  var current = 0
  while true {
    var next: [Int] = []
    for person in 0..<graph.personCount where round[person] < 0 {
      if thresholds[person] <= 0 && current == 0 {
        next.append(person)
        continue
      }
      let contacts = Array(graph.neighbours(of: person))
      guard !contacts.isEmpty else { continue }
      var spoken = 0.0
      var total = 0.0
      for (contact, weight) in zip(contacts, graph.weights(of: person)) {
        let w = weighted ? weight : 1
        total += w
        if round[Int(contact)] >= 0 { spoken += w }
      }
      let share = weighted ? (total > 0 ? spoken / total : 0) : spoken / Double(contacts.count)
      if total > 0 && share >= thresholds[person] { next.append(person) }
    }
    guard !next.isEmpty else { return round }
    current += 1
    for person in next { round[person] = current }
  }
}

/// A random network of `people` with about `mean` strong ties each.
func randomGraphNetwork(people: Int, mean: Double, seed: UInt64, thresholds: [String]? = nil)
  throws -> TrustNetwork
{
  var random = SeededGenerator(seed: seed)
  var builder = TrustNetworkBuilder()
  for person in 0..<people {
    builder.addPerson(
      "p\(person)", attributes: thresholds.map { ["phi": $0[person]] } ?? [:])
  }
  for _ in 0..<Int(Double(people) * mean / 2) {
    let a = Int.random(in: 0..<people, using: &random)
    let b = Int.random(in: 0..<people, using: &random)
    if a != b {
      builder.addTie(
        from: "p\(a)", to: "p\(b)", strength: Double(Int.random(in: 5...10, using: &random)) / 10)
    }
  }
  return try builder.build()
}

@Suite("Speak-up cascades")
struct CascadeTests {
  /// Granovetter (1978): thresholds 0, 1/99, …, 99/99 on a complete graph of 100.
  @Test func granovettersRiot() throws {
    func riot(_ thresholds: [Double]) throws -> CascadeSimulator.Run {
      var builder = TrustNetworkBuilder()
      for person in 0..<100 { builder.addPerson("p\(person)", attributes: ["phi": "\(thresholds[person])"]) }
      for a in 0..<100 {
        for b in (a + 1)..<100 { builder.addTie(from: "p\(a)", to: "p\(b)") }
      }
      let session = try AnalysisSession(try builder.build(), settings: StrongTieSettings())
      return try CascadeQuery(thresholdBy: "phi").run(in: session).run
    }
    let everyone = try riot((0..<100).map { Double($0) / 99 })
    #expect(everyone.spoke == 100)
    #expect(everyone.rounds.count == 101)  // round 0 empty, then one person a round
    #expect(everyone.rounds.dropFirst().allSatisfy { $0.count == 1 })
    #expect(everyone.rounds[1] == [0] && everyone.rounds[100] == [99])
    var changed = (0..<100).map { Double($0) / 99 }
    changed[1] = 2.0 / 99
    let one = try riot(changed)
    #expect(one.spoke == 1)
    #expect(one.rounds == [[], [0]])
  }

  @Test(arguments: [(1, false), (2, true), (3, false), (4, true), (5, false), (6, true)])
  func roundsMatchTheReference(seed: Int, weighted: Bool) throws {
    var random = SeededGenerator(seed: UInt64(seed))
    let people = 150
    // Mixed thresholds: 0, 1, and everything between, some exactly at k / d.
    let choices = ["0", "1", "0.25", "0.5", "0.3333333333333333", "0.2", "0.75", "0.1"]
    let thresholds = (0..<people).map { _ in choices[Int.random(in: 0..<choices.count, using: &random)] }
    let network = try randomGraphNetwork(
      people: people, mean: 4, seed: UInt64(seed) &* 11, thresholds: thresholds)
    let session = try AnalysisSession(network, settings: StrongTieSettings())
    let graph = session.graph
    for trial in 0..<5 {
      let starters = (0..<trial).map { _ in Int.random(in: 0..<people, using: &random) }
      var query = CascadeQuery(thresholdBy: "phi", weighted: weighted)
      query.start = starters.map { "p\($0)" }
      let answer = try query.run(in: session)
      let expected = referenceCascade(
        graph, thresholds: answer.thresholds, weighted: weighted, starters: starters)
      #expect(answer.run.round == expected.map(Int32.init), "trial \(trial)")
      let movedBy = answer.movedBy
      for (index, speakers) in answer.run.rounds.enumerated() {
        #expect(speakers == (0..<people).filter { expected[$0] == index }.map(Int32.init))
        guard index > 0 else { continue }
        for (position, speaker) in speakers.enumerated() {
          let movers =
            answer.thresholds[Int(speaker)] > 0
            ? graph.neighbours(of: Int(speaker)).filter {
              expected[Int($0)] >= 0 && expected[Int($0)] < index
            } : []
          #expect(Array(movedBy[index, position]) == Array(movers))
        }
        // The round's tally, counted straight from the graph, agrees with the lists.
        var tally: [Int32: Int] = [:]
        for position in speakers.indices {
          for mover in movedBy[index, position] { tally[mover, default: 0] += 1 }
        }
        let unprompted = speakers.indices.filter { movedBy[index, $0].isEmpty }.count
        let ranked = tally.sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        let counts = answer.run.tallies[index]
        #expect(counts.movers.map(\.person) == ranked.map(\.key))
        #expect(counts.movers.map(\.moved) == ranked.map(\.value))
        #expect(counts.unprompted == unprompted)
      }
      let silent = (0..<people).filter { expected[$0] < 0 }
      #expect(answer.silent == silent.map(Int32.init))
      #expect(
        answer.heardButSilent
          == silent.filter { p in graph.neighbours(of: p).contains { expected[Int($0)] >= 0 } }.map(
            Int32.init))
    }
  }

  /// A run whose rounds are heard in parts (a range of people per worker)
  /// and in blocks of people gives the rounds, the round of each person and
  /// the movers' tallies of one part heard directly, and the reference's
  /// rounds, for any number of parts and any blocks; with instigators, and
  /// with nobody at φ = 0 (then no speaker's threshold is read).
  @Test(arguments: 1...4, [true, false])
  func roundsHeardInPartsAreTheSame(seed: Int, instigators: Bool) throws {
    var random = SeededGenerator(seed: UInt64(seed) &* 7)
    let people = 400
    let choices =
      (instigators ? ["0"] : []) + ["0.25", "0.5", "0.2", "0.1", "0.3333333333333333"]
    let thresholds = (0..<people).map { _ in choices[Int.random(in: 0..<choices.count, using: &random)] }
    let network = try randomGraphNetwork(
      people: people, mean: 6, seed: UInt64(seed) &* 13, thresholds: thresholds)
    let graph = try TrustGraph(network, settings: StrongTieSettings())
    let phi = network.people.attributeColumn("phi")
    let values = phi.codes.map { Double(phi.values[Int($0)])! }
    let starters = (0..<(instigators ? 3 : 12)).map { _ in
      Int32(Int.random(in: 0..<people, using: &random))
    }
    #expect(values.contains(0) == instigators)
    var one = CascadeSimulator(graph, thresholds: values, weighted: false, parts: 1)
    let expected = one.run(from: starters, tallyingMovers: true)
    #expect(expected.round == referenceCascade(graph, thresholds: values, weighted: false, starters: starters.map(Int.init)).map(Int32.init))
    #expect(expected.rounds.count > 2)
    // Parts, and blocks of people within them: one block of everyone,
    // blocks of 16 people drained every 3 contacts, and the default blocks.
    let blockings: [(shift: Int, capacity: Int?)] = [(9, 100_000), (4, 3), (15, nil)]
    for partCount in [1, 2, 3, 5] {
      for blocking in blockings {
        var split = CascadeSimulator(graph, thresholds: values, weighted: false, parts: partCount)
        split.partMinimumContacts = 0
        split.blockShift = blocking.shift
        split.blockCapacity = blocking.capacity
        for _ in 0..<2 {  // the state is left silent: a second run is the same
          let run = split.run(from: starters, tallyingMovers: true)
          #expect(run.round == expected.round, "\(partCount) parts, \(blocking)")
          #expect(run.rounds == expected.rounds)
          #expect(run.tallies.count == expected.tallies.count)
          for (a, b) in zip(run.tallies, expected.tallies) {
            #expect(a.movers.map(\.person) == b.movers.map(\.person))
            #expect(a.movers.map(\.moved) == b.movers.map(\.moved))
            #expect(a.unprompted == b.unprompted)
          }
          #expect(split.run(from: starters).rounds == expected.rounds)
          // No starting speakers: a first round with nobody in it.
          #expect(split.run(from: []).rounds == one.run(from: []).rounds)
        }
      }
    }
    // The parts cut the degree sum about evenly, in ascending ranges.
    let boundaries = CascadeSimulator.partBoundaries(graph, parts: 3)
    #expect(boundaries.first == 0 && boundaries.last == people && boundaries == boundaries.sorted())
    #expect(boundaries.count == 4)
  }

  /// Movers are ranked by count, then file order, whatever order they come in.
  @Test func moversAreRankedByCountThenFileOrder() {
    let tally = MoverTally(
      ranking: [(person: 9, moved: 1), (person: 2, moved: 3), (person: 5, moved: 3), (person: 0, moved: 1), (person: 7, moved: 40000)],
      unprompted: 2)
    #expect(tally.movers.map(\.person) == [7, 2, 5, 0, 9])
    #expect(tally.movers.map(\.moved) == [40000, 3, 3, 1, 1])
    #expect(tally.unprompted == 2 && tally.count == 5)
    // The first k of the ranking, without ranking them all.
    for k in 0...6 {
      #expect(tally.top(k).map(\.person) == Array([7, 2, 5, 0, 9].prefix(k)))
      #expect(tally.top(k).map(\.moved) == Array([40000, 3, 3, 1, 1].prefix(k)))
    }
  }

  /// The count a person needs is the least k whose share k / d, computed as
  /// a double, reaches the threshold: brute force over degrees and
  /// thresholds, k / d values and their neighbours among them.
  @Test func theNeededCountIsTheLeastShareThatReachesTheThreshold() {
    var thresholds: [Double] = [0, 1, 0.28, 0.1, 0.25, 1.0 / 3, 2.0 / 3, 0.999, 1e-12]
    for d in 1...40 {
      for k in 0...d {
        let share = Double(k) / Double(d)
        thresholds += [share, share.nextUp, share.nextDown]
      }
    }
    for degree in [0, 1, 2, 3, 7, 10, 25, 40, 99] {
      for threshold in thresholds where threshold >= 0 && threshold <= 1 {
        let least =
          threshold <= 0
          ? 0 : (1...max(1, degree)).first { degree > 0 && Double($0) / Double(degree) >= threshold }
        let expected = least.map(Int32.init) ?? Int32.max
        #expect(
          CascadeSimulator.need(threshold, degree: degree) == expected,
          "threshold \(threshold), degree \(degree)")
      }
    }
  }

  @Test func aShareEqualToTheThresholdSpeaks() throws {
    // 7 of a person's 25 contacts start: 7 / 25 = 0.28 exactly.
    var builder = TrustNetworkBuilder()
    builder.addPerson("centre")
    for leaf in 0..<25 {
      builder.addPerson("l\(leaf)")
      builder.addTie(from: "centre", to: "l\(leaf)")
    }
    let session = try AnalysisSession(try builder.build(), settings: StrongTieSettings())
    var query = CascadeQuery(threshold: 0.28)
    query.start = (0..<7).map { "l\($0)" }
    #expect(try query.run(in: session).run.round[0] == 1)
    query.threshold = 0.29
    #expect(try query.run(in: session).run.round[0] == -1)
    // At every sweep step i / 100 too: 28 of 100 contacts start.
    var hundred = TrustNetworkBuilder()
    hundred.addPerson("centre")
    for leaf in 0..<100 {
      hundred.addPerson("l\(leaf)")
      hundred.addTie(from: "centre", to: "l\(leaf)")
    }
    let big = try AnalysisSession(try hundred.build(), settings: StrongTieSettings())
    var sweep = CascadeQuery()
    sweep.start = (0..<28).map { "l\($0)" }
    let answer = try sweep.sweep(in: big)
    for step in 0...100 {
      #expect(answer.spoke[step] == (step <= 28 ? 101 : 28), "step \(step)")
    }
    #expect(answer.tippingThreshold == 0.28)
  }

  /// Watts (2002): with φ = 0.18 and one random starting speaker, global
  /// cascades are frequent at mean degree 4 (most people have at most five
  /// contacts, so one speaking contact moves them, and such people form a
  /// giant cluster) and almost absent at 12. Seen here: 176 of 200 runs at
  /// mean degree 4, 0 of 200 at 12.
  @Test func wattsCascadeWindow() throws {
    func globalCascades(mean: Double) throws -> Int {
      let network = try randomGraphNetwork(people: 10_000, mean: mean, seed: 42)
      let session = try AnalysisSession(network, settings: StrongTieSettings())
      let query = CascadeQuery(threshold: 0.18, startCount: 1, seed: 7)
      return try query.runs(200, in: session).shares.filter { $0 >= 0.5 }.count
    }
    let sparse = try globalCascades(mean: 4)
    let dense = try globalCascades(mean: 12)
    #expect(sparse >= 100, "\(sparse) of 200 at mean degree 4")
    #expect(dense <= 4, "\(dense) of 200 at mean degree 12")
  }

  /// The spec's lazy procedure, with whole cascades recomputed and the queue
  /// as a sorted list.
  func referenceLazyGreedy(
    _ graph: TrustGraph, thresholds: [Double], target: Double, maximum: Int
  ) -> [Int] {
    func spoke(_ starters: [Int]) -> Int {
      referenceCascade(graph, thresholds: thresholds, weighted: false, starters: starters)
        .filter { $0 >= 0 }.count
    }
    let count = graph.personCount
    var picks: [Int] = []
    var speaking = spoke([])
    var queue = (0..<count).map { (gain: spoke([$0]) - speaking, person: $0) }
    func sort() { queue.sort { ($0.gain, $1.person) > ($1.gain, $0.person) } }
    sort()
    while picks.count < maximum && Double(speaking) / Double(count) < target && !queue.isEmpty {
      let top = queue.removeFirst()
      let gain = spoke(picks + [top.person]) - speaking
      if let next = queue.first, gain < next.gain {
        queue.append((gain: gain, person: top.person))
        sort()
        continue
      }
      guard gain > 0 else { break }
      picks.append(top.person)
      speaking += gain
    }
    return picks
  }

  @Test(arguments: 1...5)
  func lazyGreedyFollowsTheProcedure(seed: Int) throws {
    let network = try randomGraphNetwork(people: 60, mean: 3, seed: UInt64(seed) &* 5)
    let graph = try TrustGraph(network)
    // Low thresholds give global cascades, where most first gains stay bounds.
    for (threshold, target) in [(0.25, 0.5), (0.4, 0.3), (0.5, 0.9), (0.1, 0.95), (0.15, 0.99)] {
      let thresholds = [Double](repeating: threshold, count: graph.personCount)
      let greedy = GreedyStart(graph, thresholds: thresholds, weighted: false, target: target, maximum: 20)
      #expect(
        greedy.picks.map(\.person)
          == referenceLazyGreedy(graph, thresholds: thresholds, target: target, maximum: 20))
      var speaking = [Int]()
      for pick in greedy.picks {
        speaking.append(pick.person)
        let spoke = referenceCascade(graph, thresholds: thresholds, weighted: false, starters: speaking)
          .filter { $0 >= 0 }.count
        #expect(pick.share == Double(spoke) / Double(graph.personCount))
      }
    }
  }

  /// The first gains, bounded or shared between people whose cascades are
  /// the same, equal one trial per person against the reference cascade,
  /// weighted or not, with instigators in the kept state and thresholds low
  /// enough for large cascades (where the sharing happens) as well as high ones.
  @Test(arguments: [(1, false), (2, true), (3, false), (4, true)])
  func firstGainsEqualOneTrialPerPerson(seed: Int, weighted: Bool) throws {
    var random = SeededGenerator(seed: UInt64(seed) &* 31)
    let people = 120
    let choices = ["0.1", "0.15", "0.2", "0.25", "0.5", "0.3333333333333333", "1"]
    var thresholds = (0..<people).map { _ in choices[Int.random(in: 0..<choices.count, using: &random)] }
    // Seeds 3 and 4 have an instigator, so the kept state is not empty (and
    // the gains on top of it small); seeds 1 and 2 have large cascades.
    if seed > 2 { thresholds[7] = "0" }
    let network = try randomGraphNetwork(
      people: people, mean: 5, seed: UInt64(seed) &* 13, thresholds: thresholds)
    let session = try AnalysisSession(network, settings: StrongTieSettings())
    let phi = try CascadeQuery(thresholdBy: "phi", weighted: weighted).run(in: session).thresholds
    var simulator = CascadeSimulator(session.graph, thresholds: phi, weighted: weighted)
    let base = simulator.keep(startingFrom: [])
    let kept = referenceCascade(session.graph, thresholds: phi, weighted: weighted, starters: [])
      .filter { $0 >= 0 }.count
    #expect(base == kept)
    let expected = (0..<people).map { person in
      referenceCascade(session.graph, thresholds: phi, weighted: weighted, starters: [person])
        .filter { $0 >= 0 }.count - kept
    }
    #expect(seed > 2 || expected.contains { $0 > people / 2 }, "a large cascade: gains shared")
    #expect(seed <= 2 || kept > 1, "the instigator's cascade is kept")
    // Computed in a random order: every value is always exact or a bound
    // above the true gain, and in the end every person's is exact.
    var first = FirstGains(session.graph, simulator: simulator, bound: people - base)
    var changed: [Int32] = []
    var trials = 0
    for person in (0..<people).shuffled(using: &random) where first.isBound[person] {
      first.compute(person, changed: &changed)
      trials += 1
      #expect(changed.first == Int32(person))
      for other in 0..<people {
        if first.isBound[other] {
          #expect(first.value[other] >= expected[other], "bound of \(other)")
        } else {
          #expect(first.value[other] == expected[other], "gain of \(other)")
        }
      }
    }
    #expect(first.value == expected)
    #expect(trials < people, "some gains came from another's trial")
  }

  /// Disjoint stars where a hub speaks only once all its leaves have, and a
  /// leaf once its hub has: gains never grow, so lazy greedy is plain greedy.
  @Test func lazyGreedyIsPlainGreedyWhenGainsDoNotGrow() throws {
    var builder = TrustNetworkBuilder()
    let sizes = [5, 2, 7, 3, 7, 1]
    for (star, size) in sizes.enumerated() {
      builder.addPerson("h\(star)")
      for leaf in 0..<size {
        builder.addPerson("s\(star)l\(leaf)")
        builder.addTie(from: "h\(star)", to: "s\(star)l\(leaf)")
      }
    }
    let graph = try TrustGraph(try builder.build())
    let thresholds = [Double](repeating: 1, count: graph.personCount)
    let greedy = GreedyStart(graph, thresholds: thresholds, weighted: false, target: 1, maximum: 30)
    // Plain greedy: at each step every gain recomputed, the largest (earliest) picked.
    var picks: [Int] = []
    func spoke(_ starters: [Int]) -> Int {
      referenceCascade(graph, thresholds: thresholds, weighted: false, starters: starters)
        .filter { $0 >= 0 }.count
    }
    while picks.count < 30 {
      let base = spoke(picks)
      let gains = (0..<graph.personCount).map { spoke(picks + [$0]) - base }
      guard let best = gains.max(), best > 0, let person = gains.firstIndex(of: best) else { break }
      picks.append(person)
    }
    #expect(greedy.picks.map(\.person) == picks)
    #expect(greedy.reached)
  }
}
