import Testing

@testable import TrustCore

/// The graph builder's steps one by one (the whole build is checked against
/// any number of parts in `TrustGraphTests`).
@Suite("Building the strong-tie graph, step by step")
struct StrongTieGraphBuilderTests {
  /// Bucket, fold and spread on a hand-made network: buckets hold the kept
  /// records by lower end in record order (self-ties and filtered contexts
  /// dropped), folding leaves one entry per pair with its weight, and the
  /// spread lays both directions out.
  @Test func bucketFoldAndSpreadFollowTheirSteps() throws {
    let net = try network(
      """
      {"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
       "ties": [{"from": "b", "to": "a", "strength": 0.3}, {"from": "a", "to": "a"},
                {"from": "a", "to": "b", "strength": 0.9},
                {"from": "c", "to": "a", "strength": 0.6, "contexts": ["hobby"]},
                {"from": "c", "to": "b", "strength": 0.2, "contexts": ["work"]}]}
      """)
    let work = try #require(net.ties.contextNames.index(of: "work"))
    var keeps = [Bool](repeating: false, count: net.ties.contextNames.count)
    keeps[work] = true
    for parts in 1...3 {
      let buckets = TieBuckets(net.ties, personCount: 3, keepsContext: keeps, parts: parts)
      #expect(buckets.keptCount == 3)
      let highs = (0..<3).map { person in
        buckets.bucket(of: person).map { buckets.entries.pointer[$0].high }
      }
      #expect(highs == [[1, 1], [2], []])  // b→a then a→b in record order; c–a dropped
      let pairs = FoldedPairs(buckets, threshold: 0.5, mutualOnly: false, parts: parts)
      #expect(pairs.reciprocatedPairCount == 1)
      #expect(pairs.pairs(of: 0).map { pairs.entries.pointer[$0].strength } == [0.9])
      #expect(pairs.strongAbove.array == [1, 0, 0])
      #expect(pairs.weakAbove.array == [0, 1, 0])
      let (strong, weak) = pairs.spread()
      #expect(strong.offsets == [0, 1, 2, 2] && strong.targets == [1, 0])
      #expect(weak.offsets == [0, 0, 1, 2] && weak.targets == [2, 1])
    }
  }

  /// `validate`'s count of strong ties, folded without the layout, is the
  /// built graph's, under every threshold, reciprocity and part count.
  @Test(arguments: 1...6 as ClosedRange<UInt64>)
  func strongTieCountWithoutTheLayout(seed: UInt64) throws {
    let net = try TrustNetwork(jsonString: randomNetworkJSON(people: 40, ties: 400, seed: seed))
    for threshold in [0.0, 0.3, 0.5, 0.9, 1.0] {
      for reciprocity in StrongTieSettings.Reciprocity.allCases {
        let settings = StrongTieSettings(threshold: threshold, reciprocity: reciprocity)
        let graph = try TrustGraph(net, settings: settings)
        #expect(try TrustGraph.strongTieCount(of: net, settings: settings) == graph.strongTieCount)
        let builder = StrongTieGraphBuilder(
          ties: net.ties, personCount: net.people.count, threshold: threshold,
          mutualOnly: reciprocity == .mutual,
          keepsContext: [Bool](repeating: true, count: net.ties.contextNames.count))
        for parts in 1...3 {
          #expect(builder.strongTieCount(parts: parts) == graph.strongTieCount)
        }
      }
    }
    #expect(throws: StrongTieSettingsError.self) {
      try TrustGraph.strongTieCount(of: net, settings: StrongTieSettings(threshold: 2))
    }
  }
}
