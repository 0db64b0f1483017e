/// "Did you mean" for every name a user can mistype, in one place: option
/// and command names, keys in a file, attributes, contexts, sections
/// (``closestCandidate(to:among:)``, only a likely misspelling), and the ids
/// of people and communities (``nearestCandidate(to:among:)``, always the
/// nearest, as an unknown id must name the closest one).
///
/// Both compare ignoring ASCII case, by the optimal string alignment
/// distance: insertions, deletions, substitutions and swaps of neighbouring
/// characters, each costing 1 (`pepole` is 1 from `people`).

/// The edit distance between two strings, ignoring ASCII case.
///
/// ```swift
/// editDistance("pepole", "people")  // 1
/// ```
///
/// - Complexity: O(*a* × *b*) for strings of *a* and *b* Unicode scalars.
func editDistance(_ left: String, _ right: String) -> Int {
  let matcher = SuggestionMatcher(left)
  return matcher.distance(to: SuggestionMatcher.folded(right), limit: Int.max) ?? Int.max
}

/// Whether `candidate` looks like a misspelling of `intended`: equal ignoring
/// case, or within the allowed distance (a third of its length, at least 1,
/// at most 3).
func isLikelyMisspelling(_ candidate: String, of intended: String) -> Bool {
  if candidate == intended { return false }
  let allowed = SuggestionMatcher.allowedDistance(forLength: intended.unicodeScalars.count)
  return SuggestionMatcher(intended).distance(
    to: SuggestionMatcher.folded(candidate), limit: allowed) != nil
}

/// The closest of `candidates` to `text` if it is a likely misspelling of it
/// (within a third of its length, at least 1 and at most 3 edits); the
/// earliest wins a tie. For names, where a far suggestion is noise.
///
/// ```swift
/// closestCandidate(to: "--formt", among: ["--format", "--strong"])  // "--format"
/// closestCandidate(to: "xyz", among: ["--format"])                  // nil
/// ```
///
/// - Complexity: O(*c* × *k*) for *c* candidates of about *k* characters
///   (the distance is only computed inside the allowed band).
package func closestCandidate<Candidates: Sequence<String>>(
  to text: String, among candidates: Candidates
)
  -> String?
{
  let matcher = SuggestionMatcher(text)
  let allowed = SuggestionMatcher.allowedDistance(forLength: matcher.length)
  return matcher.nearest(among: candidates, limit: allowed)
}

/// The nearest of `candidates` to `text`, however far; the earliest wins a
/// tie; `nil` only when there are no candidates (or `text` is among them).
/// For ids, where the user needs to see which ids exist.
///
/// ```swift
/// nearestCandidate(to: "abc", among: ["ana", "bo"])  // "ana"
/// ```
///
/// - Complexity: O(*c* × *k*) for *c* candidates of about *k* characters in
///   practice: a candidate whose length, or whose character counts, already
///   put it no nearer than the best so far is skipped without a distance,
///   and the distance of the rest is only computed inside the band that
///   could beat it (a 2,000-character typo among a million short ids costs
///   one full distance, not a million).
package func nearestCandidate<Candidates: Sequence<String>>(
  to text: String, among candidates: Candidates
)
  -> String?
{
  SuggestionMatcher(text).nearest(among: candidates, limit: Int.max)
}

/// One text to compare candidates with: its folded scalars and their counts.
struct SuggestionMatcher {
  /// The text as given.
  let text: String
  /// The text's Unicode scalars, ASCII letters lowered.
  let target: [UInt32]
  /// How many of the target's scalars fall in each of 256 buckets (by the
  /// low byte), for a bound on the distance that needs no alignment.
  private let histogram: [Int32]

  var length: Int { target.count }

  init(_ text: String) {
    self.text = text
    target = Self.folded(text)
    var histogram = [Int32](repeating: 0, count: 256)
    for scalar in target { histogram[Int(scalar & 0xFF)] += 1 }
    self.histogram = histogram
  }

  /// A third of `length`, at least 1 and at most 3.
  static func allowedDistance(forLength length: Int) -> Int { min(3, max(1, length / 3)) }

  /// `text`'s scalars with ASCII letters lowered.
  static func folded(_ text: String) -> [UInt32] {
    text.unicodeScalars.map { scalar in
      let value = scalar.value
      return value >= 0x41 && value <= 0x5A ? value + 0x20 : value
    }
  }

  /// The earliest candidate at the smallest distance no more than `limit`.
  func nearest<Candidates: Sequence<String>>(among candidates: Candidates, limit: Int) -> String? {
    var best: String?
    var bestDistance = limit == Int.max ? Int.max : limit + 1
    var counts = [Int32](repeating: 0, count: 256)
    for candidate in candidates where candidate != text {
      let scalars = Self.folded(candidate)
      if abs(scalars.count - target.count) >= bestDistance { continue }
      // Every edit fixes at most one character without a partner on the
      // longer side, so the distance is at least max(a, b) − the characters
      // the two share (counted by bucket, which only shares more).
      var shared = 0
      for scalar in scalars {
        let bucket = Int(scalar & 0xFF)
        if counts[bucket] < histogram[bucket] { shared += 1 }
        counts[bucket] += 1
      }
      for scalar in scalars { counts[Int(scalar & 0xFF)] = 0 }
      if max(scalars.count, target.count) - shared >= bestDistance { continue }
      if let distance = distance(to: scalars, limit: bestDistance - 1) {
        best = candidate
        bestDistance = distance
        if distance == 0 { break }  // equal but for case: nothing is nearer
      }
    }
    return best
  }

  /// The optimal string alignment distance to `other`, or `nil` when it is
  /// more than `limit`; only cells within `limit` of the diagonal are filled
  /// (a cell further off needs more than `limit` edits), and the rows stop
  /// once every cell of one is over `limit` (no later cell can be smaller).
  ///
  /// - Complexity: O(min(*a*, *b*) × (2 × `limit` + 1)) time, O(*b*) memory.
  func distance(to other: [UInt32], limit: Int) -> Int? {
    let source = target
    let a = source.count
    let b = other.count
    if abs(a - b) > limit { return nil }
    if a == 0 { return b }
    if b == 0 { return a }
    let band = limit >= max(a, b) ? max(a, b) : limit
    let unreachable = Int.max / 2
    var beforePrevious = [Int](repeating: unreachable, count: b + 1)
    var previous = [Int](repeating: unreachable, count: b + 1)
    var current = [Int](repeating: unreachable, count: b + 1)
    for column in 0...min(b, band) { previous[column] = column }
    for row in 1...a {
      let low = max(1, row - band)
      let high = min(b, row + band)
      if low > high { return nil }
      current[low - 1] = low == 1 ? row : unreachable
      var rowMinimum = current[low - 1]
      for column in low...high {
        let cost = source[row - 1] == other[column - 1] ? 0 : 1
        var value = min(previous[column - 1] + cost, previous[column] + 1, current[column - 1] + 1)
        if row > 1 && column > 1 && source[row - 1] == other[column - 2]
          && source[row - 2] == other[column - 1]
        {
          value = min(value, beforePrevious[column - 2] + 1)
        }
        current[column] = value
        rowMinimum = min(rowMinimum, value)
      }
      if high < b { current[high + 1] = unreachable }
      if rowMinimum > limit { return nil }
      // Later rows read this one only inside the band, one cell either
      // side of it, both written above.
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    let result = previous[b]
    return result <= limit ? result : nil
  }
}
