import Testing

@testable import TrustCore

/// The optimal string alignment distance, ignoring ASCII case, computed in
/// full: the reference the banded, pruned version must agree with.
func referenceDistance(_ left: String, _ right: String) -> Int {
  let a = Array(left.lowercased().unicodeScalars)
  let b = Array(right.lowercased().unicodeScalars)
  var d = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
  for i in 0...a.count { d[i][0] = i }
  for j in 0...b.count { d[0][j] = j }
  if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
  for i in 1...a.count {
    for j in 1...b.count {
      let cost = a[i - 1] == b[j - 1] ? 0 : 1
      d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
      if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
        d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
      }
    }
  }
  return d[a.count][b.count]
}

@Suite("Did you mean: one rule for every name")
struct SuggestionTests {
  @Test func handCheckedDistances() {
    #expect(editDistance("pepole", "people") == 1)  // one swap of neighbours
    #expect(editDistance("kitten", "sitting") == 3)
    #expect(editDistance("", "abc") == 3)
    #expect(editDistance("ANA", "ana") == 0)
    #expect(editDistance("cmp", "cpm") == 1)
    #expect(editDistance("héllo", "hello") == 1)
  }

  /// Random short words over a small alphabet, so near misses are common.
  func words(_ random: inout SeededRandom, count: Int) -> [String] {
    let letters = Array("abcAB-é")
    return (0..<count).map { _ in
      String((0..<random.below(7)).map { _ in letters[random.below(letters.count)] })
    }
  }

  @Test(arguments: 1...6)
  func bandedDistanceMatchesTheReference(seed: Int) {
    var random = SeededRandom(seed: UInt64(seed))
    let list = words(&random, count: 60)
    for left in list.prefix(20) {
      let matcher = SuggestionMatcher(left)
      for right in list {
        let exact = referenceDistance(left, right)
        #expect(editDistance(left, right) == exact, "\(left) \(right)")
        for limit in 0...4 {
          let bounded = matcher.distance(to: SuggestionMatcher.folded(right), limit: limit)
          #expect(bounded == (exact <= limit ? exact : nil), "\(left) \(right) \(limit)")
        }
      }
    }
  }

  @Test(arguments: 1...6)
  func nearestIsTheEarliestAtTheSmallestDistance(seed: Int) {
    var random = SeededRandom(seed: UInt64(seed) &* 31)
    let candidates = words(&random, count: 80)
    for text in words(&random, count: 30) {
      let others = candidates.filter { $0 != text }
      let best = others.map { referenceDistance(text, $0) }.min()
      let expected = best.flatMap { best in others.first { referenceDistance(text, $0) == best } }
      #expect(nearestCandidate(to: text, among: candidates) == expected, "\(text)")
      let allowed = min(3, max(1, text.unicodeScalars.count / 3))
      let close = best.flatMap { $0 <= allowed ? expected : nil }
      #expect(closestCandidate(to: text, among: candidates) == close, "\(text)")
    }
  }

  @Test func namesNeedALikelyMisspellingIdsDoNot() {
    #expect(closestCandidate(to: "--formt", among: ["--format", "--strong"]) == "--format")
    #expect(closestCandidate(to: "xyz", among: ["--format"]) == nil)
    #expect(nearestCandidate(to: "xyz", among: ["--format", "ana"]) == "ana")
    #expect(nearestCandidate(to: "ana", among: ["ana"]) == nil)  // itself is no suggestion
    #expect(nearestCandidate(to: "x", among: [String]()) == nil)
  }

  @Test func aLongTypoAmongManyIdsIsCheap() {
    // Only the first 64 characters are compared, and the length and
    // shared-character bounds skip almost every candidate after the first:
    // this would be 10^5 full 2,000 × 8 alignments otherwise.
    let ids = (0..<100_000).map { "p\($0)" }
    let typo = "p7" + String(repeating: "q", count: 2_000)
    #expect(nearestCandidate(to: typo, among: ids) == "p7")
    // Digits an id shares defeat the shared-character bound; the compared
    // length still keeps each candidate to at most 64 × 7 cells.
    let digits = String(repeating: "p0123456789", count: 200)
    // The first id whose six characters appear in order in the first 64.
    #expect(nearestCandidate(to: digits, among: ids) == "p10000")
  }

  @Test func onlyTheComparedLengthCounts() {
    let long = String(repeating: "a", count: SuggestionMatcher.comparedLength)
    // Past the compared length, candidates tie (in full, the second is
    // nearer): the earliest wins.
    #expect(nearestCandidate(to: long + "xx", among: ["b", long + "yy", long + "xx!"]) == long + "yy")
    // Within it, the nearest wins as always.
    #expect(nearestCandidate(to: "ab" + long, among: [long, "ab" + long + "c"]) == "ab" + long + "c")
    // Names keep their full length.
    #expect(editDistance(long + "xyz", long) == 3)
  }

  @Test func anUnknownPersonAmongAHundredThousandNamesTheClosest() throws {
    var text = ""
    NetworkGenerator(people: 100_000, ties: 0, seed: 3).write { text += $0 }
    let session = try AnalysisSession(try TrustNetwork(jsonString: text), settings: StrongTieSettings())
    func closest(_ id: String) -> String? {
      do {
        _ = try session.person(id)
        return nil
      } catch {
        return error.closestMatch
      }
    }
    #expect(closest(String(repeating: "x", count: 2_000)) == "p0")
    #expect(closest("p4242" + String(repeating: "z", count: 1_995)) == "p4242")
    #expect(closest("P99999x") == "p99999")
    #expect(closest("p1234S") == "p1234")  // one edit from p12345 too: the earlier wins
    #expect(closest("p2143") == nil)  // an id that exists is found, not suggested
  }
}
