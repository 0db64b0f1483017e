import Testing

@testable import TrustCore

/// Every combination of the strong-tie settings the CLI offers.
let settingVariants: [StrongTieSettings] = {
  var variants: [StrongTieSettings] = []
  for threshold in [nil, 0.0, 0.3, 0.5, 0.7, 1.0] as [Double?] {
    for reciprocity in StrongTieSettings.Reciprocity.allCases {
      for contexts in [[], ["work"], ["friendship", "advice"]] {
        variants.append(StrongTieSettings(threshold: threshold, reciprocity: reciprocity, contexts: contexts))
      }
    }
  }
  return variants
}()

@Suite("The strong-tie graph")
struct TrustGraphTests {
  @Test(arguments: 1...6 as ClosedRange<UInt64>)
  func matchesTheReferenceOnRandomNetworks(seed: UInt64) throws {
    let net = try network(randomNetworkJSON(people: 40, ties: 160, seed: seed))
    for settings in settingVariants {
      let graph = try TrustGraph(net, settings: settings)
      let reference = ReferenceGraph(net, settings: settings)
      var strongCount = 0
      for person in 0..<net.people.count {
        let neighbours = graph.neighbours(of: person).map(Int.init)
        #expect(neighbours == reference.strong[person].sorted(), "\(settings) person \(person)")
        #expect(graph.weakNeighbours(of: person).map(Int.init) == reference.weak[person].sorted())
        for (neighbour, weight) in zip(neighbours, graph.weights(of: person)) {
          #expect(weight == reference.weight[ReferenceGraph.Pair(person, neighbour)])
        }
        strongCount += neighbours.count
      }
      #expect(graph.strongTieCount * 2 == strongCount)
    }
  }

  /// The builder's parts split the records and the people differently; the
  /// graph must come out the same for any number of them.
  @Test(arguments: 1...4 as ClosedRange<UInt64>)
  func sameGraphWithAnyNumberOfParts(seed: UInt64) throws {
    let net = try network(randomNetworkJSON(people: 60, ties: 400, seed: seed))
    for settings in settingVariants {
      let graph = try TrustGraph(net, settings: settings)
      var keeps = [Bool](repeating: settings.contexts.isEmpty, count: net.ties.contextNames.count)
      for name in settings.contexts { keeps[net.ties.contextNames.index(of: name)!] = true }
      for parts in 1...5 {
        let built = StrongTieGraphBuilder(
          ties: net.ties, personCount: net.people.count, threshold: graph.threshold,
          mutualOnly: settings.reciprocity == .mutual, keepsContext: keeps
        ).build(parts: parts)
        #expect(built.strong.offsets == graph.offsets, "\(settings) parts \(parts)")
        #expect(built.strong.targets == graph.targets)
        #expect(built.strong.weights == graph.strengths)
        #expect(built.weak.offsets == graph.weakOffsets)
        #expect(built.weak.targets == graph.weakTargets)
        #expect(built.reciprocatedPairCount == graph.reciprocatedPairCount)
        #expect(built.keptRecordCount == graph.keptRecordCount)
      }
    }
  }

  @Test func thresholdIsInclusive() throws {
    let net = try network(
      #"{"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}, {"id": "c"}], "ties": [{"from": "a", "to": "b", "strength": 0.5}, {"from": "b", "to": "c", "strength": 0.49}]}"#
    )
    let graph = try TrustGraph(net)
    #expect(graph.strongTieCount == 1)
    #expect(graph.weakTieCount == 1)
    #expect(Array(graph.neighbours(of: 1)) == [0])
  }

  @Test func mutualNeedsBothDirections() throws {
    let net = try network(
      """
      {"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}],
       "ties": [{"from": "a", "to": "b", "strength": 0.9},
                {"from": "b", "to": "c", "strength": 0.9}, {"from": "c", "to": "b", "strength": 0.6},
                {"from": "c", "to": "d", "strength": 0.8, "mutual": true}]}
      """)
    let any = try TrustGraph(net, settings: StrongTieSettings(reciprocity: .any))
    let mutual = try TrustGraph(net, settings: StrongTieSettings(reciprocity: .mutual))
    #expect(any.strongTieCount == 3)
    #expect(mutual.strongTieCount == 2)
    #expect(Array(mutual.neighbours(of: 0)) == [])
    #expect(Array(mutual.weights(of: 1)) == [0.6])
    #expect(Array(any.weights(of: 1)) == [0.9, 0.9])
    #expect(mutual.reciprocatedPairCount == 2)
    #expect(mutual.weakTieCount == 1)
  }

  @Test func contextFilterKeepsGeneralTies() throws {
    let net = try network(
      """
      {"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}, {"id": "c"}],
       "ties": [{"from": "a", "to": "b", "strength": 0.9, "contexts": ["advice"]},
                {"from": "b", "to": "c", "strength": 0.9}]}
      """)
    let friendship = try TrustGraph(
      net, settings: StrongTieSettings(contexts: ["advice", "advice"]))
    #expect(friendship.strongTieCount == 2)
    #expect(throws: StrongTieSettingsError.self) {
      try TrustGraph(net, settings: StrongTieSettings(contexts: ["friendship"]))
    }
    #expect(throws: StrongTieSettingsError.self) {
      try TrustGraph(net, settings: StrongTieSettings(threshold: 1.5))
    }
  }

  @Test func componentsWithoutRecursionOnALongChain() throws {
    var json = #"{"trustmap": 1, "people": ["#
    let count = 200_000
    json += (0..<count).map { #"{"id": "p\#($0)"}"# }.joined(separator: ",")
    json += #"], "ties": ["#
    json += (1..<count).map { #"{"from": "p\#($0 - 1)", "to": "p\#($0)"}"# }.joined(separator: ",")
    json += "]}"
    let net = try network(json)
    let graph = try TrustGraph(net)
    let parts = Components(graph)
    #expect(parts.count == 1)
    #expect(parts.largestSize == count)
  }

  @Test func componentsOfASmallNetwork() throws {
    let net = try network(
      """
      {"trustmap": 1, "people": [{"id": "a"}, {"id": "b"}, {"id": "c"}, {"id": "d"}, {"id": "e"}],
       "ties": [{"from": "a", "to": "c"}, {"from": "d", "to": "e"}, {"from": "b", "to": "b"}]}
      """)
    let parts = Components(try TrustGraph(net))
    #expect(parts.componentOf == [0, 1, 0, 2, 2])
    #expect(parts.sizes == [2, 1, 2])
    let summary = NetworkSummary(net, graph: try TrustGraph(net))
    #expect(summary.isolates == 1)
    #expect(summary.keptRecords == 2)
    #expect(summary.components.count == 3)
  }
}

/// Counts its own deinitialisations, to check that buffers release their elements.
final class DeinitCounter: @unchecked Sendable {
  nonisolated(unsafe) static var count = 0  // touched by one serialized test only
  deinit { Self.count += 1 }
}

@Suite("Parallel helpers", .serialized)
struct ParallelHelperTests {
  @Test func sharedBuffersReleaseTheirElements() {
    // Found by the fuzzer (LeakSanitizer): a buffer of [Int] lists leaked them.
    DeinitCounter.count = 0
    do {
      let buffer = HugePageBuffer<DeinitCounter?>(repeating: nil, count: 3)
      for index in 0..<3 { buffer.pointer[index] = DeinitCounter() }
    }
    #expect(DeinitCounter.count == 3)
  }

  @Test func everyBlockIsVisitedOnce() {
    let seen = HugePageBuffer<Int32>(repeating: 0, count: 10_000)
    forEachBlockInParallel(count: 10_000, block: 7) { _, range in
      for index in range { seen.pointer[index] += 1 }
    }
    #expect(seen.array.allSatisfy { $0 == 1 })
  }
}
