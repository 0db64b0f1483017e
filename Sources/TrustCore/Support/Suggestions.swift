/// The edit distance between two strings, ignoring case: insertions,
/// deletions, substitutions and swaps of neighbouring characters (optimal
/// string alignment), for "did you mean" hints.
///
/// ```swift
/// editDistance("pepole", "people")  // 2
/// ```
///
/// - Complexity: O(*a* × *b*) time and O(*b*) memory for strings of *a* and *b* characters.
func editDistance(_ left: String, _ right: String) -> Int {
  let source = Array(left.lowercased())
  let target = Array(right.lowercased())
  if source.isEmpty { return target.count }
  if target.isEmpty { return source.count }
  var beforePrevious = [Int](repeating: 0, count: target.count + 1)
  var previous = Array(0...target.count)
  var current = [Int](repeating: 0, count: target.count + 1)
  for row in 1...source.count {
    current[0] = row
    for column in 1...target.count {
      let cost = source[row - 1] == target[column - 1] ? 0 : 1
      var best = min(previous[column - 1] + cost, previous[column] + 1, current[column - 1] + 1)
      if row > 1 && column > 1 && source[row - 1] == target[column - 2]
        && source[row - 2] == target[column - 1]
      {
        best = min(best, beforePrevious[column - 2] + 1)
      }
      current[column] = best
    }
    (beforePrevious, previous, current) = (previous, current, beforePrevious)
  }
  return previous[target.count]
}

/// Whether `candidate` looks like a misspelling of `intended`: equal ignoring
/// case, or within an edit distance of about a third of its length (at least 1, at most 3).
func isLikelyMisspelling(_ candidate: String, of intended: String) -> Bool {
  if candidate == intended { return false }
  let allowed = min(3, max(1, intended.count / 3))
  return editDistance(candidate, intended) <= allowed
}

/// The closest of `candidates` to `text`, if any is a likely misspelling of it;
/// the earliest wins a tie.
///
/// - Complexity: O(*c* × *k*²) for *c* candidates of about *k* characters.
func closestCandidate<Candidates: Sequence<String>>(to text: String, among candidates: Candidates)
  -> String?
{
  var best: String?
  var bestDistance = Int.max
  let allowed = min(3, max(1, text.count / 3))
  for candidate in candidates where candidate != text {
    if abs(candidate.count - text.count) > allowed { continue }
    let distance = editDistance(text, candidate)
    if distance <= allowed && distance < bestDistance {
      best = candidate
      bestDistance = distance
    }
  }
  return best
}
