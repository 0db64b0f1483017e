/// The edit distance between two strings (insertions, deletions and
/// substitutions of characters), for "did you mean" hints.
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
  var previous = Array(0...target.count)
  var current = [Int](repeating: 0, count: target.count + 1)
  for (row, character) in source.enumerated() {
    current[0] = row + 1
    for column in 1...target.count {
      let substitution = previous[column - 1] + (character == target[column - 1] ? 0 : 1)
      current[column] = min(substitution, previous[column] + 1, current[column - 1] + 1)
    }
    swap(&previous, &current)
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
func closestMatch<Candidates: Sequence<String>>(to text: String, among candidates: Candidates)
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
