/// Spearman's rank correlation with average ranks for ties; `nil` with fewer
/// than two pairs or a constant column.
///
/// ```swift
/// spearmanCorrelation([1, 2, 3], [10, 30, 20])  // 0.5
/// ```
///
/// - Complexity: O(*n* log *n*).
func spearmanCorrelation(_ x: [Double], _ y: [Double]) -> Double? {
  guard x.count >= 2, x.count == y.count else { return nil }
  let rx = averageRanks(x)
  let ry = averageRanks(y)
  let n = Double(x.count)
  let meanX = rx.reduce(0, +) / n
  let meanY = ry.reduce(0, +) / n
  var covariance = 0.0
  var varianceX = 0.0
  var varianceY = 0.0
  for index in rx.indices {
    let dx = rx[index] - meanX
    let dy = ry[index] - meanY
    covariance += dx * dy
    varianceX += dx * dx
    varianceY += dy * dy
  }
  guard varianceX > 0, varianceY > 0 else { return nil }
  return covariance / (varianceX * varianceY).squareRoot()
}

/// Ranks from 1, tied values sharing the average of their ranks.
///
/// ```swift
/// averageRanks([3, 1, 3, 2])  // [3.5, 1, 3.5, 2]
/// ```
///
/// - Complexity: O(*n* log *n*).
func averageRanks(_ values: [Double]) -> [Double] {
  let order = values.indices.sorted { values[$0] < values[$1] }
  var ranks = [Double](repeating: 0, count: values.count)
  var start = 0
  while start < order.count {
    var end = start
    while end + 1 < order.count && values[order[end + 1]] == values[order[start]] { end += 1 }
    let rank = Double(start + end) / 2 + 1
    for position in start...end { ranks[order[position]] = rank }
    start = end + 1
  }
  return ranks
}
