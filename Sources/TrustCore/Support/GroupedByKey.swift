/// Groups `keys` (each in `0..<groupCount`) by key with a counting sort: the
/// positions of group *g* are `order[starts[g]..<starts[g + 1]]`, ascending;
/// only the positions `keep` accepts. `starts` come as `Int32` (half the
/// memory, for lists kept) or as `Int` (for ``CompressedRowsHandle``).
///
/// ```swift
/// let (order, starts) = groupedByKey([1, 0, 1], groupCount: 2)  // [1, 0, 2], [0, 1, 3]
/// let rows = groupedByKey(clusterOf, groupCount: clusters, startsAs: Int.self)
/// ```
///
/// - Complexity: O(*n* + groups).
func groupedByKey<Start: FixedWidthInteger>(
  _ keys: [Int32], groupCount: Int, startsAs _: Start.Type = Int32.self,
  where keep: (Int) -> Bool = { _ in true }
) -> (order: [Int32], starts: [Start]) {
  var starts = [Start](repeating: 0, count: groupCount + 1)
  for (position, key) in keys.enumerated() where keep(position) { starts[Int(key) + 1] += 1 }
  for group in 0..<groupCount { starts[group + 1] += starts[group] }
  var order = [Int32](repeating: 0, count: Int(starts[groupCount]))
  var fill = starts
  for (position, key) in keys.enumerated() where keep(position) {
    order[Int(fill[Int(key)])] = Int32(truncatingIfNeeded: position)
    fill[Int(key)] += 1
  }
  return (order, starts)
}
