import Testing

@testable import TrustCore

/// Every fraction a hook heard, in order.
private final class Heard: @unchecked Sendable {
  private let lock = NSLockLike()
  private var values: [Double] = []
  var fractions: [Double] { lock.withLock { values } }
  var hook: ProgressHook { ProgressHook { fraction in self.lock.withLock { self.values.append(fraction) } } }
}

@Suite("Long loops report how far they have gone")
struct ProgressHookTests {
  @Test func joinsReportEachCommunity() throws {
    let session = try AnalysisSession(
      try network(manyCommunitiesJSON(people: 80, communities: 12, size: 9)),
      settings: StrongTieSettings())
    let heard = Heard()
    session.progress = heard.hook
    let plan = try JoinsQuery().plan(in: session)
    var iterator = plan.communityJoins.makeIterator()
    _ = iterator.next()
    #expect(heard.fractions == [1.0 / 12])  // one community assessed, one report
    while iterator.next() != nil {}
    #expect(heard.fractions == (1...12).map { Double($0) / 12 })
  }

  @Test func secondDegreesReportEveryFewThousandPeople() throws {
    let net = try network(randomNetworkJSON(people: 10_000, ties: 30_000, seed: 3))
    let graph = try TrustGraph(net, settings: StrongTieSettings())
    let heard = Heard()
    let counts = TrustDegreeCounts(LocalGraph(graph), progress: heard.hook)
    let fractions = heard.fractions
    // 10,000 people in blocks of 1,024, reported every 4,096 or more and at the end.
    #expect(fractions.count >= 2 && fractions.count <= 3)
    #expect(fractions == fractions.sorted())
    #expect(fractions.last == 1)
    #expect(counts == TrustDegreeCounts(LocalGraph(graph)))  // the same answer
  }

  @Test func leidenReportsItsRestartsGrowing() throws {
    let net = try network(randomNetworkJSON(people: 300, ties: 900, seed: 5))
    let graph = try TrustGraph(net, settings: StrongTieSettings())
    let heard = Heard()
    let settings = TribeSettings(restarts: 4)
    let tribes = TribeHierarchy(net, graph: graph, settings: settings, progress: heard.hook)
    let fractions = heard.fractions
    // Each of 4 restarts reports at least one iteration, polishing and its end.
    #expect(fractions.count >= 12)
    #expect(fractions == fractions.sorted())
    #expect(fractions.first.map { $0 > 0 && $0 < 0.5 } == true)
    #expect(fractions.last == 1)
    let again = TribeHierarchy(net, graph: graph, settings: settings)
    #expect(tribes.levels.map(\.tribeOf) == again.levels.map(\.tribeOf))  // the same answer
  }

  @Test func withoutAHookNothingIsCounted() {
    #expect(ProgressCounter(nil, total: 10) == nil)
    #expect(ProgressShares(nil, count: 3) == nil)
  }
}
