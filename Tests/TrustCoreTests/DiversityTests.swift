import Testing

@testable import TrustCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

@Suite("Diversity versus volume")
struct DiversityTests {
  @Test func handWorkedMixingMatrix() throws {
    // a, b red; c, d blue; e has no team. Ties a-b, a-c, c-d, e-a.
    // Over the three ties with a team at both ends: internal 2, external 1,
    // e = [[2, 1], [1, 2]] / 6, a = [1/2, 1/2]: r = (4/6 - 1/2) / (1 - 1/2) = 1/3.
    let net = try network(
      """
      {"trustmap": 1, "people": [{"id": "a", "attributes": {"team": "red"}}, {"id": "b", "attributes": {"team": "red"}},
        {"id": "c", "attributes": {"team": "blue"}}, {"id": "d", "attributes": {"team": "blue"}}, {"id": "e"}],
       "ties": [{"from": "a", "to": "b"}, {"from": "a", "to": "c"}, {"from": "c", "to": "d"}, {"from": "e", "to": "a"}]}
      """)
    let graph = try TrustGraph(net)
    let d = DiversityAnalysis(graph, column: net.people.attributeColumn("team"))
    #expect(abs((d.assortativity ?? .nan) - 1.0 / 3.0) < 1e-12)
    #expect(abs((d.eiIndex ?? .nan) - (-1.0 / 3.0)) < 1e-12)
    #expect(d.valueCount == 2)
    let a = d.people[0]
    #expect(a.volume == 3)
    #expect(a.missing == 1)
    #expect(a.blau == 0.5)
    #expect(a.iqv == 1.0)
    #expect(a.entropyBits == 1.0)
    #expect(a.distinct == 2)
    #expect(a.eiIndex == 0)
    let e = d.people[4]
    #expect(e.volume == 1 && e.blau == 0 && e.eiIndex == nil)
    let b = d.people[1]
    #expect(b.blau == 0 && b.eiIndex == -1 && b.entropyBits == 0)
    #expect(d.valueEIIndex.map(\.value) == ["red", "blue"])
    #expect(d.valueEIIndex.map(\.internalTies) == [1, 1])
    #expect(d.valueEIIndex.map(\.externalTies) == [1, 1])
    #expect(d.valueEIIndex.map(\.eiIndex) == [0, 0])
  }

  @Test func undefinedFiguresAreNil() throws {
    let net = try network(
      """
      {"trustmap": 1, "people": [{"id": "a", "attributes": {"team": "red"}}, {"id": "b", "attributes": {"team": "red"}},
        {"id": "c"}, {"id": "d"}, {"id": "lonely", "attributes": {"team": "red"}}],
       "ties": [{"from": "a", "to": "b"}, {"from": "c", "to": "d"}, {"from": "a", "to": "c"}]}
      """)
    let d = DiversityAnalysis(try TrustGraph(net), column: net.people.attributeColumn("team"))
    #expect(d.assortativity == nil)  // one value only
    #expect(d.eiIndex == -1)
    #expect(d.people[2].eiIndex == nil)  // c lacks the attribute
    #expect(d.people[3].blau == nil && d.people[3].entropyBits == nil)  // d's only contact lacks it
    #expect(d.people[3].missing == 1 && d.people[3].distinct == 0)
    #expect(d.people[4].volume == 0 && d.people[4].blau == nil && d.people[4].eiIndex == nil)
    #expect(d.people[0].iqv == nil)  // K = 1
    let none = DiversityAnalysis(try TrustGraph(net), column: net.people.attributeColumn("absent"))
    #expect(none.assortativity == nil && none.eiIndex == nil && none.volumeBlauSpearman == nil)
    #expect(none.narrow.isEmpty)
  }

  @Test(arguments: 1...5 as ClosedRange<UInt64>)
  func matchesTheReference(seed: UInt64) throws {
    let net = try network(randomNetworkJSON(people: 40, ties: 120, seed: seed))
    for settings in settingVariants.prefix(12) {
      let graph = try TrustGraph(net, settings: settings)
      let reference = ReferenceGraph(net, settings: settings)
      for key in ["team", "site"] {
        let column = net.people.attributeColumn(key)
        let d = DiversityAnalysis(graph, column: column)
        let value = column.codes.map { $0 < 0 ? nil : column.values[Int($0)] }
        for person in 0..<net.people.count {
          let contacts = reference.strong[person]
          var counts: [String: Int] = [:]
          for c in contacts { if let v = value[c] { counts[v, default: 0] += 1 } }
          let n = counts.values.reduce(0, +)
          let row = d.people[person]
          #expect(row.volume == contacts.count)
          #expect(row.missing == contacts.count - n)
          #expect(row.distinct == counts.count)
          if n == 0 {
            #expect(row.blau == nil && row.entropyBits == nil && row.eiIndex == nil)
            continue
          }
          let blau = 1 - counts.values.map { Double($0 * $0) }.reduce(0, +) / Double(n * n)
          #expect(abs((row.blau ?? .nan) - blau) < 1e-12)
          let entropy = -counts.values.map { Double($0) / Double(n) }.map { $0 * log2($0) }.reduce(0, +)
          #expect(abs((row.entropyBits ?? .nan) - entropy) < 1e-12)
          if let own = value[person] {
            let same = counts[own] ?? 0
            #expect(abs((row.eiIndex ?? .nan) - Double(n - 2 * same) / Double(n)) < 1e-12)
          } else {
            #expect(row.eiIndex == nil)
          }
        }
        // Assortativity from the full mixing matrix, as Newman defines it.
        var e: [String: [String: Double]] = [:]
        var total = 0.0
        for u in 0..<net.people.count {
          for v in reference.strong[u] {
            guard let a = value[u], let b = value[v] else { continue }
            e[a, default: [:]][b, default: 0] += 1
            total += 1
          }
        }
        if total > 0 {
          let keys = Array(e.keys)
          let trace = keys.map { (e[$0]?[$0] ?? 0) / total }.reduce(0, +)
          let sumA2 = keys.map { k in pow((e[k]?.values.reduce(0, +) ?? 0) / total, 2) }.reduce(0, +)
          if 1 - sumA2 > 1e-12 {
            #expect(abs((d.assortativity ?? .nan) - (trace - sumA2) / (1 - sumA2)) < 1e-9)
          } else {
            #expect(d.assortativity == nil)
          }
        }
      }
    }
  }

  /// `analyse`'s figures, found without the rows, are the full analysis's.
  @Test(arguments: 1...4 as ClosedRange<UInt64>)
  func theOverviewIsTheAnalysisFigures(seed: UInt64) throws {
    let net = try network(randomNetworkJSON(people: 60, ties: 150, seed: seed))
    for settings in settingVariants.prefix(6) {
      let graph = try TrustGraph(net, settings: settings)
      let columns = ["team", "site"].map { net.people.attributeColumn($0) }
      let full = DiversityAnalysis.analyses(graph, columns: columns).map(DiversityOverview.init)
      #expect(DiversityAnalysis.overviews(graph, columns: columns) == full)
    }
  }

  /// The overview checks its settings as the full query does.
  @Test func theOverviewRefusesWhatTheQueryRefuses() throws {
    let session = try AnalysisSession(
      try network(randomNetworkJSON(people: 20, ties: 40, seed: 3)), settings: StrongTieSettings())
    #expect(throws: TrustQueryError.self) { try DiversityQuery(permutations: -1).overviews(in: session) }
    #expect(throws: TrustQueryError.self) { try DiversityQuery(attributes: ["nope"]).overviews(in: session) }
    #expect(try DiversityQuery(attributes: ["team"]).overviews(in: session).map(\.attribute) == ["team"])
  }

  /// Rows keep a missing figure as nil, and rows equal by their figures.
  @Test func rowsWithoutAFigureAreEqual() {
    let row = PersonDiversity(
      person: 3, volume: 2, blau: nil, iqv: nil, entropyBits: nil, distinct: 0, eiIndex: nil,
      missing: 2)
    let same = PersonDiversity(
      person: 3, volume: 2, blau: nil, iqv: nil, entropyBits: nil, distinct: 0, eiIndex: nil,
      missing: 2)
    #expect(row == same && row.hashValue == same.hashValue)
    #expect(row.blau == nil && row.iqv == nil && row.entropyBits == nil && row.eiIndex == nil)
    let other = PersonDiversity(
      person: 3, volume: 2, blau: 0, iqv: nil, entropyBits: 0, distinct: 1, eiIndex: -1,
      missing: 1)
    #expect(row != other)
    #expect(other.blau == 0 && other.eiIndex == -1 && other.missing == 1 && other.person == 3)
    #expect(MemoryLayout<PersonDiversity>.stride == 48)
  }

  @Test func spearmanWithTies() {
    // Ranks of x: 1, 2.5, 2.5, 4; of y: 1, 2, 3, 4.
    let r = spearmanCorrelation([1, 2, 2, 3], [10, 20, 30, 40])
    let expected = 4.5 / (4.5 * 5).squareRoot()
    #expect(abs((r ?? .nan) - expected) < 1e-12)
    #expect(spearmanCorrelation([1, 1, 1], [1, 2, 3]) == nil)
    #expect(spearmanCorrelation([1], [1]) == nil)
    #expect(averageRanks([3, 1, 3, 2]) == [3.5, 1, 3.5, 2])
  }

  @Test func narrowAndYield() throws {
    // Hub h (red) trusts four reds and one blue: volume 5, Blau 1 - (16 + 1) / 25 = 0.32.
    var people = [#"{"id": "h", "attributes": {"team": "red"}}"#]
    var ties: [String] = []
    for index in 0..<4 {
      people.append(#"{"id": "r\#(index)", "attributes": {"team": "red"}}"#)
      ties.append(#"{"from": "h", "to": "r\#(index)"}"#)
    }
    people.append(#"{"id": "b0", "attributes": {"team": "blue"}}"#)
    ties.append(#"{"from": "h", "to": "b0"}"#)
    ties.append(#"{"from": "r0", "to": "b0"}"#)
    let net = try network(
      #"{"trustmap": 1, "people": [\#(people.joined(separator: ","))], "ties": [\#(ties.joined(separator: ","))]}"#)
    let d = DiversityAnalysis(try TrustGraph(net), column: net.people.attributeColumn("team"))
    // Volumes: h 5, r0 2, r1-r3 1, b0 2. Nearest-rank p75 of [1,1,1,2,2,5] is rank 5: 2.
    // Blaus: h .32, r0 .5 (h red, b0 blue), r1-3 0, b0 0 (h and r0 both red):
    // sorted [0, 0, 0, 0, .32, .5], median 0, so nobody is below it.
    #expect(d.narrowVolumeThreshold == 2)
    #expect(d.medianBlau == 0)
    #expect(d.narrow.isEmpty)
    #expect(d.yield.map(\.people) == [3, 2, 1, 0, 0])
    #expect(d.yield[0].meanBlau == 0)
    #expect(d.yield[1].meanBlau == 0.25)
    #expect(d.yield[2].meanBlau == 0.32)
    #expect(d.yield[3].meanBlau == nil)
  }

  @Test func theOverviewCountsTheNarrow() throws {
    // h (red) trusts r0…r3 (red): volume 4, Blau 0. r0 and r1 also trust b0
    // and b1 (blue), who trust each other. Volumes h 4, r0 r1 b0 b1 2, r2 r3 1:
    // the nearest-rank p75 of [1, 1, 2, 2, 2, 2, 4] is 2. Blaus h r2 r3 0, the
    // rest 0.5: the median is 0.5. Only h has volume ≥ 2 and Blau < 0.5.
    let net = try network(
      """
      {"trustmap": 1, "people": [{"id": "h", "attributes": {"team": "red"}},
        {"id": "r0", "attributes": {"team": "red"}}, {"id": "r1", "attributes": {"team": "red"}},
        {"id": "r2", "attributes": {"team": "red"}}, {"id": "r3", "attributes": {"team": "red"}},
        {"id": "b0", "attributes": {"team": "blue"}}, {"id": "b1", "attributes": {"team": "blue"}}],
       "ties": [{"from": "h", "to": "r0"}, {"from": "h", "to": "r1"}, {"from": "h", "to": "r2"},
        {"from": "h", "to": "r3"}, {"from": "r0", "to": "b0"}, {"from": "r1", "to": "b1"},
        {"from": "b0", "to": "b1"}]}
      """)
    let graph = try TrustGraph(net)
    let column = net.people.attributeColumn("team")
    let d = DiversityAnalysis(graph, column: column)
    #expect(d.narrowVolumeThreshold == 2 && d.medianBlau == 0.5)
    #expect(d.narrow == [0])
    let overview = DiversityAnalysis.overview(graph, column: column)
    #expect(overview.narrowCount == 1)
    #expect(overview == DiversityOverview(d))
  }

  @Test func permutationTestsAreSeededAndBounded() throws {
    let net = try network(randomNetworkJSON(people: 60, ties: 200, seed: 9))
    let graph = try TrustGraph(net)
    let column = net.people.attributeColumn("team")
    let first = DiversityAnalysis(graph, column: column, permutations: 200, seed: 5)
    let again = DiversityAnalysis(graph, column: column, permutations: 200, seed: 5)
    #expect(first == again)
    let test = try #require(first.significance?.eiIndex)
    #expect(test.observed == first.eiIndex)
    #expect(test.pAtLeast > 0 && test.pAtLeast <= 1)
    #expect(test.pAtLeast + test.pAtMost >= 1)
    #expect(abs(test.permutedMean) < 1)
  }
}
