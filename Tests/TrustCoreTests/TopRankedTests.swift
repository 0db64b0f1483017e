import Testing

@testable import TrustCore

@Suite("The top of a ranking, without a sort")
struct TopRankedTests {
  @Test func theExampleRanks() {
    let keys: [Double?] = [2, nil, 7, 2, 1]
    #expect(topRanked(3, of: 5) { keys[$0] } == [2, 0, 3])
    #expect(topRanked(0, of: 5) { keys[$0] } == [])
    #expect(topRanked(9, of: 5) { keys[$0] } == [2, 0, 3, 4])
    #expect(topRanked(2, of: 0) { _ in 1 } == [])
  }

  /// Against a stable sort of every index, on keys with many ties.
  @Test(arguments: 1...20 as ClosedRange<UInt64>)
  func matchesASortedPrefix(seed: UInt64) {
    var random = SeededRandom(seed: seed)
    let total = Int(random.next() % 300)
    let keys: [Double?] = (0..<total).map { _ in
      random.next() % 5 == 0 ? nil : Double(random.next() % 12) / 4
    }
    let defined: [(index: Int, key: Double)] = (0..<total).compactMap { index in
      keys[index].map { (index, $0) }
    }
    let sorted = defined.sorted { a, b in
      a.key != b.key ? a.key > b.key : a.index < b.index
    }.map(\.index)
    for count in [1, 5, 10, total + 1] {
      #expect(topRanked(count, of: total) { keys[$0] } == Array(sorted.prefix(count)))
    }
  }
}
