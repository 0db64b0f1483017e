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
  let matcher = SuggestionMatcher(left, comparing: .max)
  return matcher.distance(to: SuggestionMatcher.folded(right), limit: Int.max) ?? Int.max
}

/// Whether `candidate` looks like a misspelling of `intended`: equal ignoring
/// case, or within the allowed distance (a third of its length, at least 1,
/// at most 3).
func isLikelyMisspelling(_ candidate: String, of intended: String) -> Bool {
  if candidate == intended { return false }
  let allowed = SuggestionMatcher.allowedDistance(forLength: intended.unicodeScalars.count)
  return SuggestionMatcher(intended, comparing: .max).distance(
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
/// Only the first ``SuggestionMatcher/comparedLength`` characters of `text`
/// and of each candidate are compared, so a pasted paragraph costs what a
/// long id does; ids that differ only after them tie, and the earliest wins.
///
/// - Complexity: O(*c*) with a constant bounded by the compared length, for
///   *c* candidates, whatever the length of `text`: a candidate whose
///   length, or whose character counts, already put it no nearer than the
///   best so far is skipped without a distance, and the distance of the rest
///   is only computed inside the band that could beat it, in rows allocated
///   once.
package func nearestCandidate<Candidates: Sequence<String>>(
  to text: String, among candidates: Candidates
)
  -> String?
{
  SuggestionMatcher(text).nearest(among: candidates, limit: Int.max)
}

/// One text to compare candidates with: its folded scalars and their counts.
struct SuggestionMatcher {
  /// How many characters of the text and of each candidate are compared
  /// when looking for the nearest: ids are far shorter, and it bounds the
  /// work per candidate whatever was typed (or pasted).
  static let comparedLength = 64

  /// The text as given.
  let text: String
  /// The text's first `compared` Unicode scalars, ASCII letters lowered.
  let target: [UInt32]
  /// How many scalars of each candidate are compared.
  let compared: Int
  /// How many of the target's scalars fall in each of 256 buckets (by the
  /// low byte), for a bound on the distance that needs no alignment.
  private let histogram: [Int32]

  var length: Int { target.count }

  /// A matcher comparing the first `compared` characters of `text` and of candidates.
  init(_ text: String, comparing compared: Int = SuggestionMatcher.comparedLength) {
    self.text = text
    self.compared = compared
    var target: [UInt32] = []
    Self.fold(text, into: &target, limit: compared)
    self.target = target
    var histogram = [Int32](repeating: 0, count: 256)
    for scalar in target { histogram[Int(scalar & 0xFF)] += 1 }
    self.histogram = histogram
  }

  /// A third of `length`, at least 1 and at most 3.
  static func allowedDistance(forLength length: Int) -> Int { min(3, max(1, length / 3)) }

  /// `text`'s scalars with ASCII letters lowered.
  static func folded(_ text: String) -> [UInt32] {
    var scalars: [UInt32] = []
    fold(text, into: &scalars, limit: .max)
    return scalars
  }

  /// The first `limit` of `text`'s scalars, ASCII letters lowered, into
  /// `buffer` (emptied first, its storage kept: no allocation per candidate).
  static func fold(_ text: String, into buffer: inout [UInt32], limit: Int) {
    buffer.removeAll(keepingCapacity: true)
    for scalar in text.unicodeScalars {
      if buffer.count == limit { break }
      let value = scalar.value
      buffer.append(value >= 0x41 && value <= 0x5A ? value + 0x20 : value)
    }
  }

  /// `cells` as `count` copies of `value`, its storage kept when large enough.
  private static func reset(_ cells: inout [Int], count: Int, to value: Int) {
    if cells.count < count {
      cells = [Int](repeating: value, count: count)
    } else {
      for index in 0..<count { cells[index] = value }
    }
  }

  /// Three rows of the distance's table, reused from one candidate to the next.
  struct Rows {
    var beforePrevious: [Int] = []
    var previous: [Int] = []
    var current: [Int] = []
  }

  /// The earliest candidate at the smallest distance no more than `limit`.
  func nearest<Candidates: Sequence<String>>(among candidates: Candidates, limit: Int) -> String? {
    var best: String?
    var bestDistance = limit == Int.max ? Int.max : limit + 1
    var counts = [Int32](repeating: 0, count: 256)
    var scalars: [UInt32] = []
    var rows = Rows()
    for candidate in candidates where candidate != text {
      Self.fold(candidate, into: &scalars, limit: compared)
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
      if let distance = distance(to: scalars, limit: bestDistance - 1, rows: &rows) {
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
    var rows = Rows()
    return distance(to: other, limit: limit, rows: &rows)
  }

  /// ``distance(to:limit:)`` in `rows`, grown as needed and kept for the next call.
  func distance(to other: [UInt32], limit: Int, rows: inout Rows) -> Int? {
    let source = target
    let a = source.count
    let b = other.count
    if abs(a - b) > limit { return nil }
    if a == 0 { return b }
    if b == 0 { return a }
    let band = limit >= max(a, b) ? max(a, b) : limit
    let unreachable = Int.max / 2
    // Cells outside the band are read as unreachable, so the rows start so;
    // their storage comes from `rows`, so a million candidates allocate
    // three rows, not three million.
    var beforePrevious = rows.beforePrevious
    var previous = rows.previous
    var current = rows.current
    rows = Rows()
    defer { rows = Rows(beforePrevious: beforePrevious, previous: previous, current: current) }
    Self.reset(&beforePrevious, count: b + 1, to: unreachable)
    Self.reset(&previous, count: b + 1, to: unreachable)
    Self.reset(&current, count: b + 1, to: unreachable)
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
