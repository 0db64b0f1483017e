/// The `count` indices in `0 ..< total` with the largest `key`, largest first,
/// equal keys in index order; indices whose key is `nil` are left out. What a
/// sort of every index by key then `prefix(count)` gives, without the sort.
///
/// ```swift
/// topRanked(3, of: 5) { [2.0, nil, 7.0, 2.0, 1.0][$0] }  // [2, 0, 3]
/// ```
///
/// - Complexity: O(*n* × `count`) in the worst case, O(*n*) when few
///   indices enter the top (the usual case): for the short lists reports show.
package func topRanked(_ count: Int, of total: Int, by key: (Int) -> Double?) -> [Int] {
  guard count > 0 else { return [] }
  var top: [(index: Int, key: Double)] = []
  top.reserveCapacity(count + 1)
  for index in 0..<total {
    guard let value = key(index) else { continue }
    // Later indices rank after earlier ones on a tie: enter only above.
    if top.count == count, let last = top.last, !(value > last.key) { continue }
    var position = top.count
    while position > 0 && value > top[position - 1].key { position -= 1 }
    top.insert((index, value), at: position)
    if top.count > count { top.removeLast() }
  }
  return top.map(\.index)
}
